import fs from 'node:fs';
import { unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { Digest, mismatch, sha256 } from '../archive/digest.js';
import { parseManifest } from '../archive/manifest.js';

export { sha256 };

// The archive of a region export: a ZIP written as a stream (fflate) straight to a file — tables as JSON
// lines, files as they are — with a SHA-256 of every entry's content collected while it is written and
// put into manifest.json, the last entry. The import checks every entry against it before anything else.
// The checksums, the manifest's parsing, the catalogue and the migration level are src/modules/archive,
// shared with the backup (ADR 0043); the ZIP and this manifest's format are the region export's own.

export const FORMAT = 'opora-region-export';
/** 2: people of other regions are stubs (`is_stub`: id and name only) in tables/users.jsonl. */
export const FORMAT_VERSION = 2;

export const manifestSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.number().int(),
  oporaVersion: z.string(),
  createdAt: z.string(),
  migrations: z.object({ count: z.number().int(), last: z.string() }),
  region: z.object({ id: z.string(), name: z.string(), code: z.string().nullable(), path: z.string() }),
  tables: z.record(z.string(), z.object({ rows: z.number().int(), omittedColumns: z.array(z.string()) })),
  excluded: z.record(z.string(), z.string()),
  files: z.number().int(),
  entries: z.record(z.string(), z.object({ sha256: z.string(), bytes: z.number().int() })),
});
export type Manifest = z.infer<typeof manifestSchema>;
export type Entry = Manifest['entries'][string];

/** Already compressed formats are stored as they are: deflating them again costs time and gains nothing. */
const STORED = /zip|officedocument|png|jpe?g|pdf|gzip/;

export class ArchiveWriter {
  readonly entries: Record<string, Entry> = {};
  private readonly zip: Zip;
  private readonly out: fs.WriteStream;
  private failed: Error | null = null;
  bytes = 0;

  constructor(file: string) {
    // Only the owner reads it (the region's personal data), and never over a file already there (a
    // link planted at the path, or someone's earlier archive).
    let fd: number;
    try {
      fd = fs.openSync(file, 'wx', 0o600);
    } catch (e) {
      if ((e as { code?: string }).code === 'EEXIST')
        throw new AppError('CONFLICT', `Файл ${file} уже существует: укажите другой файл архива`);
      throw e;
    }
    this.out = fs.createWriteStream('', { fd });
    this.out.on('error', (e) => {
      this.failed = e;
    });
    this.zip = new Zip((err, chunk) => {
      if (err) this.failed = err;
      else {
        this.bytes += chunk.length;
        this.out.write(chunk);
      }
    });
  }

  /** Text given in pieces (JSON lines of a table), deflated as it comes. */
  addText(name: string, pieces: Iterable<string>): Entry {
    const entry = new ZipDeflate(name, { level: 6 });
    this.zip.add(entry);
    const digest = new Digest();
    for (const piece of pieces) {
      const data = Buffer.from(piece, 'utf8');
      digest.update(data);
      entry.push(data);
    }
    entry.push(new Uint8Array(0), true);
    const { sha256, bytes } = digest.result();
    return this.record(name, { sha256, bytes });
  }

  addBytes(name: string, data: Uint8Array, mime = ''): Entry {
    const entry = STORED.test(mime) ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    this.zip.add(entry);
    entry.push(data, true);
    return this.record(name, { sha256: sha256(data), bytes: data.length });
  }

  private record(name: string, entry: Entry): Entry {
    this.entries[name] = entry;
    return entry;
  }

  /** Writes the manifest last (with the entries' checksums) and closes the file. */
  async finish(manifest: Omit<Manifest, 'entries'>): Promise<Manifest> {
    const full: Manifest = { ...manifest, entries: { ...this.entries } };
    const data = Buffer.from(`${JSON.stringify(full, null, 2)}\n`, 'utf8');
    const entry = new ZipDeflate('manifest.json', { level: 6 });
    this.zip.add(entry);
    entry.push(data, true);
    this.zip.end();
    await new Promise<void>((resolve, reject) =>
      this.out.end((e?: Error | null) => (e ? reject(e) : resolve())),
    );
    if (this.failed) throw this.failed;
    return full;
  }

  /** Gives up: the half-written file is removed. */
  async abort(file: string): Promise<void> {
    this.zip.terminate();
    await new Promise<void>((resolve) => this.out.end(() => resolve()));
    fs.rmSync(file, { force: true });
  }
}

/** Caps of the unpacked archive: one entry, and all of them together. */
export type UnzipLimits = { entryBytes: number; totalBytes: number };
export const UNZIP_LIMITS: UnzipLimits = { entryBytes: 1024 * 1048576, totalBytes: 3 * 1024 * 1048576 };
const mb = (bytes: number) => Math.round(bytes / 1048576);

export type OpenedArchive = { manifest: Manifest; entry: (name: string) => Uint8Array };

/**
 * Opens an archive and proves it whole: a readable manifest of this format, every listed entry present
 * with its checksum and size, no entry that the manifest does not list. Any difference — refusal.
 */
export function openArchive(data: Uint8Array, limits: UnzipLimits = UNZIP_LIMITS): OpenedArchive {
  let files: Record<string, Uint8Array>;
  // A ZIP bomb is refused from the entries' declared sizes, before anything is inflated; fflate inflates
  // an entry into a buffer of its declared size, so a lie about it only breaks the entry's checksum.
  let total = 0;
  const over: { name?: string } = {};
  try {
    files = unzipSync(data, {
      filter: (f) => {
        total += f.originalSize;
        if (f.originalSize > limits.entryBytes || total > limits.totalBytes) over.name ??= f.name;
        return over.name === undefined;
      },
    });
  } catch {
    throw new ArchiveError('Файл не является ZIP-архивом выгрузки региона или повреждён');
  }
  if (over.name !== undefined)
    throw new ArchiveError(
      `Архив слишком велик в распакованном виде (файл ${over.name.slice(0, 100)}; предел — ${mb(limits.entryBytes)} МБ на файл и ${mb(limits.totalBytes)} МБ всего): импорт отклонён`,
    );
  const raw = files['manifest.json'];
  if (!raw) throw new ArchiveError('В архиве нет manifest.json: это не выгрузка региона Опоры');
  const m = parseManifest(raw, manifestSchema);
  if (!m.ok)
    throw new ArchiveError(
      m.stage === 'json'
        ? 'manifest.json повреждён (не JSON)'
        : 'manifest.json не соответствует формату выгрузки региона',
    );
  const manifest = m.manifest;
  if (manifest.formatVersion !== FORMAT_VERSION)
    throw new ArchiveError(
      `Версия формата выгрузки ${manifest.formatVersion} не поддерживается (эта установка читает версию ${FORMAT_VERSION})`,
    );
  const problems: string[] = [];
  for (const [name, expected] of Object.entries(manifest.entries)) {
    const body = files[name];
    if (!body) problems.push(`нет файла ${name}`);
    // Size first: a body of another size is not hashed.
    else if (
      body.length !== expected.bytes ||
      mismatch({ sha256: sha256(body), bytes: body.length }, expected)
    )
      problems.push(`контрольная сумма ${name} не совпадает`);
  }
  for (const name of Object.keys(files))
    if (name !== 'manifest.json' && !manifest.entries[name]) problems.push(`лишний файл ${name}`);
  if (problems.length)
    throw new ArchiveError(
      `Архив изменён или повреждён, импорт отклонён: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` и ещё ${problems.length - 5}` : ''}`,
    );
  return {
    manifest,
    entry: (name) => {
      const body = files[name];
      if (!body) throw new ArchiveError(`нет файла ${name}`);
      return body;
    },
  };
}

/** A refused archive: the message says what is wrong, in Russian. */
export class ArchiveError extends AppError {
  constructor(message: string) {
    super('INVALID_INPUT', message);
  }
}
