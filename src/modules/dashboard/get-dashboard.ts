import { and, eq, inArray, like, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { cascadeTasks, items, roadmaps } from '../../db/schema/roadmaps.js';
import { byRussian } from '../../lib/sort.js';
import type { Actor } from '../access/actor.js';
import { managedUnitIds } from '../access/managed-units.js';
import { regionLevelAssignment } from '../access/region-level.js';
import { searchItems } from '../roadmaps/find-items.js';
import { listRoadmaps } from '../roadmaps/list-roadmaps.js';
import { overdueSql, taskStatusSql } from '../roadmaps/read-model.js';
import { listUnitTasks } from '../roadmaps/tasks.js';
import type { unitRollUpView } from './views.js';

export type UnitRollUp = z.infer<typeof unitRollUpView>;

/** Rows of each list the start page shows; the totals count all. */
const SHOWN = 20;

/**
 * The start page of every role: its roadmaps and their progress, overdue and upcoming items,
 * what waits for its confirmation, its tasks from the level above, and for a region or a
 * municipality the same rolled up by the units below.
 */
export async function getDashboard(db: Db, opts: { actor: Actor }) {
  const { actor } = opts;
  // One statement after another: the counts and the first 20 of each list come from the database,
  // only the rows shown are decorated (docs/decisions/0011-cheap-reads.md).
  const managed = await managedUnitIds(db, actor);
  const visible = await listRoadmaps(db, { actor });
  const overdue = await searchItems(db, { actor, filter: { view: 'overdue' }, limit: SHOWN });
  const upcoming = await searchItems(db, { actor, filter: { view: 'upcoming', days: 30 }, limit: SHOWN });
  const awaiting = await searchItems(db, { actor, filter: { view: 'awaiting' }, limit: SHOWN });
  const tasks = await listUnitTasks(db, managed);
  const rollUp = await rollUpBelow(db, actor);
  const own = visible.filter((r) => managed.includes(r.orgUnit.id));
  return {
    ownRoadmaps: own,
    otherRoadmaps: visible
      .filter((r) => !managed.includes(r.orgUnit.id) && r.status !== 'archived')
      .slice(0, 50),
    overdue,
    upcoming,
    awaiting,
    tasks: {
      total: tasks.length,
      done: tasks.filter((t) => t.status === 'done').length,
      overdue: tasks.filter((t) => t.source.overdue && t.status !== 'done').length,
      items: tasks.filter((t) => t.status !== 'done').slice(0, SHOWN),
    },
    rollUp,
  };
}

/** For regional and municipal roles: per unit one level below, its roadmaps' state and tasks from above. */
async function rollUpBelow(
  db: Db,
  actor: Actor,
): Promise<{ level: 'municipality' | 'school'; units: UnitRollUp[] } | null> {
  const top = regionLevelAssignment(actor);
  const mun = actor.assignments.find((a) => a.role === 'municipal_coordinator');
  const scope = top
    ? { path: top.governingPath, kind: 'municipality' as const }
    : mun
      ? { path: mun.unitPath, kind: 'school' as const }
      : null;
  if (!scope) return null;
  const units = await db
    .select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path, kind: orgUnits.kind })
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, scope.kind), like(orgUnits.path, `${scope.path}%`)));
  if (units.length === 0) return { level: scope.kind, units: [] };
  // Roadmaps counted at a unit are its own and those of the institutions and schools below it.
  const itemRows = await db
    .select({
      path: orgUnits.path,
      roadmaps: sql<number>`count(distinct ${roadmaps.id})`.mapWith(Number),
      items: sql<number>`count(${items.id})`.mapWith(Number),
      done: sql<number>`count(${items.id}) filter (where ${items.status} = 'done')`.mapWith(Number),
      overdue: sql<number>`count(${items.id}) filter (where ${overdueSql})`.mapWith(Number),
    })
    .from(roadmaps)
    .innerJoin(orgUnits, eq(orgUnits.id, roadmaps.orgUnitId))
    .leftJoin(items, eq(items.roadmapId, roadmaps.id))
    .where(and(like(orgUnits.path, `${scope.path}%`), inArray(roadmaps.status, ['approved', 'draft'])))
    .groupBy(orgUnits.path);
  const taskRows = await db
    .select({
      unitId: cascadeTasks.orgUnitId,
      total: sql<number>`count(*)`.mapWith(Number),
      done: sql<number>`count(*) filter (where ${taskStatusSql} = 'done')`.mapWith(Number),
    })
    .from(cascadeTasks)
    .innerJoin(items, eq(items.id, cascadeTasks.sourceItemId))
    .innerJoin(roadmaps, and(eq(roadmaps.id, items.roadmapId), eq(roadmaps.status, 'approved')))
    .where(
      inArray(
        cascadeTasks.orgUnitId,
        units.map((u) => u.id),
      ),
    )
    .groupBy(cascadeTasks.orgUnitId);
  const tasksBy = new Map(taskRows.map((t) => [t.unitId, t]));
  return {
    level: scope.kind,
    units: units
      .map((u) => {
        const mine = itemRows.filter((r) => r.path.startsWith(u.path));
        const sum = (k: 'roadmaps' | 'items' | 'done' | 'overdue') => mine.reduce((s, r) => s + r[k], 0);
        const t = tasksBy.get(u.id);
        return {
          unit: { id: u.id, name: u.name, kind: u.kind },
          roadmaps: sum('roadmaps'),
          items: sum('items'),
          done: sum('done'),
          overdue: sum('overdue'),
          tasksDone: t?.done ?? 0,
          tasksTotal: t?.total ?? 0,
        };
      })
      .sort(byRussian((u) => u.unit.name)),
  };
}
