import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { notifications } from '../../db/schema/notifications.js';
import type { NotificationKind } from '../../db/schema/values.js';

/** One notification for one user; `dedupeKey` names the fact (e.g. `overdue:item:<id>:<deadline>`). */
export type Notice = {
  userId: string;
  kind: NotificationKind;
  title: string;
  body?: string;
  link?: string | null;
  objectType?: string | null;
  objectId?: string | null;
  orgUnitId?: string | null;
  dedupeKey: string;
};

/**
 * Inserts notifications, skipping any the user already has with the same key: every producer (history
 * events, the daily sweep, a rerun, a second instance) may call it freely. Call it inside the transaction
 * of the change it reports, so the notice lands with the change or not at all. Returns how many were new.
 */
export async function notify(tx: Db, notices: readonly Notice[]): Promise<number> {
  if (notices.length === 0) return 0;
  const rows = await tx
    .insert(notifications)
    .values(
      notices.map((n) => ({
        userId: n.userId,
        kind: n.kind,
        title: n.title,
        body: n.body ?? '',
        link: n.link ?? null,
        objectType: n.objectType ?? null,
        objectId: n.objectId ?? null,
        orgUnitId: n.orgUnitId ?? null,
        dedupeKey: n.dedupeKey,
      })),
    )
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning({ id: notifications.id });
  return rows.length;
}

/** The same notice for several users (deduplicated by user). */
export function noticesFor(userIds: readonly string[], notice: Omit<Notice, 'userId'>): Notice[] {
  return [...new Set(userIds)].map((userId) => ({ ...notice, userId }));
}

/** Only for tests of the producers: what a user has, newest first. */
export function noticesOf(db: Db, userId: string) {
  return queryRows<{ kind: NotificationKind; title: string; dedupe_key: string; link: string | null }>(
    db,
    sql`select kind, title, dedupe_key, link from notifications where user_id = ${userId} order by created_at desc, title`,
  );
}
