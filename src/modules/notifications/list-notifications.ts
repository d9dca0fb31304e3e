import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import type { NotificationKind } from '../../db/schema/values.js';
import type { Actor } from '../access/actor.js';
import type { NotificationListQuery } from './views.js';

type Row = {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
};

/** Access: the actor's own notifications only (user_id in the query). Newest first, with paging. */
export async function listNotifications(
  db: Db,
  opts: { actor: Actor; query: Partial<NotificationListQuery> },
) {
  // The route validated the query (notificationListQuery); callers in code give its output.
  const q = { limit: 20, offset: 0, ...opts.query };
  const where = sql`user_id = ${opts.actor.userId}
    ${q.unread ? sql`and read_at is null` : sql``} ${q.kind ? sql`and kind = ${q.kind}` : sql``}`;
  const rows = await queryRows<Row>(
    db,
    sql`select id, kind, title, body, link, to_json(created_at)#>>'{}' as created_at,
          to_json(read_at)#>>'{}' as read_at
        from notifications where ${where}
        order by created_at desc, id desc limit ${q.limit} offset ${q.offset}`,
  );
  const [counts] = await queryRows<{ total: number; unread: number }>(
    db,
    sql`select (select count(*)::int from notifications where ${where}) as total,
          (select count(*)::int from notifications where user_id = ${opts.actor.userId} and read_at is null) as unread`,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      link: r.link,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
    total: counts?.total ?? 0,
    unread: counts?.unread ?? 0,
  };
}

/** The header polls it: one count over the partial index of unread notices. */
export async function unreadCount(db: Db, opts: { actor: Actor }) {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from notifications where user_id = ${opts.actor.userId} and read_at is null`,
  );
  return { unread: row?.n ?? 0 };
}
