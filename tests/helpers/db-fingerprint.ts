import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';

// Tables that a refused request may still touch: sessions (logins of the test itself), login throttling.
const SKIP = new Set(['sessions', 'auth_throttle', '__drizzle_migrations']);

type Rows = { rows: Record<string, unknown>[] };

/** One hash per table of the whole database content (audit without the login events). */
export async function fingerprint(db: Db): Promise<Map<string, string>> {
  const tables = (
    (await db.execute(
      sql`select tablename from pg_tables where schemaname = 'public' order by tablename`,
    )) as unknown as Rows
  ).rows.map((r) => String(r.tablename));
  const out = new Map<string, string>();
  for (const t of tables) {
    if (SKIP.has(t)) continue;
    // Signing in, reading a pupil's card and exporting it (issue 14 §2: every read of a pupil's data is
    // recorded) write history by design; nothing else a read does may change the database.
    const where =
      t === 'audit_events'
        ? sql.raw(`where t.type not like 'user.log%' and t.type not in ('pupil.card_read', 'pupil.exported')`)
        : sql.raw('');
    const r = (await db.execute(
      sql`select count(*)::int as n, md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as h from ${sql.identifier(t)} t ${where}`,
    )) as unknown as Rows;
    out.set(t, `${r.rows[0]?.n}:${r.rows[0]?.h}`);
  }
  return out;
}

export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((t) => before.get(t) !== after.get(t));
}
