import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { monitoringResponses, monitorings } from '../../db/schema/monitoring.js';
import { conflict, invalid, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { diff } from '../audit/events.js';
import { recordEvent } from '../audit/record-event.js';
import { checkPeriod } from './create-monitoring.js';
import { assertKeeps, loadMonitoring } from './monitoring-access.js';
import { type UpdateMonitoringInput, updateMonitoringInput } from './monitoring-input.js';
import { resolveParticipants } from './participants.js';
import { MSG } from './strings.js';

// The owner edits a draft freely (the form builder saves the whole form; participants are chosen again);
// once open, the form is frozen — only the title and the dates change (a deadline extended).

export async function updateMonitoring(
  db: Db,
  opts: { actor: Actor; monitoringId: string } & UpdateMonitoringInput,
): Promise<void> {
  const { actor, monitoringId, ...rest } = opts;
  const input = parseInput(updateMonitoringInput, rest);
  const { monitoring, owner } = await loadMonitoring(db, actor, monitoringId);
  assertKeeps(actor, owner);
  if (monitoring.version !== input.version) throw conflict();
  const draftOnly = input.form !== undefined || input.participants !== undefined;
  if (monitoring.status === 'closed' || (draftOnly && monitoring.status !== 'draft'))
    throw invalid(MSG.notDraft);
  if (input.form && monitoring.kind !== 'form')
    throw invalid(MSG.formForComputed, [{ field: 'form', message: MSG.formForComputed }]);
  checkPeriod(input.periodStart ?? monitoring.periodStart, input.periodEnd ?? monitoring.periodEnd);
  const units = input.participants
    ? await resolveParticipants(db, owner, input.participants, monitoring.year)
    : undefined;
  const after = {
    title: input.title,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    form: input.form,
  };
  const changes = diff(
    monitoring as unknown as Record<string, unknown>,
    Object.fromEntries(Object.entries(after).filter(([, v]) => v !== undefined)),
    ['title', 'periodStart', 'periodEnd', 'form'],
  ).map((c) => (c.field === 'form' ? { field: 'form', old: null, new: null } : c));
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(monitorings)
      .set({ ...after, version: input.version + 1, updatedAt: new Date() })
      .where(and(eq(monitorings.id, monitoring.id), eq(monitorings.version, input.version)))
      .returning({ id: monitorings.id });
    if (!row) throw conflict();
    if (units) {
      // A draft has no answers yet: its participants are simply chosen again.
      await tx.delete(monitoringResponses).where(eq(monitoringResponses.monitoringId, monitoring.id));
      for (let i = 0; i < units.length; i += 1000)
        await tx
          .insert(monitoringResponses)
          .values(units.slice(i, i + 1000).map((orgUnitId) => ({ monitoringId: monitoring.id, orgUnitId })));
    }
    await recordEvent(
      tx,
      actor,
      'monitoring.updated',
      { entityType: 'monitoring', entityId: monitoring.id, orgUnitId: owner.id },
      units ? { changes, participants: units.length } : { changes },
    );
  });
}
