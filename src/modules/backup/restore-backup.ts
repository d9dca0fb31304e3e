import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../db/client.js';
import { foreignKeys } from '../archive/catalog.js';
import { type Measured, measure, sha256, tap } from '../archive/digest.js';
import { appliedLevel } from '../archive/level.js';
import { listTables, nonEmptyTables, seededTables } from './catalog.js';
import { type Conn, inTransaction, quoteIdent } from './conn.js';
import type { Progress } from './create-backup.js';
import { MANIFEST, type Manifest } from './manifest.js';
import { localPath, type StorageSpec } from './storage.js';
import { BACKUP, BackupError } from './strings.js';
import { readArchive } from './tar.js';
import { checkEntry, expectations, verifyArchive } from './verify-archive.js';

/**
 * `opora restore`: the archive is verified whole first (verifyArchive) — nothing is touched before.
 * Then, in ONE transaction: the target must be empty; foreign keys are dropped and user triggers
 * switched off (a table may reference one loaded later, and the card_generation triggers must not
 * count a restore as edits), every table is loaded with COPY while its checksum is taken again, the
 * files go into the target's storage, the foreign keys come back (checking every reference), the
 * sequences are set past the largest id, row counts and files are checked against the manifest.
 * Any failure rolls everything back (and removes the files written to a directory).
 */
export async function restoreBackup(
  database: Database,
  opts: { file: string; storage: StorageSpec; onProgress?: Progress; verified?: Manifest },
): Promise<Manifest> {
  const say = opts.onProgress ?? (() => {});
  // The CLI verifies before it even opens the database, and passes the manifest on.
  const manifest = opts.verified ?? (await verifyArchive(opts.file));
  const totalRows = manifest.tables.reduce((n, t) => n + t.rows, 0);
  say(BACKUP.verified(manifest.tables.length, totalRows, manifest.files.length));
  const created: string[] = [];
  try {
    await inTransaction(database, 'write', (c) => load(c, manifest, opts, created, say));
  } catch (e) {
    for (const f of created) fs.rmSync(f, { force: true });
    throw e;
  }
  return manifest;
}

async function load(
  c: Conn,
  manifest: Manifest,
  opts: { file: string; storage: StorageSpec },
  created: string[],
  say: Progress,
): Promise<void> {
  const level = await appliedLevel(c.rows);
  if (level.createdAt !== manifest.migration.createdAt) {
    throw new BackupError(
      level.createdAt < manifest.migration.createdAt
        ? BACKUP.newer(manifest.migration.tag, level.tag)
        : BACKUP.older(manifest.migration.tag, level.tag, manifest.oporaVersion),
    );
  }
  const tables = await listTables(c);
  const names = tables.map((t) => t.name);
  // Nobody writes between the check for emptiness and the commit (a server left running on PostgreSQL).
  await c.rows(`lock table ${[...names, 'file_blobs'].map(quoteIdent).join(', ')} in access exclusive mode`);
  const busy = await nonEmptyTables(c, tables);
  if (busy.length > 0) throw new BackupError(BACKUP.notEmpty(busy));

  const fks = await foreignKeys(c.rows);
  for (const fk of fks)
    await c.rows(`alter table ${quoteIdent(fk.table)} drop constraint ${quoteIdent(fk.name)}`);
  for (const t of names) await c.rows(`alter table ${quoteIdent(t)} disable trigger user`);
  const seeded = seededTables();
  for (const t of manifest.tables) if (seeded.has(t.name)) await c.rows(`delete from ${quoteIdent(t.name)}`);

  const expected = expectations(manifest);
  const tableOf = new Map(manifest.tables.map((t) => [t.entry, t]));
  for await (const entry of readArchive(opts.file)) {
    if (entry.name === MANIFEST) continue;
    const want = expected.get(entry.name);
    if (!want) throw new BackupError(BACKUP.tampered(entry.name, BACKUP.unexpected));
    const table = tableOf.get(entry.name);
    if (table) {
      let measured: Measured | undefined;
      // The entry is measured again while it streams into COPY: a file changed since verification is caught.
      const chunks = tap(entry.stream as AsyncIterable<Buffer>, (m) => {
        measured = m;
      });
      await c.copyIn(`copy ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(', ')})`, chunks);
      if (!measured) throw new BackupError(BACKUP.tampered(entry.name, BACKUP.absent));
      checkEntry(entry.name, measured, want);
      say(BACKUP.table(table.name, table.rows));
      continue;
    }
    const key = entry.name.slice('files/'.length);
    const parts: Buffer[] = [];
    checkEntry(entry.name, await measure(entry.stream, (chunk) => parts.push(chunk)), want);
    await putFile(c, opts.storage, key, Buffer.concat(parts), created);
  }
  say(BACKUP.files(manifest.files.length));

  for (const fk of fks) {
    await c.rows(
      `alter table ${quoteIdent(fk.table)} add constraint ${quoteIdent(fk.name)} ${fk.definition}`,
    );
  }
  for (const t of names) await c.rows(`alter table ${quoteIdent(t)} enable trigger user`);
  await setSequences(c, manifest);
  await recheck(c, manifest, opts.storage);
}

async function putFile(c: Conn, storage: StorageSpec, key: string, data: Buffer, created: string[]) {
  if (storage.kind === 'database') {
    await c.rows(
      'insert into file_blobs (key, data, size) values ($1, $2, $3) on conflict (key) do nothing',
      [key, data, data.length],
    );
    return;
  }
  const file = localPath(storage.dir, key);
  if (fs.existsSync(file)) return; // content-addressed: the same key is the same bytes (checked below)
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  await fs.promises.writeFile(`${file}.tmp`, data);
  await fs.promises.rename(`${file}.tmp`, file);
  created.push(file);
}

/** Each sequence at the archive's position, and never behind the largest value of its column. */
async function setSequences(c: Conn, manifest: Manifest) {
  for (const s of manifest.sequences) {
    const [r] = await c.rows<{ m: string | null }>(
      `select max(${quoteIdent(s.column)})::text as m from ${quoteIdent(s.table)}`,
    );
    const max = r?.m ? BigInt(r.m) : null;
    const last = BigInt(s.lastValue);
    if (max !== null && max >= last) {
      await c.rows('select setval($1::regclass, $2::bigint, true)', [quoteIdent(s.name), max.toString()]);
    } else {
      await c.rows('select setval($1::regclass, $2::bigint, $3)', [
        quoteIdent(s.name),
        s.lastValue,
        s.isCalled,
      ]);
    }
  }
}

/** The rows as the database now counts them and the files as the storage now returns them. */
async function recheck(c: Conn, manifest: Manifest, storage: StorageSpec) {
  for (const t of manifest.tables) {
    const [r] = await c.rows<{ n: number }>(`select count(*)::int as n from ${quoteIdent(t.name)}`);
    if (Number(r?.n) !== t.rows) throw new BackupError(BACKUP.countMismatch(t.name, Number(r?.n), t.rows));
  }
  const stored = new Map<string, string>();
  if (storage.kind === 'database') {
    for (const r of await c.rows<{ key: string; h: string }>(
      `select key, encode(sha256(data), 'hex') as h from file_blobs`,
    )) {
      stored.set(r.key, r.h);
    }
  }
  for (const f of manifest.files) {
    const h =
      storage.kind === 'database'
        ? stored.get(f.key)
        : sha256(await fs.promises.readFile(localPath(storage.dir, f.key)).catch(() => Buffer.alloc(0)));
    if (h !== f.sha256) throw new BackupError(BACKUP.fileMismatch(f.key));
  }
}
