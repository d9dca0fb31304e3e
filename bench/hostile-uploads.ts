// Hostile uploads against the real server (a child process on 127.0.0.1, demo data, fresh data dir):
// for each upload the time to the answer, the growth of the server's resident memory (peak during the
// upload minus the level before it) and the longest answer of /api/health polled every 20 ms meanwhile.
// A plain upload of a normal file is the baseline of the same run. Prints figures only.
// Run: npm run bench:hostile [-- --root <checkout of another commit to measure>]
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { GOOD, zipOfPackage } from '../tests/helpers/data-package.js';
import { csvBombPackage, docxBomb, manyRowsWorkbook } from '../tests/helpers/hostile-files.js';
import {
  deepNestingPdf,
  flateBombPdf,
  manyTextItemsPdf,
  threeHundredPagesPdf,
} from '../tests/helpers/hostile-pdfs.js';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { root: { type: 'string', default: here } } });
const root = path.resolve(values.root ?? here);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

const rssMb = (pid: number) => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0; // the process is gone
  }
};

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(path.join(tmpdir(), 'opora-hostile-'));
// The embedded database: the figures do not depend on a PostgreSQL server's state.
const { DATABASE_URL: _unused, ...env } = process.env;
let server: ChildProcess | null = null;
let pid = 0;

/** tsx runs the server in a child of its own: the process whose memory counts is that child. */
function serverPid(parent: number): number {
  try {
    const children = readFileSync(`/proc/${parent}/task/${parent}/children`, 'utf8').trim().split(/\s+/);
    return Number(children[0]) || parent;
  } catch {
    return parent;
  }
}

const alive = () => server !== null && server.exitCode === null && server.signalCode === null;

/** Starts the server (again, after a crash: the data dir keeps the demo data) and waits for it. */
async function startServer(): Promise<void> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'src/server.ts')],
    {
      cwd: root,
      env: { ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: 'true' },
      stdio: ['ignore', 'ignore', 'ignore'],
    },
  );
  server = child;
  for (;;) {
    if (!alive()) throw new Error('the server exited while starting');
    // Ready, not just healthy: the demo loads after the server starts listening (ADR 0010).
    const ok = await fetch(`${base}/api/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  pid = serverPid(child.pid ?? 0);
  console.log(`server of ${root} up in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

try {
  await startServer();
  const cookies = { region: '', admin: '' };
  const login = async (name: string) => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ login: name, password: 'demo' }),
    });
    const cookie = res.headers.get('set-cookie')?.split(';')[0];
    if (!cookie) throw new Error(`login ${name}: ${res.status}`);
    return cookie;
  };
  const logIn = async () => {
    cookies.region = await login('region');
    cookies.admin = await login('admin');
  };
  await logIn();

  const post = async (cookie: string, url: string, file: Buffer, name: string) => {
    const body = new FormData();
    body.append('file', new File([new Uint8Array(file)], name));
    const res = await fetch(`${base}${url}`, {
      method: 'POST',
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
      body,
    }).catch(() => null);
    if (!res) return alive() ? 'no answer' : 'server died';
    const text = await res.text();
    const code = /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? '';
    return `${res.status} ${code}`.trim();
  };

  /** Runs the uploads while /api/health is polled every 20 ms and the server's RSS sampled. */
  const measure = async (label: string, uploads: ((c: typeof cookies) => Promise<string>)[]) => {
    if (!alive()) {
      await startServer();
      await logIn();
    }
    await new Promise((r) => setTimeout(r, 500));
    const before = rssMb(pid);
    let peak = before;
    let maxHealth = 0;
    let done = false;
    const poll = (async () => {
      while (!done) {
        const s = performance.now();
        const ok = await fetch(`${base}/api/health`).then(
          (r) => r.arrayBuffer().then(() => true),
          () => false,
        );
        if (!ok && !alive()) break;
        maxHealth = Math.max(maxHealth, performance.now() - s);
        peak = Math.max(peak, alive() ? rssMb(pid) : peak);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const s = performance.now();
    const statuses = await Promise.all(uploads.map((u) => u(cookies)));
    const ms = performance.now() - s;
    done = true;
    await poll;
    console.log(
      `${label.padEnd(48)} ${statuses.join(', ').padEnd(28)} ${(ms / 1000).toFixed(2).padStart(7)} s ` +
        `${`+${(peak - before).toFixed(0)} MB`.padStart(9)} ${maxHealth.toFixed(0).padStart(6)} ms`,
    );
  };

  const seed = readFileSync(path.join(here, 'seeds/penza-district-2022-2023.txt'));
  const book3 = manyRowsWorkbook(3, 77_000);
  const book1 = manyRowsWorkbook(1, 40_000);
  const docx = docxBomb(1024);
  const csvLying = csvBombPackage(1.1);
  const csvHonest = csvBombPackage(0.99, Math.ceil(0.99 * 1024 ** 3));
  const pkg = zipOfPackage(GOOD);
  const roadmap = (f: Buffer, n: string) => (c: typeof cookies) =>
    post(c.region, '/api/roadmap-imports/parse', f, n);
  const mb = (b: Buffer) => `${(b.length / 1024 / 1024).toFixed(1)} MB`;

  console.log(
    `${'upload'.padEnd(48)} ${'answer'.padEnd(28)} ${'time'.padStart(9)} ${'RSS'.padStart(9)} ${'health max'.padStart(6)}`,
  );
  await measure('baseline: roadmap .txt (seed), parse', [roadmap(seed, 'plan.txt')]);
  await measure('baseline: data package ZIP (3 schools), dry run', [
    (c: typeof cookies) => post(c.region, '/api/assessment-data/import?dryRun=true', pkg, 'данные.zip'),
  ]);
  await measure(`roadmap: xlsx 3×77 000 rows (${mb(book3)})`, [roadmap(book3, 'plan.xlsx')]);
  await measure(
    'roadmap: the same xlsx, three at once',
    [1, 2, 3].map(() => roadmap(book3, 'plan.xlsx')),
  );
  await measure(`roadmap: docx bomb, 1 GiB declared 1 KB (${mb(docx)})`, [roadmap(docx, 'plan.docx')]);
  const seedPdf = readFileSync(path.join(here, 'tests/fixtures/roadmaps/seeds/penza-district-2022-2023.pdf'));
  await measure('baseline: roadmap .pdf (seed printed), parse', [roadmap(seedPdf, 'plan.pdf')]);
  const pdfBomb = flateBombPdf();
  await measure(`roadmap: pdf, 200 MB stream packed (${mb(pdfBomb)})`, [roadmap(pdfBomb, 'plan.pdf')]);
  await measure('roadmap: pdf, 250 000 text pieces', [roadmap(manyTextItemsPdf(), 'plan.pdf')]);
  await measure('roadmap: pdf, 300 pages', [roadmap(threeHundredPagesPdf(), 'plan.pdf')]);
  await measure('roadmap: pdf, arrays nested 100 000 deep', [roadmap(deepNestingPdf(), 'plan.pdf')]);
  await measure(`schools: xlsx 40 000 rows (${mb(book1)})`, [
    (c: typeof cookies) => post(c.admin, '/api/org-units/import?dryRun=true', book1, 'школы.xlsx'),
  ]);
  await measure(`data: results.csv 1.1 GiB declared 100 B (${mb(csvLying)})`, [
    (c: typeof cookies) => post(c.region, '/api/assessment-data/import?dryRun=true', csvLying, 'данные.zip'),
  ]);
  await measure(`data: results.csv 0.99 GiB, true sizes (${mb(csvHonest)})`, [
    (c: typeof cookies) => post(c.region, '/api/assessment-data/import?dryRun=true', csvHonest, 'данные.zip'),
  ]);
} finally {
  const s = server as ChildProcess | null;
  if (s && alive()) {
    s.kill('SIGTERM');
    await new Promise((r) => s.once('exit', r));
  }
  rmSync(dataDir, { recursive: true, force: true });
}
