import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/auth.js';
import { itemComments } from '../../db/schema/roadmaps.js';
import { forbidden } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { itemTarget, loadItemAccess } from './item-access.js';

/** Access: the keepers of the roadmap and those who confirm it — the two sides of the execution dialogue. */
export async function addComment(db: Db, opts: { actor: Actor; itemId: string; text: string }) {
  const { item, canManage, canConfirm } = await loadItemAccess(db, opts.actor, opts.itemId);
  if (!canManage && !canConfirm)
    throw forbidden('Комментировать мероприятие могут исполнитель и проверяющий');
  return db.transaction(async (tx) => {
    const [c] = await tx
      .insert(itemComments)
      .values({ itemId: item.id, authorId: opts.actor.userId, text: opts.text })
      .returning();
    await recordEvent(tx, opts.actor, 'item.comment_added', itemTarget(item), { text: opts.text });
    return c;
  });
}

/** Access: whoever may see the item. */
export async function listComments(db: Db, opts: { actor: Actor; itemId: string }) {
  const { item } = await loadItemAccess(db, opts.actor, opts.itemId);
  const rows = await db
    .select({ c: itemComments, author: users.fullName })
    .from(itemComments)
    .leftJoin(users, eq(users.id, itemComments.authorId))
    .where(eq(itemComments.itemId, item.id))
    .orderBy(asc(itemComments.createdAt));
  return rows.map((r) => ({
    id: r.c.id,
    text: r.c.text,
    author: r.author,
    createdAt: r.c.createdAt.toISOString(),
  }));
}
