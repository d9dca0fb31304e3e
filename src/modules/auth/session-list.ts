import { createHash } from 'node:crypto';
import { and, desc, eq, gt, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { sessions, users } from '../../db/schema/auth.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { type Actor, type AnyActor, isAdmin } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { type SessionSettings, tokenId } from './sessions.js';
import { describeUserAgent } from './user-agent.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * What the browser sees of a session: a hash of its stored id. The stored id is the HMAC of the token
 * and must not leave the server; this one names the session and opens nothing.
 */
export const publicSessionId = (storedId: string) =>
  createHash('sha256').update(`opora-session:${storedId}`).digest('base64url').slice(0, 24);

/** Access: the user himself. His live sessions, the current one first, then by last use. */
export async function listSessions(
  db: Db,
  settings: SessionSettings,
  opts: { actor: Actor; token: string | null },
) {
  const current = opts.token ? tokenId(settings.secret, opts.token) : null;
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, opts.actor.userId), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.lastUsedAt));
  return rows
    .map((s) => ({
      id: publicSessionId(s.id),
      device: describeUserAgent(s.userAgent),
      ip: s.ip,
      method: s.method,
      stage: s.stage,
      createdAt: s.createdAt.toISOString(),
      lastUsedAt: s.lastUsedAt.toISOString(),
      current: s.id === current,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

async function recordEnded(
  tx: Tx | Db,
  actor: AnyActor,
  userId: string,
  by: 'self' | 'admin',
  count: number,
) {
  if (count > 0)
    await recordEvent(tx, actor, 'session.ended', { entityType: 'user', entityId: userId }, { by, count });
}

/** Access: the user himself; another's session (or an unknown id) is not found. */
export async function endSession(db: Db, opts: { actor: Actor; id: string }) {
  const rows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(eq(sessions.userId, opts.actor.userId));
  const found = rows.find((r) => publicSessionId(r.id) === opts.id);
  if (!found) throw notFound('Сеанс');
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, found.id));
    await recordEnded(tx, opts.actor, opts.actor.userId, 'self', 1);
  });
}

/** Access: the user himself. «Завершить все остальные»: every session but the current one. */
export async function endOtherSessions(
  db: Db,
  settings: SessionSettings,
  opts: { actor: Actor; token: string },
) {
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(sessions)
      .where(
        and(eq(sessions.userId, opts.actor.userId), ne(sessions.id, tokenId(settings.secret, opts.token))),
      )
      .returning({ id: sessions.id });
    await recordEnded(tx, opts.actor, opts.actor.userId, 'self', gone.length);
    return gone.length;
  });
}

const needAdmin = (actor: AnyActor) => {
  if (actor.kind !== 'system' && !isAdmin(actor))
    throw forbidden('Сеансы пользователя завершает администратор');
};

/** Access: the administrator. «Завершить все сеансы» of a user. */
export async function endSessionsOfUser(db: Db, opts: { actor: AnyActor; userId: string }) {
  needAdmin(opts.actor);
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, opts.userId));
  if (!user) throw notFound('Пользователь');
  return db.transaction((tx) => endUserSessions(tx, opts));
}

/** Access: the administrator. Ends every session of a user in the caller's transaction. */
export async function endUserSessions(tx: Tx | Db, opts: { actor: AnyActor; userId: string }) {
  needAdmin(opts.actor);
  const gone = await tx
    .delete(sessions)
    .where(eq(sessions.userId, opts.userId))
    .returning({ id: sessions.id });
  await recordEnded(tx, opts.actor, opts.userId, 'admin', gone.length);
  return gone.length;
}
