import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { schoolDocumentComments, schoolDocuments } from '../../db/schema/programs.js';
import type { SchoolDocumentStatus } from '../../db/schema/values.js';
import { conflict, invalid } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { type DocumentRow, documentTarget } from './document-access.js';
import { MSG, STATUS_LABELS } from './strings.js';

// The one step every transition of the workflow takes (submit, agree, return, expertise, approve,
// publish): checked source status and version, one versioned update, one history event, and the
// comment of a return kept as a comment on the whole document — all in the caller's transaction.

export function assertFrom(
  doc: DocumentRow,
  from: readonly SchoolDocumentStatus[],
  action: string,
  version: number,
) {
  if (doc.version !== version) throw conflict({ version: doc.version });
  if (!from.includes(doc.status)) throw invalid(MSG.wrongStatus(STATUS_LABELS[doc.status], action));
}

export async function setDocumentStatus(
  tx: Db,
  actor: Actor,
  doc: DocumentRow,
  to: SchoolDocumentStatus,
  extra: {
    version: number;
    comment?: string | null;
    patch?: Partial<typeof schoolDocuments.$inferInsert>;
    order?: { orderNumber: string; orderDate: string };
  },
): Promise<DocumentRow> {
  const [updated] = await tx
    .update(schoolDocuments)
    .set({ ...extra.patch, status: to, version: sql`${schoolDocuments.version} + 1`, updatedAt: new Date() })
    .where(and(eq(schoolDocuments.id, doc.id), eq(schoolDocuments.version, extra.version)))
    .returning();
  if (!updated) throw conflict();
  const comment = extra.comment?.trim() || null;
  if (comment)
    await tx.insert(schoolDocumentComments).values({
      documentId: doc.id,
      versionNo: doc.versionNo,
      anchor: 'document',
      text: comment,
      authorId: actor.userId,
    });
  await recordEvent(tx, actor, 'school_document.status_changed', documentTarget(doc), {
    from: doc.status,
    to,
    comment,
    ...extra.order,
  });
  return updated;
}
