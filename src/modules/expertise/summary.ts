import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { expertiseReviews } from '../../db/schema/expertise.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { schoolDocuments } from '../../db/schema/programs.js';
import { roadmaps } from '../../db/schema/roadmaps.js';
import { SCHOOL_DOCUMENT_STATUSES } from '../../db/schema/values.js';
import { forbidden } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import type { Actor } from '../access/actor.js';
import { regionLevelRegions, regionPath } from '../access/region-level.js';
import { schoolsInfo } from './units.js';
import type { summaryView } from './views.js';

// The region's summary of the year: documents by status per municipality, expertise progress (assigned /
// submitted reviews), the average score of submitted reviews in per cent of the maximum, the documents on
// rework with the recommendations that sent them there, and the municipal roadmaps' expertise.

export type Summary = z.infer<typeof summaryView>;

const percent = (xs: { total: number | null; maxTotal: number }[]) => {
  const ok = xs.filter((x) => x.total !== null && x.maxTotal > 0);
  if (ok.length === 0) return null;
  return Math.round((ok.reduce((s, x) => s + (x.total ?? 0) / x.maxTotal, 0) / ok.length) * 1000) / 10;
};

export async function getSummary(db: Db, opts: { actor: Actor; year?: number }): Promise<Summary> {
  const [regionId] = regionLevelRegions(opts.actor);
  if (!regionId) throw forbidden('Свод экспертизы видят роли уровня региона');
  const inRegion = sql`${orgUnits.path} like ${`${regionPath(regionId)}%`}`;
  const year =
    opts.year ??
    (
      await db
        .select({ y: sql<number>`max(${schoolDocuments.year})` })
        .from(schoolDocuments)
        .innerJoin(orgUnits, eq(orgUnits.id, schoolDocuments.schoolId))
        .where(inRegion)
    )[0]?.y ??
    new Date().getUTCFullYear();
  const docs = await db
    .select({
      id: schoolDocuments.id,
      title: schoolDocuments.title,
      kind: schoolDocuments.kind,
      status: schoolDocuments.status,
      schoolId: schoolDocuments.schoolId,
    })
    .from(schoolDocuments)
    .innerJoin(orgUnits, eq(orgUnits.id, schoolDocuments.schoolId))
    .where(and(eq(schoolDocuments.year, Number(year)), inRegion));
  const reviews = docs.length
    ? await db
        .select({
          docId: expertiseReviews.schoolDocumentId,
          status: expertiseReviews.status,
          total: expertiseReviews.total,
          maxTotal: expertiseReviews.maxTotal,
          conclusion: expertiseReviews.conclusion,
          recommendations: expertiseReviews.recommendations,
        })
        .from(expertiseReviews)
        .where(
          inArray(
            expertiseReviews.schoolDocumentId,
            docs.map((d) => d.id),
          ),
        )
    : [];
  const info = await schoolsInfo(
    db,
    docs.map((d) => d.schoolId),
  );
  const municipalities = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'municipality'), inRegion));
  const rowOf = (ds: typeof docs) => {
    const ids = new Set(ds.map((d) => d.id));
    const rs = reviews.filter((r) => r.docId && ids.has(r.docId));
    const submitted = rs.filter((r) => r.status === 'submitted');
    const byStatus: Record<string, number> = Object.fromEntries(SCHOOL_DOCUMENT_STATUSES.map((s) => [s, 0]));
    for (const d of ds) byStatus[d.status] = (byStatus[d.status] ?? 0) + 1;
    return {
      documents: ds.length,
      byStatus,
      onRework: ds.filter(
        (d) => d.status === 'rework' || submitted.some((r) => r.docId === d.id && r.conclusion === 'rework'),
      ).length,
      reviewsAssigned: rs.length,
      reviewsSubmitted: submitted.length,
      averagePercent: percent(submitted),
    };
  };
  const rows = municipalities
    .map((m) => ({
      municipality: m,
      ...rowOf(docs.filter((d) => info.get(d.schoolId)?.municipalityId === m.id)),
    }))
    .filter((r) => r.documents > 0)
    .sort(byRussian((r: { municipality: { name: string } }) => r.municipality.name));
  const rework = docs
    .map((d) => {
      const rs = reviews.filter(
        (r) => r.docId === d.id && r.status === 'submitted' && r.conclusion === 'rework',
      );
      const s = info.get(d.schoolId);
      return {
        id: d.id,
        title: d.title,
        kind: d.kind,
        status: d.status,
        school: { id: d.schoolId, name: s?.name ?? '' },
        municipality: s?.municipalityId ? { id: s.municipalityId, name: s.municipalityName ?? '' } : null,
        reviewsRework: rs.length,
        recommendations: rs.map((r) => r.recommendations).filter(Boolean),
      };
    })
    .filter((d) => d.status === 'rework' || d.reviewsRework > 0)
    .sort(byRussian((d: { school: { name: string } }) => d.school.name));
  const maps = await db
    .select({ id: roadmaps.id, title: roadmaps.title, unitId: roadmaps.orgUnitId, unitName: orgUnits.name })
    .from(roadmaps)
    .innerJoin(orgUnits, eq(orgUnits.id, roadmaps.orgUnitId))
    .where(
      and(
        inRegion,
        eq(orgUnits.kind, 'municipality'),
        sql`exists (select 1 from expertise_reviews er where er.roadmap_id = ${roadmaps.id})`,
      ),
    );
  const mapReviews = maps.length
    ? await db
        .select({
          roadmapId: expertiseReviews.roadmapId,
          status: expertiseReviews.status,
          total: expertiseReviews.total,
          maxTotal: expertiseReviews.maxTotal,
          conclusion: expertiseReviews.conclusion,
        })
        .from(expertiseReviews)
        .where(
          inArray(
            expertiseReviews.roadmapId,
            maps.map((m) => m.id),
          ),
        )
    : [];
  return {
    year: Number(year),
    rows,
    total: rowOf(docs),
    rework,
    roadmaps: maps
      .map((m) => {
        const rs = mapReviews.filter((r) => r.roadmapId === m.id);
        const submitted = rs.filter((r) => r.status === 'submitted');
        return {
          id: m.id,
          title: m.title,
          municipality: { id: m.unitId, name: m.unitName },
          reviewsAssigned: rs.length,
          reviewsSubmitted: submitted.length,
          averagePercent: percent(submitted),
          conclusions: submitted.flatMap((r) => (r.conclusion ? [r.conclusion] : [])),
        };
      })
      .sort(byRussian((m: { municipality: { name: string } }) => m.municipality.name)),
  };
}
