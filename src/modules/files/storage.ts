import fs from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { fileBlobs } from '../../db/schema/files.js';

/** Where file bodies live; metadata is always in the `files` table. */
export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

/** Every key is the SHA-256 of the body in lower-case hex (save-file, publications, region export). */
export const STORAGE_KEY = /^[0-9a-f]{64}$/;

/** A directory on the local disk: the embedded single-instance setup. */
export function localStorage(dir: string): FileStorage {
  const root = path.resolve(dir);
  // Defence in depth: a key from outside (an imported archive) must never name a path outside `dir`.
  const file = (key: string) => {
    if (!STORAGE_KEY.test(key)) throw new Error(`Недопустимый ключ хранилища файлов: ${key.slice(0, 80)}`);
    const full = path.resolve(root, key.slice(0, 2), key);
    if (!full.startsWith(`${root}${path.sep}`)) throw new Error('Ключ хранилища указывает вне его каталога');
    return full;
  };
  return {
    async put(key, data) {
      await fs.mkdir(path.dirname(file(key)), { recursive: true });
      const tmp = `${file(key)}.tmp`;
      await fs.writeFile(tmp, data);
      await fs.rename(tmp, file(key)); // never a half-written file under the real name
    },
    async get(key) {
      return fs.readFile(file(key)).catch(() => null);
    },
    async delete(key) {
      await fs.rm(file(key), { force: true });
    },
  };
}

/** Blobs in PostgreSQL: every instance behind a load balancer sees the same files. */
export function databaseStorage(db: Db): FileStorage {
  return {
    async put(key, data) {
      await db.insert(fileBlobs).values({ key, data, size: data.length }).onConflictDoNothing();
    },
    async get(key) {
      const [row] = await db.select({ data: fileBlobs.data }).from(fileBlobs).where(eq(fileBlobs.key, key));
      return row ? row.data : null;
    },
    async delete(key) {
      await db.delete(fileBlobs).where(eq(fileBlobs.key, key));
    },
  };
}
