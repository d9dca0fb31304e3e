import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import {
  decryptSecret,
  encryptSecret,
  hashRecoveryCode,
  matchingStep,
  newRecoveryCodes,
  newTotpSecret,
} from './mfa-secret.js';

const KEY = 'test-secret-test-secret';
const USER = '00000000-0000-4000-8000-000000000001';

describe('the TOTP secret and codes', () => {
  it('encrypts the secret so that only the same key and user open it', () => {
    const secret = newTotpSecret();
    const stored = encryptSecret(KEY, USER, secret);
    expect(stored).not.toContain(secret);
    expect(encryptSecret(KEY, USER, secret)).not.toBe(stored); // a fresh IV each time
    expect(decryptSecret(KEY, USER, stored)).toBe(secret);
    expect(() => decryptSecret('another-session-secret', USER, stored)).toThrow();
    // A row copied onto another user does not decrypt (the user id is authenticated data).
    expect(() => decryptSecret(KEY, '00000000-0000-4000-8000-000000000002', stored)).toThrow();
    const [v, iv, tag, body] = stored.split('.');
    const flipped = `${v}.${iv}.${tag}.${body?.startsWith('A') ? `B${body.slice(1)}` : `A${body?.slice(1)}`}`;
    expect(() => decryptSecret(KEY, USER, flipped)).toThrow();
  });

  it('accepts a code of the previous, current and next step only, and names its step', async () => {
    const secret = newTotpSecret();
    const now = new Date('2026-12-07T10:00:10Z');
    const step = Math.floor(now.getTime() / 30_000);
    const at = (offset: number) => generate({ secret, epoch: now.getTime() / 1000 + offset * 30 });
    expect(await matchingStep(secret, await at(-1), now)).toBe(step - 1);
    expect(await matchingStep(secret, await at(0), now)).toBe(step);
    expect(await matchingStep(secret, await at(1), now)).toBe(step + 1);
    expect(await matchingStep(secret, await at(-2), now)).toBeNull();
    expect(await matchingStep(secret, await at(2), now)).toBeNull();
    const code = await at(0);
    expect(await matchingStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(step);
    expect(await matchingStep(secret, 'abcdef', now)).toBeNull();
  });

  it('issues ten distinct recovery codes of 80 bits, hashed regardless of case, spaces and dashes', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
    const c = codes[0] ?? '';
    expect(hashRecoveryCode(c.toUpperCase().replace(/-/g, ' '))).toBe(hashRecoveryCode(c));
    expect(hashRecoveryCode(c)).not.toBe(hashRecoveryCode(codes[1] ?? ''));
    expect(hashRecoveryCode(c)).toMatch(/^[0-9a-f]{64}$/);
  });
});
