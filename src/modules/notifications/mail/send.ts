import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { queryRows } from '../../../db/rows.js';
import { log } from '../../../lib/log.js';
import { type MailNotice, renderDigest, renderImmediate } from './render.js';
import type { Mailer } from './transport.js';

// Sending claims notices first (`emailed_at` set in one UPDATE … RETURNING over rows locked with SKIP
// LOCKED), then sends: two instances never send one notice twice. A failed message gives its notices
// back (emailed_at = null), so the next run tries again. Read notices are not mailed: the user has seen
// them. Users without an address, inactive or with e-mail off are skipped; their notices stay in the app.

type Claimed = MailNotice & { user_id: string; email: string };

async function claim(db: Db, condition: SQL, now: Date, limit: number): Promise<Claimed[]> {
  return queryRows<Claimed>(
    db,
    sql`
    with picked as (
      select n.id from notifications n join users u on u.id = n.user_id
        left join notification_settings s on s.user_id = n.user_id
      where n.emailed_at is null and n.read_at is null and n.created_at <= ${now}
        and u.is_active and coalesce(u.email, '') <> ''
        and coalesce(s.email_mode, 'digest') <> 'off' and ${condition}
      order by n.created_at, n.id limit ${limit}
      for update of n skip locked)
    update notifications n set emailed_at = ${now} from picked, users u
    where n.id = picked.id and u.id = n.user_id
    returning n.id, n.user_id, n.kind, n.title, n.body, n.link, n.created_at, u.email`,
  );
}

async function giveBack(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return;
  await db.execute(
    sql`update notifications set emailed_at = null where id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
}

function byUser(rows: readonly Claimed[]) {
  const users = new Map<string, Claimed[]>();
  for (const r of rows) users.set(r.user_id, [...(users.get(r.user_id) ?? []), r]);
  return users;
}

export type SendResult = { sent: number; failed: number };

/** The kinds a user chose «at once»: one message per notice. */
export async function sendImmediate(
  db: Db,
  opts: { mailer: Mailer; now?: Date; limit?: number },
): Promise<SendResult> {
  const now = opts.now ?? new Date();
  const rows = await claim(db, sql`n.kind = any(s.immediate_kinds)`, now, opts.limit ?? 200);
  let sent = 0;
  const failed: string[] = [];
  for (const r of rows) {
    try {
      await opts.mailer.send({ to: r.email, ...renderImmediate(r, opts.mailer.publicUrl) });
      sent++;
    } catch {
      failed.push(r.id);
    }
  }
  await giveBack(db, failed);
  return { sent, failed: failed.length };
}

/**
 * The daily digest (called once a day by the elected daily run): one message per user with all his
 * unsent, unread notices grouped by kind — including kinds chosen «at once» whose message failed, so
 * nothing is lost. `sent` counts messages.
 */
export async function sendDigests(db: Db, opts: { mailer: Mailer; now: Date }): Promise<SendResult> {
  const rows = await claim(db, sql`true`, opts.now, 100_000);
  let sent = 0;
  let failed = 0;
  for (const notices of byUser(rows).values()) {
    const first = notices[0];
    if (!first) continue;
    // Newest first inside each group.
    const ordered = [...notices].reverse();
    try {
      await opts.mailer.send({ to: first.email, ...renderDigest(ordered, opts.mailer.publicUrl) });
      sent++;
    } catch {
      failed++;
      await giveBack(
        db,
        notices.map((n) => n.id),
      );
    }
  }
  return { sent, failed };
}

/**
 * The immediate loop of a server (src/server.ts): every `everyMs` (default 1 min) sends what users chose
 * to get at once. Returns the stop function.
 */
export function scheduleImmediateMail(db: Db, mailer: Mailer, everyMs = 60_000): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const r = await sendImmediate(db, { mailer });
      if (r.failed) log.warn({ failed: r.failed }, 'Не удалось отправить письма; повтор через минуту');
    } catch (e) {
      log.error({ err: e }, 'Отправка уведомлений по почте не удалась');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    mailer.close();
  };
}
