import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { monitoringResponses } from '../../db/schema/monitoring.js';
import { orgUnits } from '../../db/schema/orgs.js';
import type { MonitoringResponseStatus } from '../../db/schema/values.js';
import { byRussian } from '../../lib/sort.js';
import type { Actor } from '../access/actor.js';
import { runsCampaignOf } from '../access/campaign-roles.js';
import { fillsFor, type MonitoringRow, type UnitRef, unitInScope } from './monitoring-access.js';
import type { MonitoringSummary } from './views.js';

// What the list and the page of a monitoring show: its participants the actor sees, counted by status
// (overall and per municipality), and the forms the actor's own units fill.

export type Counts = Record<MonitoringResponseStatus | 'total' | 'overdue', number>;
const zero = (): Counts => ({
  total: 0,
  not_started: 0,
  draft: 0,
  submitted: 0,
  returned: 0,
  accepted: 0,
  overdue: 0,
});

/** Not yet handed in after the deadline of an open monitoring (a returned form too, until resubmitted). */
export const isOverdue = (m: Pick<MonitoringRow, 'status' | 'periodEnd'>, status: string, today: string) =>
  m.status === 'open' && m.periodEnd < today && ['not_started', 'draft', 'returned'].includes(status);

export type ParticipantRow = {
  monitoringId: string;
  unitId: string;
  name: string;
  kind: string;
  path: string;
  municipalityId: string | null;
  municipality: string | null;
  status: MonitoringResponseStatus;
  answers: Record<string, unknown>;
  returnComment: string | null;
  submittedAt: Date | null;
  reviewedAt: Date | null;
};

/** The participants of these monitorings that the actor sees, sorted by municipality and name. */
export async function visibleParticipants(
  db: Db,
  actor: Actor,
  monitoringIds: string[],
): Promise<ParticipantRow[]> {
  if (monitoringIds.length === 0) return [];
  const rows = await db
    .select({
      monitoringId: monitoringResponses.monitoringId,
      unitId: orgUnits.id,
      name: sql<string>`coalesce(${orgUnits.shortName}, ${orgUnits.name})`,
      kind: orgUnits.kind,
      path: orgUnits.path,
      municipalityId: sql<string | null>`m.id`,
      municipality: sql<string | null>`coalesce(m.short_name, m.name)`,
      status: monitoringResponses.status,
      answers: monitoringResponses.answers,
      returnComment: monitoringResponses.returnComment,
      submittedAt: monitoringResponses.submittedAt,
      reviewedAt: monitoringResponses.reviewedAt,
    })
    .from(monitoringResponses)
    .innerJoin(orgUnits, eq(orgUnits.id, monitoringResponses.orgUnitId))
    .leftJoin(
      sql`org_units m`,
      sql`m.kind = 'municipality' and m.id::text = split_part(${orgUnits.path}, '/', 3)`,
    )
    .where(and(inArray(monitoringResponses.monitoringId, monitoringIds), unitInScope(actor, orgUnits.path)));
  const byMunicipality = byRussian<ParticipantRow>((r) => r.municipality ?? '');
  const byName = byRussian<ParticipantRow>((r) => r.name);
  return rows.sort((a, b) => byMunicipality(a, b) || byName(a, b));
}

export function countsOf(
  m: Pick<MonitoringRow, 'status' | 'periodEnd'>,
  rows: Pick<ParticipantRow, 'status'>[],
  today: string,
): Counts {
  const c = zero();
  for (const r of rows) {
    c.total++;
    c[r.status]++;
    if (isOverdue(m, r.status, today)) c.overdue++;
  }
  return c;
}

export function summaryOf(
  actor: Actor,
  monitoring: MonitoringRow,
  owner: UnitRef,
  participants: ParticipantRow[],
  today: string,
): MonitoringSummary {
  return {
    id: monitoring.id,
    title: monitoring.title,
    kind: monitoring.kind,
    year: monitoring.year,
    periodStart: monitoring.periodStart,
    periodEnd: monitoring.periodEnd,
    status: monitoring.status,
    template: monitoring.template,
    owner: { id: owner.id, name: owner.name, kind: owner.kind },
    version: monitoring.version,
    progress: countsOf(monitoring, participants, today),
    mine:
      monitoring.status === 'draft'
        ? []
        : participants
            .filter((p) => fillsFor(actor, { id: p.unitId, kind: p.kind }))
            .map((p) => ({
              unitId: p.unitId,
              unitName: p.name,
              status: p.status,
              returnComment: p.returnComment,
            })),
    canKeep: runsCampaignOf(actor, owner),
  };
}
