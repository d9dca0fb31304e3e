import fs from 'node:fs';
import path from 'node:path';

/**
 * Where file bodies live (src/modules/files/storage.ts): a directory `<dir>/<key[0..2]>/<key>` in the
 * embedded setup, table file_blobs with PostgreSQL. The backup reads them inside its snapshot, the
 * restore writes them in its transaction (file_blobs) or beside it (a directory, removed again when
 * the transaction fails).
 */
export type StorageSpec = { kind: 'database' } | { kind: 'local'; dir: string };

export const localPath = (dir: string, key: string) => path.join(dir, key.slice(0, 2), key);

/** Every stored body in a local directory (half-written `.tmp` files are not files). */
export async function localKeys(dir: string): Promise<string[]> {
  const keys: string[] = [];
  const shards = await fs.promises.readdir(dir).catch(() => [] as string[]);
  for (const shard of shards.sort()) {
    const names = await fs.promises.readdir(path.join(dir, shard)).catch(() => [] as string[]);
    for (const name of names.sort()) if (!name.endsWith('.tmp') && name.startsWith(shard)) keys.push(name);
  }
  return keys;
}
