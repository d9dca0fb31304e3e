import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { organisationOrders } from '../../db/schema/organisation.js';
import { invalid } from '../../lib/errors.js';
import { isoDate } from '../../lib/input.js';
import type { Actor } from '../access/actor.js';

// The order (приказ) an appointment, a pair or a body is made by: number and date typed with the act,
// the signed file attached later. One input for every form that names an order.

export const orderInput = z
  .object({
    number: z.string().trim().min(1, 'Укажите номер приказа').max(50, 'Номер приказа длиннее 50 символов'),
    date: isoDate('Дата приказа в формате ГГГГ-ММ-ДД'),
  })
  .strict();
export type OrderInput = z.infer<typeof orderInput>;

/** Writes the order of `orgUnitId` in the caller's transaction; the caller records its own event. */
export async function insertOrder(
  tx: Db,
  opts: { actor: Actor; orgUnitId: string; title: string; order: OrderInput; today: string },
): Promise<string> {
  if (opts.order.date > opts.today)
    throw invalid('Приказ не может быть датирован будущим днём', [
      { field: 'order.date', message: 'Дата приказа позже сегодняшней' },
    ]);
  const [row] = await tx
    .insert(organisationOrders)
    .values({
      orgUnitId: opts.orgUnitId,
      number: opts.order.number,
      date: opts.order.date,
      title: opts.title,
      createdBy: opts.actor.userId,
    })
    .returning({ id: organisationOrders.id });
  if (!row) throw new Error('order not inserted');
  return row.id;
}
