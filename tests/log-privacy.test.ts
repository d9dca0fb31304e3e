import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { createLogger, textLine } from '../src/lib/log.js';
import { testApp } from './helpers/api.js';
import { freshDatabase } from './helpers/db.js';
import { buildRegion } from './helpers/fixture.js';

// Issue 17 §8: the server's log has one line per request with ids only. A school's user signs in
// (login and password in the body), keeps a pupil (a name and a birth date), opens the pupil's card and
// filters the registry by a class in the query string; none of it may reach a captured line.

describe('request log lines carry no personal data', () => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  const lines: string[] = [];
  let t: ReturnType<typeof testApp>;
  beforeAll(async () => {
    database = await freshDatabase('pglite');
    f = await buildRegion(database.db);
    const log = createLogger({ level: 'debug', format: 'json' }, { write: (l) => lines.push(l) });
    t = testApp(database, {}, { log });
  }, 60_000);
  afterAll(async () => database?.close());

  it('logs method, route template, status, duration and the user id — nothing typed or read', async () => {
    const cookie = await t.login('school1', 'password-123');
    const created = await t.call('POST', `/api/schools/${f.S1.id}/pupils`, {
      cookie,
      body: {
        year: 2026,
        name: 'Секретов Тайнослав Скрытович',
        birthDate: '2012-02-03',
        classLabel: '7Щ',
        category: 'weak',
        subjects: ['Математика'],
        causes: ['pedagogical.gaps'],
        ovz: false,
        limitedRussian: false,
        teacherIds: [],
        includedOn: '2026-09-15',
      },
    });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    const card = await t.call('GET', `/api/pupils/${id}`, { cookie });
    expect(((await card.json()) as { name: string }).name).toBe('Секретов Тайнослав Скрытович');
    const list = await t.call('GET', `/api/schools/${f.S1.id}/pupils?year=2026&classLabel=7Щ`, { cookie });
    expect(list.status).toBe(200);
    const failed = await t.call('POST', '/api/auth/login', {
      body: { login: 'school1', password: 'неверный-пароль-777' },
    });
    expect(failed.status).toBe(401);

    const requests = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'запрос');
    expect(requests.map((l) => `${l.method} ${l.route} ${l.status}`)).toEqual([
      'POST /api/auth/login 200',
      `POST /api/schools/{id}/pupils 200`,
      'GET /api/pupils/{id} 200',
      'GET /api/schools/{id}/pupils 200',
      'POST /api/auth/login 401',
    ]);
    const userId = f.as('school1').userId;
    // The user is known from the session on, by UUID only.
    expect(requests.slice(1, 4).map((l) => l.user)).toEqual([userId, userId, userId]);
    for (const l of requests)
      expect(Object.keys(l).sort()).toEqual(
        [
          ...['level', 'time', 'pid', 'msg', 'req', 'method', 'route', 'status', 'ms'],
          ...(l.user ? ['user'] : []),
        ].sort(),
      );
    const all = lines.join('\n');
    const cookieValue = cookie.split('=')[1] ?? '';
    for (const secret of [
      'school1',
      'Пользователь school1',
      'password-123',
      'неверный-пароль-777',
      'Секретов',
      '2012-02-03',
      '7Щ',
      'classLabel',
      id,
      f.S1.id,
      cookieValue,
      '127.0.0.1',
    ])
      expect(all, secret).not.toContain(secret);
  });

  it('writes a readable single line in the text format', () => {
    const line = textLine(
      JSON.stringify({
        level: 'info',
        time: Date.UTC(2026, 11, 7, 9, 0),
        pid: 1,
        msg: 'запрос',
        req: 'r1',
        route: '/api/x/{id}',
        status: 200,
      }),
    );
    expect(line).toBe('2026-12-07T09:00:00.000Z INFO  запрос  pid=1 req=r1 route=/api/x/{id} status=200\n');
  });
});
