import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { type RoadmapStatus, roadmaps } from '../../db/schema/roadmaps.js';
import type { Actor } from '../access/actor.js';
import { emptyProgress, progressOf, toSummary, unitRef } from './read-model.js';
import { roadmapVisible } from './roadmap-access.js';
import type { RoadmapSummary } from './types.js';

export type RoadmapFilter = { orgUnitId?: string; status?: RoadmapStatus; periodYear?: number };

/** Access: lists only what the actor may see (the condition is part of the query). */
export async function listRoadmaps(
  db: Db,
  opts: { actor: Actor; filter?: RoadmapFilter },
): Promise<RoadmapSummary[]> {
  const f = opts.filter ?? {};
  const conds: SQL[] = [roadmapVisible(opts.actor)];
  if (f.orgUnitId) conds.push(eq(roadmaps.orgUnitId, f.orgUnitId));
  if (f.status) conds.push(eq(roadmaps.status, f.status));
  if (f.periodYear) conds.push(eq(roadmaps.periodYear, f.periodYear));
  const rows = await db
    .select({ r: roadmaps, u: orgUnits })
    .from(roadmaps)
    .innerJoin(orgUnits, eq(orgUnits.id, roadmaps.orgUnitId))
    .where(and(...conds))
    .orderBy(desc(roadmaps.periodYear), asc(orgUnits.path), asc(roadmaps.title));
  const progress = await progressOf(
    db,
    rows.map((r) => r.r.id),
  );
  return rows.map(({ r, u }) => toSummary(r, unitRef(u), progress.get(r.id) ?? emptyProgress()));
}
