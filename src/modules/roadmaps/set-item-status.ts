import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { items } from '../../db/schema/roadmaps.js';
import { conflict, invalid, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { itemTarget, loadManagedItem } from './item-access.js';
import { proofOf } from './proof-state.js';
import { type SetItemStatusInput, setItemStatusInput } from './schemas.js';
import { BOUND_VALUE_MESSAGE } from './update-item.js';

/**
 * Access: whoever keeps the roadmap. Marking an item done asks the level above for confirmation and
 * needs the proof its indicator's rule asks for (proof-rule.ts), unless the keeper wrote an exception;
 * a coverage target takes its fact from the lower units' execution. Any other status withdraws a
 * pending or given confirmation.
 */
export async function setItemStatus(
  db: Db,
  opts: {
    actor: Actor;
    itemId: string;
    input: SetItemStatusInput;
  },
) {
  const { actor } = opts;
  const input = parseInput(setItemStatusInput, opts.input);
  const { item: before } = await loadManagedItem(db, actor, opts.itemId);
  if (before.version !== input.version) throw conflict({ version: before.version });
  if (
    (input.status === 'not_done' || input.status === 'postponed' || input.status === 'cancelled') &&
    !input.comment
  ) {
    throw invalid('Укажите причину в комментарии', [
      { field: 'comment', message: 'Обязательно для этого статуса' },
    ]);
  }
  if (
    before.coverageBinding &&
    input.actualValue !== undefined &&
    (input.actualValue ?? null) !== before.actualValue
  )
    throw invalid(BOUND_VALUE_MESSAGE, [
      { field: 'actualValue', message: 'Рассчитывается по данным системы' },
    ]);
  return db.transaction(async (tx) => {
    const actual = input.actualValue !== undefined ? input.actualValue : before.actualValue;
    const proof = input.status === 'done' ? await proofOf(tx, before, actual) : null;
    const actualValue =
      proof?.coverage != null && before.targetCoverage && !before.coverageBinding ? proof.coverage : actual;
    const [updated] = await tx
      .update(items)
      .set({
        status: input.status,
        statusComment: input.comment,
        actualValue,
        confirmation: input.status === 'done' ? 'pending' : null,
        confirmationComment: input.status === 'done' ? null : before.confirmationComment,
        confirmedBy: null,
        confirmationSeen: null,
        confirmedAt: null,
        version: sql`${items.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(items.id, before.id), eq(items.version, input.version)))
      .returning();
    if (!updated) throw conflict();
    await recordEvent(tx, actor, 'item.status_changed', itemTarget(before), {
      from: before.status,
      to: input.status,
      comment: input.comment,
    });
    if (actualValue !== before.actualValue) {
      await recordEvent(tx, actor, 'item.updated', itemTarget(before), {
        changes: [{ field: 'actualValue', old: before.actualValue, new: actualValue }],
      });
    }
    return updated;
  });
}
