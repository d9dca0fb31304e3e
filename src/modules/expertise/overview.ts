import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { expertiseReviews, expertiseRounds } from '../../db/schema/expertise.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { schoolDocuments } from '../../db/schema/programs.js';
import { roadmaps } from '../../db/schema/roadmaps.js';
import { forbidden } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import type { Actor } from '../access/actor.js';
import { regionLevelRegions, regionPath } from '../access/region-level.js';
import { listExperts } from './assign-reviewer.js';
import { readsPath, targetUnit } from './review-access.js';
import { summariesOf } from './review-views.js';
import { schoolsInfo, shnorOfRegion } from './units.js';
import type { overviewView } from './views.js';

// The organizer's board: the documents of the year past the curator, the municipal roadmaps (region level),
// their reviews, the experts and the ШНОР that can review, the mutual rounds. Region-level roles see their
// region; a municipal coordinator his municipality's documents.

export type Overview = z.infer<typeof overviewView>;

const BOARD_STATUSES = ['agreed', 'expertise', 'rework', 'approved', 'published'] as const;

export async function getOverview(db: Db, opts: { actor: Actor; year?: number }): Promise<Overview> {
  const { actor } = opts;
  const regions = regionLevelRegions(actor);
  const municipal = actor.assignments.filter(
    (a) => a.role === 'municipal_coordinator' && a.unitKind === 'municipality',
  );
  if (regions.length === 0 && municipal.length === 0)
    throw forbidden('Экспертизу видят роли уровня региона и муниципальные координаторы');
  const scopes = [...regions.map((r) => regionPath(r)), ...municipal.map((m) => m.unitPath)];
  const inScope = (col: typeof orgUnits.path) => or(...scopes.map((p) => sql`${col} like ${`${p}%`}`)) as SQL;
  const yearRows = await db
    .selectDistinct({ year: schoolDocuments.year })
    .from(schoolDocuments)
    .innerJoin(orgUnits, eq(orgUnits.id, schoolDocuments.schoolId))
    .where(inScope(orgUnits.path));
  const years = yearRows.map((r) => r.year).sort((a, b) => b - a);
  const year = opts.year ?? years[0] ?? new Date().getUTCFullYear();

  const docs = await db
    .select({ d: schoolDocuments })
    .from(schoolDocuments)
    .innerJoin(orgUnits, eq(orgUnits.id, schoolDocuments.schoolId))
    .where(
      and(
        eq(schoolDocuments.year, year),
        inArray(schoolDocuments.status, [...BOARD_STATUSES]),
        inScope(orgUnits.path),
      ),
    );
  const regionIds = regions;
  const maps = regionIds.length
    ? await db
        .select({ r: roadmaps })
        .from(roadmaps)
        .innerJoin(orgUnits, eq(orgUnits.id, roadmaps.orgUnitId))
        .where(
          and(
            eq(orgUnits.kind, 'municipality'),
            or(...regionIds.map((r) => sql`${orgUnits.path} like ${`${regionPath(r)}%`}`)),
            or(
              eq(roadmaps.periodYear, year),
              sql`exists (select 1 from expertise_reviews er where er.roadmap_id = ${roadmaps.id})`,
            ),
          ),
        )
    : [];
  const docIds = docs.map((x) => x.d.id);
  const mapIds = maps.map((x) => x.r.id);
  const reviewRows =
    docIds.length || mapIds.length
      ? await db
          .select({ r: expertiseReviews, path: targetUnit.path })
          .from(expertiseReviews)
          .innerJoin(targetUnit, eq(targetUnit.id, expertiseReviews.targetUnitId))
          .where(
            or(
              docIds.length ? inArray(expertiseReviews.schoolDocumentId, docIds) : sql`false`,
              mapIds.length ? inArray(expertiseReviews.roadmapId, mapIds) : sql`false`,
            ),
          )
      : [];
  const reviews = await summariesOf(db, actor, reviewRows);
  const byTarget = (id: string) => reviews.filter((r) => r.target.id === id);
  const info = await schoolsInfo(db, [...docs.map((x) => x.d.schoolId), ...maps.map((x) => x.r.orgUnitId)]);
  const regionId = regions[0] ?? municipal[0]?.unitPath.split('/')[1] ?? '';
  const shnor = regionId ? await shnorOfRegion(db, regionId, year) : new Set<string>();
  const pool = await schoolsInfo(db, [...new Set([...shnor, ...docs.map((x) => x.d.schoolId)])]);
  const units = await db
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path })
    .from(orgUnits)
    .where(
      or(
        ...(regionLevelRegions(actor, ['regional_operator']).length
          ? [inArray(orgUnits.id, regionLevelRegions(actor, ['regional_operator']))]
          : []),
        ...(municipal.length
          ? [
              inArray(
                orgUnits.id,
                municipal.map((m) => m.orgUnitId),
              ),
            ]
          : []),
        sql`false`,
      ),
    );
  const rounds = await db
    .select({ r: expertiseRounds, name: orgUnits.name })
    .from(expertiseRounds)
    .innerJoin(orgUnits, eq(orgUnits.id, expertiseRounds.ownerUnitId))
    .where(and(eq(expertiseRounds.year, year), inScope(orgUnits.path)))
    .orderBy(desc(expertiseRounds.createdAt));
  const name = byRussian((x: { title: string }) => x.title);
  return {
    year,
    years: years.includes(year) ? years : [year, ...years],
    units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
    documents: docs
      .map(({ d }) => {
        const s = info.get(d.schoolId);
        return {
          id: d.id,
          title: d.title,
          kind: d.kind,
          status: d.status,
          school: { id: d.schoolId, name: s?.name ?? '' },
          municipality: s?.municipalityId ? { id: s.municipalityId, name: s.municipalityName ?? '' } : null,
          reviews: byTarget(d.id),
        };
      })
      .sort(
        (a, b) =>
          byRussian((x: typeof a) => `${x.municipality?.name ?? ''} ${x.school.name}`)(a, b) || name(a, b),
      ),
    roadmaps: maps
      .map(({ r }) => ({
        id: r.id,
        title: r.title,
        status: r.status,
        municipality: { id: r.orgUnitId, name: info.get(r.orgUnitId)?.name ?? '' },
        reviews: byTarget(r.id),
      }))
      .sort(name),
    experts: regionId ? await listExperts(db, regionId, { withCenter: regions.length > 0 }) : [],
    // Below the region only the schools the coordinator reads: another municipality's ШНОР is the region's to name.
    reviewerSchools: [...pool.values()]
      .filter((s) => regions.length > 0 || readsPath(actor, s.path))
      .map((s) => ({
        id: s.id,
        name: s.name,
        municipality: s.municipalityId ? { id: s.municipalityId, name: s.municipalityName ?? '' } : null,
      }))
      .sort(byRussian((x: { name: string }) => x.name)),
    rounds: rounds.map(({ r, name: unitName }) => ({
      id: r.id,
      seed: r.seed,
      unit: { id: r.ownerUnitId, name: unitName },
      createdAt: r.createdAt.toISOString(),
      stats: r.stats as Overview['rounds'][number]['stats'],
    })),
    canOrganizeRoadmaps: regionLevelRegions(actor, ['regional_operator']).length > 0,
  };
}
