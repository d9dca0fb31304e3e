import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { identificationLists, identificationResults, listDecisions } from '../../db/schema/identification.js';
import { AppError, conflict, invalid, notFound, parseInput } from '../../lib/errors.js';
import { recordVersion } from '../../lib/input.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { kindColumn } from './list-kinds.js';
import { getListSummary, type ListSummary } from './list-summary.js';
import { FROZEN_MESSAGE, loadWritableList } from './lists-access.js';

// The regional operator's decisions on a draft list: include a school the run did not flag, or exclude
// one it did, always with a written reason that is kept and shown with the list.

const version = recordVersion('Нужна версия списка');

export const decisionInput = z.object({
  decision: z.enum(['include', 'exclude'], {
    message: 'Решение: включить (include) или исключить (exclude)',
  }),
  reason: z
    .string({ message: 'Укажите причину решения' })
    .trim()
    .min(5, 'Причина решения обязательна: не короче 5 символов')
    .max(2000, 'Причина — не длиннее 2000 символов'),
  version,
});
export type DecisionInput = z.input<typeof decisionInput>;

export const removeDecisionInput = z.object({ version });

/** Bumps the draft's version (a stale one is a conflict, an approved list is frozen) inside `tx`. */
async function bumpDraft(tx: Db, listId: string, expected: number): Promise<void> {
  const [updated] = await tx
    .update(identificationLists)
    .set({ version: sql`${identificationLists.version} + 1` })
    .where(
      and(
        eq(identificationLists.id, listId),
        eq(identificationLists.version, expected),
        eq(identificationLists.status, 'draft'),
      ),
    )
    .returning({ id: identificationLists.id });
  if (updated) return;
  const [now] = await tx
    .select({ status: identificationLists.status, version: identificationLists.version })
    .from(identificationLists)
    .where(eq(identificationLists.id, listId));
  if (now?.status === 'approved') throw invalid(FROZEN_MESSAGE);
  throw conflict({ version: now?.version });
}

function checkVersion(current: number, given: number) {
  if (current !== given) throw conflict({ version: current });
}

/**
 * Includes or excludes a school of the list's run, with a reason (replacing an earlier decision on it).
 * Only a draft; the school must be among the run's results; an inclusion of a school the run already
 * flags (or an exclusion of one it does not) changes nothing and is refused.
 */
export async function setDecision(
  db: Db,
  opts: { actor: Actor; listId: string; schoolId: string } & DecisionInput,
): Promise<ListSummary> {
  const { actor } = opts;
  const input = parseInput(decisionInput, {
    decision: opts.decision,
    reason: opts.reason,
    version: opts.version,
  });
  const { list } = await loadWritableList(db, actor, opts.listId);
  checkVersion(list.version, input.version);
  const [result] = /^[0-9a-f-]{36}$/i.test(opts.schoolId)
    ? await db
        .select({ flagged: kindColumn(list.kind) })
        .from(identificationResults)
        .where(
          and(eq(identificationResults.runId, list.runId), eq(identificationResults.schoolId, opts.schoolId)),
        )
    : [];
  if (!result)
    throw new AppError('INVALID_INPUT', 'Школы нет в результатах расчёта, по которому составлен список', {
      fields: [{ field: 'schoolId', message: 'Школа не участвовала в расчёте' }],
    });
  if (input.decision === 'include' && result.flagged)
    throw invalid('Школа уже входит в перечень по расчёту: решение о включении не требуется');
  if (input.decision === 'exclude' && !result.flagged)
    throw invalid('Школа не входит в перечень по расчёту: исключать её не из чего');
  await db.transaction(async (tx) => {
    await bumpDraft(tx, list.id, input.version);
    const values = {
      decision: input.decision,
      reason: input.reason,
      decidedBy: actor.userId,
      decidedAt: new Date(),
    };
    await tx
      .insert(listDecisions)
      .values({ listId: list.id, schoolId: opts.schoolId, ...values })
      .onConflictDoUpdate({ target: [listDecisions.listId, listDecisions.schoolId], set: values });
    await recordEvent(
      tx,
      actor,
      'identification_list.decision_set',
      { entityType: 'identification_list' as const, entityId: list.id, orgUnitId: list.regionId },
      {
        schoolId: opts.schoolId,
        decision: input.decision,
        reason: input.reason,
      },
    );
  });
  return getListSummary(db, { actor, listId: list.id });
}

/** Withdraws the decision on a school: the run's flag counts again. Only a draft. */
export async function removeDecision(
  db: Db,
  opts: { actor: Actor; listId: string; schoolId: string; version: number },
): Promise<ListSummary> {
  const { actor } = opts;
  const input = parseInput(removeDecisionInput, { version: opts.version });
  const { list } = await loadWritableList(db, actor, opts.listId);
  checkVersion(list.version, input.version);
  await db.transaction(async (tx) => {
    await bumpDraft(tx, list.id, input.version);
    const deleted = /^[0-9a-f-]{36}$/i.test(opts.schoolId)
      ? await tx
          .delete(listDecisions)
          .where(and(eq(listDecisions.listId, list.id), eq(listDecisions.schoolId, opts.schoolId)))
          .returning()
      : [];
    const [gone] = deleted;
    if (!gone) throw notFound('Решение по школе');
    // The withdrawn decision and its reason stay in the history.
    await recordEvent(
      tx,
      actor,
      'identification_list.decision_removed',
      { entityType: 'identification_list' as const, entityId: list.id, orgUnitId: list.regionId },
      {
        schoolId: gone.schoolId,
        decision: gone.decision,
        reason: gone.reason,
      },
    );
  });
  return getListSummary(db, { actor, listId: list.id });
}
