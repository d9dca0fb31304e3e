import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { files } from '../../db/schema/files.js';
import { itemEvidence, items } from '../../db/schema/roadmaps.js';
import { AppError, conflict, forbidden, invalid, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { itemTarget, loadItemAccess } from './item-access.js';
import { proofOf } from './proof-state.js';
import { type ConfirmItemInput, confirmItemInput } from './schemas.js';

/**
 * Access: the level above the roadmap's unit (canConfirmUnit). Confirms a done item, or returns it
 * for rework: a returned item goes back to «в работе» with the reviewer's comment. A confirmation
 * names the attached files the confirmer opened — all of them — and they are kept with the item and
 * in its history: nobody confirms a measure without having seen its proof.
 */
export async function confirmItem(
  db: Db,
  opts: {
    actor: Actor;
    itemId: string;
    input: ConfirmItemInput;
  },
) {
  const { actor } = opts;
  const input = parseInput(confirmItemInput, opts.input);
  const { item: before, canConfirm } = await loadItemAccess(db, actor, opts.itemId);
  if (!canConfirm)
    throw forbidden('Подтверждать исполнение может куратор или вышестоящий уровень управления');
  if (before.version !== input.version) throw conflict({ version: before.version });
  if (before.status !== 'done') throw invalid('Подтвердить можно только выполненное мероприятие');
  if (input.decision === 'returned' && !input.comment) {
    throw invalid('Укажите, что нужно доработать', [
      { field: 'comment', message: 'Обязательно при возврате' },
    ]);
  }
  return db.transaction(async (tx) => {
    const attached = await tx
      .select({ id: files.id, name: files.name })
      .from(itemEvidence)
      .innerJoin(files, eq(files.id, itemEvidence.fileId))
      .where(eq(itemEvidence.itemId, before.id))
      .orderBy(asc(itemEvidence.addedAt), asc(files.name));
    const seenIds = new Set(input.seenFileIds);
    const seen = attached.filter((f) => seenIds.has(f.id));
    if (input.decision === 'confirmed') {
      const unseen = attached.filter((f) => !seenIds.has(f.id));
      if (unseen.length)
        throw invalid(
          `Перед подтверждением откройте приложенные файлы: ${unseen.map((f) => f.name).join(', ')}`,
          [{ field: 'seenFileIds', message: 'Не все файлы просмотрены' }],
        );
      // The proof may have been detached since «выполнено» was set.
      await proofOf(tx, before, before.actualValue).catch((e: unknown) => {
        throw e instanceof AppError && e.code === 'INVALID_INPUT'
          ? invalid(`Подтвердить нельзя: ${e.message}`)
          : e;
      });
    }
    const [updated] = await tx
      .update(items)
      .set({
        confirmation: input.decision,
        confirmationComment: input.comment,
        confirmationSeen: seen,
        confirmedBy: actor.userId,
        confirmedAt: new Date(),
        ...(input.decision === 'returned' && { status: 'in_progress' as const }),
        version: sql`${items.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(items.id, before.id), eq(items.version, input.version)))
      .returning();
    if (!updated) throw conflict();
    await recordEvent(tx, actor, 'item.confirmed', itemTarget(before), {
      decision: input.decision,
      comment: input.comment,
      seen,
    });
    return updated;
  });
}
