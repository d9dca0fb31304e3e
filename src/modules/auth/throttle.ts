import { eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { authThrottle } from '../../db/schema/auth.js';
import { WORDS } from '../../lib/counted.js';
import { AppError } from '../../lib/errors.js';
import { countLabel } from '../../lib/plural.js';

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
 * A limit on the failed password checks of an address, shared by many people (a school behind NAT):
 * only failures count, so any number of right passwords may be checked at once. A burst is still held:
 * at most `policy.free − failures` checks (at least one) run at a time, the rest wait for a slot, so
 * parallel wrong guesses cannot overtake the counter. `failureKey` holds the failures and the wait,
 * `flightKey` the checks running now (the number is in its `failures` column).
 */
export type AddressGate = { failureKey: string; flightKey: string; policy: ThrottlePolicy };

export const addressGate = (ip: string): AddressGate => ({
  failureKey: `ip:${ip}`,
  flightKey: `ipq:${ip}`,
  policy: PER_IP,
});

/** A check that died with its process leaves its slot taken; an idle slot counter this old starts over. */
const FLIGHT_FORGET_MS = 60_000;
/** How long an attempt waits for a slot of a busy address before it is refused. */
const SLOT_WAIT_MS = 10_000;

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Bumps the counter of `key` by one; when `onlyIfAllowed`, not while its wait lasts (null: refused). */
async function bump(tx: Tx | Db, key: string, policy: ThrottlePolicy, now: Date, onlyIfAllowed: boolean) {
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
      setWhere: onlyIfAllowed
        ? sql`${authThrottle.nextAt} is null or ${authThrottle.nextAt} <= ${now}
          or ${authThrottle.updatedAt} < ${forgetBefore}`
        : undefined,
    })
    .returning({ key: authThrottle.key });
  return row ?? null;
}

async function refusal(tx: Tx, key: string, now: Date): Promise<RateLimitedError> {
  const [held] = await tx
    .select({ nextAt: authThrottle.nextAt })
    .from(authThrottle)
    .where(eq(authThrottle.key, key));
  return rateLimited(Math.max(1000, (held?.nextAt?.getTime() ?? now.getTime()) - now.getTime()));
}

class NoSlot extends Error {}

/**
 * Counts one attempt for each key before the password is checked, in one transaction: either all
 * counters move (the attempt may proceed) or none does and RATE_LIMITED says how long to wait.
 * Each counter moves by one atomic upsert, so parallel requests cannot all see the old value.
 * With a `gate`, the attempt also takes a slot of its address (waiting for one while the address is
 * busy); the caller must give it back with `leaveGate`.
 */
export async function reserveAttempts(
  db: Db,
  keys: Reservation[],
  now = new Date(),
  gate?: AddressGate,
): Promise<void> {
  const deadline = Date.now() + SLOT_WAIT_MS;
  for (let pause = 25; ; pause = Math.min(400, pause * 1.5)) {
    try {
      await db.transaction(async (tx) => {
        if (gate) {
          await lockAddress(tx, gate);
          await checkFailures(tx, gate, now);
        }
        for (const { key, policy } of keys) {
          // Thrown inside: the transaction rolls back the counters already moved for earlier keys.
          if (!(await bump(tx, key, policy, now, true))) throw await refusal(tx, key, now);
        }
        if (gate && !(await takeSlot(tx, gate, now))) throw new NoSlot();
      });
      return;
    } catch (e) {
      if (!(e instanceof NoSlot)) throw e;
      if (Date.now() > deadline) throw rateLimited(1000);
      // Checks of this address are running: one ends within a password hash's time. The pause grows
      // so that a crowd of waiters does not keep the (on PGlite: single) connection busy.
      await new Promise((r) => setTimeout(r, pause * (0.5 + Math.random())));
    }
  }
}

/**
 * Taking a slot reads the failures, giving one back writes them: one address's transactions take turns,
 * else one could count slots against failures not yet committed (seen: 33 checks of 30 on PostgreSQL).
 */
async function lockAddress(tx: Tx, gate: AddressGate) {
  await tx.execute(sql`select pg_advisory_xact_lock(7272, hashtext(${gate.flightKey}))`);
}

async function checkFailures(tx: Tx, gate: AddressGate, now: Date) {
  const [row] = await tx
    .select({ nextAt: authThrottle.nextAt, updatedAt: authThrottle.updatedAt })
    .from(authThrottle)
    .where(eq(authThrottle.key, gate.failureKey));
  const forgotten = !row || row.updatedAt.getTime() < now.getTime() - FORGET_MS;
  if (!forgotten && row.nextAt && row.nextAt > now) {
    throw rateLimited(row.nextAt.getTime() - now.getTime());
  }
}

/** One more running check, if fewer than `free − failures` (at least one) run now. */
async function takeSlot(tx: Tx, gate: AddressGate, now: Date): Promise<boolean> {
  const staleBefore = new Date(now.getTime() - FLIGHT_FORGET_MS);
  const forgetBefore = new Date(now.getTime() - FORGET_MS);
  const failures = sql`coalesce((select f.failures from ${authThrottle} f
    where f.key = ${gate.failureKey} and f.updated_at >= ${forgetBefore}), 0)`;
  const [row] = await tx
    .insert(authThrottle)
    .values({ key: gate.flightKey, failures: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        failures: sql`case when ${authThrottle.updatedAt} < ${staleBefore} then 1 else ${authThrottle.failures} + 1 end`,
        updatedAt: now,
      },
      setWhere: sql`${authThrottle.updatedAt} < ${staleBefore}
        or ${authThrottle.failures} < greatest(1, ${gate.policy.free} - ${failures})`,
    })
    .returning({ key: authThrottle.key });
  return row !== undefined;
}

/** The check is over: its slot is given back and, if the password was wrong, the failure counted. */
export async function leaveGate(db: Db, gate: AddressGate, failed: boolean, now = new Date()) {
  await db.transaction(async (tx) => {
    await lockAddress(tx, gate);
    await tx
      .update(authThrottle)
      .set({ failures: sql`greatest(${authThrottle.failures} - 1, 0)` })
      .where(eq(authThrottle.key, gate.flightKey));
    if (failed) await bump(tx, gate.failureKey, gate.policy, now, false);
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
  if (seconds < 60) return countLabel(seconds, WORDS.second);
  return countLabel(Math.ceil(seconds / 60), WORDS.minute);
}
