import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { items } from '../../db/schema/roadmaps.js';
import { conflict } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { itemTarget, loadManagedItem } from './item-access.js';

/** Access: whoever keeps the roadmap. Its cascaded tasks go with it; evidence files stay in storage. */
export async function deleteItem(db: Db, opts: { actor: Actor; itemId: string; version: number }) {
  const { item } = await loadManagedItem(db, opts.actor, opts.itemId);
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(items)
      .where(and(eq(items.id, item.id), eq(items.version, opts.version)))
      .returning({ id: items.id });
    if (gone.length === 0) throw conflict();
    await tx
      .update(items)
      .set({ position: sql`${items.position} - 1` })
      .where(and(eq(items.sectionId, item.sectionId), gt(items.position, item.position)));
    await recordEvent(tx, opts.actor, 'item.deleted', itemTarget(item), { measure: item.measure });
  });
}
