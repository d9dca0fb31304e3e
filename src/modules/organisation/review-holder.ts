import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { analyticReports, monitorings } from '../../db/schema/monitoring.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { invalid, notFound } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import type { UnitRef } from './body-access.js';
import { MEETING_MSG } from './meeting-labels.js';

// A review (рассмотрение, issue 13 §5) considers an issued analytic report or a monitoring; it is held
// by the report's (the monitoring's) unit, and kept like a body meeting of that unit: its keeper records
// it, its decisions are управленческие решения tracked as every meeting's.

const unitCols = {
  id: orgUnits.id,
  kind: orgUnits.kind,
  parentId: orgUnits.parentId,
  path: orgUnits.path,
  name: orgUnits.name,
};

export async function reviewHolder(
  db: Db,
  actor: Actor,
  input: { reportId?: string | null; monitoringId?: string | null },
): Promise<{ unit: UnitRef; reportId: string | null; monitoringId: string | null }> {
  if (input.reportId) {
    const [row] = await db
      .select({ status: analyticReports.status, unit: unitCols })
      .from(analyticReports)
      .innerJoin(orgUnits, eq(orgUnits.id, analyticReports.orgUnitId))
      .where(and(eq(analyticReports.id, input.reportId), pathReadable(actor, orgUnits.path)));
    if (!row) throw notFound('Аналитическая справка');
    if (row.status !== 'issued')
      throw invalid(MEETING_MSG.reviewNotIssued, [
        { field: 'reportId', message: MEETING_MSG.reviewNotIssued },
      ]);
    return { unit: row.unit, reportId: input.reportId, monitoringId: null };
  }
  if (input.monitoringId) {
    const [row] = await db
      .select({ unit: unitCols })
      .from(monitorings)
      .innerJoin(orgUnits, eq(orgUnits.id, monitorings.ownerUnitId))
      .where(and(eq(monitorings.id, input.monitoringId), pathReadable(actor, orgUnits.path)));
    if (!row) throw notFound('Мониторинг');
    return { unit: row.unit, reportId: null, monitoringId: input.monitoringId };
  }
  throw invalid(MEETING_MSG.reviewSubject, [{ field: 'reportId', message: MEETING_MSG.reviewSubject }]);
}
