import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Db } from '../../db/client.js';
import { mfaRecoveryCodes, type SessionStage, userMfa } from '../../db/schema/auth.js';
import { AppError } from '../../lib/errors.js';
import { recordEvent } from '../audit/record-event.js';
import { consumeProof, throttledProof } from './mfa-check.js';
import {
  encryptSecret,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
} from './mfa-secret.js';
import type { SessionRow, SessionSettings } from './sessions.js';
import { promoteSession } from './verify-mfa.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type MfaUser = { id: string; login: string; fullName: string };

const ALREADY = 'Второй фактор уже включён. Чтобы подключить другой телефон, сначала отключите его.';

/**
 * Access: the user himself (a full session or one waiting to set up a required second factor).
 * Begins an enrolment: a new secret, pending until a code from it is confirmed; a second call
 * replaces the pending one (the user scanned nothing yet, or lost the page).
 */
export async function setupMfa(db: Db, settings: SessionSettings, opts: { user: MfaUser }) {
  const { user } = opts;
  const [current] = await db.select().from(userMfa).where(eq(userMfa.userId, user.id));
  if (current?.enabledAt) throw new AppError('CONFLICT', ALREADY);
  const secret = newTotpSecret();
  const secretEnc = encryptSecret(settings.secret, user.id, secret);
  await db
    .insert(userMfa)
    .values({ userId: user.id, secretEnc })
    .onConflictDoUpdate({
      target: userMfa.userId,
      set: { secretEnc, lastStep: null, createdAt: new Date() },
    });
  const uri = otpauthUri(user.login, secret);
  const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 220 });
  return { otpauthUri: uri, qrDataUrl, secret };
}

/** Ten new recovery codes replace the old ones; only their hashes are kept. */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await tx.insert(mfaRecoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })));
  return codes;
}

/**
 * Access: the user himself. A code from the pending secret turns the second factor on and gives ten
 * recovery codes, shown this once. A session that was waiting for the enrolment becomes full (new token).
 */
export async function confirmMfa(
  db: Db,
  settings: SessionSettings,
  opts: { user: MfaUser; code: string; ip: string; session: SessionRow; now?: Date },
) {
  const { user, session } = opts;
  return throttledProof(db, { userId: user.id, fullName: user.fullName, ip: opts.ip, now: opts.now }, () =>
    db.transaction(async (tx) => {
      const checked = await consumeProof(
        tx,
        settings.secret,
        user.id,
        { code: opts.code },
        {
          pending: true,
          now: opts.now,
        },
      );
      if (!checked) return null;
      await tx.update(userMfa).set({ enabledAt: new Date() }).where(eq(userMfa.userId, user.id));
      const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
      await recordEvent(
        tx,
        { userId: user.id, fullName: user.fullName },
        'user.mfa_enabled',
        {
          entityType: 'user',
          entityId: user.id,
        },
        {},
      );
      const stage: SessionStage = session.stage;
      const promoted =
        stage === 'mfa_enrol' ? await promoteSession(tx, settings, session, user, 'totp') : null;
      return { recoveryCodes, session: promoted };
    }),
  );
}
