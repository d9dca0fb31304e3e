import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { createUser } from '../src/modules/auth/users.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS, freshDatabase } from './helpers/db.js';
import { TEST_SYSTEM } from './helpers/system.js';

describe.each(DB_KINDS)('request origin and response headers on %s', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    await createUser(database.db, {
      actor: TEST_SYSTEM,
      input: { login: 'someone', fullName: 'Пользователь', password: 'password-123' },
    });
    t = testApp(database);
  });
  afterAll(() => database.close());

  const loginWith = (origin: string) =>
    t.call('POST', '/api/auth/login', {
      body: { login: 'someone', password: 'password-123' },
      headers: { origin, host: 'localhost' },
    });

  it('refuses Origin: null and malformed origins with 403 and a Russian message, never 500', async () => {
    for (const origin of ['null', 'not a url', 'http://', 'javascript:alert(1)', 'file:///etc/passwd', '']) {
      const res = await loginWith(origin);
      expect(res.status, origin).toBe(403);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/отклонён/);
    }
    expect((await loginWith('https://evil.example')).status).toBe(403);
    expect((await loginWith('http://localhost')).status).toBe(200);
  });

  it('marks every API answer as not to be stored, errors and files included', async () => {
    const answers = [
      await t.call('GET', '/api/health'),
      await t.call('GET', '/api/me'),
      await t.call('GET', '/api/no-such-thing'),
      await t.call('GET', `/api/files/${randomUUID()}`),
      await loginWith('null'),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 401, 404, 401, 403]);
    for (const res of answers) expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
