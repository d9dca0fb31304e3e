import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { files } from '../../db/schema/files.js';
import { AppError } from '../../lib/errors.js';
import { checkFileType } from './file-types.js';
import type { FileStorage } from './storage.js';

export type Upload = { name: string; data: Buffer };

// Control characters and invisible format characters, among them the direction marks and overrides
// (U+200E/F, U+202A–U+202E, U+2066–U+2069) that let «отчёт\u202Efdp.exe» display as «отчётexe.pdf»;
// line and paragraph separators too.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** A file name safe to store, show and send back: no hidden characters, no path separators. */
export function cleanFileName(raw: string): string {
  const name = raw
    .replace(INVISIBLE, '')
    .replace(/[\\/<>:"|?*]/g, '_')
    .trim()
    .slice(-200);
  return name || 'файл';
}

/**
 * Content-Disposition for a download: names stored before cleaning existed are cleaned here too;
 * RFC 5987 encoding, with the characters encodeURIComponent leaves (' ( ) *) escaped as well.
 */
export function attachmentDisposition(name: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const encoded = encodeURIComponent(cleanFileName(name)).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="file"; filename*=UTF-8''${encoded}`;
}

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
  const name = cleanFileName(upload.name);
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
