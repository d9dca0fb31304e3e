import { and, desc, eq, lte } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import {
  deficitDiagnostics,
  diagnosticResults,
  individualRoutes,
  routeActivities,
  routeGoals,
  staffMembers,
} from '../../db/schema/people.js';
import { AppError } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { canKeepRoutes, staffVisible } from '../access/people-rules.js';
import { recordEvent } from '../audit/record-event.js';
import { todayIso } from '../organisation/school-year.js';
import type { createRouteInput } from './schemas.js';
import { ROUTE_MSG } from './strings.js';
import { type SuggestedGoal, suggestGoals } from './suggest.js';

// Builds a teacher's route for a school year: empty, or from his latest diagnostic result of that year
// or before — each block at a level that needs a route becomes a goal with suggested activities.
// One route per teacher and year (the unique index answers a race with the same 409).

/** A teacher the actor sees (404 otherwise), with his school's path. */
export async function visibleTeacher(db: Db, actor: Actor, staffMemberId: string) {
  const [row] = await db
    .select({ staff: staffMembers, schoolPath: orgUnits.path })
    .from(staffMembers)
    .innerJoin(orgUnits, eq(orgUnits.id, staffMembers.schoolId))
    .where(and(eq(staffMembers.id, staffMemberId), staffVisible(actor, orgUnits.path, staffMembers.userId)));
  if (!row) throw new AppError('NOT_FOUND', ROUTE_MSG.teacherIsStaff);
  return row;
}

/** The teacher's latest result in a diagnostic of `year` or before, with the diagnostic's blocks and scale. */
export async function latestResult(db: Db, staffMemberId: string, year: number) {
  const [row] = await db
    .select({ result: diagnosticResults, diagnostic: deficitDiagnostics })
    .from(diagnosticResults)
    .innerJoin(deficitDiagnostics, eq(deficitDiagnostics.id, diagnosticResults.diagnosticId))
    .where(and(eq(diagnosticResults.staffMemberId, staffMemberId), lte(deficitDiagnostics.year, year)))
    .orderBy(desc(deficitDiagnostics.conductedOn), desc(diagnosticResults.createdAt))
    .limit(1);
  return row ?? null;
}

export async function createRoute(
  db: Db,
  opts: { actor: Actor; input: z.infer<typeof createRouteInput>; today?: string },
) {
  const { actor, input } = opts;
  const teacher = await visibleTeacher(db, actor, input.staffMemberId);
  if (!canKeepRoutes(actor, teacher.schoolPath)) throw new AppError('FORBIDDEN', ROUTE_MSG.keepers);
  const [existing] = await db
    .select({ id: individualRoutes.id })
    .from(individualRoutes)
    .where(and(eq(individualRoutes.staffMemberId, teacher.staff.id), eq(individualRoutes.year, input.year)));
  if (existing) throw new AppError('CONFLICT', ROUTE_MSG.duplicate, { current: { id: existing.id } });
  let goals: SuggestedGoal[] = [];
  let diagnosticId: string | null = null;
  if (input.fromDeficits) {
    const latest = await latestResult(db, teacher.staff.id, input.year);
    if (!latest) throw new AppError('INVALID_INPUT', ROUTE_MSG.noResult);
    goals = suggestGoals(
      latest.diagnostic.blocks,
      latest.diagnostic.levels,
      latest.result.blockLevels,
      input.year,
      opts.today ?? todayIso(),
    );
    if (goals.length === 0) throw new AppError('INVALID_INPUT', ROUTE_MSG.noDeficits);
    diagnosticId = latest.diagnostic.id;
  }
  return db.transaction(async (tx) => {
    const [route] = await tx
      .insert(individualRoutes)
      .values({
        staffMemberId: teacher.staff.id,
        schoolId: teacher.staff.schoolId,
        year: input.year,
        diagnosticId,
        createdBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!route) throw new AppError('CONFLICT', ROUTE_MSG.duplicate);
    let activities = 0;
    for (const [n, g] of goals.entries()) {
      const [goal] = await tx
        .insert(routeGoals)
        .values({ routeId: route.id, blockKey: g.blockKey, text: g.text, sort: n })
        .returning({ id: routeGoals.id });
      if (!goal) throw new Error('insert returned nothing');
      await tx
        .insert(routeActivities)
        .values(g.activities.map((a, k) => ({ ...a, routeId: route.id, goalId: goal.id, sort: n * 10 + k })));
      activities += g.activities.length;
    }
    await recordEvent(
      tx,
      actor,
      'individual_route.created',
      { entityType: 'individual_route', entityId: route.id, orgUnitId: route.schoolId },
      { staffMemberId: teacher.staff.id, year: input.year, diagnosticId, goals: goals.length, activities },
    );
    return { id: route.id };
  });
}
