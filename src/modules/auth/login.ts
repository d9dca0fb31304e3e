import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { userIdentities, users } from '../../db/schema/auth.js';
import { AppError } from '../../lib/errors.js';
import { recordEvent } from '../audit/record-event.js';
import { LinkRefused } from './identities.js';
import { checkDirectoryPassword, type DirectoryPerson, type LdapSettings } from './ldap/directory.js';
import { LDAP_PROVIDER, signInWithDirectory } from './ldap/sign-in-ldap.js';
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
 * address runs a bounded number of checks at a time (see throttle.ts). With `ldap` configured, the
 * password of a login the directory owns is checked there, under the same counters (see `checkOf`).
 */
export async function login(
  db: Db,
  settings: SessionSettings,
  input: { login: string; password: string; ip: string; userAgent: string | null },
  probe: LoginProbe = {},
  ldap?: LdapSettings,
) {
  const name = input.login.trim().toLowerCase();
  const pairKey = `li:${input.ip}|${name}`;
  const gate = addressGate(input.ip);
  await purgeOldAttempts(db, probe.now);
  await reserveAttempts(db, [{ key: pairKey, policy: PER_LOGIN_AND_IP }], probe.now, gate);
  let outcome: 'ok' | 'wrong' | 'error' = 'error';
  let user: typeof users.$inferSelect | undefined;
  let person: DirectoryPerson | null = null;
  try {
    [user] = await db.select().from(users).where(sql`lower(${users.login}) = ${name}`);
    probe.onPasswordCheck?.();
    if (ldap && (await directoryOwns(db, user))) {
      person = await checkDirectoryPassword(ldap, name, input.password);
      outcome = person ? 'ok' : 'wrong';
    } else {
      outcome = (await verifyPasswordOf(user, input.password)) && user?.isActive === true ? 'ok' : 'wrong';
    }
  } finally {
    // A failure of the database, the hash or the directory counts as no attempt; the slot is given back.
    await leaveGate(db, gate, outcome === 'wrong', probe.now);
  }
  const meta = { ip: input.ip, userAgent: input.userAgent };
  const failed = () =>
    recordEvent(
      db,
      null,
      'user.login_failed',
      { entityType: 'session', entityId: name },
      { login: name, ip: input.ip },
    );
  if (ldap && person) {
    let signedIn: Awaited<ReturnType<typeof signInWithDirectory>>;
    try {
      signedIn = await signInWithDirectory(db, settings, ldap, person, meta);
    } catch (e) {
      // The directory took the password but the account could not be linked: a failed sign-in all the
      // same, recorded, and the counter stays (it is cleared only by a sign-in that happened).
      if (e instanceof LinkRefused) await failed();
      throw e;
    }
    await clearAttempts(db, [pairKey]);
    return signedIn;
  }
  if (!user || outcome !== 'ok') {
    await failed();
    throw new AppError('UNAUTHENTICATED', 'Неверный логин или пароль');
  }
  await clearAttempts(db, [pairKey]);
  const session = await finishSignIn(db, settings, user, { ...meta, method: 'password' });
  return { ...session, rolesChanged: false };
}

/**
 * The order of checks (ADR 0041): an account with a local password and no directory identity keeps
 * its local password — the directory can never take over such an account, even with an entry of the
 * same login. The directory checks a login without an account, an account without a local password,
 * and an account already linked to the directory.
 */
async function directoryOwns(db: Db, user: typeof users.$inferSelect | undefined): Promise<boolean> {
  if (!user || user.passwordHash === null) return true;
  const [linked] = await db
    .select({ id: userIdentities.id })
    .from(userIdentities)
    .where(and(eq(userIdentities.userId, user.id), eq(userIdentities.provider, LDAP_PROVIDER)))
    .limit(1);
  return linked !== undefined;
}
