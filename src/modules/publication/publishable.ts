import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { identificationLists } from '../../db/schema/identification.js';
import { analyticReports } from '../../db/schema/monitoring.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { schoolDocuments } from '../../db/schema/programs.js';
import { publications } from '../../db/schema/publication.js';
import { roadmaps } from '../../db/schema/roadmaps.js';
import type { PublicationKind } from '../../db/schema/values.js';
import { byRussian } from '../../lib/sort.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { identificationRegions } from '../identification/identification-access.js';
import { listKindTitle } from '../identification/list-kinds.js';
import { getRoadmap } from '../roadmaps/get-roadmap.js';
import { documentSnapshotOf } from './publish-document.js';
import { canPublishFor } from './rights.js';
import { roadmapSnapshotOf } from './roadmap-snapshot.js';
import { sameContent } from './same-content.js';
import type { PublicationState, PublishableView } from './views.js';

// «Можно опубликовать»: what the actor may publish — approved roadmaps he keeps, approved or published
// documents of the schools he governs, issued reports he authored, approved lists of his region — each
// with its state. A roadmap or a document changed since its current publication is «changed»: it is
// shown here to be published again, never re-published by itself.

type Candidate = Omit<PublishableView, 'state' | 'currentVersion'> & { changed?: () => Promise<unknown> };

async function roadmapCandidates(db: Db, actor: Actor): Promise<Candidate[]> {
  const own = actor.assignments.map((a) => a.orgUnitId);
  if (own.length === 0) return [];
  const rows = await db
    .select({ r: roadmaps, u: orgUnits })
    .from(roadmaps)
    .innerJoin(orgUnits, eq(orgUnits.id, roadmaps.orgUnitId))
    .where(
      and(
        eq(roadmaps.status, 'approved'),
        or(inArray(orgUnits.id, own), and(eq(orgUnits.kind, 'institution'), inArray(orgUnits.parentId, own))),
      ),
    );
  return rows
    .filter(({ u }) => canPublishFor(actor, 'roadmap', u))
    .map(({ r, u }) => ({
      kind: 'roadmap' as const,
      objectId: r.id,
      title: r.title,
      orgUnitId: u.id,
      unitName: u.name,
      objectVersion: r.version,
      appPath: `/roadmaps/${r.id}`,
      changed: async () => roadmapSnapshotOf(await getRoadmap(db, { actor, roadmapId: r.id })),
    }));
}

async function documentCandidates(db: Db, actor: Actor): Promise<Candidate[]> {
  const rows = await db
    .select({ d: schoolDocuments, u: orgUnits })
    .from(schoolDocuments)
    .innerJoin(orgUnits, eq(orgUnits.id, schoolDocuments.schoolId))
    .where(
      and(inArray(schoolDocuments.status, ['approved', 'published']), pathReadable(actor, orgUnits.path)),
    );
  return rows
    .filter(({ u }) => canPublishFor(actor, 'school_document', u))
    .map(({ d, u }) => ({
      kind: 'school_document' as const,
      objectId: d.id,
      title: d.title,
      orgUnitId: u.id,
      unitName: u.name,
      objectVersion: d.version,
      appPath: `/programs/${d.id}`,
      changed: async () => documentSnapshotOf(d, u),
    }));
}

async function reportCandidates(db: Db, actor: Actor): Promise<Candidate[]> {
  const rows = await db
    .select({ r: analyticReports, u: orgUnits })
    .from(analyticReports)
    .innerJoin(orgUnits, eq(orgUnits.id, analyticReports.orgUnitId))
    .where(and(eq(analyticReports.status, 'issued'), pathReadable(actor, orgUnits.path)));
  return rows
    .filter(({ u }) => canPublishFor(actor, 'analytic_report', u))
    .map(({ r, u }) => ({
      kind: 'analytic_report' as const,
      objectId: r.id,
      title: r.title,
      orgUnitId: u.id,
      unitName: u.name,
      objectVersion: r.version,
      appPath: `/reports/${r.id}`,
    }));
}

async function listCandidates(db: Db, actor: Actor): Promise<Candidate[]> {
  const regions = identificationRegions(actor, 'write');
  if (regions.length === 0) return [];
  const rows = await db
    .select({ l: identificationLists, u: orgUnits })
    .from(identificationLists)
    .innerJoin(orgUnits, eq(orgUnits.id, identificationLists.regionId))
    .where(and(eq(identificationLists.status, 'approved'), inArray(identificationLists.regionId, regions)));
  return rows.map(({ l, u }) => ({
    kind: 'identification_list' as const,
    objectId: l.id,
    title: listKindTitle(l.kind, l.year),
    orgUnitId: u.id,
    unitName: u.name,
    objectVersion: l.version,
    appPath: `/identification/lists/${l.id}`,
  }));
}

/** Each object's latest publication (current or withdrawn), one query for all of them. */
export async function latestPublications(db: Db, objectIds: string[]) {
  const latest = new Map<string, typeof publications.$inferSelect>();
  if (objectIds.length === 0) return latest;
  const rows = await db
    .select()
    .from(publications)
    .where(and(inArray(publications.objectId, objectIds), isNull(publications.supersededAt)));
  for (const p of rows) {
    const had = latest.get(p.objectId);
    if (!had || had.version < p.version) latest.set(p.objectId, p);
  }
  return latest;
}

export async function stateOf(
  latest: typeof publications.$inferSelect | undefined,
  fresh: (() => Promise<unknown>) | undefined,
): Promise<PublicationState> {
  if (!latest) return 'never';
  if (latest.withdrawnAt) return 'withdrawn';
  if (fresh && !sameContent(latest.snapshot, await fresh())) return 'changed';
  return 'current';
}

/** Access: whoever is signed in; the answer holds only what he may publish. */
export async function listPublishable(
  db: Db,
  opts: { actor: Actor; kind?: PublicationKind },
): Promise<PublishableView[]> {
  const loaders = {
    roadmap: roadmapCandidates,
    school_document: documentCandidates,
    analytic_report: reportCandidates,
    identification_list: listCandidates,
  };
  const kinds = opts.kind ? [opts.kind] : (Object.keys(loaders) as PublicationKind[]);
  const candidates = (await Promise.all(kinds.map((k) => loaders[k](db, opts.actor)))).flat();
  const latest = await latestPublications(
    db,
    candidates.map((c) => c.objectId),
  );
  const out: PublishableView[] = [];
  for (const { changed, ...c } of candidates) {
    const p = latest.get(c.objectId);
    out.push({
      ...c,
      state: await stateOf(p, changed),
      currentVersion: p && !p.withdrawnAt ? p.version : null,
    });
  }
  return out.sort(byRussian((x) => `${x.unitName}\u0000${x.title}`));
}
