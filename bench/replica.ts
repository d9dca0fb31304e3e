// Dashboards from the primary against dashboards from a hot standby (docs/decisions/0013-read-replica.md).
// Needs DATABASE_URL and a server that allows replication on loopback (see .ci/run). Prints figures only.
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:replica [-- --duration 12]
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { startStandby } from '../tests/helpers/standby.js';
import { startBaseline } from './load-baseline.js';
import { login, makeStore, type Server, type Store, startServer } from './load-server.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '12' },
    connections: { type: 'string', default: '50' },
    users: { type: 'string', default: '20' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const pgUrl = process.env.DATABASE_URL;
if (!pgUrl) throw new Error('Укажите DATABASE_URL: сравнение с репликой только для PostgreSQL');

const USERS = ['region', 'municipality', 'school', 'curator', 'center', 'expert', 'school2', 'teacher'];

/** Committed transactions of one database on one server: statements outside transactions. */
async function commits(url: string, db: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const r = await c.query('select xact_commit::float8 as n from pg_stat_database where datname = $1', [db]);
  await c.end();
  return Number(r.rows[0]?.n ?? 0);
}

async function drive(base: string, cookies: string[], path = '/api/dashboard') {
  let i = 0;
  const r = await autocannon({
    url: base,
    connections,
    duration,
    timeout: 10,
    setupClient: (client) => {
      const cookie = cookies[i++ % cookies.length] ?? '';
      client.setRequests([{ method: 'GET', path, headers: { cookie } }]);
    },
  });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: `${r.errors}/${r.timeouts}/${r.non2xx}`,
    total: r.requests.total,
  };
}

async function measure(label: string, server: Server, dbName: string, replicaUrl: string | null) {
  const cookies: string[] = [];
  for (const [k, user] of USERS.entries()) cookies.push(await login(server.base, user, 1 + k));
  while (cookies.length < Number(values.users)) cookies.push(cookies[cookies.length % USERS.length] ?? '');
  const adminUrl = pgUrl ?? '';
  // PostgreSQL 15 publishes an idle backend's counters up to 10 s late: wait before each reading.
  const settle = () => new Promise((r) => setTimeout(r, 11_000));
  await settle();
  const before = [await commits(adminUrl, dbName), replicaUrl ? await commits(replicaUrl, dbName) : 0];
  const row = await drive(server.base, cookies);
  await settle();
  const after = [await commits(adminUrl, dbName), replicaUrl ? await commits(replicaUrl, dbName) : 0];
  const per = (i: number) => (((after[i] ?? 0) - (before[i] ?? 0)) / Math.max(1, row.total)).toFixed(1);
  return { label, ...row, primarySql: per(0), replicaSql: replicaUrl ? per(1) : '—' };
}

const standby = await startStandby(pgUrl);
const stores: Store[] = [];
const baseline = await startBaseline();
try {
  const store = await makeStore('postgres', pgUrl);
  stores.push(store);
  const dbName = new URL(store.env.DATABASE_URL ?? '').pathname.slice(1);
  const rows = [];
  const base = await drive(baseline.base, [''], '/');
  rows.push({ label: 'plain Hono route (baseline)', ...base, primarySql: '—', replicaSql: '—' });

  // Both servers run throughout and are driven in turn, twice: the machine's noise hits both alike.
  const primaryOnly = await startServer(store);
  const replicaUrl = standby.url(dbName);
  const withReplica = await startServer({
    ...store,
    env: { ...store.env, DATABASE_REPLICA_URL: replicaUrl },
  });
  for (let i = 0; i < 100 && !withReplica.log().includes('Реплика базы данных доступна'); i++)
    await new Promise((r) => setTimeout(r, 100));
  for (let round = 1; round <= 2; round++) {
    rows.push(await measure(`dashboard, primary only (${round})`, primaryOnly, dbName, null));
    rows.push(await measure(`dashboard, replica (${round})`, withReplica, dbName, replicaUrl));
  }
  await primaryOnly.stop();
  await withReplica.stop();

  console.log(
    `\nDashboards, ${connections} connections, ${duration} s per case, primary and replica on this machine; ` +
      'SQL/req = committed transactions per response on each server',
  );
  console.log(
    `${'case'.padEnd(36)}${'req/s'.padStart(8)}${'p50'.padStart(7)}${'p99'.padStart(7)}${'errors'.padStart(10)}${'of base'.padStart(9)}${'SQL/req primary'.padStart(17)}${'replica'.padStart(9)}`,
  );
  for (const r of rows)
    console.log(
      `${r.label.padEnd(36)}${r.rps.toFixed(0).padStart(8)}${String(r.p50).padStart(7)}${String(r.p99).padStart(7)}${r.errors.padStart(10)}${`${((100 * r.rps) / base.rps).toFixed(2)} %`.padStart(9)}${r.primarySql.padStart(17)}${r.replicaSql.padStart(9)}`,
    );
} finally {
  await baseline.stop();
  for (const s of stores) await s.drop();
  standby.cleanup();
}
