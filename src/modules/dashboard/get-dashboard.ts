import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { byRussian } from '../../lib/sort.js';
import type { Actor } from '../access/actor.js';
import { managedUnitIds } from '../access/managed-units.js';
import { regionLevelAssignment } from '../access/region-level.js';
import { searchItems } from '../roadmaps/find-items.js';
import { listRoadmaps } from '../roadmaps/list-roadmaps.js';
import { jsonBytes, ReadCache } from '../roadmaps/read-cache.js';
import type { TaskView } from '../roadmaps/tasks.js';
import { readRollUp, readTaskSummary } from './dashboard-sql.js';
import type { unitRollUpView } from './views.js';

export type UnitRollUp = z.infer<typeof unitRollUpView>;

/** Rows of each list the start page shows; the totals count all. */
const SHOWN = 20;

/**
 * The start page of every role: its roadmaps and their progress, overdue and upcoming items,
 * what waits for its confirmation, its tasks from the level above, and for a region or a
 * municipality the same rolled up by the units below.
 */
export function getDashboard(db: Db, opts: { actor: Actor }): Promise<Dashboard> {
  // Kept in memory while nothing it shows has changed (roadmaps/read-cache.ts).
  return dashboards.get(db, JSON.stringify(opts.actor), () => readDashboard(db, opts.actor));
}

export type Dashboard = Awaited<ReturnType<typeof readDashboard>>;
const dashboards = new ReadCache<Dashboard>(jsonBytes);

async function readDashboard(db: Db, actor: Actor) {
  // One statement after another: the counts and the first 20 of each list come from the database,
  // only the rows shown are decorated (docs/decisions/0011-cheap-reads.md).
  const managed = await managedUnitIds(db, actor);
  const visible = await listRoadmaps(db, { actor });
  const overdue = await searchItems(db, { actor, filter: { view: 'overdue' }, limit: SHOWN });
  const upcoming = await searchItems(db, { actor, filter: { view: 'upcoming', days: 30 }, limit: SHOWN });
  const awaiting = await searchItems(db, { actor, filter: { view: 'awaiting' }, limit: SHOWN });
  const [tasks] = await readTaskSummary(db, { units: managed, limit: SHOWN });
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
      total: tasks?.total ?? 0,
      done: tasks?.done ?? 0,
      overdue: tasks?.overdue ?? 0,
      items: JSON.parse(tasks?.body ?? '[]') as TaskView[],
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
  // Roadmaps counted at a unit are its own and those of the institutions and schools below it.
  const [row] = await readRollUp(db, { kind: scope.kind, prefix: `${scope.path}%` });
  const units = JSON.parse(row?.body ?? '[]') as UnitRollUp[];
  return { level: scope.kind, units: units.sort(byRussian((u) => u.unit.name)) };
}
