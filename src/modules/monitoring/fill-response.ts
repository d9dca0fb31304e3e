import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { monitoringResponses } from '../../db/schema/monitoring.js';
import type { MonitoringResponseStatus } from '../../db/schema/values.js';
import { conflict, forbidden, invalid, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { formSchema } from './form.js';
import { fillsFor, loadResponse, lockedStatus } from './monitoring-access.js';
import { type SaveAnswersInput, saveAnswersInput } from './monitoring-input.js';
import { MSG } from './strings.js';
import { answeredCount, checkAnswers } from './validate-answers.js';

// The participant fills its form: saves a draft as often as it likes (checked but possibly incomplete),
// then submits it (complete). A returned form stays «returned», with the reviewer's comment in view,
// until it is submitted again.

const EDITABLE: MonitoringResponseStatus[] = ['not_started', 'draft', 'returned'];

export async function saveResponse(
  db: Db,
  opts: { actor: Actor; monitoringId: string; unitId: string } & SaveAnswersInput,
): Promise<void> {
  await fill(db, opts, false);
}

export async function submitResponse(
  db: Db,
  opts: { actor: Actor; monitoringId: string; unitId: string } & SaveAnswersInput,
): Promise<void> {
  await fill(db, opts, true);
}

async function fill(
  db: Db,
  opts: { actor: Actor; monitoringId: string; unitId: string } & SaveAnswersInput,
  submit: boolean,
): Promise<void> {
  const { actor, monitoringId, unitId, ...rest } = opts;
  const input = parseInput(saveAnswersInput, rest);
  const { monitoring, response, unit } = await loadResponse(db, actor, monitoringId, unitId);
  if (!fillsFor(actor, unit)) throw forbidden(MSG.notFiller);
  if (response.version !== input.version) throw conflict();
  if (monitoring.kind !== 'form' || !monitoring.form) throw invalid(MSG.notForm);
  if (monitoring.status !== 'open') throw invalid(MSG.notOpen);
  if (!EDITABLE.includes(response.status)) throw invalid(MSG.notEditable);
  const form = formSchema.parse(monitoring.form);
  const { answers, issues } = checkAnswers(form, input.answers, submit);
  if (issues.length > 0)
    throw invalid(
      MSG.invalidAnswers(issues[0]?.message ?? ''),
      issues.map((i) => ({ field: `answers.${i.field}`, message: i.message })),
    );
  const status: MonitoringResponseStatus = submit
    ? 'submitted'
    : response.status === 'returned'
      ? 'returned'
      : 'draft';
  await db.transaction(async (tx) => {
    if ((await lockedStatus(tx, monitoring.id)) !== 'open') throw invalid(MSG.notOpen);
    const [row] = await tx
      .update(monitoringResponses)
      .set({
        answers,
        status,
        version: input.version + 1,
        updatedAt: new Date(),
        ...(submit ? { submittedAt: new Date(), submittedBy: actor.userId } : {}),
      })
      .where(and(eq(monitoringResponses.id, response.id), eq(monitoringResponses.version, input.version)))
      .returning({ id: monitoringResponses.id });
    if (!row) throw conflict();
    await recordEvent(
      tx,
      actor,
      submit ? 'monitoring_response.submitted' : 'monitoring_response.saved',
      { entityType: 'monitoring_response', entityId: response.id, orgUnitId: unit.id },
      { monitoringId: monitoring.id, answered: answeredCount(form, answers) },
    );
  });
}
