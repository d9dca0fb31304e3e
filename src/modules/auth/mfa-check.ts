import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { mfaRecoveryCodes, userMfa } from '../../db/schema/auth.js';
import { AppError } from '../../lib/errors.js';
import { recordEvent } from '../audit/record-event.js';
import { decryptSecret, hashRecoveryCode, matchingStep } from './mfa-secret.js';
import {
  addressGate,
  clearAttempts,
  leaveGate,
  PER_LOGIN_AND_IP,
  purgeOldAttempts,
  reserveAttempts,
} from './throttle.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type MfaProof = { code: string } | { recoveryCode: string };
export type Checked = { kind: 'totp' } | { kind: 'recovery'; left: number };

export const WRONG_CODE = 'Неверный код. Проверьте время на телефоне и введите новый код.';

/**
 * Checks a second factor inside the caller's transaction and consumes it: a TOTP code's time step is
 * stored (`last_step`) and never accepted again, a recovery code is marked used. The update is
 * conditional, so two requests with one code cannot both pass. False: wrong, replayed or used.
 */
export async function consumeProof(
  tx: Tx | Db,
  secretKey: string,
  userId: string,
  proof: MfaProof,
  opts: { pending?: boolean; now?: Date } = {},
): Promise<Checked | null> {
  if ('recoveryCode' in proof) {
    const used = await tx
      .update(mfaRecoveryCodes)
      .set({ usedAt: opts.now ?? new Date() })
      .where(
        and(
          eq(mfaRecoveryCodes.userId, userId),
          eq(mfaRecoveryCodes.codeHash, hashRecoveryCode(proof.recoveryCode)),
          isNull(mfaRecoveryCodes.usedAt),
        ),
      )
      .returning({ id: mfaRecoveryCodes.id });
    if (used.length === 0) return null;
    const [left] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(mfaRecoveryCodes)
      .where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt)));
    return { kind: 'recovery', left: left?.n ?? 0 };
  }
  const [row] = await tx.select().from(userMfa).where(eq(userMfa.userId, userId));
  // Enrolment confirms a pending secret; everything else needs an enabled one.
  if (!row || (opts.pending ? row.enabledAt !== null : row.enabledAt === null)) return null;
  const step = await matchingStep(decryptSecret(secretKey, userId, row.secretEnc), proof.code, opts.now);
  if (step === null) return null;
  const taken = await tx
    .update(userMfa)
    .set({ lastStep: step, version: sql`${userMfa.version} + 1` })
    .where(and(eq(userMfa.userId, userId), or(isNull(userMfa.lastStep), lt(userMfa.lastStep, step))))
    .returning({ userId: userMfa.userId });
  return taken.length > 0 ? { kind: 'totp' } : null;
}

/**
 * A guess of a second factor is limited like a password (throttle.ts): per user (5 free, then a
 * doubling wait up to 15 min) and per address (only failures count). A wrong code is recorded as
 * `user.mfa_failed` and answered with INVALID_INPUT; `run` does the checking and the change.
 */
export async function throttledProof<T>(
  db: Db,
  input: { userId: string; fullName: string; ip: string; now?: Date },
  run: () => Promise<T | null>,
): Promise<T> {
  const userKey = `mfa:${input.userId}`;
  const gate = addressGate(input.ip);
  await purgeOldAttempts(db, input.now);
  await reserveAttempts(db, [{ key: userKey, policy: PER_LOGIN_AND_IP }], input.now, gate);
  let outcome: 'ok' | 'wrong' | 'error' = 'error';
  let result: T | null = null;
  try {
    result = await run();
    outcome = result === null ? 'wrong' : 'ok';
  } finally {
    await leaveGate(db, gate, outcome === 'wrong', input.now);
  }
  if (result === null) {
    await recordEvent(
      db,
      { userId: input.userId, fullName: input.fullName },
      'user.mfa_failed',
      { entityType: 'user', entityId: input.userId },
      { ip: input.ip },
    );
    throw new AppError('INVALID_INPUT', WRONG_CODE, { fields: [{ field: 'code', message: WRONG_CODE }] });
  }
  await clearAttempts(db, [userKey]);
  return result;
}
