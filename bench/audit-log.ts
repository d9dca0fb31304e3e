import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { exportAuditCsv } from '../src/modules/audit/export-csv.js';
import { searchAuditEvents } from '../src/modules/audit/search.js';
import { freshDatabase } from '../tests/helpers/db.js';
import { buildRegion } from '../tests/helpers/fixture.js';

// The audit log's search and CSV over a large history (issue 17 §7, ADR 0045): N events spread over a
// year in a region's units and unit-less sign-ins, then a page of each filter and a full CSV, each next
// to a baseline measured in the same run (a plain `select` of one page by `at`). Prints figures only.
// `npx tsx bench/audit-log.ts [events]`; with DATABASE_URL, on PostgreSQL.

const N = Number(process.argv[2] ?? 200_000);
const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const database = await freshDatabase(kind);
const { db } = database;
const A = await buildRegion(db);
const school1 = A.as('school1');
const admin = A.as('admin');
const units = [A.S1.id, A.S2.id, A.S3.id, A.M1.id, A.M2.id];
let t = performance.now();
// One INSERT … SELECT from generate_series: events of every kind the log shows, a year back from now.
await db.execute(sql`insert into audit_events (at, actor_id, actor_name, type, entity_type, entity_id, org_unit_id, payload)
  select now() - (g || ' seconds')::interval * 158,
    ${school1.userId}::uuid, 'Пользователь school1',
    (array['item.updated','user.logged_in','pupil.card_read','item.comment_added'])[g % 4 + 1],
    (array['item','session','pupil_record','item'])[g % 4 + 1],
    'e' || g,
    case when g % 4 = 1 then null else (${sql.raw(`array[${units.map((u) => `'${u}'`).join(',')}]`)}::uuid[])[g % 5 + 1] end,
    case g % 4 when 0 then jsonb_build_object('changes', jsonb_build_array(jsonb_build_object('field','measure','old','было ' || g,'new','стало ' || g)))
      when 1 then jsonb_build_object('ip','10.0.0.' || (g % 250))
      when 2 then jsonb_build_object('schoolId', 'x', 'classLabel', '5А')
      else jsonb_build_object('text','комментарий ' || g) end
  from generate_series(1, ${N}) g`);
await db.execute(sql`analyze audit_events`);
console.log(
  `${kind}: ${N.toLocaleString('ru-RU')} событий записаны за ${((performance.now() - t) / 1000).toFixed(1)} с`,
);

async function time(label: string, f: () => Promise<unknown>, runs = 5) {
  await f();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await f();
    xs.push(performance.now() - s);
  }
  xs.sort((a, b) => a - b);
  console.log(`${label.padEnd(58)} медиана ${xs[Math.floor(runs / 2)]?.toFixed(1)} мс`);
}
const page = (query: Parameters<typeof searchAuditEvents>[1]['query']) => () =>
  searchAuditEvents(db, { actor: admin, query });
const month = new Date(Date.now() - 40 * 86400_000).toISOString().slice(0, 10);
const monthEnd = new Date(Date.now() - 10 * 86400_000).toISOString().slice(0, 10);

await time('базовый: select 50 строк по at без отбора и видимости', () =>
  db.execute(sql`select * from audit_events order by at desc, id desc limit 51`),
);
await time('страница 50 без отбора (видимость региона)', page({}));
await time('страница 50, пользователь', page({ actorId: school1.userId }));
await time('страница 50, группа «Чтение персональных данных»', page({ groups: 'personal_data' }));
await time('страница 50, вход и сеансы (события без организации)', page({ groups: 'sign_in' }));
await time('страница 50, период 30 дней месяц назад', page({ from: month, to: monthEnd }));
await time('страница 50, текст объекта «стало 1999»', page({ object: 'стало 1999' }), 3);
const first = await searchAuditEvents(db, { actor: admin, query: {} });
await time('вторая страница по отметке', page({ cursor: first.nextCursor ?? undefined }));

t = performance.now();
const reader = exportAuditCsv(db, { actor: admin, query: {} }).getReader();
let bytes = 0;
for (;;) {
  const { done, value } = await reader.read();
  if (done) break;
  bytes += value.length;
}
const mem = process.memoryUsage().rss / 1048576;
console.log(
  `CSV без отбора: ${Math.min(N, 100_000).toLocaleString('ru-RU')} строк, ${(bytes / 1048576).toFixed(1)} МБ за ${((performance.now() - t) / 1000).toFixed(1)} с (RSS процесса ${mem.toFixed(0)} МБ)`,
);
await database.close();
