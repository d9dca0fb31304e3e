import { and, desc, eq, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { identificationLists, type ListKind } from '../../db/schema/identification.js';

// Which approved list says who the ШНОР (or the risk-zone schools) of a school year are. The list of
// the year is approved by an order in autumn from the spring's results; until then the work goes on
// with the list approved last, as the region's own orders keep it in force. Coverage, gaps and the
// organisation pages all take their ШНОР from here, and say which list it was.

export type ListInForce = {
  id: string;
  runId: string;
  /** the list's own year: earlier than the year asked for when that year's list is not approved yet */
  year: number;
  orderNumber: string | null;
  orderDate: string | null;
};

export async function listInForce(
  db: Db,
  opts: { regionId: string; year: number; kind: ListKind },
): Promise<ListInForce | null> {
  const [row] = await db
    .select({
      id: identificationLists.id,
      runId: identificationLists.runId,
      year: identificationLists.year,
      orderNumber: identificationLists.orderNumber,
      orderDate: identificationLists.orderDate,
    })
    .from(identificationLists)
    .where(
      and(
        eq(identificationLists.regionId, opts.regionId),
        eq(identificationLists.kind, opts.kind),
        eq(identificationLists.status, 'approved'),
        lte(identificationLists.year, opts.year),
      ),
    )
    .orderBy(desc(identificationLists.year))
    .limit(1);
  return row ?? null;
}

/** «ШНОР по списку 2025 г. (приказ № 312-п от 12.09.2025)»: every coverage figure names its base. */
export function listInForceText(list: ListInForce | null, kindWord = 'ШНОР'): string {
  if (!list) return `Утверждённого списка ${kindWord} нет: охват не рассчитывается`;
  const order = list.orderNumber
    ? ` (приказ № ${list.orderNumber}${list.orderDate ? ` от ${list.orderDate.split('-').reverse().join('.')}` : ''})`
    : '';
  return `${kindWord} по списку ${list.year} г.${order}`;
}
