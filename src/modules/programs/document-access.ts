import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { schoolDocuments } from '../../db/schema/programs.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { isRegionLevel } from '../access/region-level.js';
import type { EventTarget } from '../audit/record-event.js';
import { MSG } from './strings.js';

// Who does what with a school document (issue 11 §5). Seeing it is seeing the school (its subtree's
// readers: the school, its curator, its municipality, the region; experts are region-level readers).
// A school never sees another school's documents: they are outside its subtree and answer 404.

export type DocumentRow = typeof schoolDocuments.$inferSelect;
export type SchoolUnit = { id: string; name: string; path: string; parentId: string | null };

export type DocumentAccess = {
  doc: DocumentRow;
  school: SchoolUnit;
  /** the school's management team: edits drafts and rework, sends to the curator */
  canKeep: boolean;
  /** the school's curator: agrees or returns */
  canCurate: boolean;
  /** the region's operator or the school's municipality: expertise, approval, publication */
  canGovern: boolean;
  /** the parties of the document's dialogue: the above, the regional centre and experts */
  canDiscuss: boolean;
};

export function schoolRights(actor: Actor, school: SchoolUnit) {
  const ancestors = school.path.split('/').filter(Boolean);
  const canKeep = actor.assignments.some((a) => a.role === 'school_team' && a.orgUnitId === school.id);
  const canCurate = actor.assignments.some((a) => a.role === 'curator' && a.orgUnitId === school.id);
  const canGovern = actor.assignments.some(
    (a) =>
      (a.role === 'regional_operator' && a.governingId === ancestors[0]) ||
      (a.role === 'municipal_coordinator' && a.governingId === school.parentId),
  );
  const regionReader = actor.assignments.some(
    (a) =>
      (a.role === 'regional_center' || a.role === 'expert') &&
      isRegionLevel(a) &&
      a.governingId === ancestors[0],
  );
  return { canKeep, canCurate, canGovern, canDiscuss: canKeep || canCurate || canGovern || regionReader };
}

/** Loads a document the actor may see; an invisible one is reported exactly as a missing one. */
export async function loadDocumentAccess(db: Db, actor: Actor, documentId: string): Promise<DocumentAccess> {
  const [row] = await db
    .select({
      doc: schoolDocuments,
      school: { id: orgUnits.id, name: orgUnits.name, path: orgUnits.path, parentId: orgUnits.parentId },
    })
    .from(schoolDocuments)
    .innerJoin(orgUnits, eq(orgUnits.id, schoolDocuments.schoolId))
    .where(and(eq(schoolDocuments.id, documentId), pathReadable(actor, orgUnits.path)));
  if (!row) throw notFound('Документ');
  return { doc: row.doc, school: row.school, ...schoolRights(actor, row.school) };
}

type Right = 'canKeep' | 'canCurate' | 'canGovern' | 'canDiscuss';
const REFUSALS: Record<Right, string> = {
  canKeep: MSG.keepOnly,
  canCurate: MSG.curatorOnly,
  canGovern: MSG.governOnly,
  canDiscuss: MSG.discussOnly,
};

/** loadDocumentAccess, then 403 unless the actor has the right. */
export async function loadDocumentFor(
  db: Db,
  actor: Actor,
  documentId: string,
  right: Right,
): Promise<DocumentAccess> {
  const access = await loadDocumentAccess(db, actor, documentId);
  if (!access[right]) throw forbidden(REFUSALS[right]);
  return access;
}

export const documentTarget = (doc: Pick<DocumentRow, 'id' | 'schoolId'>): EventTarget => ({
  entityType: 'school_document',
  entityId: doc.id,
  orgUnitId: doc.schoolId,
});
