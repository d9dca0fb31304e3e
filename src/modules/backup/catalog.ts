import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Conn, quoteIdent } from './conn.js';

// What the database holds, read from its own catalog: the backup follows the schema as migrations made
// it, so a new table is backed up without anyone remembering to list it here.

export const MIGRATIONS_FOLDER = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../drizzle',
);

/** File bodies travel as `files/…` entries whatever the storage; their table would hold them twice. */
export const NOT_DUMPED = new Set(['file_blobs']);

export type TableInfo = { name: string; columns: string[] };

export async function listTables(c: Conn): Promise<TableInfo[]> {
  const rows = await c.rows<{ table: string; columns: string[] | string }>(
    `select c.relname as "table",
            array_agg(a.attname::text order by a.attnum) as columns
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      where c.relkind in ('r', 'p')
      group by c.relname
      order by c.relname`,
  );
  return rows
    .map((r) => ({ name: r.table, columns: pgArray(r.columns) }))
    .filter((t) => !NOT_DUMPED.has(t.name));
}

/** node-postgres parses text[]; PGlite too, but a `name[]`-looking literal may arrive as `{a,b}`. */
function pgArray(v: string[] | string): string[] {
  if (Array.isArray(v)) return v;
  return v
    .slice(1, -1)
    .split(',')
    .map((s) => s.replace(/^"|"$/g, ''));
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

export type MigrationLevel = { index: number; tag: string; createdAt: number; hash: string };

type Journal = { entries: { idx: number; tag: string; when: number }[] };

export function journal(folder = MIGRATIONS_FOLDER): Journal {
  return JSON.parse(fs.readFileSync(path.join(folder, 'meta/_journal.json'), 'utf8')) as Journal;
}

/** The newest migration this Opora knows. */
export function knownLevel(folder = MIGRATIONS_FOLDER): { index: number; tag: string; createdAt: number } {
  const last = journal(folder).entries.at(-1);
  if (!last) throw new Error('Пустой журнал миграций');
  return { index: last.idx, tag: last.tag, createdAt: last.when };
}

/** The last migration applied to this database, named by drizzle's journal (by its time stamp). */
export async function appliedLevel(c: Conn): Promise<MigrationLevel> {
  const [row] = await c.rows<{ hash: string; created_at: string | number }>(
    'select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by created_at desc limit 1',
  );
  if (!row) throw new Error('В базе не применена ни одна миграция');
  const createdAt = Number(row.created_at);
  const entry = journal().entries.find((e) => e.when === createdAt);
  return {
    index: entry?.idx ?? -1,
    tag: entry?.tag ?? `неизвестная (${createdAt})`,
    createdAt,
    hash: row.hash,
  };
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

export type ForeignKey = { table: string; name: string; definition: string };

export async function foreignKeys(c: Conn): Promise<ForeignKey[]> {
  return c.rows<ForeignKey>(
    `select cl.relname as "table", co.conname as name, pg_get_constraintdef(co.oid) as definition
       from pg_constraint co
       join pg_class cl on cl.oid = co.conrelid
       join pg_namespace n on n.oid = co.connamespace and n.nspname = 'public'
      where co.contype = 'f'
      order by cl.relname, co.conname`,
  );
}
