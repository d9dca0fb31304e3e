import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { monitorings } from '../../db/schema/monitoring.js';
import { orgUnits } from '../../db/schema/orgs.js';
import type { Actor } from '../access/actor.js';
import { monitoringVisible } from './monitoring-access.js';
import { summaryOf, visibleParticipants } from './monitoring-read.js';
import type { MonitoringSummary } from './views.js';

/** The monitorings the actor sees, newest first: the owner's with progress, a participant's with his forms. */
export async function listMonitorings(
  db: Db,
  opts: { actor: Actor; year?: number; today: string },
): Promise<MonitoringSummary[]> {
  const rows = await db
    .select({
      monitoring: monitorings,
      owner: { id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path },
    })
    .from(monitorings)
    .innerJoin(orgUnits, eq(orgUnits.id, monitorings.ownerUnitId))
    .where(and(monitoringVisible(opts.actor), opts.year ? eq(monitorings.year, opts.year) : undefined))
    .orderBy(desc(monitorings.periodEnd), desc(monitorings.createdAt))
    .limit(500);
  const participants = await visibleParticipants(
    db,
    opts.actor,
    rows.map((r) => r.monitoring.id),
  );
  return rows.map((r) =>
    summaryOf(
      opts.actor,
      r.monitoring,
      r.owner,
      participants.filter((p) => p.monitoringId === r.monitoring.id),
      opts.today,
    ),
  );
}
