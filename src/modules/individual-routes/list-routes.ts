import { and, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import {
  deficitDiagnostics,
  diagnosticResults,
  individualRoutes,
  routeActivities,
  staffMembers,
} from '../../db/schema/people.js';
import type { DeficitLevel } from '../../db/schema/values.js';
import { byRussian } from '../../lib/sort.js';
import type { Actor } from '../access/actor.js';
import { canKeepRoutes, staffVisible } from '../access/people-rules.js';
import { currentSchoolYear, todayIso } from '../organisation/school-year.js';
import { fullName } from './get-route.js';
import type { listRoutesQuery } from './schemas.js';

// Routes of the teachers the actor sees for a school year, with filters by status, school and level (the
// level of the teacher's latest result), counts by status, and the teachers who need a route and have
// none («нужен ИОМ»): their latest result has a block at a level that needs a route.

type Latest = { level: string; levels: DeficitLevel[]; needs: boolean };

export async function listRoutes(
  db: Db,
  opts: { actor: Actor; query: z.infer<typeof listRoutesQuery>; today?: string },
) {
  const { actor, query } = opts;
  const year = query.year ?? currentSchoolYear();
  const today = opts.today ?? todayIso();
  const visible = staffVisible(actor, orgUnits.path, staffMembers.userId);
  const bySchool = query.schoolId ? eq(staffMembers.schoolId, query.schoolId) : undefined;

  const results = await db
    .select({
      staffId: diagnosticResults.staffMemberId,
      level: diagnosticResults.level,
      blockLevels: diagnosticResults.blockLevels,
      levels: deficitDiagnostics.levels,
    })
    .from(diagnosticResults)
    .innerJoin(deficitDiagnostics, eq(deficitDiagnostics.id, diagnosticResults.diagnosticId))
    .innerJoin(staffMembers, eq(staffMembers.id, diagnosticResults.staffMemberId))
    .innerJoin(orgUnits, eq(orgUnits.id, staffMembers.schoolId))
    .where(and(visible, bySchool, lte(deficitDiagnostics.year, year)))
    .orderBy(desc(deficitDiagnostics.conductedOn), desc(diagnosticResults.createdAt));
  const latest = new Map<string, Latest>();
  const levelNames = new Map<string, string>();
  for (const r of results) {
    for (const l of r.levels) if (!levelNames.has(l.key)) levelNames.set(l.key, l.name);
    if (latest.has(r.staffId)) continue;
    const needs = Object.values(r.blockLevels).some((k) => r.levels.find((l) => l.key === k)?.needsRoute);
    latest.set(r.staffId, { level: r.level, levels: r.levels, needs });
  }
  const levelOf = (staffId: string) => {
    const l = latest.get(staffId);
    return l ? { level: l.level, levelName: l.levels.find((x) => x.key === l.level)?.name ?? null } : null;
  };

  const routes = await db
    .select({
      r: individualRoutes,
      staff: staffMembers,
      schoolName: orgUnits.name,
    })
    .from(individualRoutes)
    .innerJoin(staffMembers, eq(staffMembers.id, individualRoutes.staffMemberId))
    .innerJoin(orgUnits, eq(orgUnits.id, individualRoutes.schoolId))
    .where(and(visible, bySchool, eq(individualRoutes.year, year)));
  const ids = routes.map((r) => r.r.id);
  const tallies = ids.length
    ? await db
        .select({
          routeId: routeActivities.routeId,
          total: sql<number>`count(*)::int`,
          confirmed: sql<number>`(count(*) filter (where ${routeActivities.status} = 'confirmed'))::int`,
          overdue: sql<number>`(count(*) filter (where ${routeActivities.dueDate} < ${today} and ${routeActivities.status} in ('planned', 'returned')))::int`,
        })
        .from(routeActivities)
        .where(inArray(routeActivities.routeId, ids))
        .groupBy(routeActivities.routeId)
    : [];
  const tally = new Map(tallies.map((t) => [t.routeId, t]));
  const counts = { total: 0, draft: 0, approved: 0, in_progress: 0, mastered: 0, not_mastered: 0 };
  const rows = routes
    .map((x) => {
      const l = levelOf(x.staff.id);
      const t = tally.get(x.r.id);
      return {
        id: x.r.id,
        status: x.r.status,
        year: x.r.year,
        schoolId: x.r.schoolId,
        schoolName: x.schoolName,
        staffMemberId: x.staff.id,
        teacherName: fullName(x.staff),
        position: x.staff.position,
        level: l?.level ?? null,
        levelName: l?.levelName ?? null,
        activities: t?.total ?? 0,
        confirmed: t?.confirmed ?? 0,
        overdue: t?.overdue ?? 0,
      };
    })
    .filter((r) => !query.level || r.level === query.level);
  for (const r of rows) {
    counts.total++;
    counts[r.status]++;
  }

  const withRoute = new Set(routes.map((r) => r.staff.id));
  const staff = await db
    .select({ staff: staffMembers, schoolName: orgUnits.name, schoolPath: orgUnits.path })
    .from(staffMembers)
    .innerJoin(orgUnits, eq(orgUnits.id, staffMembers.schoolId))
    .where(and(visible, bySchool, isNull(staffMembers.leftOn)));
  const needing = staff
    .filter((s) => latest.get(s.staff.id)?.needs && !withRoute.has(s.staff.id))
    .map((s) => ({
      staffMemberId: s.staff.id,
      teacherName: fullName(s.staff),
      position: s.staff.position,
      schoolId: s.staff.schoolId,
      schoolName: s.schoolName,
      levelName: levelOf(s.staff.id)?.levelName ?? null,
      canCreate: canKeepRoutes(actor, s.schoolPath),
      level: latest.get(s.staff.id)?.level ?? null,
    }))
    .filter((s) => !query.level || s.level === query.level)
    .map(({ level: _level, ...s }) => s)
    .sort(byRussian((s) => `${s.schoolName} ${s.teacherName}`));
  const schools = new Map(staff.map((s) => [s.staff.schoolId, s.schoolName]));
  return {
    year,
    routes: rows
      .filter((r) => !query.status || r.status === query.status)
      .sort(byRussian((r) => `${r.schoolName} ${r.teacherName}`)),
    counts,
    needing,
    schools: [...schools].map(([id, name]) => ({ id, name })).sort(byRussian((s) => s.name)),
    levels: [...levelNames].map(([key, name]) => ({ key, name })),
  };
}
