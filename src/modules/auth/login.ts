import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { loginAttempts, users } from '../../db/schema/auth.js';
import { AppError } from '../../lib/errors.js';
import { recordEvent } from '../audit/record-event.js';
import { verifyPassword } from './password.js';
import { createSession, type SessionSettings } from './sessions.js';

// Failed attempts live in the database so that the limit holds across instances.
const WINDOW_MS = 15 * 60_000;
const MAX_PER_LOGIN = 5;
const MAX_PER_IP = 30;

/** Access: anyone. Starts a session for valid credentials; counts failures per login and per address. */
export async function login(
  db: Db,
  settings: SessionSettings,
  input: { login: string; password: string; ip: string; userAgent: string | null },
) {
  const name = input.login.trim().toLowerCase();
  const since = new Date(Date.now() - WINDOW_MS);
  const [byLogin] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.login, name), gt(loginAttempts.at, since)));
  const [byIp] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, input.ip), gt(loginAttempts.at, since)));
  if ((byLogin?.n ?? 0) >= MAX_PER_LOGIN || (byIp?.n ?? 0) >= MAX_PER_IP) {
    throw new AppError('RATE_LIMITED', 'Слишком много неудачных попыток входа. Повторите через 15 минут.');
  }
  const [user] = await db.select().from(users).where(sql`lower(${users.login}) = ${name}`);
  const ok = user?.isActive ? await verifyPassword(user.passwordHash, input.password) : false;
  if (!user || !ok) {
    await db.insert(loginAttempts).values({ login: name, ip: input.ip });
    await recordEvent(
      db,
      null,
      'user.login_failed',
      { entityType: 'session', entityId: name },
      { login: name, ip: input.ip },
    );
    throw new AppError('UNAUTHENTICATED', 'Неверный логин или пароль');
  }
  await db.delete(loginAttempts).where(eq(loginAttempts.login, name));
  const session = await createSession(db, settings, user.id, input);
  await recordEvent(
    db,
    { userId: user.id, fullName: user.fullName },
    'user.logged_in',
    { entityType: 'user', entityId: user.id },
    { ip: input.ip },
  );
  return { ...session, userId: user.id };
}
