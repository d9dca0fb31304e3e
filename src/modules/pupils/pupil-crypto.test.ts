import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { decryptPersonal, encryptPersonal, parsePupilKey, setPupilKey } from './pupil-crypto.js';

describe('pupil data cipher', () => {
  const original = randomBytes(32);
  setPupilKey(original);
  afterAll(() => setPupilKey(original));

  it('round-trips names with a fresh nonce each time', () => {
    const a = encryptPersonal('Иванова Мария Петровна');
    const b = encryptPersonal('Иванова Мария Петровна');
    expect(a).not.toBe(b);
    expect(a).not.toContain('Иванова');
    expect(decryptPersonal(a)).toBe('Иванова Мария Петровна');
    expect(decryptPersonal(encryptPersonal(''))).toBe('');
  });

  it('refuses a value written with another key or changed', () => {
    const stored = encryptPersonal('2013-04-05');
    setPupilKey(randomBytes(32));
    expect(() => decryptPersonal(stored)).toThrow();
    setPupilKey(original);
    expect(decryptPersonal(stored)).toBe('2013-04-05');
    const [v, n, t, body] = stored.split('.');
    const flipped = `${v}.${n}.${t}.${(body ?? '').startsWith('A') ? 'B' : 'A'}${(body ?? '').slice(1)}`;
    expect(() => decryptPersonal(flipped)).toThrow();
    expect(() => decryptPersonal('нечто')).toThrow(/формат/);
  });

  it('reads the key as hex or base64 and refuses other lengths', () => {
    expect(parsePupilKey('ab'.repeat(32))?.length).toBe(32);
    expect(parsePupilKey(Buffer.alloc(32, 1).toString('base64'))?.length).toBe(32);
    expect(parsePupilKey('abc')).toBeNull();
    expect(() => setPupilKey(Buffer.alloc(16))).toThrow();
  });
});
