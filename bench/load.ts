// Load bench: the real server in a child process, driven with autocannon on loopback, next to a plain
// Hono route measured in the same run. Prints figures only, never asserts.
// Run: npm run bench:load [-- --duration 15 --connections 100 --profile]
// With DATABASE_URL set it runs on the embedded database and then on a fresh PostgreSQL database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type Request } from 'autocannon';
import { printSummary, summarise } from './cpuprofile-summary.js';
import { startBaseline } from './load-baseline.js';
import { login, makeStore, type Server, startServer } from './load-server.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '12' },
    connections: { type: 'string', default: '100' },
    users: { type: 'string', default: '50' },
    // Re-runs the roadmap case on a server started with --cpu-prof and prints where the time went.
    profile: { type: 'boolean', default: false },
    db: { type: 'string' },
    // Which cases to run, e.g. `--cases health,me` (default: all of health, me, roadmap, dashboard).
    cases: { type: 'string', default: 'health,me,roadmap,dashboard' },
    // WORKERS for the server (default: the server's own, i.e. one per core on PostgreSQL).
    workers: { type: 'string' },
    // The case to re-run under --cpu-prof (on one process): roadmap or me.
    'profile-case': { type: 'string', default: 'roadmap' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const cases = new Set(values.cases.split(',').map((s) => s.trim()));
const pgUrl = process.env.DATABASE_URL;
const kinds = (values.db ? [values.db] : pgUrl ? ['pglite', 'postgres'] : ['pglite']) as (
  | 'pglite'
  | 'postgres'
)[];

type Row = {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: string;
  /** PostgreSQL transactions (here: statements) per response; undefined on the embedded database. */
  perRequest?: number;
  /** CPU seconds each server process used during the case (the primary first). */
  cpu?: number[];
};

const serverEnv: Record<string, string> = values.workers ? { WORKERS: values.workers } : {};

/** CPU seconds per process between two readings of Server.cpu(). */
function cpuDelta(before: Map<number, number>, after: Map<number, number>): number[] {
  return [...after].map(([pid, s]) => s - (before.get(pid) ?? 0));
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** One bounded autocannon run; latencies per label come from each client's own responses. */
async function drive(
  base: string,
  name: string,
  requestsFor: (clientIndex: number) => Request[],
  labelOf: (path: string) => string = () => name,
  statements?: () => Promise<number>,
  cpu?: () => Map<number, number>,
): Promise<Row[]> {
  const before = await statements?.();
  const cpuBefore = cpu?.();
  const latencies = new Map<string, number[]>();
  let clients = 0;
  const result = await autocannon({
    url: base,
    connections,
    duration,
    timeout: 10,
    setupClient: (client) => {
      client.setRequests(requestsFor(clients++));
      client.on('response', (_status, _bytes, ms) => {
        const label = labelOf(client.requestIterator.currentRequest.path);
        const list = latencies.get(label) ?? [];
        if (list.length === 0) latencies.set(label, list);
        list.push(ms);
      });
    },
  });
  const errors = `${result.errors}/${result.timeouts}/${result.non2xx}`;
  const rows: Row[] = [];
  let all: number[] = [];
  for (const [label, list] of latencies) {
    // Not push(...list): a baseline run yields more samples than the call stack takes arguments.
    all = all.concat(list);
    if (latencies.size > 1) rows.push(row(`  ${label}`, list, list.length / result.duration, ''));
  }
  const first = row(name, all, result.requests.total / result.duration, errors);
  if (cpu && cpuBefore) first.cpu = cpuDelta(cpuBefore, cpu());
  if (statements && before !== undefined) {
    // An idle PostgreSQL 15 backend publishes its counters up to 10 s late (PGSTAT_IDLE_INTERVAL).
    await new Promise((r) => setTimeout(r, 11_000));
    first.perRequest = ((await statements()) - before) / Math.max(1, result.requests.total);
  }
  rows.unshift(first);
  return rows;
}

function row(name: string, list: number[], rps: number, errors: string): Row {
  const s = [...list].sort((a, b) => a - b);
  return { name, rps, p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99), errors };
}

function print(title: string, rows: Row[], baseline: number) {
  console.log(
    `\n${title} (${connections} connections, ${duration} s per case; errors = errors/timeouts/non-2xx)`,
  );
  console.log(
    `${'case'.padEnd(34)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'errors'.padStart(12)}${'of baseline'.padStart(13)}${'tx/req'.padStart(8)}`,
  );
  for (const r of rows) {
    const ratio = `${((100 * r.rps) / baseline).toFixed(2)} %`;
    console.log(
      `${r.name.padEnd(34)}${r.rps.toFixed(0).padStart(9)}${r.p50.toFixed(1).padStart(9)}${r.p95.toFixed(1).padStart(9)}${r.p99.toFixed(1).padStart(9)}${r.errors.padStart(12)}${ratio.padStart(13)}${(r.perRequest?.toFixed(1) ?? '').padStart(8)}`,
    );
  }
  // A process "served" when it used at least a tenth of a core during the case.
  for (const r of rows.filter((x) => x.cpu)) {
    const cpu = r.cpu ?? [];
    const served = cpu.slice(cpu.length > 1 ? 1 : 0).filter((s) => s >= duration / 10).length;
    // Server CPU per answer: far steadier than req/s on a shared machine (the load generator and
    // other work take the cores, not the server).
    const perRequest = (1e6 * cpu.reduce((a, b) => a + b, 0)) / Math.max(1, r.rps * duration);
    console.log(
      `  ${r.name}: served by ${served} process(es); CPU s per process (primary first): ${cpu.map((s) => s.toFixed(1)).join(', ')}; ${perRequest.toFixed(0)} µs CPU per request`,
    );
  }
}

const get = (path: string, cookie?: string): Request => ({
  method: 'GET',
  path,
  headers: cookie ? { cookie } : {},
});

async function json<T>(server: Server, url: string, cookie: string): Promise<T> {
  const res = await fetch(`${server.base}${url}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return (await res.json()) as T;
}

/** The approved roadmap whose item count is nearest to 29 (the one of the table). */
async function pickRoadmap(
  server: Server,
  cookie: string,
): Promise<{ id: string; items: number; bytes: number }> {
  type Listed = { id: string; status: string; progress: { total: number } };
  const list = await json<Listed[]>(server, '/api/roadmaps', cookie);
  const approved = list.filter((r) => r.status === 'approved');
  approved.sort((a, b) => Math.abs(a.progress.total - 29) - Math.abs(b.progress.total - 29));
  const best = approved[0];
  if (!best) throw new Error('no approved roadmap in the demo');
  const body = await (await fetch(`${server.base}/api/roadmaps/${best.id}`, { headers: { cookie } })).text();
  return { id: best.id, items: best.progress.total, bytes: Buffer.byteLength(body) };
}

async function logins(server: Server, count: number): Promise<string[]> {
  const admin = await login(server.base, 'admin', 0);
  const users = await json<{ login: string; isActive: boolean }[]>(server, '/api/users', admin);
  const preferred = ['region', 'municipality', 'school', 'curator', 'center', 'expert', 'school2', 'teacher'];
  const rest = users.map((u) => u.login).filter((l) => l !== 'admin' && !preferred.includes(l));
  const chosen = [...preferred, ...rest.sort()].slice(0, count);
  const cookies: string[] = [];
  // Spread over loopback addresses so that the per-address login throttle does not stop the bench.
  for (const [i, user] of chosen.entries())
    cookies.push(await login(server.base, user, 1 + Math.floor(i / 20)));
  return cookies;
}

const DASHBOARD_PATHS = [
  '/api/dashboard',
  '/api/roadmaps',
  '/api/items?view=overdue',
  '/api/items?view=upcoming',
];

async function runKind(kind: 'pglite' | 'postgres', baselineBase: string) {
  const store = await makeStore(kind, pgUrl);
  try {
    const t0 = Date.now();
    let server = await startServer(store, [], serverEnv);
    const procs = server.cpu().size;
    console.log(
      `\n${kind}: server with demo data healthy in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${procs} process(es)${procs > 1 ? ' (a primary and its workers)' : ''}`,
    );
    const tx = store.transactions;
    const cookies = await logins(server, Number(values.users));
    const region = cookies[0] ?? '';
    const roadmap = await pickRoadmap(server, region);
    console.log(
      `roadmap ${roadmap.id}: ${roadmap.items} items, ${(roadmap.bytes / 1024).toFixed(1)} KB; ${cookies.length} users logged in`,
    );
    const baseline = await drive(baselineBase, 'plain Hono route (baseline)', () => [get('/')]);
    const baseRps = baseline[0]?.rps ?? 1;
    const rows = [...baseline];
    if (cases.has('health'))
      rows.push(
        ...(await drive(
          server.base,
          'GET /api/health',
          () => [get('/api/health')],
          undefined,
          tx,
          server.cpu,
        )),
      );
    if (cases.has('me'))
      rows.push(
        ...(await drive(
          server.base,
          'GET /api/me',
          () => [get('/api/me', region)],
          undefined,
          tx,
          server.cpu,
        )),
      );
    const roadmapPath = `/api/roadmaps/${roadmap.id}`;
    if (cases.has('roadmap'))
      rows.push(
        ...(await drive(
          server.base,
          'GET /api/roadmaps/{id}',
          () => [get(roadmapPath, region)],
          undefined,
          tx,
          server.cpu,
        )),
      );
    if (cases.has('dashboard'))
      rows.push(
        ...(await drive(
          server.base,
          `dashboard mix, ${cookies.length} users`,
          (i) => {
            const cookie = cookies[i % cookies.length];
            // Each connection starts at a different page so that the kinds of request interleave.
            return DASHBOARD_PATHS.map((_, k) =>
              get(DASHBOARD_PATHS[(i + k) % DASHBOARD_PATHS.length] ?? '/', cookie),
            );
          },
          (p) => `GET ${p}`,
          tx,
          server.cpu,
        )),
      );
    print(`${kind}: results`, rows, baseRps);
    await server.stop();
    if (values.profile) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opora-prof-'));
      server = await startServer(store, ['--cpu-prof', `--cpu-prof-dir=${dir}`], { WORKERS: '1' });
      const profiled =
        values['profile-case'] === 'me'
          ? await drive(server.base, 'GET /api/me', () => [get('/api/me', region)])
          : await drive(server.base, 'GET /api/roadmaps/{id}', () => [get(roadmapPath, region)]);
      print(`${kind}: under --cpu-prof (one process)`, profiled, baseRps);
      await server.stop();
      const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
      if (!file) throw new Error(`no .cpuprofile written in ${dir}`);
      console.log(`\nprofile: ${path.join(dir, file)} (last ${duration} s = the profiled case)`);
      printSummary(summarise(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')), duration), 25);
    }
  } finally {
    await store.drop();
  }
}

// Ctrl-C runs the exit handlers that stop the servers.
process.once('SIGINT', () => process.exit(130));
const baseline = await startBaseline();
try {
  for (const kind of kinds) await runKind(kind, baseline.base);
} finally {
  await baseline.stop();
}
