import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { expertiseReviews } from '../../db/schema/expertise.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { notFound } from '../../lib/errors.js';
import { type Actor, readablePrefixes } from '../access/actor.js';
import { regionLevelRegions } from '../access/region-level.js';

// Who sees and who writes an expertise review (endpoint rules review.read, review.write, expertise.assign).
//  - region-level roles of the review's region see every review; the regional operator organizes them;
//  - the municipal coordinator organizes and sees the reviews of his schools' documents, and sees the
//    submitted reviews of his own roadmaps (the examined side never sees a draft);
//  - the curator and the school team see the submitted reviews of the school's documents;
//  - the reviewer — the named user, or the team of the reviewing school — sees and fills his review.
// A teacher sees none. Mutual expertise is blind both ways below the region: the reviewing school does not
// learn whose document it examines, the examined school does not learn who examined it (views hide the unit
// whose subtree the viewer cannot read).

export const targetUnit = alias(orgUnits, 'target_unit');

const unitsOf = (actor: Actor, roles: string[]) => actor.assignments.filter((a) => roles.includes(a.role));

/** The schools whose team the actor is: the reviewing side of mutual expertise. */
export const teamSchools = (actor: Actor) =>
  unitsOf(actor, ['school_team'])
    .filter((a) => a.unitKind === 'school')
    .map((a) => a.orgUnitId);

const likeAny = (col: SQL | typeof targetUnit.path, prefixes: string[]) =>
  prefixes.length === 0
    ? sql`false`
    : sql`(${sql.join(
        prefixes.map((p) => sql`${col} like ${`${p}%`}`),
        sql` or `,
      )})`;

/** SQL over expertise_reviews joined with `targetUnit`: the reviews the actor may read. */
export function reviewVisible(actor: Actor): SQL {
  const regions = regionLevelRegions(actor);
  const municipal = unitsOf(actor, ['municipal_coordinator']).map((a) => a.governingPath);
  const schoolSide = unitsOf(actor, ['curator', 'school_team']).map((a) => a.unitPath);
  const teams = teamSchools(actor);
  const conds: SQL[] = [eq(expertiseReviews.reviewerUserId, actor.userId)];
  if (regions.length) conds.push(inArray(expertiseReviews.regionId, regions));
  if (teams.length) conds.push(inArray(expertiseReviews.reviewerSchoolId, teams));
  if (municipal.length)
    conds.push(
      and(
        likeAny(targetUnit.path, municipal),
        or(sql`${expertiseReviews.schoolDocumentId} is not null`, eq(expertiseReviews.status, 'submitted')),
      ) as SQL,
    );
  if (schoolSide.length)
    conds.push(
      and(
        likeAny(targetUnit.path, schoolSide),
        sql`${expertiseReviews.schoolDocumentId} is not null`,
        eq(expertiseReviews.status, 'submitted'),
      ) as SQL,
    );
  return or(...conds) as SQL;
}

/**
 * Whether the actor organizes expertise of a target in this unit: the regional operator of the region;
 * the municipal coordinator for the documents of his municipality's schools.
 */
export function organizes(
  actor: Actor,
  t: { regionId: string; unitPath: string; isSchoolDocument: boolean },
) {
  if (regionLevelRegions(actor, ['regional_operator']).includes(t.regionId)) return true;
  return (
    t.isSchoolDocument &&
    unitsOf(actor, ['municipal_coordinator']).some((a) => t.unitPath.startsWith(a.governingPath))
  );
}

/** Whether the actor reads the unit (its subtree): a unit he cannot read is hidden from his views. */
export function readsPath(actor: Actor, path: string): boolean {
  return readablePrefixes(actor).some((p) => path.startsWith(p));
}

export type ReviewRow = typeof expertiseReviews.$inferSelect;

export type ReviewAccess = {
  review: ReviewRow;
  targetPath: string;
  regionLevel: boolean;
  isReviewer: boolean;
  canOrganize: boolean;
};

/** The review as the actor may see it; an invisible one does not exist (404). */
export async function loadReviewAccess(db: Db, actor: Actor, reviewId: string): Promise<ReviewAccess> {
  const [row] = await db
    .select({ r: expertiseReviews, path: targetUnit.path })
    .from(expertiseReviews)
    .innerJoin(targetUnit, eq(targetUnit.id, expertiseReviews.targetUnitId))
    .where(and(eq(expertiseReviews.id, reviewId), reviewVisible(actor)));
  if (!row) throw notFound('Экспертное заключение');
  return accessOf(actor, row.r, row.path);
}

export function accessOf(actor: Actor, review: ReviewRow, targetPath: string): ReviewAccess {
  const isReviewer =
    review.reviewerUserId === actor.userId ||
    (review.reviewerSchoolId !== null && teamSchools(actor).includes(review.reviewerSchoolId));
  return {
    review,
    targetPath,
    regionLevel: regionLevelRegions(actor).includes(review.regionId),
    isReviewer,
    canOrganize: organizes(actor, {
      regionId: review.regionId,
      unitPath: targetPath,
      isSchoolDocument: review.schoolDocumentId !== null,
    }),
  };
}
