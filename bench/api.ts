// Latency of the main read endpoints on the demo region, through the real HTTP app in-process.
// Prints figures only; nothing here asserts a time. Run: npm run bench:api [-- --n 100]
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadDemo } from '../src/modules/demo/load-demo.js';
import { databaseStorage } from '../src/modules/files/storage.js';
import { testApp } from '../tests/helpers/api.js';
import { DB_KINDS, freshDatabase } from '../tests/helpers/db.js';

const { values } = parseArgs({ options: { n: { type: 'string', default: '50' } } });
const n = Number(values.n);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

for (const kind of DB_KINDS) {
  const database = await freshDatabase(kind);
  const t0 = performance.now();
  await loadDemo(database.db, { storage: databaseStorage });
  console.log(`\n${kind}: demo loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const t = testApp(database);
  const region = await t.login('region');
  const [first] = (await (await t.call('GET', '/api/roadmaps', { cookie: region })).json()) as {
    id: string;
  }[];
  const cases: [string, string, string][] = [
    ['region', 'GET /api/dashboard', '/api/dashboard'],
    ['region', 'GET /api/roadmaps', '/api/roadmaps'],
    ['region', 'GET /api/roadmaps/:id (regional)', `/api/roadmaps/${first?.id}`],
    ['region', 'GET /api/items?view=overdue', '/api/items?view=overdue'],
    ['municipality', 'GET /api/dashboard', '/api/dashboard'],
    ['municipality', 'GET /api/tasks', '/api/tasks'],
    ['school', 'GET /api/dashboard', '/api/dashboard'],
    ['region', 'GET export docx', `/api/roadmaps/${first?.id}/export?format=docx`],
    ['region', 'GET export xlsx', `/api/roadmaps/${first?.id}/export?format=xlsx`],
  ];
  console.log(
    `${'role'.padEnd(13)} ${'request'.padEnd(34)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} (n=${n})`,
  );
  const cookies: Record<string, string> = { region };
  for (const [login, name, url] of cases) {
    cookies[login] ??= await t.login(login);
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      const res = await t.call('GET', url, { cookie: cookies[login] });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
      times.push(performance.now() - s);
    }
    console.log(
      `${login.padEnd(13)} ${name.padEnd(34)} ${pct(times, 50).toFixed(1).padStart(8)} ${pct(times, 95).toFixed(1).padStart(8)}`,
    );
  }
  await database.close();
}
