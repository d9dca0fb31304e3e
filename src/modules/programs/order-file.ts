import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { files } from '../../db/schema/files.js';
import { schoolDocuments } from '../../db/schema/programs.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { saveFile, type Upload } from '../files/save-file.js';
import type { FileStorage } from '../files/storage.js';
import { documentTarget, loadDocumentAccess, loadDocumentFor } from './document-access.js';
import { MSG, STATUS_LABELS } from './strings.js';

// The scanned order that approved a document: attached by whoever approves, read by whoever sees the
// document. Served here rather than through /api/files, whose access follows roadmaps and lists.

/** Access: the region's operator or the school's municipality; an approved or published document. */
export async function attachDocumentOrderFile(
  db: Db,
  storage: FileStorage,
  opts: { actor: Actor; documentId: string; upload: Upload; maxBytes: number },
) {
  const { doc } = await loadDocumentFor(db, opts.actor, opts.documentId, 'canGovern');
  if (doc.status !== 'approved' && doc.status !== 'published')
    throw invalid(MSG.wrongStatus(STATUS_LABELS[doc.status], 'приложить приказ до утверждения'));
  const file = await saveFile(db, storage, {
    upload: opts.upload,
    userId: opts.actor.userId,
    maxBytes: opts.maxBytes,
  });
  return db.transaction(async (tx) => {
    // The document as it was read: a new version started meanwhile (a draft again) or another
    // attachment gets 409 instead of an order written onto a document it does not approve.
    const [row] = await tx
      .update(schoolDocuments)
      .set({ orderFileId: file.id, version: sql`${schoolDocuments.version} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(schoolDocuments.id, doc.id),
          eq(schoolDocuments.version, doc.version),
          inArray(schoolDocuments.status, ['approved', 'published']),
        ),
      )
      .returning({ id: schoolDocuments.id });
    if (!row) throw conflict({ version: doc.version });
    await recordEvent(tx, opts.actor, 'school_document.updated', documentTarget(doc), {
      versionNo: doc.versionNo,
      fields: ['orderFile'],
    });
    return file;
  });
}

/** Access: whoever sees the document. */
export async function readDocumentOrderFile(
  db: Db,
  storage: FileStorage,
  opts: { actor: Actor; documentId: string },
) {
  const { doc } = await loadDocumentAccess(db, opts.actor, opts.documentId);
  if (!doc.orderFileId) throw notFound('Файл');
  const [file] = await db.select().from(files).where(eq(files.id, doc.orderFileId));
  const data = file ? await storage.get(file.storageKey) : null;
  if (!file || !data) throw notFound('Файл');
  return { file, data };
}
