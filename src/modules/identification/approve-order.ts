import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import {
  identificationListSchools,
  identificationLists,
  identificationOrders,
} from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { conflict, invalid, parseInput } from '../../lib/errors.js';
import { isoDate, recordVersion } from '../../lib/input.js';
import type { Actor } from '../access/actor.js';
import { lockRegionDataForRead } from '../assessment-data/region-data-lock.js';
import { recordEvent } from '../audit/record-event.js';
import { refreshBoundIndicators } from '../organisation/refresh-bound.js';
import { includedSchoolsOfList } from './approved-lists.js';
import { LIST_KIND_SHORT } from './list-kinds.js';
import { getListSummary, type ListSummary } from './list-summary.js';
import { approvedMessage } from './lists.js';
import { FROZEN_MESSAGE, type ListAccess, loadWritableList } from './lists-access.js';
import { assertOrderDate } from './order-date.js';
import { assertRunFresh } from './stale-runs.js';

// One order (приказ) approves one or more lists of a year as its appendices, in the order given:
// Приложение 1 — ШНОР, Приложение 2 — зона риска. Each list is frozen on its own: status, order, and its
// schools as of approval (`identification_list_schools`); from then on the municipalities and schools in
// it see it. All or nothing: one list that cannot be approved leaves every list a draft.

export const approveOrderInput = z.object({
  orderNumber: z
    .string({ message: 'Укажите номер приказа' })
    .trim()
    .min(1, 'Укажите номер приказа')
    .max(100, 'Номер приказа — не длиннее 100 символов'),
  orderDate: isoDate('Дата приказа в формате ГГГГ-ММ-ДД'),
  /** The drafts to approve, as the order's appendices in this order, each at the version the user saw. */
  lists: z
    .array(
      z.object({
        listId: z.uuid({ message: 'Неверный идентификатор списка' }),
        version: recordVersion('Нужна версия списка'),
      }),
      { message: 'Укажите списки, которые утверждает приказ' },
    )
    .min(1, 'Выберите хотя бы один список')
    .max(10, 'Не больше 10 приложений в одном приказе'),
});
export type ApproveOrderInput = z.input<typeof approveOrderInput>;

export type ApprovedOrder = {
  id: string;
  number: string;
  date: string;
  lists: ListSummary[];
};

/**
 * Access: the regional operator of the lists' region; only drafts of one region and one year, each at
 * the version the user saw, whose runs are not stale. The order's date is not in the future and not
 * before the lists' year (order-date.ts).
 */
export async function approveListsByOrder(
  db: Db,
  opts: { actor: Actor } & ApproveOrderInput,
): Promise<ApprovedOrder> {
  const { actor } = opts;
  const input = parseInput(approveOrderInput, {
    orderNumber: opts.orderNumber,
    orderDate: opts.orderDate,
    lists: opts.lists,
  });
  const ids = input.lists.map((l) => l.listId);
  if (new Set(ids).size !== ids.length) throw invalid('Один и тот же список указан в приказе дважды');
  const accesses: ListAccess[] = [];
  for (const l of input.lists) {
    const access = await loadWritableList(db, actor, l.listId);
    if (access.list.version !== l.version) throw conflict({ version: access.list.version });
    accesses.push(access);
  }
  const first = accesses[0];
  if (!first) throw invalid('Выберите хотя бы один список');
  const { regionId, year } = first.list;
  if (accesses.some((a) => a.list.regionId !== regionId))
    throw invalid('Приказ утверждает списки одного региона');
  if (accesses.some((a) => a.list.year !== year))
    throw invalid(`Приказ утверждает списки одного года: выбраны списки разных лет`);
  const kinds = accesses.map((a) => a.list.kind);
  if (new Set(kinds).size !== kinds.length)
    throw invalid(`В приказе два списка одного вида (${kinds.map((k) => LIST_KIND_SHORT[k]).join(', ')})`);
  assertOrderDate(input.orderDate, year);

  const orderId = await db.transaction(async (tx) => {
    // No import of the region's data commits between the checks and the approval.
    await lockRegionDataForRead(tx, regionId);
    for (const a of accesses) await assertRunFresh(tx, a.list.runId, 'approve');
    await tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, regionId)).for('update');
    const [other] = await tx
      .select()
      .from(identificationLists)
      .where(
        and(
          eq(identificationLists.regionId, regionId),
          eq(identificationLists.year, year),
          inArray(identificationLists.kind, kinds),
          eq(identificationLists.status, 'approved'),
        ),
      );
    if (other) throw invalid(approvedMessage(other));
    const now = new Date();
    const [order] = await tx
      .insert(identificationOrders)
      .values({ regionId, number: input.orderNumber, date: input.orderDate, createdBy: actor.userId })
      .returning({ id: identificationOrders.id });
    if (!order) throw new Error('order not created');
    for (const [i, a] of accesses.entries()) {
      const expected = input.lists[i]?.version ?? -1;
      const [updated] = await tx
        .update(identificationLists)
        .set({
          status: 'approved',
          orderId: order.id,
          appendixNo: i + 1,
          orderNumber: input.orderNumber,
          orderDate: input.orderDate,
          approvedBy: actor.userId,
          approvedAt: now,
          version: sql`${identificationLists.version} + 1`,
        })
        .where(
          and(
            eq(identificationLists.id, a.list.id),
            eq(identificationLists.version, expected),
            eq(identificationLists.status, 'draft'),
          ),
        )
        .returning({ id: identificationLists.id });
      if (!updated) {
        const [cur] = await tx
          .select({ status: identificationLists.status, version: identificationLists.version })
          .from(identificationLists)
          .where(eq(identificationLists.id, a.list.id));
        if (cur?.status === 'approved') throw invalid(FROZEN_MESSAGE);
        throw conflict({ version: cur?.version });
      }
      // The frozen entries: the list's schools by its rule, as of this moment.
      const schools = [...(await includedSchoolsOfList(tx, a.list))];
      if (schools.length > 0)
        await tx
          .insert(identificationListSchools)
          .values(schools.map((schoolId) => ({ listId: a.list.id, schoolId })));
      await recordEvent(
        tx,
        actor,
        'identification_list.approved',
        { entityType: 'identification_list' as const, entityId: a.list.id, orgUnitId: regionId },
        { orderNumber: input.orderNumber, orderDate: input.orderDate, orderId: order.id, appendixNo: i + 1 },
      );
    }
    await refreshBoundIndicators(tx, { regionId });
    return order.id;
  });
  const lists: ListSummary[] = [];
  for (const a of accesses) lists.push(await getListSummary(db, { actor, listId: a.list.id }));
  return { id: orderId, number: input.orderNumber, date: input.orderDate, lists };
}
