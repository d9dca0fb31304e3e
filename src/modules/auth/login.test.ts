import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { TEST_SYSTEM } from '../../../tests/helpers/system.js';
import type { Database } from '../../db/client.js';
import { authThrottle } from '../../db/schema/auth.js';
import { type LoginProbe, login } from './login.js';
import { RateLimitedError } from './throttle.js';
import { createUser } from './users.js';

const SETTINGS = { secret: 'test-secret-test-secret', ttlHours: 1 };

describe.each(DB_KINDS)('login delays on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await createUser(database.db, {
      actor: TEST_SYSTEM,
      input: { login: 'owner', fullName: 'Владелец', password: 'password-123' },
    });
  });
  afterAll(() => database.close());

  const T0 = Date.parse('2026-01-10T10:00:00Z');
  const at = (ms: number) => new Date(T0 + ms);
  let checks = 0;
  const probe = (ms: number): LoginProbe => ({ now: at(ms), onPasswordCheck: () => checks++ });
  const tryAt = (ms: number, password = 'wrong-password', ip = '192.0.2.1') =>
    login(database.db, SETTINGS, { login: 'Owner', password, ip, userAgent: null }, probe(ms)).then(
      () => 'ok',
      (e: unknown) => (e instanceof RateLimitedError ? `wait ${e.retryAfterSeconds}` : 'wrong'),
    );

  it('lets 5 guesses through, then doubles the wait after each further one', async () => {
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) seen.push(await tryAt(0));
    seen.push(await tryAt(500)); // 1 s after the 5th has not passed
    seen.push(await tryAt(1000)); // it has: one more guess, then 2 s
    seen.push(await tryAt(2500));
    seen.push(await tryAt(3000)); // then 4 s
    seen.push(await tryAt(3000));
    expect(seen).toEqual([
      'wrong',
      'wrong',
      'wrong',
      'wrong',
      'wrong',
      'wait 1',
      'wrong',
      'wait 1',
      'wrong',
      'wait 4',
    ]);
    expect(checks).toBe(7);
  });

  it('caps the wait at 15 minutes and forgets a counter a day old', async () => {
    let ms = 10_000;
    const waits: number[] = [];
    // Guess as soon as allowed; note the wait imposed after each guess.
    for (let i = 0; i < 9; i++) {
      expect(await tryAt(ms)).toBe('wrong');
      const wait = Number((await tryAt(ms)).replace('wait ', ''));
      waits.push(wait);
      ms += wait * 1000;
    }
    expect(waits.slice(-6)).toEqual([64, 128, 256, 512, 900, 900]);
    // The right password from elsewhere is not held up meanwhile.
    expect(await tryAt(ms, 'password-123', '192.0.2.2')).toBe('ok');
    const dayLater = ms + 25 * 3_600_000;
    expect(await tryAt(dayLater)).toBe('wrong');
    const rows = await database.db.select().from(authThrottle);
    expect(rows.find((r) => r.key === 'li:192.0.2.1|owner')?.failures).toBe(1);
  });

  it('clears the counter of the login and address after the right password', async () => {
    const base = 200 * 3_600_000;
    for (let i = 0; i < 4; i++) await tryAt(base, 'wrong-password', '192.0.2.9');
    expect(await tryAt(base, 'password-123', '192.0.2.9')).toBe('ok');
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) seen.push(await tryAt(base, 'wrong-password', '192.0.2.9'));
    expect(seen).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'wrong', 'wait 1']);
  });

  it('refuses a busy address without counting the refused attempt against the login', async () => {
    const base = 400 * 3_600_000;
    const ip = '198.51.100.99';
    for (let i = 0; i < 30; i++) {
      await login(
        database.db,
        SETTINGS,
        { login: `ghost${i}`, password: 'x', ip, userAgent: null },
        probe(base),
      ).catch(() => null);
    }
    expect(await tryAt(base, 'password-123', ip)).toBe('wait 1');
    const keys = (await database.db.select().from(authThrottle)).map((r) => r.key);
    expect(keys).toContain(`ip:${ip}`);
    expect(keys).not.toContain(`li:${ip}|owner`);
    expect(await tryAt(base + 1000, 'password-123', ip)).toBe('ok');
  });

  it('checks at most 5 of 50 parallel wrong passwords for one login', async () => {
    const base = 600 * 3_600_000;
    checks = 0;
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => tryAt(base, 'wrong-password', '203.0.113.200')),
    );
    expect(checks).toBe(5);
    expect(answers.filter((a) => a === 'wrong').length).toBe(5);
    expect(answers.filter((a) => a === 'wait 1').length).toBe(45);
    // Even the right password waits at that address; the owner elsewhere is let in.
    expect(await tryAt(base + 500, 'password-123', '203.0.113.200')).toBe('wait 1');
    expect(await tryAt(base + 500, 'password-123', '203.0.113.201')).toBe('ok');
  });

  // issue 9: a school behind one address where everybody signs in at 9:00.
  it('lets 40 people in at once from one address: only failures count per address', async () => {
    const base = 800 * 3_600_000;
    const ip = '198.51.100.40';
    for (let i = 0; i < 40; i++) {
      await createUser(database.db, {
        actor: TEST_SYSTEM,
        input: { login: `pupil${i}`, fullName: `Ученик ${i}`, password: 'password-123' },
      });
    }
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        login(
          database.db,
          SETTINGS,
          { login: `pupil${i}`, password: 'password-123', ip, userAgent: null },
          probe(base),
        ).then(
          () => 'ok',
          (e: unknown) => (e instanceof RateLimitedError ? 'wait' : 'wrong'),
        ),
      ),
    );
    expect(answers.filter((a) => a === 'ok').length).toBe(40);
    const rows = await database.db.select().from(authThrottle);
    // Nothing is left counted against the address, and every slot was given back.
    expect(rows.find((r) => r.key === `ip:${ip}`)).toBeUndefined();
    expect(rows.find((r) => r.key === `ipq:${ip}`)?.failures).toBe(0);
  });

  it('checks at most 30 of 100 parallel wrong passwords for different logins from one address', async () => {
    const base = 1000 * 3_600_000;
    const ip = '198.51.100.100';
    checks = 0;
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        login(
          database.db,
          SETTINGS,
          { login: `sprayed${i}`, password: 'guess', ip, userAgent: null },
          probe(base),
        ).then(
          () => 'ok',
          (e: unknown) => (e instanceof RateLimitedError ? 'wait' : 'wrong'),
        ),
      ),
    );
    expect(checks).toBe(30);
    expect(answers.filter((a) => a === 'wrong').length).toBe(30);
    expect(answers.filter((a) => a === 'wait').length).toBe(70);
  });
});
