import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { identificationLists } from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { publications } from '../../db/schema/publication.js';
import type { PublicationKind } from '../../db/schema/values.js';
import { notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { listVisible } from '../identification/lists-access.js';
import { loadDocumentAccess } from '../programs/document-access.js';
import { loadReport } from '../reports/report-access.js';
import { getRoadmap } from '../roadmaps/get-roadmap.js';
import { loadRoadmapAccess } from '../roadmaps/roadmap-access.js';
import { selectPublications } from './list-publications.js';
import { documentSnapshotOf } from './publish-document.js';
import { latestPublications, stateOf } from './publishable.js';
import { canPublishFor } from './rights.js';
import { roadmapSnapshotOf } from './roadmap-snapshot.js';
import type { ObjectPublicationsView } from './views.js';

// The publications of one object with what the actor may do — the «Опубликовать» / «Опубликовано
// (версия N)» control on the object's own page. Access: whoever sees the object (its module's rule);
// an object he does not see is reported as missing.

type Loaded = {
  eligible: boolean;
  unit: Parameters<typeof canPublishFor>[2];
  objectVersion: number;
  fresh?: () => Promise<unknown>;
};

async function loadObject(db: Db, actor: Actor, kind: PublicationKind, id: string): Promise<Loaded> {
  switch (kind) {
    case 'roadmap': {
      const a = await loadRoadmapAccess(db, actor, id);
      return {
        eligible: a.roadmap.status === 'approved',
        unit: a.owner,
        objectVersion: a.roadmap.version,
        fresh: async () => roadmapSnapshotOf(await getRoadmap(db, { actor, roadmapId: id })),
      };
    }
    case 'school_document': {
      const a = await loadDocumentAccess(db, actor, id);
      const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.id, a.school.id));
      if (!unit) throw notFound('Документ');
      return {
        eligible: a.doc.status === 'approved' || a.doc.status === 'published',
        unit,
        objectVersion: a.doc.version,
        fresh: async () => documentSnapshotOf(a.doc, a.school),
      };
    }
    case 'analytic_report': {
      const { report, unit } = await loadReport(db, actor, id);
      return { eligible: report.status === 'issued', unit, objectVersion: report.version };
    }
    case 'identification_list': {
      const [row] = await db
        .select({ l: identificationLists, u: orgUnits })
        .from(identificationLists)
        .innerJoin(orgUnits, eq(orgUnits.id, identificationLists.regionId))
        .where(and(eq(identificationLists.id, id), listVisible(actor)));
      if (!row) throw notFound('Список');
      return { eligible: row.l.status === 'approved', unit: row.u, objectVersion: row.l.version };
    }
  }
}

export async function objectPublications(
  db: Db,
  opts: { actor: Actor; kind: PublicationKind; objectId: string },
): Promise<ObjectPublicationsView> {
  const o = await loadObject(db, opts.actor, opts.kind, opts.objectId);
  const versions = await selectPublications(
    db,
    opts.actor,
    [eq(publications.kind, opts.kind), eq(publications.objectId, opts.objectId)],
    true,
  );
  const latest = (await latestPublications(db, [opts.objectId])).get(opts.objectId);
  const canPublish = canPublishFor(opts.actor, opts.kind, o.unit);
  return {
    eligible: o.eligible,
    canPublish,
    // Comparing with a fresh snapshot costs a read of the object: only for whoever may publish it.
    state: await stateOf(latest, canPublish && o.eligible ? o.fresh : undefined),
    objectVersion: o.objectVersion,
    versions,
  };
}
