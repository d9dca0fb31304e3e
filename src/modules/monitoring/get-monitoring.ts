import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { computedSpec } from './computed.js';
import { fieldsOf, formSchema } from './form.js';
import { loadMonitoring, type MonitoringRow } from './monitoring-access.js';
import { countsOf, isOverdue, summaryOf, visibleParticipants } from './monitoring-read.js';
import { answeredCount } from './validate-answers.js';
import type { MonitoringDetail } from './views.js';

/** The date a computed monitoring is taken on: its deadline, or today while the deadline is ahead. */
export const asOfDate = (m: Pick<MonitoringRow, 'periodEnd'>, today: string) =>
  m.periodEnd < today ? m.periodEnd : today;

/** A monitoring with its form, its participants the actor sees, progress per municipality, computed table. */
export async function getMonitoring(
  db: Db,
  opts: { actor: Actor; monitoringId: string; today: string },
): Promise<MonitoringDetail> {
  const { monitoring, owner } = await loadMonitoring(db, opts.actor, opts.monitoringId);
  const participants = await visibleParticipants(db, opts.actor, [monitoring.id]);
  const form = monitoring.form ? formSchema.parse(monitoring.form) : null;
  const groups = new Map<string, typeof participants>();
  for (const p of participants) {
    const key = p.municipalityId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const asOf = asOfDate(monitoring, opts.today);
  const spec = computedSpec(monitoring.kind);
  const computed = spec
    ? await spec.compute(db, {
        year: monitoring.year,
        asOf,
        units: participants.map((p) => ({ id: p.unitId, path: p.path, kind: p.kind })),
        indicatorCodes: monitoring.indicatorCodes,
      })
    : null;
  return {
    ...summaryOf(opts.actor, monitoring, owner, participants, opts.today),
    form,
    fieldCount: form ? fieldsOf(form).length : 0,
    participants: participants.map((p) => ({
      unitId: p.unitId,
      name: p.name,
      kind: p.kind,
      municipality: p.municipality,
      status: p.status,
      answered: form ? answeredCount(form, p.answers) : 0,
      submittedAt: p.submittedAt?.toISOString() ?? null,
      reviewedAt: p.reviewedAt?.toISOString() ?? null,
      overdue: isOverdue(monitoring, p.status, opts.today),
    })),
    byMunicipality: [...groups.values()].map((rows) => ({
      municipalityId: rows[0]?.municipalityId ?? null,
      name: rows[0]?.municipality ?? owner.name,
      ...countsOf(monitoring, rows, opts.today),
    })),
    computed,
    asOf,
  };
}
