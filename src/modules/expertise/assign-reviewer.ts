import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { roleAssignments, users } from '../../db/schema/auth.js';
import {
  expertiseCriteriaSets,
  expertiseReviews,
  expertiseSamples,
  type ReviewMode,
} from '../../db/schema/expertise.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { AppError, forbidden, invalid, parseInput } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import { type Actor, type AnyActor, isSystem } from '../access/actor.js';
import { regionPath } from '../access/region-level.js';
import { recordEvent } from '../audit/record-event.js';
import { criteriaOf, currentCriteriaSet, maxTotalOf } from './criteria-sets.js';
import { organizes } from './review-access.js';
import { MSG } from './strings.js';
import { loadTarget, type Target } from './targets.js';
import { assignReviewerInput } from './values.js';

// The region (or the municipality, for its schools' documents) names an expert for a target. «Expert» is
// a user with the role `expert` in the region, or any user of the region the organizer names: the region
// decides who is competent. The review starts as a draft with the current criteria set, which freezes.

/** A user who holds any role inside the region (or at the region itself). */
export async function userOfRegion(db: Db, userId: string, regionId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId))
    .where(
      and(
        eq(users.id, userId),
        sql`${orgUnits.path} like ${`${regionPath(regionId)}%`}`,
        eq(users.isActive, true),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** Inserts a draft review of the target (the caller checked who may); freezes the criteria set. */
export async function insertReview(
  db: Db,
  actor: AnyActor,
  t: Target,
  r: {
    mode: ReviewMode;
    reviewerUserId?: string | null;
    reviewerSchoolId?: string | null;
    roundId?: string | null;
    sampleId?: string | null;
  },
) {
  const set = await currentCriteriaSet(db, actor, t.regionId, t.subject);
  if (!set.frozen)
    await db.update(expertiseCriteriaSets).set({ frozen: true }).where(eq(expertiseCriteriaSets.id, set.id));
  const [row] = await db
    .insert(expertiseReviews)
    .values({
      regionId: t.regionId,
      targetUnitId: t.unitId,
      schoolDocumentId: t.schoolDocumentId,
      roadmapId: t.roadmapId,
      criteriaSetId: set.id,
      mode: r.mode,
      reviewerUserId: r.reviewerUserId ?? null,
      reviewerSchoolId: r.reviewerSchoolId ?? null,
      roundId: r.roundId ?? null,
      sampleId: r.sampleId ?? null,
      maxTotal: maxTotalOf(criteriaOf(set)),
      assignedBy: isSystem(actor) ? null : actor.userId,
    })
    .returning();
  if (!row) throw new Error('review not inserted');
  await recordEvent(
    db,
    actor,
    'expertise_review.assigned',
    { entityType: 'expertise_review', entityId: row.id, orgUnitId: t.unitId },
    { mode: r.mode, reviewerUserId: row.reviewerUserId, reviewerSchoolId: row.reviewerSchoolId },
  );
  return row;
}

export async function assignReviewer(
  db: Db,
  opts: { actor: Actor; input: z.input<typeof assignReviewerInput> },
) {
  const input = parseInput(assignReviewerInput, opts.input);
  return db.transaction(async (tx) => {
    const t = await loadTarget(tx, opts.actor, input);
    if (
      !organizes(opts.actor, {
        regionId: t.regionId,
        unitPath: t.unitPath,
        isSchoolDocument: Boolean(t.schoolDocumentId),
      })
    )
      throw forbidden(MSG.notOrganizer);
    if (input.sampleId) {
      const [sample] = await tx
        .select({ selected: expertiseSamples.selected })
        .from(expertiseSamples)
        .where(eq(expertiseSamples.id, input.sampleId));
      if (!sample?.selected.includes(t.schoolDocumentId ?? ''))
        throw invalid(MSG.notInSample, [{ field: 'sampleId', message: MSG.notInSample }]);
    } else if (t.schoolDocumentId && t.status !== 'expertise')
      throw invalid(MSG.targetStatus, [{ field: 'schoolDocumentId', message: MSG.targetStatus }]);
    if (!(await userOfRegion(tx, input.reviewerUserId, t.regionId)))
      throw invalid(MSG.notAnExpert, [{ field: 'reviewerUserId', message: MSG.notAnExpert }]);
    const same: SQL[] = [eq(expertiseReviews.reviewerUserId, input.reviewerUserId)];
    same.push(
      t.schoolDocumentId
        ? eq(expertiseReviews.schoolDocumentId, t.schoolDocumentId)
        : eq(expertiseReviews.roadmapId, t.roadmapId ?? ''),
    );
    const [dup] = await tx
      .select({ id: expertiseReviews.id })
      .from(expertiseReviews)
      .where(and(...same))
      .limit(1);
    if (dup) throw new AppError('CONFLICT', MSG.alreadyAssigned);
    const row = await insertReview(tx, opts.actor, t, {
      mode: input.sampleId ? 'sample' : 'expert',
      reviewerUserId: input.reviewerUserId,
      sampleId: input.sampleId ?? null,
    });
    return { id: row.id, version: row.version };
  });
}

/**
 * Users of the region offered for naming: the experts, and for the region level also the regional centre's
 * staff (a municipality does not read the centre's people; the region may still name anyone by id).
 */
export async function listExperts(db: Db, regionId: string, opts: { withCenter: boolean }) {
  const rows = await db
    .selectDistinct({
      id: users.id,
      fullName: users.fullName,
      position: users.position,
      role: roleAssignments.role,
    })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId))
    .where(
      and(
        inArray(roleAssignments.role, opts.withCenter ? ['expert', 'regional_center'] : ['expert']),
        sql`${orgUnits.path} like ${`${regionPath(regionId)}%`}`,
        eq(users.isActive, true),
      ),
    );
  const byId = new Map<
    string,
    { id: string; fullName: string; position: string | null; isExpert: boolean }
  >();
  for (const r of rows) {
    const prev = byId.get(r.id);
    byId.set(r.id, {
      id: r.id,
      fullName: r.fullName,
      position: r.position,
      isExpert: (prev?.isExpert ?? false) || r.role === 'expert',
    });
  }
  return [...byId.values()].sort((a, b) => Number(b.isExpert) - Number(a.isExpert) || byName(a, b));
}

const byName = byRussian((x: { fullName: string }) => x.fullName);
