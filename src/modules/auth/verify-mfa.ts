import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { sessions, users } from '../../db/schema/auth.js';
import { AppError } from '../../lib/errors.js';
import { recordEvent } from '../audit/record-event.js';
import { consumeProof, type MfaProof, throttledProof } from './mfa-check.js';
import { newToken, readSession, type SessionRow, type SessionSettings, tokenId } from './sessions.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const NO_PENDING = 'Сеанс входа истёк или уже завершён. Войдите заново.';

/** The pending session of the cookie with the given stage, and its user; else UNAUTHENTICATED. */
export async function pendingSessionOf(
  db: Db,
  settings: SessionSettings,
  token: string | null | undefined,
  stages: readonly SessionRow['stage'][],
) {
  const session = await readSession(db, settings, token ?? undefined);
  if (!session || !stages.includes(session.stage)) throw new AppError('UNAUTHENTICATED', NO_PENDING);
  const [user] = await db.select().from(users).where(eq(users.id, session.userId));
  if (!user?.isActive) throw new AppError('UNAUTHENTICATED', NO_PENDING);
  return { session, user };
}

/**
 * A pending session becomes full under a NEW token (the one known before the second factor is
 * worthless after it: no fixation), with the full lifetime; `user.logged_in` says how.
 */
export async function promoteSession(
  tx: Tx,
  settings: SessionSettings,
  session: SessionRow,
  user: { id: string; fullName: string },
  how: string,
) {
  const token = newToken();
  const expiresAt = new Date(Date.now() + settings.ttlHours * 3600_000);
  const moved = await tx
    .update(sessions)
    .set({
      id: tokenId(settings.secret, token),
      stage: 'full',
      expiresAt,
      lastUsedAt: new Date(),
      // The list of sessions says how it was signed in: «пароль + код из приложения».
      method: `${session.method}+${how}`,
    })
    .where(eq(sessions.id, session.id))
    .returning({ id: sessions.id });
  if (moved.length === 0) throw new AppError('UNAUTHENTICATED', NO_PENDING);
  await recordEvent(
    tx,
    { userId: user.id, fullName: user.fullName },
    'user.logged_in',
    { entityType: 'user', entityId: user.id },
    { ip: session.ip ?? '', method: `${session.method}+${how}` },
  );
  return { token, expiresAt };
}

/**
 * Access: the holder of a session waiting for its second factor (stage 'mfa'). A TOTP code (±1 step,
 * never the same step twice) or an unused recovery code finishes the sign-in; guesses are throttled.
 */
export async function verifyMfa(
  db: Db,
  settings: SessionSettings,
  input: { token: string | null; proof: MfaProof; ip: string; now?: Date },
) {
  const { session, user } = await pendingSessionOf(db, settings, input.token, ['mfa']);
  return throttledProof(db, { userId: user.id, fullName: user.fullName, ip: input.ip, now: input.now }, () =>
    db.transaction(async (tx) => {
      const checked = await consumeProof(tx, settings.secret, user.id, input.proof, { now: input.now });
      if (!checked) return null;
      if (checked.kind === 'recovery') {
        await recordEvent(
          tx,
          { userId: user.id, fullName: user.fullName },
          'user.mfa_recovery_used',
          { entityType: 'user', entityId: user.id },
          { left: checked.left },
        );
      }
      const full = await promoteSession(tx, settings, session, user, checked.kind);
      return { ...full, recoveryCodesLeft: checked.kind === 'recovery' ? checked.left : null };
    }),
  );
}
