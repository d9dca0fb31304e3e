import fs from 'node:fs';
import path from 'node:path';
import { tableColumns } from '../archive/catalog.js';
import { MIGRATIONS_FOLDER } from '../archive/level.js';
import { type Conn, quoteIdent } from './conn.js';

// What the database holds, read from its own catalog: the backup follows the schema as migrations made
// it, so a new table is backed up without anyone remembering to list it here. The catalogue queries and
// the migration level shared with the region export live in src/modules/archive; here what only a backup
// needs: which tables it leaves out, the sequences, and what counts as an empty target.

/** File bodies travel as `files/…` entries whatever the storage; their table would hold them twice. */
export const NOT_DUMPED = new Set(['file_blobs']);

export type TableInfo = { name: string; columns: string[] };

/** The tables a backup writes (every one of schema public but file_blobs), by name, with their columns. */
export async function listTables(c: Conn): Promise<TableInfo[]> {
  return [...(await tableColumns(c.rows))]
    .map(([name, columns]) => ({ name, columns }))
    .filter((t) => !NOT_DUMPED.has(t.name));
}

export type Sequence = { name: string; table: string; column: string; lastValue: string; isCalled: boolean };

/** Sequences owned by a column (bigserial, identity): their position travels with the data. */
export async function listSequences(c: Conn): Promise<Sequence[]> {
  const owned = await c.rows<{ name: string; table: string; column: string }>(
    `select s.relname as name, t.relname as "table", a.attname as "column"
       from pg_class s
       join pg_namespace n on n.oid = s.relnamespace and n.nspname = 'public'
       join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.deptype in ('a', 'i')
       join pg_class t on t.oid = d.refobjid
       join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
      where s.relkind = 'S'
      order by s.relname`,
  );
  const out: Sequence[] = [];
  for (const s of owned) {
    const [v] = await c.rows<{ last_value: string | number; is_called: boolean }>(
      `select last_value::text as last_value, is_called from ${quoteIdent(s.name)}`,
    );
    out.push({ ...s, lastValue: String(v?.last_value ?? '1'), isCalled: Boolean(v?.is_called) });
  }
  return out;
}

/**
 * Tables that migrations fill themselves (`INSERT INTO "x"` in drizzle/*.sql, e.g. the 64 shards of
 * card_generation): an empty installation has rows there, so they do not count as content, and the
 * restore replaces their rows with the archive's.
 */
export function seededTables(folder = MIGRATIONS_FOLDER): Set<string> {
  const out = new Set<string>();
  for (const f of fs.readdirSync(folder).filter((x) => x.endsWith('.sql'))) {
    for (const m of fs.readFileSync(path.join(folder, f), 'utf8').matchAll(/insert\s+into\s+"([^"]+)"/gi)) {
      if (m[1]) out.add(m[1]);
    }
  }
  return out;
}

/** Tables holding rows beyond what migrations put there: the target of a restore must have none. */
export async function nonEmptyTables(c: Conn, tables: TableInfo[]): Promise<string[]> {
  const seeded = seededTables();
  const check = [...tables.map((t) => t.name), ...NOT_DUMPED].filter((t) => !seeded.has(t));
  if (check.length === 0) return [];
  const rows = await c.rows<{ t: string }>(
    check.map((t) => `select '${t}' as t where exists (select 1 from ${quoteIdent(t)})`).join(' union all '),
  );
  return rows.map((r) => r.t);
}
