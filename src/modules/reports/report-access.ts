import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { analyticReports } from '../../db/schema/monitoring.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { REPORT_MSG } from './report-labels.js';

// Who works with an analytic report (issue 13 §5):
// - it is read by whoever sees its unit (a municipality reads its own reports, never another's);
// - it is generated, edited and issued by its author side: the regional operator for the region and
//   its municipalities, the municipal coordinator for his municipality.

type Unit = { id: string; kind: string; path: string };

export function canAuthorReport(actor: Actor, unit: Unit): boolean {
  if (unit.kind !== 'region' && unit.kind !== 'municipality') return false;
  return actor.assignments.some(
    (a) =>
      (a.role === 'regional_operator' && a.unitKind === 'region' && unit.path.startsWith(a.unitPath)) ||
      (a.role === 'municipal_coordinator' && a.unitKind === 'municipality' && a.orgUnitId === unit.id),
  );
}

export async function loadReport(db: Db, actor: Actor, reportId: string) {
  const [row] = await db
    .select({
      report: analyticReports,
      unit: {
        id: orgUnits.id,
        name: orgUnits.name,
        kind: orgUnits.kind,
        parentId: orgUnits.parentId,
        path: orgUnits.path,
      },
    })
    .from(analyticReports)
    .innerJoin(orgUnits, eq(orgUnits.id, analyticReports.orgUnitId))
    .where(and(eq(analyticReports.id, reportId), pathReadable(actor, orgUnits.path)));
  if (!row) throw notFound('Аналитическая справка');
  return row;
}

/** The report its author may change: unseen → 404, seen but not his → 403. */
export async function loadReportToAuthor(db: Db, actor: Actor, reportId: string) {
  const row = await loadReport(db, actor, reportId);
  if (!canAuthorReport(actor, row.unit)) throw forbidden(REPORT_MSG.notKeeper);
  return row;
}
