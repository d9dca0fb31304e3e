import { createHmac, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type Role, type SessionStage, sessions } from '../../db/schema/auth.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';

export type SessionSettings = {
  secret: string;
  ttlHours: number;
  /** Roles that must sign in with a second factor (MFA_REQUIRED_ROLES); createApp fills it from the config. */
  mfaRequiredRoles?: readonly Role[];
};

/** A session waiting for its second factor lives this long: enough to open the authenticator app. */
export const PENDING_TTL_MS = 10 * 60_000;

/** Where a sign-in comes from and how it was made (every way of signing in passes this). */
export type SignInMeta = {
  ip: string;
  userAgent: string | null;
  /** 'password', 'ldap' or 'oidc:<provider id>'. */
  method: string;
  /** An OIDC id_token, kept for the provider's sign-out. */
  idTokenHint?: string;
};

/** The stored id of a session: its token is kept by the browser only. */
export const tokenId = (secret: string, token: string) =>
  createHmac('sha256', secret).update(token).digest('hex');

export async function createSession(
  db: Db,
  settings: SessionSettings,
  userId: string,
  meta: SignInMeta & { stage?: SessionStage },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const stage = meta.stage ?? 'full';
  const expiresAt = new Date(Date.now() + (stage === 'full' ? settings.ttlHours * 3600_000 : PENDING_TTL_MS));
  await db.insert(sessions).values({
    id: tokenId(settings.secret, token),
    userId,
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    method: meta.method,
    stage,
    idTokenHint: meta.idTokenHint ?? null,
  });
  return { token, expiresAt };
}

export const newToken = () => randomBytes(32).toString('base64url');

/** A live session of any stage by its cookie token (the second factor's endpoints read pending ones). */
export async function readSession(db: Db, settings: SessionSettings, token: string | undefined) {
  if (!token || token.length >= 200) return null;
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, tokenId(settings.secret, token)), gt(sessions.expiresAt, new Date())));
  return row ?? null;
}

export type SessionRow = typeof sessions.$inferSelect;

export async function findSessionUser(
  db: Db,
  settings: SessionSettings,
  token: string,
): Promise<string | null> {
  const [row] = await db
    .select({ userId: sessions.userId })
    .from(sessions)
    .where(
      and(
        eq(sessions.id, tokenId(settings.secret, token)),
        gt(sessions.expiresAt, new Date()),
        eq(sessions.stage, 'full'),
      ),
    );
  return row?.userId ?? null;
}

export async function deleteSession(db: Db, settings: SessionSettings, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, tokenId(settings.secret, token)));
}

/** Signing out: the session ends and the history records it, in one transaction. */
export async function logout(db: Db, settings: SessionSettings, opts: { token: string; actor: Actor }) {
  return db.transaction(async (tx) => {
    // How the session began decides whether the provider is signed out of too (OIDC).
    const [ended] = await tx
      .delete(sessions)
      .where(eq(sessions.id, tokenId(settings.secret, opts.token)))
      .returning({ method: sessions.method, idTokenHint: sessions.idTokenHint });
    await recordEvent(
      tx,
      opts.actor,
      'user.logged_out',
      { entityType: 'user', entityId: opts.actor.userId },
      {},
    );
    return ended;
  });
}

export async function deleteUserSessions(
  db: Db,
  userId: string,
  exceptToken?: { settings: SessionSettings; token: string },
) {
  const rows = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId));
  const keep = exceptToken ? tokenId(exceptToken.settings.secret, exceptToken.token) : null;
  for (const r of rows) if (r.id !== keep) await db.delete(sessions).where(eq(sessions.id, r.id));
}

/** The «последнее использование» of a session moves by at least this much, so a request rarely writes. */
export const TOUCH_EVERY_MS = 60_000;

/** Marks a session used now, unless it was marked within the last minute (by any process). */
export async function touchSession(db: Db, sessionId: string, now = new Date()): Promise<void> {
  await db
    .update(sessions)
    .set({ lastUsedAt: now })
    .where(
      and(eq(sessions.id, sessionId), lt(sessions.lastUsedAt, new Date(now.getTime() - TOUCH_EVERY_MS))),
    );
}

export async function purgeExpiredSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
