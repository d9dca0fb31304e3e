import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { files } from '../../db/schema/files.js';
import { notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { fileReadable } from './file-access.js';
import type { FileStorage } from './storage.js';

/** Access: a file is readable through the roadmap it belongs to (evidence or the approving order). */
export async function getFile(db: Db, storage: FileStorage, opts: { actor: Actor; fileId: string }) {
  const [file] = await db
    .select()
    .from(files)
    .where(and(eq(files.id, opts.fileId), fileReadable(db, opts.actor)));
  if (!file) throw notFound('Файл');
  const data = await storage.get(file.storageKey);
  if (!data) throw notFound('Файл');
  return { file, data };
}
