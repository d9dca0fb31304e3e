import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { files } from '../../db/schema/files.js';
import { AppError } from '../../lib/errors.js';
import { checkFileType } from './file-types.js';
import type { FileStorage } from './storage.js';

export type Upload = { name: string; data: Buffer };

/** Stores the body first, then the row: a failure leaves at most an unreferenced blob, never a broken row. */
export async function saveFile(
  db: Db,
  storage: FileStorage,
  opts: { upload: Upload; userId: string; maxBytes: number },
) {
  const { upload } = opts;
  if (upload.data.length > opts.maxBytes) {
    throw new AppError('TOO_LARGE', `Файл больше допустимых ${Math.round(opts.maxBytes / 1048576)} МБ`);
  }
  const name = upload.name.replace(/[\\/\0<>:"|?*]/g, '_').slice(-200) || 'файл';
  const mime = checkFileType(name, upload.data);
  const sha256 = createHash('sha256').update(upload.data).digest('hex');
  await storage.put(sha256, upload.data);
  const [row] = await db
    .insert(files)
    .values({ storageKey: sha256, name, mime, size: upload.data.length, sha256, uploadedBy: opts.userId })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}
