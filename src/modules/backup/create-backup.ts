import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Database } from '../../db/client.js';
import { Digest, sha256 } from '../archive/digest.js';
import { appliedLevel, oporaVersion } from '../archive/level.js';
import { listSequences, listTables } from './catalog.js';
import { inTransaction, quoteIdent } from './conn.js';
import { type FileEntry, fileEntry, type Manifest, type TableEntry, tableEntry } from './manifest.js';
import { localKeys, type StorageSpec } from './storage.js';
import { BACKUP, BackupError } from './strings.js';
import { writeArchive } from './tar.js';

export type Progress = (line: string) => void;

/**
 * `opora backup`: every table read by COPY inside ONE repeatable-read, read-only transaction (one
 * snapshot of the whole database, no lock that stops the server writing), the stored files and the
 * manifest into one .tar.gz. The pieces are staged in a directory beside `out` and streamed into the
 * archive, so neither the database nor a table is held in memory (PGlite: one table at a time, ADR 0043).
 * The archive appears under its name only when complete.
 */
export async function createBackup(
  database: Database,
  opts: { out: string; storage: StorageSpec; onProgress?: Progress; gzipLevel?: number },
): Promise<Manifest> {
  const say = opts.onProgress ?? (() => {});
  const dir = path.dirname(path.resolve(opts.out));
  if (!fs.existsSync(dir)) throw new BackupError(BACKUP.noDirectory(dir));
  const stage = fs.mkdtempSync(`${path.resolve(opts.out)}.parts-`);
  fs.mkdirSync(path.join(stage, 'files'));
  try {
    const manifest = await inTransaction(database, 'snapshot', async (c) => {
      const migration = await appliedLevel(c.rows);
      const [v] = await c.rows<{ v: string }>('show server_version');
      const tables: TableEntry[] = [];
      for (const t of await listTables(c)) {
        const meter = new Meter(path.join(stage, tableEntry(t.name)));
        await c.copyOut(`copy ${quoteIdent(t.name)} (${t.columns.map(quoteIdent).join(', ')})`, meter);
        tables.push({ name: t.name, entry: tableEntry(t.name), columns: t.columns, ...meter.result() });
        say(BACKUP.table(t.name, meter.rows));
      }
      const sequences = await listSequences(c);
      const files: FileEntry[] = [];
      const keys =
        opts.storage.kind === 'database'
          ? (await c.rows<{ key: string }>('select key from file_blobs order by key')).map((r) => r.key)
          : await localKeys(opts.storage.dir);
      for (const key of keys) {
        const data =
          opts.storage.kind === 'database'
            ? (await c.rows<{ data: Uint8Array }>('select data from file_blobs where key = $1', [key]))[0]
                ?.data
            : await fs.promises.readFile(path.join(opts.storage.dir, key.slice(0, 2), key));
        if (!data) continue;
        await fs.promises.writeFile(path.join(stage, fileEntry(key)), data);
        files.push({ key, entry: fileEntry(key), bytes: data.length, sha256: sha256(data) });
      }
      say(BACKUP.files(files.length));
      const have = new Set(keys);
      const named = await c.rows<{ k: string }>('select distinct storage_key as k from files order by 1');
      return {
        format: 'opora-backup',
        formatVersion: 1,
        oporaVersion: oporaVersion(),
        createdAt: new Date().toISOString(),
        engine: database.kind,
        engineVersion: String(v?.v ?? ''),
        migration,
        fileStorage: opts.storage.kind,
        tables,
        sequences,
        files,
        missingFiles: named.map((r) => r.k).filter((k) => !have.has(k)),
      } satisfies Manifest;
    });
    await writeArchive(opts.out, stage, manifest, opts.gzipLevel);
    return manifest;
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

/** Writes a COPY stream to its staging file, hashing and counting rows (one line each in text COPY). */
class Meter extends Writable {
  private digest = new Digest();
  private out: fs.WriteStream;
  constructor(file: string) {
    super();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.out = fs.createWriteStream(file);
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, done: (e?: Error | null) => void) {
    this.digest.update(chunk);
    if (this.out.write(chunk)) done();
    else this.out.once('drain', () => done());
  }
  override _final(done: (e?: Error | null) => void) {
    this.out.end((e?: Error | null) => done(e));
  }
  get rows() {
    return this.digest.rows;
  }
  result() {
    // In this order: the manifest's table entries keep the key order of the archives made before.
    const { rows, bytes, sha256 } = this.digest.result();
    return { rows, bytes, sha256 };
  }
}
