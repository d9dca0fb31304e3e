// `npx tsx bench/demo-load.ts [--rows]`: loads the demo into an in-memory PGlite database, as the first
// `npm start` does, and prints the time of each step, the CPU time, the number of SQL statements and,
// with --rows, the row count of every table (to compare the demo's data before and after a change to
// its load: docs/decisions/0010-start-in-seconds.md). Figures, not assertions: the machine is shared.
import { openPglite } from '../src/db/client.js';
import { loadDemo } from '../src/modules/demo/load-demo.js';
import { databaseStorage } from '../src/modules/files/storage.js';

type Queryable = {
  query: (...args: unknown[]) => Promise<unknown>;
  exec: (...args: unknown[]) => Promise<unknown>;
};

let statements = 0;
function counted(target: Queryable) {
  for (const m of ['query', 'exec'] as const) {
    const orig = target[m].bind(target);
    target[m] = (...args: unknown[]) => {
      statements++;
      return orig(...args);
    };
  }
}

const t0 = Date.now();
const database = await openPglite(null);
console.log(`open in-memory PGlite (from the pre-made dump when present): ${Date.now() - t0} ms`);
if (database.raw?.kind !== 'pglite') throw new Error('expected PGlite');
const client = database.raw.client as unknown as Queryable & {
  transaction: (cb: (tx: Queryable) => Promise<unknown>) => Promise<unknown>;
};
const transaction = client.transaction.bind(client);
client.transaction = (cb) =>
  transaction((tx) => {
    counted(tx);
    return cb(tx);
  });
counted(client);

const cpu = process.cpuUsage();
const started = Date.now();
await loadDemo(database.db, { storage: databaseStorage, log: (m) => console.log(`  ${m}`) });
const used = process.cpuUsage(cpu);
console.log(
  `demo: ${Date.now() - started} ms wall, ${Math.round((used.user + used.system) / 1000)} ms CPU, ${statements} SQL statements`,
);

if (process.argv.includes('--rows')) {
  const tables = await database.raw.client.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' order by 1`,
  );
  for (const { name } of tables.rows) {
    const r = await database.raw.client.query<{ n: number }>(`select count(*)::int as n from "${name}"`);
    console.log(`rows ${name.padEnd(28)} ${r.rows[0]?.n}`);
  }
}
await database.close();
