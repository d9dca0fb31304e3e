import { and, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { individualRoutes, routeActivities, staffMembers } from '../../db/schema/people.js';
import { AppError } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { canKeepRoutes, canKeepStaff, staffVisible } from '../access/people-rules.js';
import { ROUTE_MSG } from './strings.js';

// Who reads and acts on a route, always through the one rule of people-rules.ts: a route is visible where
// its teacher's data are (readers of the school's subtree, the teacher himself) — otherwise 404; seen but
// not kept is 403. A teacher's colleague never learns that a route exists.

export type RouteRow = {
  route: typeof individualRoutes.$inferSelect;
  staff: typeof staffMembers.$inferSelect;
  schoolPath: string;
  schoolName: string;
};

export const OPEN_STATUSES = ['draft', 'approved', 'in_progress'] as const;

async function routeRow(db: Db, id: string, visible: SQL | undefined): Promise<RouteRow | undefined> {
  const [row] = await db
    .select({
      route: individualRoutes,
      staff: staffMembers,
      schoolPath: orgUnits.path,
      schoolName: orgUnits.name,
    })
    .from(individualRoutes)
    .innerJoin(staffMembers, eq(staffMembers.id, individualRoutes.staffMemberId))
    .innerJoin(orgUnits, eq(orgUnits.id, individualRoutes.schoolId))
    .where(and(eq(individualRoutes.id, id), visible));
  return row;
}

export async function loadRoute(db: Db, actor: Actor, id: string): Promise<RouteRow> {
  const row = await routeRow(db, id, staffVisible(actor, orgUnits.path, staffMembers.userId));
  if (!row) throw new AppError('NOT_FOUND', 'ИОМ не найден или недоступен');
  return row;
}

/** A route the actor keeps (school team, region centre/operator): 403 when only seen. */
export async function routeToKeep(db: Db, actor: Actor, id: string, opts: { open?: boolean } = {}) {
  const row = await loadRoute(db, actor, id);
  if (!canKeepRoutes(actor, row.schoolPath)) throw new AppError('FORBIDDEN', ROUTE_MSG.keepers);
  if (opts.open !== false && !(OPEN_STATUSES as readonly string[]).includes(row.route.status))
    throw new AppError('INVALID_INPUT', ROUTE_MSG.closed);
  return row;
}

export type ActivityRow = RouteRow & { activity: typeof routeActivities.$inferSelect };

/**
 * An activity the actor sees: where the teacher's data are visible, or — that activity only — to its
 * responsible user (`responsible_user_id`), who confirms or returns it and reads its evidence without
 * reading the rest of the teacher's data.
 */
export async function loadActivity(db: Db, actor: Actor, id: string): Promise<ActivityRow> {
  const gone = () => new AppError('NOT_FOUND', 'Действие ИОМ не найдено или недоступно');
  const [a] = await db.select().from(routeActivities).where(eq(routeActivities.id, id));
  if (!a) throw gone();
  const responsible = a.responsibleUserId !== null && a.responsibleUserId === actor.userId;
  const row = await routeRow(
    db,
    a.routeId,
    responsible ? undefined : staffVisible(actor, orgUnits.path, staffMembers.userId),
  );
  if (!row) throw gone();
  return { ...row, activity: a };
}

/** The teacher of the route himself (his own account). */
export const isOwnRoute = (actor: Actor, row: RouteRow) => row.staff.userId === actor.userId;

/** Marks done and attaches evidence: the teacher himself, or those who keep the route. */
export const mayMarkDone = (actor: Actor, row: RouteRow) =>
  isOwnRoute(actor, row) || canKeepRoutes(actor, row.schoolPath);

/** Confirms or returns: the school's team or the activity's responsible user — never the teacher himself. */
export const mayConfirm = (actor: Actor, row: ActivityRow | RouteRow, responsibleUserId?: string | null) =>
  !isOwnRoute(actor, row) &&
  (canKeepStaff(actor, row.schoolPath) || (!!responsibleUserId && responsibleUserId === actor.userId));
