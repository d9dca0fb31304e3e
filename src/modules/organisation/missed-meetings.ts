import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { meetings, workingBodies } from '../../db/schema/organisation.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { byRussian } from '../../lib/sort.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { bodySchedule } from './body-schedule.js';
import type { MissedBody } from './meeting-views.js';

// The bodies that have missed an expected meeting (issue 12 §2): the «Пробелы» view of the helper
// «coverage» calls this. Only bodies with a periodicity; only the units the actor sees (or one of them
// and its subtree).

export async function bodiesWithMissedMeetings(
  db: Db,
  opts: { actor: Actor; unitId?: string; today: string; period?: { from: string; to: string } },
): Promise<MissedBody[]> {
  const rows = await db
    .select({
      id: workingBodies.id,
      name: workingBodies.name,
      orgUnitId: workingBodies.orgUnitId,
      unitName: orgUnits.name,
      unitPath: orgUnits.path,
      periodicity: workingBodies.periodicity,
      activeFrom: workingBodies.activeFrom,
      activeTo: workingBodies.activeTo,
    })
    .from(workingBodies)
    .innerJoin(orgUnits, eq(orgUnits.id, workingBodies.orgUnitId))
    .where(and(isNotNull(workingBodies.periodicity), pathReadable(opts.actor, orgUnits.path)));
  let bodies = rows;
  if (opts.unitId) {
    const [u] = await db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, opts.unitId));
    bodies = u ? rows.filter((b) => b.unitPath.startsWith(u.path)) : [];
  }
  const dates = bodies.length
    ? await db
        .select({ bodyId: meetings.bodyId, date: meetings.date })
        .from(meetings)
        .where(
          inArray(
            meetings.bodyId,
            bodies.map((b) => b.id),
          ),
        )
    : [];
  const out: MissedBody[] = [];
  for (const b of bodies) {
    if (!b.periodicity) continue;
    // Within a period (a school year for «Пробелы»): only its part of the body's life is expected.
    const p = opts.period;
    const missed = bodySchedule({
      periodicity: b.periodicity,
      activeFrom: p && b.activeFrom < p.from ? p.from : b.activeFrom,
      activeTo: p && (!b.activeTo || b.activeTo > p.to) ? p.to : b.activeTo,
      today: opts.today,
      meetingDates: dates.filter((d) => d.bodyId === b.id).map((d) => d.date),
    })
      .filter((p) => p.missed)
      .map(({ from, to }) => ({ from, to }));
    if (missed.length)
      out.push({
        bodyId: b.id,
        name: b.name,
        orgUnitId: b.orgUnitId,
        unitName: b.unitName,
        periodicity: b.periodicity,
        missed,
      });
  }
  return out.sort(byRussian((b) => `${b.unitName} ${b.name}`));
}
