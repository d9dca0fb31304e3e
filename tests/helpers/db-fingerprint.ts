import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';

// Tables that a refused request may still touch: sessions (logins of the test itself), login throttling.
const SKIP = new Set(['sessions', 'auth_throttle', '__drizzle_migrations']);

type Rows = { rows: Record<string, unknown>[] };

async function tablesOf(db: Db): Promise<string[]> {
  const r = (await db.execute(
    sql`select tablename from pg_tables where schemaname = 'public' order by tablename`,
  )) as unknown as Rows;
  return r.rows.map((x) => String(x.tablename)).filter((t) => !SKIP.has(t));
}

// Signing in, reading a pupil's or a teacher's card and exporting them (issue 14 §2, issue 17 §7: every
// read of personal data is recorded), exporting the audit log write history by design; nothing else a
// read does may change the database.
const whereOf = (t: string) =>
  t === 'audit_events'
    ? `where t.type not like 'user.log%' and t.type not in ('pupil.card_read', 'pupil.exported', 'staff.card_read', 'staff.exported', 'audit.exported')`
    : '';

/** One hash per table of the whole database content (audit without the login events). */
export async function fingerprint(db: Db): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const t of await tablesOf(db)) {
    const r = (await db.execute(
      sql`select count(*)::int as n, md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as h from ${sql.identifier(t)} t ${sql.raw(whereOf(t))}`,
    )) as unknown as Rows;
    out.set(t, `${r.rows[0]?.n}:${r.rows[0]?.h}`);
  }
  return out;
}

/**
 * The same question as `fingerprint` — did anything write? — for many checks in a row (the fuzz test
 * asks once per operation, and hashing the demo's every row and file each time cost most of its run):
 * per table the row count and the newest row version's transaction id, in one query. A committed
 * insert or update writes a row version with a new transaction id, a delete lowers the count (a delete
 * with an insert brings a new id), so every write shows — even one that restores the same content,
 * which the hash would miss. Only for comparing one database with itself over time.
 */
export async function writeMarks(db: Db): Promise<Map<string, string>> {
  const parts = (await tablesOf(db)).map(
    (t) =>
      `select '${t}' as t, count(*)::int as n, coalesce(max(t.xmin::text::bigint), 0)::text as x from "${t}" t ${whereOf(t)}`,
  );
  const r = (await db.execute(sql.raw(parts.join(' union all ')))) as unknown as Rows;
  return new Map(r.rows.map((x) => [String(x.t), `${x.n}:${x.x}`]));
}
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((t) => before.get(t) !== after.get(t));
}
