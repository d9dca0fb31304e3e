import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { monitoringResponses } from '../../db/schema/monitoring.js';
import { conflict, forbidden, invalid, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { loadResponse, lockedStatus, reviewsFor } from './monitoring-access.js';
import { type ReviewInput, reviewInput } from './monitoring-input.js';
import { MSG } from './strings.js';

/**
 * The reviewer accepts a submitted form or returns it for correction with a comment the participant sees;
 * after the monitoring is closed a form can only be accepted.
 */
export async function reviewResponse(
  db: Db,
  opts: { actor: Actor; monitoringId: string; unitId: string } & ReviewInput,
): Promise<void> {
  const { actor, monitoringId, unitId, ...rest } = opts;
  const input = parseInput(reviewInput, rest);
  const { monitoring, owner, response, unit } = await loadResponse(db, actor, monitoringId, unitId);
  if (!reviewsFor(actor, owner, unit)) throw forbidden(MSG.notReviewer);
  if (response.version !== input.version) throw conflict();
  if (response.status !== 'submitted') throw invalid(MSG.notSubmitted);
  const comment = input.comment?.trim() || null;
  if (input.decision === 'return' && !comment)
    throw invalid(MSG.returnComment, [{ field: 'comment', message: MSG.returnComment }]);
  await db.transaction(async (tx) => {
    // A closed monitoring's submitted form may still be accepted, not returned: nobody could correct it.
    const status = await lockedStatus(tx, monitoring.id);
    if (input.decision === 'return' && status !== 'open') throw invalid(MSG.returnClosed);
    const [row] = await tx
      .update(monitoringResponses)
      .set({
        status: input.decision === 'accept' ? 'accepted' : 'returned',
        returnComment: input.decision === 'accept' ? null : comment,
        reviewedAt: new Date(),
        reviewedBy: actor.userId,
        version: input.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(monitoringResponses.id, response.id), eq(monitoringResponses.version, input.version)))
      .returning({ id: monitoringResponses.id });
    if (!row) throw conflict();
    await recordEvent(
      tx,
      actor,
      'monitoring_response.reviewed',
      { entityType: 'monitoring_response', entityId: response.id, orgUnitId: unit.id },
      { monitoringId: monitoring.id, decision: input.decision, comment },
    );
  });
}
