import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { computedSpec } from './computed.js';
import { formSchema } from './form.js';
import { asOfDate } from './get-monitoring.js';
import { fillsFor, loadResponse, reviewsFor } from './monitoring-access.js';
import { isOverdue } from './monitoring-read.js';
import type { ResponseView } from './views.js';

/** A participant's form with its answers and what the actor may do; for a computed monitoring, its records. */
export async function getResponse(
  db: Db,
  opts: { actor: Actor; monitoringId: string; unitId: string; today: string },
): Promise<ResponseView> {
  const { monitoring, owner, response, unit } = await loadResponse(
    db,
    opts.actor,
    opts.monitoringId,
    opts.unitId,
  );
  const spec = computedSpec(monitoring.kind);
  const args = {
    year: monitoring.year,
    asOf: asOfDate(monitoring, opts.today),
    units: [unit],
    indicatorCodes: monitoring.indicatorCodes,
  };
  const open = monitoring.status === 'open';
  const reviews =
    monitoring.status !== 'draft' && response.status === 'submitted' && reviewsFor(opts.actor, owner, unit);
  return {
    monitoring: {
      id: monitoring.id,
      title: monitoring.title,
      kind: monitoring.kind,
      status: monitoring.status,
      periodStart: monitoring.periodStart,
      periodEnd: monitoring.periodEnd,
      owner: { id: owner.id, name: owner.name, kind: owner.kind },
    },
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    status: response.status,
    version: response.version,
    form: monitoring.form ? formSchema.parse(monitoring.form) : null,
    answers: response.answers as ResponseView['answers'],
    returnComment: response.returnComment,
    submittedAt: response.submittedAt?.toISOString() ?? null,
    reviewedAt: response.reviewedAt?.toISOString() ?? null,
    overdue: isOverdue(monitoring, response.status, opts.today),
    canFill:
      open &&
      monitoring.kind === 'form' &&
      ['not_started', 'draft', 'returned'].includes(response.status) &&
      fillsFor(opts.actor, unit),
    canReview: reviews,
    canReturn: reviews && open,
    detail: spec ? await spec.detail(db, { ...args, unit }) : null,
  };
}
