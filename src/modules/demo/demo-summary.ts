import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { cascadeTasks, itemComments, itemEvidence, items, roadmaps } from '../../db/schema/roadmaps.js';
import { OPEN_STATUSES, overdueSql } from '../roadmaps/read-model.js';
import type { DemoOrgs } from './demo-orgs.js';

/** What the demo loader created; overdue and upcoming are as of the database's current date. */
export type DemoSummary = {
  regions: number;
  municipalities: number;
  schools: number;
  institutions: number;
  /** Schools addressed by the regional ШНОР roadmap. */
  shnorSchools: number;
  users: number;
  roadmaps: number;
  approvedRoadmaps: number;
  draftRoadmaps: number;
  items: number;
  /** Measures cascaded to municipalities and schools. */
  tasks: number;
  doneItems: number;
  confirmedItems: number;
  /** Done items still waiting for the level above. */
  pendingItems: number;
  returnedItems: number;
  overdueItems: number;
  /** Open items due within the next 30 days. */
  upcomingItems: number;
  evidenceFiles: number;
  comments: number;
  /** How long the load took, in milliseconds. */
  ms: number;
};

export async function countDemo(
  db: Db,
  o: { orgs: DemoOrgs; shnor: number; users: number; started: number },
): Promise<DemoSummary> {
  const demo = db.select({ id: roadmaps.id }).from(roadmaps).where(eq(roadmaps.isDemo, true));
  const n = async (where: ReturnType<typeof and>) => {
    const [r] = await db
      .select({ n: count() })
      .from(items)
      .where(and(inArray(items.roadmapId, demo), where));
    return r?.n ?? 0;
  };
  const rm = await db
    .select({ status: roadmaps.status, n: count() })
    .from(roadmaps)
    .where(eq(roadmaps.isDemo, true))
    .groupBy(roadmaps.status);
  const byStatus = (s: string) => rm.find((r) => r.status === s)?.n ?? 0;
  const [tasks] = await db
    .select({ n: count() })
    .from(cascadeTasks)
    .innerJoin(items, eq(items.id, cascadeTasks.sourceItemId))
    .where(inArray(items.roadmapId, demo));
  const [comments] = await db
    .select({ n: count() })
    .from(itemComments)
    .innerJoin(items, eq(items.id, itemComments.itemId))
    .where(inArray(items.roadmapId, demo));
  const [evidence] = await db
    .select({ n: count() })
    .from(itemEvidence)
    .innerJoin(items, eq(items.id, itemEvidence.itemId))
    .where(inArray(items.roadmapId, demo));
  return {
    regions: 1,
    municipalities: o.orgs.municipalities.length,
    schools: o.orgs.municipalities.reduce((s, m) => s + m.schools.length, 0),
    institutions: o.orgs.institutions,
    shnorSchools: o.shnor,
    users: o.users,
    roadmaps: rm.reduce((s, r) => s + r.n, 0),
    approvedRoadmaps: byStatus('approved'),
    draftRoadmaps: byStatus('draft'),
    items: await n(undefined),
    tasks: tasks?.n ?? 0,
    doneItems: await n(eq(items.status, 'done')),
    confirmedItems: await n(eq(items.confirmation, 'confirmed')),
    pendingItems: await n(and(eq(items.status, 'done'), eq(items.confirmation, 'pending'))),
    returnedItems: await n(eq(items.confirmation, 'returned')),
    overdueItems: await n(overdueSql),
    upcomingItems: await n(
      and(
        inArray(items.status, OPEN_STATUSES),
        sql`${items.dueDate} between current_date and current_date + 30`,
      ),
    ),
    evidenceFiles: evidence?.n ?? 0,
    comments: comments?.n ?? 0,
    ms: Date.now() - o.started,
  };
}
