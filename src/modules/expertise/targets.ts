import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { ExpertiseSubject } from '../../db/schema/expertise.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { schoolDocuments } from '../../db/schema/programs.js';
import { roadmaps } from '../../db/schema/roadmaps.js';
import { invalid, notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { regionOfPath } from '../access/region-level.js';
import { subjectOfDocumentKind } from './default-criteria.js';
import { readsPath } from './review-access.js';
import { MSG } from './strings.js';

// What an expertise examines: a school's document (the programs module's table, read only here) or a
// municipal roadmap. Both resolve to the examined unit, its region and the criteria subject.

export type Target = {
  schoolDocumentId: string | null;
  roadmapId: string | null;
  unitId: string;
  unitPath: string;
  regionId: string;
  subject: ExpertiseSubject;
  title: string;
  status: string;
};

export async function loadTarget(
  db: Db,
  actor: Actor | null,
  ref: { schoolDocumentId?: string | null; roadmapId?: string | null },
): Promise<Target> {
  if (ref.schoolDocumentId) {
    const [row] = await db
      .select({ d: schoolDocuments, path: orgUnits.path })
      .from(schoolDocuments)
      .innerJoin(orgUnits, eq(orgUnits.id, schoolDocuments.schoolId))
      .where(eq(schoolDocuments.id, ref.schoolDocumentId));
    if (!row || (actor && !readsPath(actor, row.path))) throw notFound('Документ');
    return {
      schoolDocumentId: row.d.id,
      roadmapId: null,
      unitId: row.d.schoolId,
      unitPath: row.path,
      regionId: regionOfPath(row.path) ?? '',
      subject: subjectOfDocumentKind(row.d.kind),
      title: row.d.title,
      status: row.d.status,
    };
  }
  const [row] = await db
    .select({ r: roadmaps, path: orgUnits.path, kind: orgUnits.kind })
    .from(roadmaps)
    .innerJoin(orgUnits, eq(orgUnits.id, roadmaps.orgUnitId))
    .where(eq(roadmaps.id, ref.roadmapId ?? ''));
  if (!row || (actor && !readsPath(actor, row.path))) throw notFound('Дорожная карта');
  if (row.kind !== 'municipality')
    throw invalid(MSG.roadmapNotMunicipal, [{ field: 'roadmapId', message: MSG.roadmapNotMunicipal }]);
  return {
    schoolDocumentId: null,
    roadmapId: row.r.id,
    unitId: row.r.orgUnitId,
    unitPath: row.path,
    regionId: regionOfPath(row.path) ?? '',
    subject: 'municipal_roadmap',
    title: row.r.title,
    status: row.r.status,
  };
}
