import { eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { authThrottle } from '../../db/schema/auth.js';
import { AppError } from '../../lib/errors.js';

export type ThrottlePolicy = {
  /** Attempts allowed without any wait. */
  free: number;
  /** Wait after the first attempt past `free`; doubles with each further attempt. */
  baseMs: number;
  maxMs: number;
};

// A guesser gets 5 tries, then waits 1 s, 2 s, 4 s … up to 15 min between tries; the owner from
// another address is not affected (keys are per login and address, not per login).
export const PER_LOGIN_AND_IP: ThrottlePolicy = { free: 5, baseMs: 1000, maxMs: 15 * 60_000 };
// Many people may share one address (a school behind NAT), hence a larger allowance.
export const PER_IP: ThrottlePolicy = { free: 30, baseMs: 1000, maxMs: 15 * 60_000 };
export const PER_USER_PASSWORD_CHANGE: ThrottlePolicy = PER_LOGIN_AND_IP;

/** A counter untouched this long starts over; such rows are purged. */
const FORGET_MS = 24 * 60 * 60_000;

export type Reservation = { key: string; policy: ThrottlePolicy };

/**
 * Counts one attempt for each key before the password is checked, in one transaction: either all
 * counters move (the attempt may proceed) or none does and RATE_LIMITED says how long to wait.
 * Each counter moves by one atomic upsert, so parallel requests cannot all see the old value.
 */
export async function reserveAttempts(db: Db, keys: Reservation[], now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    for (const { key, policy } of keys) {
      const forgetBefore = new Date(now.getTime() - FORGET_MS);
      // Counter value after this attempt: restarts at 1 when the row was forgotten.
      const next = sql`(case when ${authThrottle.updatedAt} < ${forgetBefore} then 1 else ${authThrottle.failures} + 1 end)`;
      const [row] = await tx
        .insert(authThrottle)
        .values({ key, failures: 1, nextAt: nextAllowed(1, policy, now), updatedAt: now })
        .onConflictDoUpdate({
          target: authThrottle.key,
          set: {
            failures: next,
            nextAt: sql`case when ${next} >= ${policy.free}
              then ${now}::timestamptz + make_interval(secs => least(${policy.maxMs / 1000}::float8,
                ${policy.baseMs / 1000}::float8 * power(2, ${next} - ${policy.free})))
              else null end`,
            updatedAt: now,
          },
          setWhere: sql`${authThrottle.nextAt} is null or ${authThrottle.nextAt} <= ${now}
            or ${authThrottle.updatedAt} < ${forgetBefore}`,
        })
        .returning({ key: authThrottle.key });
      if (row) continue;
      const [held] = await tx
        .select({ nextAt: authThrottle.nextAt })
        .from(authThrottle)
        .where(eq(authThrottle.key, key));
      // Thrown inside: the transaction rolls back the counters already moved for earlier keys.
      throw rateLimited(Math.max(1000, (held?.nextAt?.getTime() ?? now.getTime()) - now.getTime()));
    }
  });
}

function nextAllowed(count: number, policy: ThrottlePolicy, now: Date): Date | null {
  if (count < policy.free) return null;
  const ms = Math.min(policy.maxMs, policy.baseMs * 2 ** (count - policy.free));
  return new Date(now.getTime() + ms);
}

/** A successful check: the counters of the keys start over. */
export async function clearAttempts(db: Db, keys: string[]): Promise<void> {
  if (keys.length > 0) await db.delete(authThrottle).where(inArray(authThrottle.key, keys));
}

/** A successful check gives back the attempt reserved on a shared key (e.g. the address). */
export async function releaseAttempt(db: Db, key: string): Promise<void> {
  await db
    .update(authThrottle)
    .set({ failures: sql`greatest(${authThrottle.failures} - 1, 0)` })
    .where(eq(authThrottle.key, key));
}

export async function purgeOldAttempts(db: Db, now = new Date()): Promise<void> {
  await db.delete(authThrottle).where(lt(authThrottle.updatedAt, new Date(now.getTime() - FORGET_MS)));
}

/** RATE_LIMITED with the wait in seconds, which the API also sends as `Retry-After`. */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', `Слишком много неудачных попыток. Повторите через ${waitText(retryAfterSeconds)}.`);
  }
}

export const rateLimited = (waitMs: number) => new RateLimitedError(Math.ceil(waitMs / 1000));

function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} ${plural(seconds, 'секунду', 'секунды', 'секунд')}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} ${plural(minutes, 'минуту', 'минуты', 'минут')}`;
}

function plural(n: number, one: string, few: string, many: string): string {
  const d = n % 10;
  const dd = n % 100;
  if (d === 1 && dd !== 11) return one;
  if (d >= 2 && d <= 4 && (dd < 12 || dd > 14)) return few;
  return many;
}
