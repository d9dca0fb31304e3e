import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { journal, knownLevel } from './catalog.js';
import { MANIFEST, type Manifest, manifestSchema } from './manifest.js';
import { BACKUP, BackupError } from './strings.js';
import { readArchive } from './tar.js';

/** What an entry is expected to be: its checksum, size, and for a table its row count. */
export type Expected = { sha256: string; bytes: number; rows?: number };

export function expectations(m: Manifest): Map<string, Expected> {
  const out = new Map<string, Expected>();
  for (const t of m.tables) out.set(t.entry, { sha256: t.sha256, bytes: t.bytes, rows: t.rows });
  for (const f of m.files) out.set(f.entry, { sha256: f.sha256, bytes: f.bytes });
  return out;
}

/**
 * Reads the whole archive once without touching any database: the manifest must be valid, every entry
 * it lists present once with its SHA-256, size and (tables) row count, nothing else inside, and its
 * migration level the one this Opora is at. A manifest whose counts were edited fails on the rows; an
 * entry with one byte changed fails on its checksum. Returns the manifest.
 */
export async function verifyArchive(file: string): Promise<Manifest> {
  let manifest: Manifest | undefined;
  let expected = new Map<string, Expected>();
  const seen = new Set<string>();
  try {
    for await (const entry of readArchive(file)) {
      if (!manifest) {
        if (entry.name !== MANIFEST) throw new BackupError(BACKUP.notArchive(file, BACKUP.noManifest));
        manifest = parseManifest(file, await readAll(entry.stream));
        checkLevel(manifest);
        expected = expectations(manifest);
        continue;
      }
      const want = expected.get(entry.name);
      if (!want) throw new BackupError(BACKUP.tampered(entry.name, BACKUP.unexpected));
      if (seen.has(entry.name)) throw new BackupError(BACKUP.tampered(entry.name, BACKUP.duplicate));
      seen.add(entry.name);
      checkEntry(entry.name, await measure(entry.stream), want);
    }
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(BACKUP.notArchive(file, e instanceof Error ? e.message : String(e)));
  }
  if (!manifest) throw new BackupError(BACKUP.notArchive(file, BACKUP.noManifest));
  for (const name of expected.keys()) {
    if (!seen.has(name)) throw new BackupError(BACKUP.tampered(name, BACKUP.absent));
  }
  return manifest;
}

export type Measured = { sha256: string; bytes: number; rows: number };

export async function measure(
  stream: AsyncIterable<Buffer>,
  each?: (chunk: Buffer) => void,
): Promise<Measured> {
  const hash = createHash('sha256');
  let bytes = 0;
  let rows = 0;
  for await (const chunk of stream) {
    hash.update(chunk);
    bytes += chunk.length;
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) rows++;
    each?.(chunk);
  }
  return { sha256: hash.digest('hex'), bytes, rows };
}

export function checkEntry(name: string, got: Measured, want: Expected): void {
  if (got.bytes !== want.bytes)
    throw new BackupError(BACKUP.tampered(name, BACKUP.size(got.bytes, want.bytes)));
  if (got.sha256 !== want.sha256) throw new BackupError(BACKUP.tampered(name, BACKUP.checksum));
  if (want.rows !== undefined && got.rows !== want.rows) {
    throw new BackupError(BACKUP.tampered(name, BACKUP.rows(got.rows, want.rows)));
  }
}

function parseManifest(file: string, body: Buffer): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch (e) {
    throw new BackupError(BACKUP.notArchive(file, BACKUP.badManifest((e as Error).message)));
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const why = `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`;
    throw new BackupError(BACKUP.notArchive(file, BACKUP.badManifest(why)));
  }
  return parsed.data;
}

/**
 * The archive must be at this Opora's migration level. Newer: this code does not know those tables.
 * Older: refused too (ADR 0043) — the upgrade path from an older level is the one every start runs
 * (openDatabase applies migrations), so restore with the version that made the copy, then upgrade.
 */
export function checkLevel(m: Manifest): void {
  const known = knownLevel();
  const name = `${m.migration.tag}`;
  if (m.migration.createdAt > known.createdAt) throw new BackupError(BACKUP.newer(name, known.tag));
  const entry = journal().entries.find((e) => e.when === m.migration.createdAt);
  if (!entry || entry.tag !== m.migration.tag) throw new BackupError(BACKUP.unknownLevel(name));
  if (m.migration.createdAt < known.createdAt) {
    throw new BackupError(BACKUP.older(name, known.tag, m.oporaVersion));
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}
