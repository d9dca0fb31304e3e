import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { schoolDocumentVersions } from '../../db/schema/programs.js';
import { parseInput } from '../../lib/errors.js';
import { isoDate } from '../../lib/input.js';
import type { Actor } from '../access/actor.js';
import { loadDocumentFor } from './document-access.js';
import { assertFrom, setDocumentStatus } from './set-document-status.js';
import { transferMeasures } from './transfer-measures.js';
import { versionInput } from './transitions.js';

export const approveDocumentInput = versionInput.extend({
  orderNumber: z
    .string({ message: 'Укажите номер приказа' })
    .trim()
    .min(1, 'Укажите номер приказа')
    .max(100, 'Номер приказа — не длиннее 100 символов'),
  orderDate: isoDate('Дата приказа в формате ГГГГ-ММ-ДД'),
});
export type ApproveDocumentInput = z.input<typeof approveDocumentInput>;

/**
 * Access: the region's operator or the school's municipality; a document after expertise. The approved
 * version is frozen (a row of school_document_versions that nothing updates) and the document's measures
 * go into the school's roadmap — all in one transaction, so an approval never leaves measures behind.
 */
export async function approveDocument(
  db: Db,
  opts: { actor: Actor; documentId: string; input: ApproveDocumentInput },
) {
  const input = parseInput(approveDocumentInput, opts.input);
  const { doc } = await loadDocumentFor(db, opts.actor, opts.documentId, 'canGovern');
  assertFrom(doc, ['expertise'], 'утвердить', input.version);
  return db.transaction(async (tx) => {
    const order = { orderNumber: input.orderNumber, orderDate: input.orderDate };
    const approved = await setDocumentStatus(tx, opts.actor, doc, 'approved', {
      version: input.version,
      patch: order,
      order,
    });
    await tx.insert(schoolDocumentVersions).values({
      documentId: doc.id,
      versionNo: approved.versionNo,
      title: approved.title,
      content: approved.content,
      orderNumber: input.orderNumber,
      orderDate: input.orderDate,
      approvedBy: opts.actor.userId,
    });
    const transfer = await transferMeasures(tx, opts.actor, approved);
    return { document: approved, transfer };
  });
}
