import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';

// What the export and the import read from the database's own catalogue rather than from our code:
// foreign keys (which rows point to users and files; the order of inserting), primary keys (a stable order
// of rows), columns, and the level of migrations. Both engines answer the same pg_catalog queries.

export type ForeignKey = { table: string; column: string; references: string };

export async function foreignKeys(db: Db): Promise<ForeignKey[]> {
  const rows = await queryRows<{ tbl: string; col: string; ref: string }>(
    db,
    sql`
    select c.conrelid::regclass::text as tbl, a.attname as col, c.confrelid::regclass::text as ref
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'f' and c.connamespace = 'public'::regnamespace
    order by 1, 2`,
  );
  return rows.map((x) => ({ table: x.tbl, column: x.col, references: x.ref }));
}

/** Every table of the public schema with its columns in their order. */
export async function tableColumns(db: Db): Promise<Map<string, string[]>> {
  const rows = await queryRows<{ tbl: string; col: string }>(
    db,
    sql`
    select c.relname as tbl, a.attname as col
    from pg_class c join pg_attribute a on a.attrelid = c.oid
    where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace and a.attnum > 0 and not a.attisdropped
    order by c.relname, a.attnum`,
  );
  const out = new Map<string, string[]>();
  for (const x of rows) out.set(x.tbl, [...(out.get(x.tbl) ?? []), x.col]);
  return out;
}

/** Primary-key columns of each table (rows are written in this order: the same data, the same archive). */
export async function primaryKeys(db: Db): Promise<Map<string, string[]>> {
  const rows = await queryRows<{ tbl: string; col: string }>(
    db,
    sql`
    select c.conrelid::regclass::text as tbl, a.attname as col
    from pg_constraint c
    join lateral unnest(c.conkey) with ordinality k(attnum, n) on true
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
    where c.contype = 'p' and c.connamespace = 'public'::regnamespace
    order by 1, k.n`,
  );
  const out = new Map<string, string[]>();
  for (const x of rows) out.set(x.tbl, [...(out.get(x.tbl) ?? []), x.col]);
  return out;
}

export type MigrationLevel = { count: number; last: string };

const journalFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../drizzle/meta/_journal.json',
);

/** How many migrations the database has applied, and the name of the last of them (drizzle's journal). */
export async function migrationLevel(db: Db): Promise<MigrationLevel> {
  const [r] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  const count = Number(r?.n ?? 0);
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  return { count, last: journal.entries[count - 1]?.tag ?? '' };
}

const packageFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../package.json');
export const oporaVersion = (): string =>
  (JSON.parse(fs.readFileSync(packageFile, 'utf8')) as { version: string }).version;

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
