import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import tar from 'tar-stream';
import type { Database } from '../../db/client.js';
import { inTransaction, quoteIdent } from './conn.js';
import { readArchive } from './tar.js';

// Helpers of backup.test.ts and bench/backup.ts (not used by the product).

/**
 * Per table of schema public (file_blobs and sessions included) its row count and a hash of every row's
 * text, read with the same session settings on both engines so that a PGlite and a PostgreSQL database
 * holding the same rows give the same map.
 */
export async function contentOf(database: Database): Promise<Map<string, string>> {
  return inTransaction(database, 'snapshot', async (c) => {
    const tables = await c.rows<{ t: string }>(
      `select tablename as t from pg_tables where schemaname = 'public' order by tablename`,
    );
    const out = new Map<string, string>();
    for (const { t } of tables) {
      const [r] = await c.rows<{ n: number; h: string }>(
        `select count(*)::int as n, md5(coalesce(string_agg(x::text, E'\\n' order by x::text), '')) as h from ${quoteIdent(t)} x`,
      );
      out.set(t, `${r?.n}:${r?.h}`);
    }
    return out;
  });
}

/** key → SHA-256 of every body in file_blobs. */
export async function fileBodies(database: Database): Promise<Record<string, string>> {
  return inTransaction(database, 'snapshot', async (c) => {
    const rows = await c.rows<{ key: string; h: string }>(
      `select key, encode(sha256(data), 'hex') as h from file_blobs order by key`,
    );
    return Object.fromEntries(rows.map((r) => [r.key, r.h]));
  });
}

/** Copies an archive entry by entry through `change` (for tampering in tests). */
export async function rewriteArchive(
  from: string,
  to: string,
  change: (name: string, body: Buffer) => Buffer,
): Promise<void> {
  const pack = tar.pack();
  const written = pipeline(pack, zlib.createGzip({ level: 1 }), fs.createWriteStream(to));
  for await (const entry of readArchive(from)) {
    const parts: Buffer[] = [];
    for await (const chunk of entry.stream) parts.push(chunk as Buffer);
    const body = change(entry.name, Buffer.concat(parts));
    await new Promise<void>((resolve, reject) =>
      pack.entry({ name: entry.name, size: body.length }, body, (e) => (e ? reject(e) : resolve())),
    );
  }
  pack.finalize();
  await written;
}
