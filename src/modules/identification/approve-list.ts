import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { parseInput } from '../../lib/errors.js';
import { isoDate, recordVersion } from '../../lib/input.js';
import type { Actor } from '../access/actor.js';
import { approveListsByOrder } from './approve-order.js';
import type { ListSummary } from './list-summary.js';

// Approval of one list by an order of its own (the order's only appendix): approve-order.ts does the work.

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

/** As `approveListsByOrder` with this one list. */
export async function approveList(
  db: Db,
  opts: { actor: Actor; listId: string } & ApproveListInput,
): Promise<ListSummary> {
  const input = parseInput(approveListInput, {
    orderNumber: opts.orderNumber,
    orderDate: opts.orderDate,
    version: opts.version,
  });
  const order = await approveListsByOrder(db, {
    actor: opts.actor,
    orderNumber: input.orderNumber,
    orderDate: input.orderDate,
    lists: [{ listId: opts.listId, version: input.version }],
  });
  const [list] = order.lists;
  if (!list) throw new Error('approved list missing');
  return list;
}
