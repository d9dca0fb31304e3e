import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/auth.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { courses, individualRoutes, routeActivities, routeGoals } from '../../db/schema/people.js';
import { AppError, conflict, invalid } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { diff } from '../audit/events.js';
import { recordEvent } from '../audit/record-event.js';
import { loadActivity, routeToKeep } from './route-access.js';
import type { addActivityInput, goalInput, updateActivityInput } from './schemas.js';
import { ROUTE_MSG } from './strings.js';

// Goals and activities of a route, kept while the route is open (черновик, утверждён, выполняется) by
// those who keep routes. A goal's change and a new activity move the route's version; an activity's own
// change moves the activity's version.

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

async function bumpRoute(tx: Tx, routeId: string, version: number) {
  const [r] = await tx
    .update(individualRoutes)
    .set({ version: sql`${individualRoutes.version} + 1`, updatedAt: new Date() })
    .where(and(eq(individualRoutes.id, routeId), eq(individualRoutes.version, version)))
    .returning({ version: individualRoutes.version });
  if (!r) throw conflict();
  return r.version;
}

const target = (routeId: string, schoolId: string) =>
  ({ entityType: 'individual_route', entityId: routeId, orgUnitId: schoolId }) as const;

/** Courses the school may name: those of the catalogues of its region and municipality. */
export async function coursesOfSchool(db: Db, schoolPath: string) {
  return db
    .select({
      id: courses.id,
      name: courses.name,
      kind: courses.kind,
      provider: courses.provider,
      hours: courses.hours,
    })
    .from(courses)
    .innerJoin(orgUnits, eq(orgUnits.id, courses.ownerUnitId))
    .where(sql`starts_with(${schoolPath}, ${orgUnits.path})`);
}

async function checkRefs(
  db: Db,
  row: { route: { id: string }; schoolPath: string },
  input: { goalId?: string | null; courseId?: string | null; responsibleUserId?: string | null },
) {
  if (input.goalId) {
    const [g] = await db
      .select({ id: routeGoals.id })
      .from(routeGoals)
      .where(and(eq(routeGoals.id, input.goalId), eq(routeGoals.routeId, row.route.id)));
    if (!g) throw invalid(ROUTE_MSG.goalElsewhere, [{ field: 'goalId', message: ROUTE_MSG.goalElsewhere }]);
  }
  if (input.courseId) {
    const ok = (await coursesOfSchool(db, row.schoolPath)).some((c) => c.id === input.courseId);
    if (!ok)
      throw invalid(ROUTE_MSG.courseUnknown, [{ field: 'courseId', message: ROUTE_MSG.courseUnknown }]);
  }
  if (input.responsibleUserId) {
    const [u] = await db.select({ id: users.id }).from(users).where(eq(users.id, input.responsibleUserId));
    if (!u)
      throw invalid(ROUTE_MSG.responsibleUnknown, [
        { field: 'responsibleUserId', message: ROUTE_MSG.responsibleUnknown },
      ]);
  }
}

export async function addGoal(
  db: Db,
  opts: { actor: Actor; routeId: string; input: z.infer<typeof goalInput> },
) {
  const row = await routeToKeep(db, opts.actor, opts.routeId);
  return db.transaction(async (tx) => {
    const version = await bumpRoute(tx, row.route.id, opts.input.version);
    const [{ n = 0 } = {}] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(routeGoals)
      .where(eq(routeGoals.routeId, row.route.id));
    const [goal] = await tx
      .insert(routeGoals)
      .values({ routeId: row.route.id, text: opts.input.text, sort: n })
      .returning();
    if (!goal) throw new Error('insert returned nothing');
    await recordEvent(
      tx,
      opts.actor,
      'individual_route.goal_added',
      target(row.route.id, row.route.schoolId),
      {
        goalId: goal.id,
        text: goal.text,
      },
    );
    return { id: goal.id, version };
  });
}

export async function updateGoal(
  db: Db,
  opts: { actor: Actor; routeId: string; goalId: string; input: z.infer<typeof goalInput> },
) {
  const row = await routeToKeep(db, opts.actor, opts.routeId);
  const [goal] = await db
    .select()
    .from(routeGoals)
    .where(and(eq(routeGoals.id, opts.goalId), eq(routeGoals.routeId, row.route.id)));
  if (!goal) throw new AppError('NOT_FOUND', 'Цель ИОМ не найдена или недоступна');
  return db.transaction(async (tx) => {
    const version = await bumpRoute(tx, row.route.id, opts.input.version);
    await tx.update(routeGoals).set({ text: opts.input.text }).where(eq(routeGoals.id, goal.id));
    await recordEvent(
      tx,
      opts.actor,
      'individual_route.goal_updated',
      target(row.route.id, row.route.schoolId),
      { goalId: goal.id, changes: diff(goal, { text: opts.input.text }, ['text']) },
    );
    return { id: goal.id, version };
  });
}

/** Removes a goal; its activities stay in the route without a goal. */
export async function removeGoal(
  db: Db,
  opts: { actor: Actor; routeId: string; goalId: string; version: number },
) {
  const row = await routeToKeep(db, opts.actor, opts.routeId);
  const [goal] = await db
    .select()
    .from(routeGoals)
    .where(and(eq(routeGoals.id, opts.goalId), eq(routeGoals.routeId, row.route.id)));
  if (!goal) throw new AppError('NOT_FOUND', 'Цель ИОМ не найдена или недоступна');
  await db.transaction(async (tx) => {
    await bumpRoute(tx, row.route.id, opts.version);
    await tx.delete(routeGoals).where(eq(routeGoals.id, goal.id));
    await recordEvent(
      tx,
      opts.actor,
      'individual_route.goal_removed',
      target(row.route.id, row.route.schoolId),
      {
        goalId: goal.id,
        text: goal.text,
      },
    );
  });
}

export async function addActivity(
  db: Db,
  opts: { actor: Actor; routeId: string; input: z.infer<typeof addActivityInput> },
) {
  const row = await routeToKeep(db, opts.actor, opts.routeId);
  const { version: routeVersion, ...fields } = opts.input;
  await checkRefs(db, row, fields);
  return db.transaction(async (tx) => {
    await bumpRoute(tx, row.route.id, routeVersion);
    const [{ n = 0 } = {}] = await tx
      .select({ n: sql<number>`coalesce(max(${routeActivities.sort}), 0)::int + 1` })
      .from(routeActivities)
      .where(eq(routeActivities.routeId, row.route.id));
    const [a] = await tx
      .insert(routeActivities)
      .values({
        routeId: row.route.id,
        goalId: fields.goalId ?? null,
        kind: fields.kind,
        title: fields.title,
        dueDate: fields.dueDate ?? null,
        responsible: fields.responsible ?? null,
        responsibleUserId: fields.responsibleUserId ?? null,
        courseId: fields.kind === 'course' ? (fields.courseId ?? null) : null,
        sort: Math.min(n, 32_000),
      })
      .returning();
    if (!a) throw new Error('insert returned nothing');
    await recordEvent(
      tx,
      opts.actor,
      'route_activity.added',
      { entityType: 'route_activity', entityId: a.id, orgUnitId: row.route.schoolId },
      { routeId: row.route.id, title: a.title, kind: a.kind },
    );
    return { id: a.id };
  });
}

const EDITABLE = [
  'goalId',
  'kind',
  'title',
  'dueDate',
  'responsible',
  'responsibleUserId',
  'courseId',
] as const;

export async function updateActivity(
  db: Db,
  opts: { actor: Actor; activityId: string; input: z.infer<typeof updateActivityInput> },
) {
  const row = await loadActivity(db, opts.actor, opts.activityId);
  await routeToKeep(db, opts.actor, row.route.id);
  if (row.activity.status === 'confirmed') throw new AppError('INVALID_INPUT', ROUTE_MSG.confirmed);
  const { version, ...fields } = opts.input;
  await checkRefs(db, row, fields);
  const set: Partial<typeof routeActivities.$inferInsert> = {};
  for (const k of EDITABLE) if (fields[k] !== undefined) Object.assign(set, { [k]: fields[k] });
  if ((set.kind ?? row.activity.kind) !== 'course') set.courseId = null;
  return db.transaction(async (tx) => {
    const [a] = await tx
      .update(routeActivities)
      .set({ ...set, version: sql`${routeActivities.version} + 1`, updatedAt: new Date() })
      .where(and(eq(routeActivities.id, row.activity.id), eq(routeActivities.version, version)))
      .returning();
    if (!a) throw conflict({ version: row.activity.version });
    await recordEvent(
      tx,
      opts.actor,
      'route_activity.updated',
      { entityType: 'route_activity', entityId: a.id, orgUnitId: row.route.schoolId },
      { routeId: row.route.id, title: a.title, changes: diff(row.activity, set, [...EDITABLE]) },
    );
    return { id: a.id, version: a.version };
  });
}

export async function removeActivity(db: Db, opts: { actor: Actor; activityId: string; version: number }) {
  const row = await loadActivity(db, opts.actor, opts.activityId);
  await routeToKeep(db, opts.actor, row.route.id);
  if (row.activity.status === 'confirmed') throw new AppError('INVALID_INPUT', ROUTE_MSG.confirmed);
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(routeActivities)
      .where(and(eq(routeActivities.id, row.activity.id), eq(routeActivities.version, opts.version)))
      .returning();
    if (!gone) throw conflict({ version: row.activity.version });
    await recordEvent(
      tx,
      opts.actor,
      'route_activity.removed',
      { entityType: 'route_activity', entityId: gone.id, orgUnitId: row.route.schoolId },
      { routeId: row.route.id, title: gone.title },
    );
  });
}
