import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/auth.js';
import { files } from '../../db/schema/files.js';
import {
  courses,
  deficitDiagnostics,
  diagnosticResults,
  routeActivities,
  routeActivityFiles,
  routeGoals,
} from '../../db/schema/people.js';
import type { Actor } from '../access/actor.js';
import { canKeepRoutes } from '../access/people-rules.js';
import { todayIso } from '../organisation/school-year.js';
import { coursesOfSchool } from './edit-route.js';
import { routeHistory } from './history.js';
import { loadRoute, mayConfirm, mayMarkDone, OPEN_STATUSES, type RouteRow } from './route-access.js';

// A route as its page shows it: the teacher, the diagnostic it was built from, goals, activities with
// evidence and what the caller may do on each, and the history.

export const fullName = (s: { lastName: string; firstName: string; middleName: string | null }) =>
  [s.lastName, s.firstName, s.middleName].filter(Boolean).join(' ');

const OPEN_ACTIVITY = ['planned', 'returned'];
export const isOverdue = (a: { dueDate: string | null; status: string }, today: string) =>
  !!a.dueDate && a.dueDate < today && OPEN_ACTIVITY.includes(a.status);

export async function getRoute(db: Db, opts: { actor: Actor; routeId: string; today?: string }) {
  const row = await loadRoute(db, opts.actor, opts.routeId);
  return routeDetail(db, opts.actor, row, opts.today ?? todayIso());
}

export async function routeDetail(db: Db, actor: Actor, row: RouteRow, today: string) {
  const { route } = row;
  const goals = await db
    .select()
    .from(routeGoals)
    .where(eq(routeGoals.routeId, route.id))
    .orderBy(asc(routeGoals.sort), asc(routeGoals.text));
  const activities = await db
    .select({ a: routeActivities, courseName: courses.name, responsibleName: users.fullName })
    .from(routeActivities)
    .leftJoin(courses, eq(courses.id, routeActivities.courseId))
    .leftJoin(users, eq(users.id, routeActivities.responsibleUserId))
    .where(eq(routeActivities.routeId, route.id))
    .orderBy(asc(routeActivities.sort), asc(routeActivities.createdAt));
  const ids = activities.map((a) => a.a.id);
  const evidence = ids.length
    ? await db
        .select({ activityId: routeActivityFiles.activityId, id: files.id, name: files.name })
        .from(routeActivityFiles)
        .innerJoin(files, eq(files.id, routeActivityFiles.fileId))
        .where(inArray(routeActivityFiles.activityId, ids))
    : [];
  const confirmers = [...new Set(activities.map((a) => a.a.confirmedBy).filter((x): x is string => !!x))];
  const names = new Map<string, string>();
  if (route.approvedBy) confirmers.push(route.approvedBy);
  if (confirmers.length)
    for (const u of await db
      .select({ id: users.id, name: users.fullName })
      .from(users)
      .where(inArray(users.id, confirmers)))
      names.set(u.id, u.name);
  const [diag] = route.diagnosticId
    ? await db
        .select({ d: deficitDiagnostics, level: diagnosticResults.level })
        .from(deficitDiagnostics)
        .leftJoin(
          diagnosticResults,
          and(
            eq(diagnosticResults.diagnosticId, deficitDiagnostics.id),
            eq(diagnosticResults.staffMemberId, route.staffMemberId),
          ),
        )
        .where(eq(deficitDiagnostics.id, route.diagnosticId))
    : [];
  const open = (OPEN_STATUSES as readonly string[]).includes(route.status);
  const running = route.status === 'approved' || route.status === 'in_progress';
  const keep = canKeepRoutes(actor, row.schoolPath);
  return {
    id: route.id,
    version: route.version,
    status: route.status,
    year: route.year,
    schoolId: route.schoolId,
    schoolName: row.schoolName,
    staffMemberId: route.staffMemberId,
    teacherName: fullName(row.staff),
    position: row.staff.position,
    diagnostic: diag
      ? {
          id: diag.d.id,
          name: diag.d.name,
          conductedOn: diag.d.conductedOn,
          levelName: diag.d.levels.find((l) => l.key === diag.level)?.name ?? null,
        }
      : null,
    approvedAt: route.approvedAt?.toISOString() ?? null,
    approvedByName: route.approvedBy ? (names.get(route.approvedBy) ?? null) : null,
    result: route.result,
    goals: goals.map((g) => ({ id: g.id, blockKey: g.blockKey, text: g.text })),
    activities: activities.map(({ a, courseName, responsibleName }) => ({
      id: a.id,
      goalId: a.goalId,
      kind: a.kind,
      title: a.title,
      dueDate: a.dueDate,
      responsible: a.responsible,
      responsibleUserId: a.responsibleUserId,
      responsibleUserName: responsibleName,
      courseId: a.courseId,
      courseName,
      status: a.status,
      doneOn: a.doneOn,
      doneNote: a.doneNote,
      confirmedAt: a.confirmedAt?.toISOString() ?? null,
      confirmedByName: a.confirmedBy ? (names.get(a.confirmedBy) ?? null) : null,
      returnComment: a.returnComment,
      overdue: isOverdue(a, today),
      files: evidence.filter((f) => f.activityId === a.id).map((f) => ({ id: f.id, name: f.name })),
      canMarkDone: running && a.status !== 'confirmed' && mayMarkDone(actor, row),
      canReview: running && a.status === 'done' && mayConfirm(actor, row, a.responsibleUserId),
      version: a.version,
    })),
    canKeep: keep && open,
    courseOptions:
      keep && open
        ? (await coursesOfSchool(db, row.schoolPath)).map((c) => ({ id: c.id, name: c.name }))
        : [],
    history: await routeHistory(db, route.id),
  };
}
