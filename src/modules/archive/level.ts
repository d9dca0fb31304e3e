import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Query } from './catalog.js';

// Which Opora wrote an archive and at which level of migrations — the one thing both archives must agree
// on with the installation that reads them: drizzle's journal (drizzle/meta/_journal.json) names the
// migrations this code knows, drizzle.__drizzle_migrations those the database has applied.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const MIGRATIONS_FOLDER = path.join(root, 'drizzle');

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

export type MigrationLevel = { index: number; tag: string; createdAt: number; hash: string };

/** The last migration applied to this database, named by drizzle's journal (by its time stamp): the backup's level. */
export async function appliedLevel(q: Query): Promise<MigrationLevel> {
  const [row] = await q<{ hash: string; created_at: string | number }>(
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

export type MigrationCount = { count: number; last: string };

/** How many migrations the database has applied, and the journal's name of the last: the region export's level. */
export async function appliedCount(q: Query): Promise<MigrationCount> {
  const [r] = await q<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
  const count = Number(r?.n ?? 0);
  return { count, last: journal().entries[count - 1]?.tag ?? '' };
}

let version: string | undefined;
/** The version of this Opora (package.json), written into every archive's manifest. */
export function oporaVersion(): string {
  version ??= (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string })
    .version;
  return version;
}
