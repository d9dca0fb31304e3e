import { and, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { identificationLists } from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { conflict, invalid, parseInput } from '../../lib/errors.js';
import { isoDate, recordVersion } from '../../lib/input.js';
import type { Actor } from '../access/actor.js';
import { lockRegionDataForRead } from '../assessment-data/region-data-lock.js';
import { recordEvent } from '../audit/record-event.js';
import { approvedMessage, getListSummary, type ListSummary } from './lists.js';
import { FROZEN_MESSAGE, loadWritableList } from './lists-access.js';
import { assertRunFresh } from './stale-runs.js';

// Approval by an order freezes the list: its run's results never change, and its decisions, order and
// status are never changed afterwards. From then on municipalities and schools see it.

export const approveListInput = z.object({
  orderNumber: z
    .string({ message: 'Укажите номер приказа' })
    .trim()
    .min(1, 'Укажите номер приказа')
    .max(100, 'Номер приказа — не длиннее 100 символов'),
  orderDate: isoDate('Дата приказа в формате ГГГГ-ММ-ДД'),
  version: recordVersion('Нужна версия списка'),
});
export type ApproveListInput = z.input<typeof approveListInput>;

/**
 * Access: the regional operator of the list's region; only a draft, at the version the user saw, whose run
 * is not stale (the data of a year it used imported again after it was started: CONFLICT, stale-runs.ts).
 */
export async function approveList(
  db: Db,
  opts: { actor: Actor; listId: string } & ApproveListInput,
): Promise<ListSummary> {
  const { actor } = opts;
  const input = parseInput(approveListInput, {
    orderNumber: opts.orderNumber,
    orderDate: opts.orderDate,
    version: opts.version,
  });
  const { list } = await loadWritableList(db, actor, opts.listId);
  if (list.version !== input.version) throw conflict({ version: list.version });
  await db.transaction(async (tx) => {
    // No import of the region's data commits between the check and the approval.
    await lockRegionDataForRead(tx, list.regionId);
    await assertRunFresh(tx, list.runId, 'approve');
    await tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, list.regionId)).for('update');
    const [other] = await tx
      .select()
      .from(identificationLists)
      .where(
        and(
          eq(identificationLists.regionId, list.regionId),
          eq(identificationLists.year, list.year),
          eq(identificationLists.status, 'approved'),
          ne(identificationLists.id, list.id),
        ),
      );
    if (other) throw invalid(approvedMessage(other));
    const [updated] = await tx
      .update(identificationLists)
      .set({
        status: 'approved',
        orderNumber: input.orderNumber,
        orderDate: input.orderDate,
        approvedBy: actor.userId,
        approvedAt: new Date(),
        version: sql`${identificationLists.version} + 1`,
      })
      .where(
        and(
          eq(identificationLists.id, list.id),
          eq(identificationLists.version, input.version),
          eq(identificationLists.status, 'draft'),
        ),
      )
      .returning({ id: identificationLists.id });
    if (updated) {
      await recordEvent(
        tx,
        actor,
        'identification_list.approved',
        { entityType: 'identification_list' as const, entityId: list.id, orgUnitId: list.regionId },
        {
          orderNumber: input.orderNumber,
          orderDate: input.orderDate,
        },
      );
      return;
    }
    const [now] = await tx
      .select({ status: identificationLists.status, version: identificationLists.version })
      .from(identificationLists)
      .where(eq(identificationLists.id, list.id));
    if (now?.status === 'approved') throw invalid(FROZEN_MESSAGE);
    throw conflict({ version: now?.version });
  });
  return getListSummary(db, { actor, listId: list.id });
}
