import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import tar from 'tar-stream';
import { MANIFEST, type Manifest } from './manifest.js';

// The archive is a plain .tar.gz (an administrator can list it with `tar tzf`): manifest.json first,
// then db/<table>.copy (PostgreSQL COPY text format) and files/<key>. Written and read as streams.

/** Gzip level 6: on the demo 1.7 MB against 2.1 MB at level 1, in the same time within noise (ADR 0043). */
export const DEFAULT_GZIP_LEVEL = 6;

export async function writeArchive(
  out: string,
  stage: string,
  manifest: Manifest,
  level = DEFAULT_GZIP_LEVEL,
) {
  const tmp = `${out}.tmp`;
  const pack = tar.pack();
  const written = pipeline(pack, zlib.createGzip({ level }), fs.createWriteStream(tmp, { mode: 0o600 })); // password hashes, sessions
  try {
    const body = Buffer.from(JSON.stringify(manifest, null, 1));
    await addEntry(pack, MANIFEST, body.length, undefined, body);
    for (const e of [...manifest.tables, ...manifest.files]) {
      const file = path.join(stage, e.entry);
      await addEntry(pack, e.entry, e.bytes, file);
    }
    pack.finalize();
    await written;
  } catch (e) {
    pack.destroy(e as Error);
    await written.catch(() => {});
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.renameSync(tmp, out); // never half an archive under its real name
}

function addEntry(pack: tar.Pack, name: string, size: number, file?: string, body?: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const header = { name, size, mode: 0o600, mtime: new Date(0) };
    if (body) {
      pack.entry(header, body, (e) => (e ? reject(e) : resolve()));
      return;
    }
    const sink = pack.entry(header, (e) => (e ? reject(e) : resolve()));
    const source = fs.createReadStream(file ?? '');
    source.on('error', reject);
    source.pipe(sink as unknown as NodeJS.WritableStream);
  });
}

export type Entry = { name: string; size: number; stream: Readable };

/**
 * The entries of an archive in order. Each entry's stream must be read to its end (or the loop left)
 * before the next one comes; leaving the loop stops reading the file.
 */
export async function* readArchive(file: string): AsyncGenerator<Entry> {
  const extract = tar.extract();
  const source = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  source.on('error', (e) => extract.destroy(e));
  gunzip.on('error', (e) => extract.destroy(e));
  source.pipe(gunzip).pipe(extract as unknown as NodeJS.WritableStream);
  try {
    for await (const entry of extract) {
      yield { name: entry.header.name, size: entry.header.size ?? 0, stream: entry as unknown as Readable };
      entry.resume(); // whatever the caller left unread
    }
  } finally {
    source.destroy();
  }
}
