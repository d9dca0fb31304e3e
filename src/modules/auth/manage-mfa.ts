import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { mfaRecoveryCodes, type Role, userMfa, users } from '../../db/schema/auth.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { type Actor, isAdmin } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { replaceRecoveryCodes } from './enrol-mfa.js';
import { consumeProof, throttledProof } from './mfa-check.js';
import { hasMfa, mfaRequired } from './mfa-stage.js';
import { endUserSessions } from './session-list.js';
import type { SessionSettings } from './sessions.js';

const NOT_ENABLED = 'Второй фактор не включён';

/** The state of the user's own second factor, for «Безопасность» of the profile. */
export async function mfaStatus(db: Db, opts: { actor: Actor; requiredRoles: readonly Role[] }) {
  const userId = opts.actor.userId;
  const [row] = await db
    .select({ enabledAt: userMfa.enabledAt })
    .from(userMfa)
    .where(eq(userMfa.userId, userId));
  const codes = await db
    .select({ usedAt: mfaRecoveryCodes.usedAt })
    .from(mfaRecoveryCodes)
    .where(eq(mfaRecoveryCodes.userId, userId));
  return {
    enabled: Boolean(row?.enabledAt),
    enabledAt: row?.enabledAt?.toISOString() ?? null,
    required: await mfaRequired(db, userId, opts.requiredRoles),
    recoveryCodesLeft: row?.enabledAt ? codes.filter((c) => c.usedAt === null).length : 0,
  };
}

/** Access: the user himself, with a current code (a stolen open session alone cannot take the codes). */
export async function regenerateRecoveryCodes(
  db: Db,
  settings: SessionSettings,
  opts: { actor: Actor; code: string; ip: string; now?: Date },
) {
  const { actor } = opts;
  if (!(await hasMfa(db, actor.userId))) throw new AppError('CONFLICT', NOT_ENABLED);
  return throttledProof(
    db,
    { userId: actor.userId, fullName: actor.fullName, ip: opts.ip, now: opts.now },
    () =>
      db.transaction(async (tx) => {
        if (!(await consumeProof(tx, settings.secret, actor.userId, { code: opts.code }, { now: opts.now })))
          return null;
        const recoveryCodes = await replaceRecoveryCodes(tx, actor.userId);
        await recordEvent(
          tx,
          actor,
          'user.mfa_recovery_regenerated',
          { entityType: 'user', entityId: actor.userId },
          {},
        );
        return { recoveryCodes };
      }),
  );
}

/** Access: the user himself, with a current code; refused while one of his roles requires the factor. */
export async function disableMfa(
  db: Db,
  settings: SessionSettings,
  opts: { actor: Actor; code: string; ip: string; requiredRoles: readonly Role[]; now?: Date },
) {
  const { actor } = opts;
  if (!(await hasMfa(db, actor.userId))) throw new AppError('CONFLICT', NOT_ENABLED);
  if (await mfaRequired(db, actor.userId, opts.requiredRoles))
    throw forbidden('Для вашей роли второй фактор обязателен: отключить его нельзя');
  await throttledProof(
    db,
    { userId: actor.userId, fullName: actor.fullName, ip: opts.ip, now: opts.now },
    () =>
      db.transaction(async (tx) => {
        if (!(await consumeProof(tx, settings.secret, actor.userId, { code: opts.code }, { now: opts.now })))
          return null;
        await tx.delete(userMfa).where(eq(userMfa.userId, actor.userId));
        await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, actor.userId));
        await recordEvent(
          tx,
          actor,
          'user.mfa_disabled',
          { entityType: 'user', entityId: actor.userId },
          { by: 'self' },
        );
        return true;
      }),
  );
}

/**
 * Access: the administrator. The user lost his phone: the second factor and the recovery codes are
 * removed and all his sessions end; at the next sign-in he sets it up again (or a required role makes
 * him). An administrator may reset his own only through another administrator or the CLI.
 */
export async function resetUserMfa(
  db: Db,
  opts: { actor: Actor | { kind: 'system'; fullName: string }; userId: string },
) {
  const { actor } = opts;
  if (actor.kind !== 'system' && !isAdmin(actor)) throw forbidden('Второй фактор сбрасывает администратор');
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, opts.userId));
  if (!user) throw notFound('Пользователь');
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(userMfa)
      .where(eq(userMfa.userId, user.id))
      .returning({ id: userMfa.userId });
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id));
    if (removed.length > 0)
      await recordEvent(
        tx,
        actor,
        'user.mfa_disabled',
        { entityType: 'user', entityId: user.id },
        { by: 'admin' },
      );
    const ended = await endUserSessions(tx, { actor, userId: user.id });
    return { reset: removed.length > 0, sessionsEnded: ended };
  });
}
