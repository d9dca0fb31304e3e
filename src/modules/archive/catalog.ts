import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';

// What the backup (ADR 0043) and the region export (ADR 0044) read from the database's own catalogue
// rather than from our code: the tables and their columns, primary keys, foreign keys, and from these an
// order of tables in which every row's references are inserted before it. Both engines answer the same
// pg_catalog queries; each module asks through its own connection (a COPY-capable one, or drizzle's).

/** A plain query without parameters, on whatever connection the caller holds. */
export type Query = <T>(text: string) => Promise<T[]>;

/** The query function of a drizzle handle (a transaction included). */
export const drizzleQuery =
  (db: Db): Query =>
  <T>(text: string) =>
    queryRows<T>(db, sql.raw(text));

export const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Every table of schema public (plain or partitioned) with its columns in their order, without generated
 * columns (they can be neither copied in nor inserted), ordered by table name.
 */
export async function tableColumns(q: Query): Promise<Map<string, string[]>> {
  const rows = await q<{ tbl: string; col: string }>(
    `select c.relname as tbl, a.attname as col
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      where c.relkind in ('r', 'p')
      order by c.relname, a.attnum`,
  );
  return byTable(rows);
}

/** Primary-key columns of each table, in the key's order. */
export async function primaryKeys(q: Query): Promise<Map<string, string[]>> {
  const rows = await q<{ tbl: string; col: string }>(
    `select c.conrelid::regclass::text as tbl, a.attname as col
       from pg_constraint c
       join lateral unnest(c.conkey) with ordinality k(attnum, n) on true
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
      where c.contype = 'p' and c.connamespace = 'public'::regnamespace
      order by 1, k.n`,
  );
  return byTable(rows);
}

/**
 * A foreign key: the table holding it, its name and definition (to drop it and add it again), its first
 * column and the table it references (every key of this schema has one column).
 */
export type ForeignKey = {
  table: string;
  name: string;
  definition: string;
  column: string;
  references: string;
};

/** Every foreign key of schema public, ordered by table, column and name. */
export async function foreignKeys(q: Query): Promise<ForeignKey[]> {
  return q<ForeignKey>(
    `select t.relname as "table", c.conname as name, pg_get_constraintdef(c.oid) as definition,
            a.attname as "column", r.relname as "references"
       from pg_constraint c
       join pg_namespace n on n.oid = c.connamespace and n.nspname = 'public'
       join pg_class t on t.oid = c.conrelid
       join pg_class r on r.oid = c.confrelid
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f'
      order by t.relname, a.attname, c.conname`,
  );
}

/**
 * Tables in an order in which every row's foreign keys point to rows inserted before it (self-references
 * are not constraints in this schema). Throws on a cycle: the import would then need deferred constraints.
 */
export function insertOrder(tables: string[], fks: ForeignKey[]): string[] {
  const set = new Set(tables);
  const deps = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const fk of fks)
    if (set.has(fk.table) && set.has(fk.references) && fk.table !== fk.references)
      deps.get(fk.table)?.add(fk.references);
  const done: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string, trail: string[]) => {
    if (seen.has(t)) return;
    if (trail.includes(t)) throw new Error(`Цикл внешних ключей: ${[...trail, t].join(' → ')}`);
    for (const d of deps.get(t) ?? []) visit(d, [...trail, t]);
    seen.add(t);
    done.push(t);
  };
  for (const t of tables) visit(t, []);
  return done;
}

/** Rows of (table, column) in order, as each table's list of columns. */
function byTable(rows: { tbl: string; col: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const x of rows) out.set(x.tbl, [...(out.get(x.tbl) ?? []), x.col]);
  return out;
}
