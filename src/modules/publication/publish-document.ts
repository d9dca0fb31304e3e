import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import type { FileStorage } from '../files/storage.js';
import { documentContentSchema } from '../programs/content.js';
import type { DocumentRow, SchoolUnit } from '../programs/document-access.js';
import { exportDocumentDocx } from '../programs/export-docx.js';
import { KIND_LABELS } from '../programs/strings.js';
import { documentApproval, documentParts, orderOf } from './document-snapshot.js';
import { documentPdf } from './render-pdf.js';
import type { DocumentSnapshot } from './snapshot.js';
import { fileBase, stageFile, storePublication } from './store-publication.js';

// The publication made by the programs' transition «опубликовать» (programs/transitions.ts
// publishDocument), in its transaction: the status and the public snapshot change together or not at
// all. The access check (the region's operator or the school's municipality) is the transition's.

export function documentSnapshotOf(doc: DocumentRow, school: SchoolUnit): DocumentSnapshot {
  return {
    unitName: school.name,
    kindLabel: KIND_LABELS[doc.kind],
    year: doc.year,
    approvedOrder: orderOf(doc.orderNumber, doc.orderDate),
    parts: documentParts(documentContentSchema.parse(doc.content)),
  };
}

/** The snapshot and the files, rendered and staged before the transition's transaction. */
export async function prepareDocumentPublication(
  db: Db,
  storage: FileStorage,
  actor: Actor,
  doc: DocumentRow,
  school: SchoolUnit,
) {
  const snapshot = documentSnapshotOf(doc, school);
  const docx = await exportDocumentDocx(db, { actor, documentId: doc.id, publicCopy: true });
  const pdf = await documentPdf(doc.title, snapshot, documentApproval(snapshot.approvedOrder));
  return {
    snapshot,
    docx: await stageFile(storage, { name: docx.fileName, data: docx.data }),
    pdf: await stageFile(storage, { name: `${fileBase(`${doc.title} ${doc.year}`)}.pdf`, data: pdf }),
  };
}

export type PreparedDocument = Awaited<ReturnType<typeof prepareDocumentPublication>>;

/** In the transition's transaction (the document's version is checked by its status update). */
export function publishDocumentIn(
  tx: Db,
  actor: Actor,
  doc: DocumentRow,
  school: SchoolUnit,
  prepared: PreparedDocument,
) {
  return storePublication(tx, actor, {
    kind: 'school_document',
    objectId: doc.id,
    orgUnitId: school.id,
    title: doc.title,
    snapshot: prepared.snapshot,
    options: {},
    docx: prepared.docx,
    pdf: prepared.pdf,
  });
}
