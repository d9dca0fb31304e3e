import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';

// Reading a notice is the user's own state, not a change of the work: no history event (as for a
// session), and marking twice is not an error.

/** Access: the actor's own notice; another's looks absent (404). */
export async function markNotificationRead(db: Db, opts: { actor: Actor; id: string }) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update notifications set read_at = coalesce(read_at, now())
        where id = ${opts.id} and user_id = ${opts.actor.userId} returning id`,
  );
  if (rows.length === 0) throw notFound('Уведомление');
  return { ok: true as const };
}

/** Access: the actor's own notices. Returns how many were unread. */
export async function markAllNotificationsRead(db: Db, opts: { actor: Actor }) {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update notifications set read_at = now()
        where user_id = ${opts.actor.userId} and read_at is null returning id`,
  );
  return { marked: rows.length };
}
