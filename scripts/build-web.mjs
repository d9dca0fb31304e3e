// Builds the web UI into dist/web with a progress line: run by `npm install` (the `prepare` script) and,
// when the build is missing or older than its sources, by `npm start`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist/web/index.html');
// The UI imports the API's types and shared schemas from src/modules.
const sources = ['src/web', 'src/modules', 'vite.config.ts', 'package.json'].map((p) => path.join(root, p));

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Why the UI needs a build, or null when dist/web is newer than every source. */
export function staleReason() {
  if (!fs.existsSync(built)) return 'веб-интерфейс ещё не собран';
  return Math.max(...sources.map(newestMtime)) > fs.statSync(built).mtimeMs
    ? 'исходники веб-интерфейса новее сборки'
    : null;
}

const seconds = (ms) => (ms / 1000).toFixed(1).replace('.', ',');

/** Runs `npm run build:web`, printing a line every few seconds; resolves to the exit code. */
export function buildWeb() {
  const started = Date.now();
  console.log('Сборка веб-интерфейса (dist/web)…');
  const tick = setInterval(() => console.log(`  сборка идёт: ${seconds(Date.now() - started)} с`), 3000);
  // Through the `build:web` script: whatever the build adds to `vite build` (compression, the
  // bundle report) happens on this path too.
  const child = spawn('npm', ['run', '--silent', 'build:web'], { cwd: root, stdio: 'inherit' });
  return new Promise((resolve) => {
    let finished = false;
    const done = (code) => {
      if (finished) return;
      finished = true;
      clearInterval(tick);
      if (code === 0) console.log(`Веб-интерфейс собран за ${seconds(Date.now() - started)} с`);
      else
        console.error(
          'Не удалось собрать веб-интерфейс (причина выше). Исправьте её и повторите `npm run build:web`; ' +
            'без сборки сервер отдаёт только API.',
        );
      resolve(code ?? 1);
    };
    child.on('error', (e) => {
      console.error(`Не удалось запустить сборку (npm run build:web): ${e.message}`);
      done(1);
    });
    child.on('exit', done);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await buildWeb();
}
