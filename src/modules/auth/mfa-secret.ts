import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';

// The TOTP secret of a user, the codes and the recovery codes (issue 17 §3, ADR 0042). The secret
// is stored encrypted: a copy of the database alone does not give anyone's second factor.

const KEY_INFO = 'opora:mfa-totp-secret:v1';
const keys = new Map<string, Buffer>();

/** AES-256 key derived (HKDF-SHA256) from the session secret: no second secret to configure. */
function keyOf(sessionSecret: string): Buffer {
  let key = keys.get(sessionSecret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', sessionSecret, 'opora-mfa', KEY_INFO, 32));
    keys.set(sessionSecret, key);
  }
  return key;
}

/** `v1.<iv>.<tag>.<ciphertext>` in base64url; the user id is the associated data (no moving rows). */
export function encryptSecret(sessionSecret: string, userId: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(sessionSecret), iv);
  cipher.setAAD(Buffer.from(userId));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function decryptSecret(sessionSecret: string, userId: string, stored: string): string {
  const [version, iv, tag, body] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || !body) throw new Error('unknown format of a TOTP secret');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(sessionSecret), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

export const newTotpSecret = () => generateSecret();

export const ISSUER = 'Опора';

export const otpauthUri = (login: string, secret: string) =>
  generateURI({ issuer: ISSUER, label: login, secret });

/** The time step (30 s) a six-digit code matches within ±1 step of `now`, or null. */
export async function matchingStep(secret: string, code: string, now = new Date()): Promise<number | null> {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const r = await verify({ secret, token, epoch: Math.floor(now.getTime() / 1000), epochTolerance: 30 });
  // The library's union does not expose the step on both members; the step follows from the delta.
  return r.valid ? Math.floor(now.getTime() / 30_000) + r.delta : null;
}

// Recovery codes: 16 characters of a 32-letter alphabet without look-alikes = 80 random bits.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return chars.replace(/(.{4})(?!$)/g, '$1-');
  });
}

/** What the user typed, as it was issued: case, spaces, dashes and look-alike letters do not matter. */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, '').replace(/[o]/g, '0').replace(/[il]/g, '1');
}

/**
 * SHA-256, not argon2: a code carries 80 random bits, so a stolen hash cannot be reversed by guessing,
 * and a plain hash is found by one indexed equality instead of ten slow verifications (ADR 0042).
 */
export const hashRecoveryCode = (code: string) =>
  createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
