// `npm test`: domain and API tests (Vitest), then browser user stories (Playwright + Chromium).
// Without Chromium on a developer machine the browser tier is skipped with a loud notice; in CI
// (CI=true) a missing browser is a failure, never a silent skip.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (script, args) =>
  spawnSync(process.execPath, [path.join(root, script), ...args], { cwd: root, stdio: 'inherit' }).status ??
  1;

const unit = run('node_modules/vitest/vitest.mjs', ['run']);
if (unit !== 0) process.exit(unit);

if (!fs.existsSync('/usr/bin/chromium')) {
  const msg = 'Браузерные тесты НЕ выполнены: нет /usr/bin/chromium (установите: apt-get install chromium).';
  if (process.env.CI) {
    console.error(msg);
    process.exit(1);
  }
  console.warn(`\n*** ${msg} ***\n`);
  process.exit(0);
}
process.exit(run('node_modules/@playwright/test/cli.js', ['test']));
