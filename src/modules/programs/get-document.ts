import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import { programMeasureLinks, schoolDocumentVersions } from '../../db/schema/programs.js';
import { items } from '../../db/schema/roadmaps.js';
import type { Actor } from '../access/actor.js';
import { documentContentSchema } from './content.js';
import { type DocumentAccess, loadDocumentAccess } from './document-access.js';
import { historyText } from './history-text.js';
import type { documentDetailView } from './views.js';

type Detail = z.infer<typeof documentDetailView>;
const FINISHED = ['done', 'cancelled'];

/** Each carried-over measure's progress, read from its roadmap item: nothing is stored twice. */
export async function measureProgress(
  db: Db,
  documentId: string,
  today = new Date().toISOString().slice(0, 10),
) {
  const rows = await db
    .select({
      measureKey: programMeasureLinks.measureKey,
      itemId: items.id,
      roadmapId: items.roadmapId,
      status: items.status,
      dueDate: items.dueDate,
      confirmation: items.confirmation,
    })
    .from(programMeasureLinks)
    .innerJoin(items, eq(items.id, programMeasureLinks.itemId))
    .where(eq(programMeasureLinks.documentId, documentId))
    .orderBy(asc(items.position));
  return rows.map((r) => ({
    ...r,
    overdue: !!r.dueDate && r.dueDate < today && !FINISHED.includes(r.status),
  }));
}

export async function documentVersions(db: Db, doc: DocumentAccess['doc']) {
  const frozen = await db
    .select()
    .from(schoolDocumentVersions)
    .where(eq(schoolDocumentVersions.documentId, doc.id))
    .orderBy(asc(schoolDocumentVersions.versionNo));
  const refs: {
    versionNo: number;
    frozen: boolean;
    orderNumber: string | null;
    orderDate: string | null;
    approvedAt: string | null;
  }[] = frozen.map((v) => ({
    versionNo: v.versionNo,
    frozen: true,
    orderNumber: v.orderNumber,
    orderDate: v.orderDate,
    approvedAt: v.approvedAt.toISOString(),
  }));
  if (!frozen.some((v) => v.versionNo === doc.versionNo))
    refs.push({
      versionNo: doc.versionNo,
      frozen: false,
      orderNumber: null,
      orderDate: null,
      approvedAt: null,
    });
  return { refs, frozen };
}

export function summaryOf(doc: DocumentAccess['doc'], schoolName: string) {
  const content = documentContentSchema.parse(doc.content);
  return {
    id: doc.id,
    schoolId: doc.schoolId,
    schoolName,
    year: doc.year,
    kind: doc.kind,
    factorCode: doc.factorCode,
    title: doc.title,
    status: doc.status,
    versionNo: doc.versionNo,
    version: doc.version,
    measures: content.measures.length,
    updatedAt: doc.updatedAt.toISOString(),
  };
}

/** Access: whoever reads the school. The document with the actor's rights, progress, versions and history. */
export async function getDocument(db: Db, opts: { actor: Actor; documentId: string }): Promise<Detail> {
  const access = await loadDocumentAccess(db, opts.actor, opts.documentId);
  const { doc } = access;
  const progress = await measureProgress(db, doc.id);
  const { refs } = await documentVersions(db, doc);
  const events = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'school_document'), eq(auditEvents.entityId, doc.id)))
    .orderBy(asc(auditEvents.id));
  const editable = doc.status === 'draft' || doc.status === 'rework';
  return {
    ...summaryOf(doc, access.school.name),
    content: documentContentSchema.parse(doc.content),
    orderNumber: doc.orderNumber,
    orderDate: doc.orderDate,
    hasOrderFile: doc.orderFileId !== null,
    rights: {
      edit: access.canKeep && editable,
      submit: access.canKeep && editable,
      curate: access.canCurate && doc.status === 'curator_review',
      govern: access.canGovern && ['agreed', 'expertise', 'approved'].includes(doc.status),
      discuss: access.canDiscuss,
      newVersion: access.canKeep && (doc.status === 'approved' || doc.status === 'published'),
    },
    progress,
    versions: refs,
    history: events.map((e) => ({
      at: e.at.toISOString(),
      actorName: e.actorName,
      type: e.type,
      text: historyText(e.type, e.payload as Record<string, unknown>),
    })),
  };
}
