import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/auth.js';
import { AppError, invalid } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';
import { deleteUserSessions, type SessionSettings } from './sessions.js';
import { clearAttempts, PER_USER_PASSWORD_CHANGE, reserveAttempts } from './throttle.js';

/**
 * Access: the user himself, knowing the current password. Attempts are limited per user like logins,
 * so a stolen session cannot be used to guess the password.
 */
export async function changePassword(
  db: Db,
  opts: {
    actor: Actor;
    currentPassword: string;
    newPassword: string;
    session?: { settings: SessionSettings; token: string };
    /** The clock, for tests. */
    now?: Date;
  },
) {
  const [user] = await db.select().from(users).where(eq(users.id, opts.actor.userId));
  if (!user) throw new AppError('UNAUTHENTICATED', 'Сеанс завершён');
  const key = `pw:${user.id}`;
  await reserveAttempts(db, [{ key, policy: PER_USER_PASSWORD_CHANGE }], opts.now);
  if (!(await verifyPassword(user.passwordHash, opts.currentPassword))) {
    throw invalid('Текущий пароль указан неверно', [
      { field: 'currentPassword', message: 'Неверный пароль' },
    ]);
  }
  await clearAttempts(db, [key]);
  const problem = passwordProblem(opts.newPassword);
  if (problem) throw invalid(problem, [{ field: 'newPassword', message: problem }]);
  const passwordHash = await hashPassword(opts.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(eq(users.id, user.id));
    await recordEvent(
      tx,
      opts.actor,
      'user.password_changed',
      { entityType: 'user', entityId: user.id },
      { by: 'self' },
    );
    // Other sessions (a forgotten browser, a stolen cookie) end with the old password.
    await deleteUserSessions(tx, user.id, opts.session);
  });
}
