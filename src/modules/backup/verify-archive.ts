import type { Readable } from 'node:stream';
import { type Expected, type Measured, measure, mismatch } from '../archive/digest.js';
import { journal, knownLevel } from '../archive/level.js';
import { parseManifest as parseJson } from '../archive/manifest.js';
import { MANIFEST, type Manifest, manifestSchema } from './manifest.js';
import { BACKUP, BackupError } from './strings.js';
import { readArchive } from './tar.js';

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

export function checkEntry(name: string, got: Measured, want: Expected): void {
  const m = mismatch(got, want);
  if (!m) return;
  const why =
    m.kind === 'size'
      ? BACKUP.size(m.got, m.want)
      : m.kind === 'rows'
        ? BACKUP.rows(m.got, m.want)
        : BACKUP.checksum;
  throw new BackupError(BACKUP.tampered(name, why));
}

function parseManifest(file: string, body: Buffer): Manifest {
  const parsed = parseJson(body, manifestSchema);
  if (!parsed.ok) throw new BackupError(BACKUP.notArchive(file, BACKUP.badManifest(parsed.why)));
  return parsed.manifest;
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
