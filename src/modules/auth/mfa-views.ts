import { z } from 'zod';
import { SESSION_STAGES } from '../../db/schema/auth.js';

// Request and response shapes of the second factor and the sessions (issue 17 §3–4).

const sixDigits = z
  .string()
  .trim()
  .regex(/^\d{3}\s?\d{3}$/, 'Введите шесть цифр из приложения');

export const codeInput = z.object({ code: sixDigits });

export const verifyInput = z.object({
  code: sixDigits.optional(),
  recoveryCode: z.string().trim().min(1, 'Введите резервный код').max(40, 'Резервный код короче').optional(),
});

export const verifyView = z
  .object({ ok: z.literal(true), expiresAt: z.string(), recoveryCodesLeft: z.number().int().nullable() })
  .meta({ id: 'MfaVerified' });

export const mfaStatusView = z
  .object({
    enabled: z.boolean(),
    enabledAt: z.string().nullable(),
    /** One of the user's roles requires the second factor (MFA_REQUIRED_ROLES): it cannot be turned off. */
    required: z.boolean(),
    recoveryCodesLeft: z.number().int(),
  })
  .meta({ id: 'MfaStatus' });

export const mfaSetupView = z
  .object({
    otpauthUri: z.string(),
    /** The QR code of `otpauthUri`, a PNG data URL. */
    qrDataUrl: z.string(),
    /** The secret in base32, for typing into the app by hand. */
    secret: z.string(),
  })
  .meta({ id: 'MfaSetup' });

export const recoveryCodesView = z
  .object({
    /** Shown this once; the server keeps only their hashes. */
    recoveryCodes: z.array(z.string()),
    /** A session waiting for the enrolment became full: its new expiry (the cookie is replaced). */
    expiresAt: z.string().nullable(),
  })
  .meta({ id: 'MfaRecoveryCodes' });

export const sessionListView = z
  .array(
    z.object({
      id: z.string(),
      device: z.string(),
      ip: z.string().nullable(),
      method: z.string(),
      stage: z.enum(SESSION_STAGES),
      createdAt: z.string(),
      lastUsedAt: z.string(),
      current: z.boolean(),
    }),
  )
  .meta({ id: 'SessionList' });

export const endedView = z.object({ ended: z.number().int() }).meta({ id: 'SessionsEnded' });
export const mfaResetView = z
  .object({ reset: z.boolean(), sessionsEnded: z.number().int() })
  .meta({ id: 'MfaReset' });
