import { and, eq, exists, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { files } from '../../db/schema/files.js';
import { identificationLists, identificationOrders } from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { forbidden, notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { saveFile, type Upload } from '../files/save-file.js';
import type { FileStorage } from '../files/storage.js';
import { canWriteLists, listVisible } from './lists-access.js';

// The signed order (a scan or the PDF) that approved a region's lists. Attached after approval, since an
// order is usually signed and scanned after the lists are agreed; whoever sees one of its lists sees it.

/** SQL over `identification_orders`: the actor sees one of the order's lists. */
export function orderVisible(db: Db, actor: Actor): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(identificationLists)
      .innerJoin(orgUnits, eq(orgUnits.id, identificationLists.regionId))
      .where(and(eq(identificationLists.orderId, identificationOrders.id), listVisible(actor))),
  );
}

/** SQL over `files`: the file is the order file of an order the actor sees (files/file-access.ts). */
export function orderFileReadable(db: Db, actor: Actor): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(identificationOrders)
      .where(and(eq(identificationOrders.fileId, files.id), orderVisible(db, actor))),
  );
}

/**
 * Access: the regional operator of the order's region (others who see the order: 403; the rest: 404).
 * Attaches or replaces the order's file; the lists it approved stay as they are.
 */
export async function attachListOrderFile(
  db: Db,
  storage: FileStorage,
  opts: { actor: Actor; orderId: string; upload: Upload; maxBytes: number },
): Promise<{ id: string; name: string; size: number }> {
  const { actor } = opts;
  const [order] = /^[0-9a-f-]{36}$/i.test(opts.orderId)
    ? await db
        .select()
        .from(identificationOrders)
        .where(and(eq(identificationOrders.id, opts.orderId), orderVisible(db, actor)))
    : [];
  if (!order) throw notFound('Приказ');
  if (!canWriteLists(actor, order.regionId))
    throw forbidden('Прикладывать файл приказа может только региональный оператор региона');
  const file = await saveFile(db, storage, {
    upload: opts.upload,
    userId: actor.userId,
    maxBytes: opts.maxBytes,
  });
  await db.transaction(async (tx) => {
    await tx
      .update(identificationOrders)
      .set({ fileId: file.id })
      .where(eq(identificationOrders.id, order.id));
    const lists = await tx
      .select({ id: identificationLists.id })
      .from(identificationLists)
      .where(eq(identificationLists.orderId, order.id));
    // The history of each list it approved shows the file.
    for (const l of lists)
      await recordEvent(
        tx,
        actor,
        'identification_list.order_file_attached',
        { entityType: 'identification_list', entityId: l.id, orgUnitId: order.regionId },
        { orderId: order.id, fileId: file.id, name: file.name },
      );
  });
  return { id: file.id, name: file.name, size: file.size };
}
