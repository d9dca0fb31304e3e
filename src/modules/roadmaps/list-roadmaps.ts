import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { preparedRead } from '../../db/prepared-read.js';
import type { RoadmapStatus } from '../../db/schema/roadmaps.js';
import type { Actor } from '../access/actor.js';
import { jsonBytes, ReadCache } from './read-cache.js';
import { summaryColumns } from './read-sql.js';
import { roadmapVisiblePrepared, visibilityParams } from './roadmap-access.js';
import { periodLabel, type RoadmapSummary } from './types.js';

export type RoadmapFilter = { orgUnitId?: string; status?: RoadmapStatus; periodYear?: number };

// One statement with the progress of every listed roadmap; filters are parameters (null: not applied).
const p = (name: string, type: string) => sql`${sql.placeholder(name)}::${sql.raw(type)}`;
const readList = preparedRead(
  'roadmap_list',
  { body: sql<string>`body` },
  sql`(select coalesce(json_agg(row_to_json(c) order by r.period_year desc, u.path, r.title), '[]')::text as body
    from roadmaps r join org_units u on u.id = r.org_unit_id
      cross join lateral (select ${sql.raw(summaryColumns('r', 'u'))}) c
    where ${roadmapVisiblePrepared('u', 'r')}
      and (${p('orgUnitId', 'uuid')} is null or r.org_unit_id = ${p('orgUnitId', 'uuid')})
      and (${p('status', 'text')} is null or r.status = ${p('status', 'text')})
      and (${p('periodYear', 'int')} is null or r.period_year = ${p('periodYear', 'int')})) q`,
);

const lists = new ReadCache<RoadmapSummary[]>(jsonBytes);

/** Access: lists only what the actor may see (the condition is part of the query). */
export function listRoadmaps(
  db: Db,
  opts: { actor: Actor; filter?: RoadmapFilter },
): Promise<RoadmapSummary[]> {
  return lists.get(db, JSON.stringify([opts.actor, opts.filter ?? {}]), () => readRoadmapList(db, opts));
}

async function readRoadmapList(
  db: Db,
  opts: { actor: Actor; filter?: RoadmapFilter },
): Promise<RoadmapSummary[]> {
  const f = opts.filter ?? {};
  const [row] = await readList(db, {
    ...visibilityParams(opts.actor),
    orgUnitId: f.orgUnitId ?? null,
    status: f.status ?? null,
    periodYear: f.periodYear ?? null,
  });
  const list = JSON.parse(row?.body ?? '[]') as Omit<RoadmapSummary, 'periodLabel'>[];
  return list.map((r) => ({ ...r, periodLabel: periodLabel(r.periodKind, r.periodYear) }));
}
