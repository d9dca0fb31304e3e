import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { individualRoutes, routeActivities } from '../../db/schema/people.js';
import type { RouteStatus } from '../../db/schema/values.js';
import { AppError, conflict } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { refreshPeopleBoundOf } from '../people-coverage/refresh-people-bound.js';
import { routeToKeep } from './route-access.js';
import type { closeRouteInput } from './schemas.js';
import { ROUTE_MSG } from './strings.js';

// The route's way: черновик → утверждён (who and when) → выполняется (by hand here, or on the first
// activity marked done) → освоен / не освоен with a conclusion. «Освоен» needs every activity
// confirmed; «не освоен» with activities left unconfirmed needs a stated reason.

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Moves a route from `from` to `to` (version-checked) and records it, inside the caller's transaction. */
export async function moveRoute(
  tx: Tx,
  actor: Actor,
  route: { id: string; schoolId: string; status: RouteStatus },
  to: RouteStatus,
  extra: {
    version?: number;
    set?: Partial<typeof individualRoutes.$inferInsert>;
    conclusion?: string | null;
    reason?: string | null;
  } = {},
) {
  const [r] = await tx
    .update(individualRoutes)
    .set({ ...extra.set, status: to, version: sql`${individualRoutes.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(individualRoutes.id, route.id),
        eq(individualRoutes.status, route.status),
        extra.version === undefined ? undefined : eq(individualRoutes.version, extra.version),
      ),
    )
    .returning();
  if (!r) throw conflict();
  await recordEvent(
    tx,
    actor,
    'individual_route.status_changed',
    { entityType: 'individual_route', entityId: route.id, orgUnitId: route.schoolId },
    { from: route.status, to, conclusion: extra.conclusion ?? null, reason: extra.reason ?? null },
  );
  // Routes past the draft and mastered ones are counted by teachers' coverage (bound indicators).
  await refreshPeopleBoundOf(tx, route.schoolId);
  return r;
}

/**
 * Locks the route's row (`select … for update`) inside the caller's transaction and returns it as it is
 * now. Closing a route and every move of its activities take this lock first, so «освоен» is never
 * decided while an activity is being returned or marked done.
 */
export async function lockRoute(tx: Tx, routeId: string) {
  const [r] = await tx.select().from(individualRoutes).where(eq(individualRoutes.id, routeId)).for('update');
  if (!r) throw conflict();
  return r;
}

async function activityStatuses(db: Db | Tx, routeId: string) {
  return db
    .select({ status: routeActivities.status })
    .from(routeActivities)
    .where(eq(routeActivities.routeId, routeId));
}

export async function approveRoute(db: Db, opts: { actor: Actor; routeId: string; version: number }) {
  const row = await routeToKeep(db, opts.actor, opts.routeId);
  if (row.route.version !== opts.version) throw conflict({ version: row.route.version });
  if (row.route.status !== 'draft') throw new AppError('INVALID_INPUT', ROUTE_MSG.notDraft);
  if ((await activityStatuses(db, row.route.id)).length === 0)
    throw new AppError('INVALID_INPUT', ROUTE_MSG.emptyRoute);
  const r = await db.transaction((tx) =>
    moveRoute(tx, opts.actor, row.route, 'approved', {
      version: opts.version,
      set: { approvedBy: opts.actor.userId, approvedAt: new Date() },
    }),
  );
  return { id: r.id, version: r.version };
}

export async function startRoute(db: Db, opts: { actor: Actor; routeId: string; version: number }) {
  const row = await routeToKeep(db, opts.actor, opts.routeId);
  if (row.route.version !== opts.version) throw conflict({ version: row.route.version });
  if (row.route.status !== 'approved') throw new AppError('INVALID_INPUT', ROUTE_MSG.notApproved);
  const r = await db.transaction((tx) =>
    moveRoute(tx, opts.actor, row.route, 'in_progress', { version: opts.version }),
  );
  return { id: r.id, version: r.version };
}

export async function closeRoute(
  db: Db,
  opts: { actor: Actor; routeId: string; input: z.infer<typeof closeRouteInput> },
) {
  const { input } = opts;
  const row = await routeToKeep(db, opts.actor, opts.routeId);
  if (row.route.version !== input.version) throw conflict({ version: row.route.version });
  if (row.route.status !== 'approved' && row.route.status !== 'in_progress')
    throw new AppError('INVALID_INPUT', ROUTE_MSG.notRunning);
  const reason = input.reason?.trim() || null;
  const result = reason ? `${input.conclusion}\nПричина: ${reason}` : input.conclusion;
  // The rule «all confirmed» is checked with the route's row locked: activity moves lock it too.
  const r = await db.transaction(async (tx) => {
    const route = await lockRoute(tx, row.route.id);
    if (route.version !== input.version) throw conflict({ version: route.version });
    if (route.status !== 'approved' && route.status !== 'in_progress')
      throw new AppError('INVALID_INPUT', ROUTE_MSG.notRunning);
    const statuses = await activityStatuses(tx, route.id);
    const allConfirmed = statuses.length > 0 && statuses.every((s) => s.status === 'confirmed');
    if (input.outcome === 'mastered' && !allConfirmed)
      throw new AppError('INVALID_INPUT', ROUTE_MSG.notAllConfirmed);
    if (input.outcome === 'not_mastered' && !allConfirmed && !reason)
      throw new AppError('INVALID_INPUT', ROUTE_MSG.reasonNeeded, {
        fields: [{ field: 'reason', message: ROUTE_MSG.reasonNeeded }],
      });
    return moveRoute(tx, opts.actor, route, input.outcome, {
      version: input.version,
      set: { result },
      conclusion: input.conclusion,
      reason,
    });
  });
  return { id: r.id, version: r.version };
}
