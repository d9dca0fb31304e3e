// `npm start`: runs the server. The UI is built by `npm install` (the `prepare` script); it is rebuilt
// here, with a progress line, only when dist/web is missing or older than its sources (see
// docs/decisions/0009-start.md).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildWeb, root, staleReason } from './build-web.mjs';

const started = Date.now();
const reason = staleReason();
if (reason) {
  console.log(`Внимание: ${reason} — собираю перед запуском (для разработки интерфейса есть npm run dev).`);
  const code = await buildWeb();
  if (code !== 0) process.exit(code);
}

const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
const child = spawn(process.execPath, [tsx, path.join(root, 'src/server.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, OPORA_START_MS: String(started) },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
