import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/auth.js';
import { AppError } from '../../lib/errors.js';
import { recordEvent } from '../audit/record-event.js';
import { verifyPasswordOf } from './password.js';
import type { SessionSettings } from './sessions.js';
import { finishSignIn } from './sign-in.js';
import {
  addressGate,
  clearAttempts,
  leaveGate,
  PER_LOGIN_AND_IP,
  purgeOldAttempts,
  reserveAttempts,
} from './throttle.js';

/** Hooks for tests: count password checks, move the clock. */
export type LoginProbe = { now?: Date; onPasswordCheck?: () => void };

/**
 * Access: anyone. Starts a session for valid credentials. Attempts are counted in the database per
 * login and address before the password is checked; per address only failures count, and a busy
 * address runs a bounded number of checks at a time (see throttle.ts).
 */
export async function login(
  db: Db,
  settings: SessionSettings,
  input: { login: string; password: string; ip: string; userAgent: string | null },
  probe: LoginProbe = {},
) {
  const name = input.login.trim().toLowerCase();
  const pairKey = `li:${input.ip}|${name}`;
  const gate = addressGate(input.ip);
  await purgeOldAttempts(db, probe.now);
  await reserveAttempts(db, [{ key: pairKey, policy: PER_LOGIN_AND_IP }], probe.now, gate);
  let outcome: 'ok' | 'wrong' | 'error' = 'error';
  let user: typeof users.$inferSelect | undefined;
  try {
    [user] = await db.select().from(users).where(sql`lower(${users.login}) = ${name}`);
    probe.onPasswordCheck?.();
    outcome = (await verifyPasswordOf(user, input.password)) && user?.isActive === true ? 'ok' : 'wrong';
  } finally {
    // A failure of the database or the hash counts as no attempt; the slot is given back in any case.
    await leaveGate(db, gate, outcome === 'wrong', probe.now);
  }
  if (!user || outcome !== 'ok') {
    await recordEvent(
      db,
      null,
      'user.login_failed',
      { entityType: 'session', entityId: name },
      { login: name, ip: input.ip },
    );
    throw new AppError('UNAUTHENTICATED', 'Неверный логин или пароль');
  }
  await clearAttempts(db, [pairKey]);
  return finishSignIn(db, settings, user, { ip: input.ip, userAgent: input.userAgent, method: 'password' });
}
