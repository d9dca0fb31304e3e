import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { notify } from '../src/modules/notifications/notify.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS, freshDatabase } from './helpers/db.js';
import { buildRegion } from './helpers/fixture.js';

// The notification centre's API (issue 15 §3): a user's own notices, paging and the unread filter, the
// count the header polls, marking read (another's notice — 404), and the e-mail settings with validation.

type Page = { items: { id: string; title: string; readAt: string | null }[]; total: number; unread: number };

describe.each(DB_KINDS)('notifications API (%s)', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  const ck: Record<string, string> = {};
  const call = async <T>(method: string, url: string, login: string, body?: unknown) => {
    const res = await t.call(method, url, { cookie: ck[login], body });
    return { status: res.status, body: (await res.json()) as T };
  };
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    t = testApp(database);
    for (const l of ['curator', 'school1']) ck[l] = await t.login(l, 'password-123');
    await notify(
      database.db,
      Array.from({ length: 25 }, (_, i) => ({
        userId: f.as('curator').userId,
        kind: 'awaiting_confirmation' as const,
        title: `Уведомление ${i + 1}`,
        dedupeKey: `api:${i}`,
      })),
    );
  });
  afterAll(() => database.close());

  it('lists only the caller’s notices page by page and marks them read', async () => {
    const first = await call<Page>('GET', '/api/notifications?limit=10', 'curator');
    expect([first.status, first.body.items.length, first.body.total, first.body.unread]).toEqual([
      200, 10, 25, 25,
    ]);
    const last = await call<Page>('GET', '/api/notifications?limit=10&offset=20', 'curator');
    expect(last.body.items.length).toBe(5);
    expect((await call<Page>('GET', '/api/notifications', 'school1')).body.total).toBe(0);
    const id = first.body.items[0]?.id ?? '';
    expect((await call('POST', `/api/notifications/${id}/read`, 'school1')).status).toBe(404);
    expect((await call('POST', `/api/notifications/${id}/read`, 'curator')).status).toBe(200);
    expect(
      (await call<{ unread: number }>('GET', '/api/notifications/unread-count', 'curator')).body,
    ).toEqual({
      unread: 24,
    });
    const unread = await call<Page>('GET', '/api/notifications?unread=true&limit=100', 'curator');
    expect(unread.body.items.some((n) => n.id === id)).toBe(false);
    expect((await call('GET', '/api/notifications?limit=0', 'curator')).status).toBe(400);
    expect((await call('GET', '/api/notifications?kind=nothing', 'curator')).status).toBe(400);
    expect((await call<{ marked: number }>('POST', '/api/notifications/read-all', 'curator')).body).toEqual({
      marked: 24,
    });
  });

  it('saves e-mail settings with a checked address and a version', async () => {
    const s = await call<{ version: number; emailEnabled: boolean }>(
      'GET',
      '/api/notifications/settings',
      'school1',
    );
    expect([s.status, s.body.emailEnabled]).toEqual([200, false]);
    const body = {
      emailMode: 'digest',
      immediateKinds: ['returned'],
      email: 'не адрес',
      version: s.body.version,
    };
    const bad = await call<{ error: { message: string } }>(
      'PUT',
      '/api/notifications/settings',
      'school1',
      body,
    );
    expect([bad.status, bad.body.error.message]).toEqual([
      400,
      expect.stringContaining('Неверный адрес почты'),
    ]);
    const ok = await call<{ email: string; version: number }>(
      'PUT',
      '/api/notifications/settings',
      'school1',
      {
        ...body,
        email: 'school1@example.ru',
      },
    );
    expect([ok.status, ok.body.email, ok.body.version]).toEqual([200, 'school1@example.ru', 2]);
    expect(
      (await call('PUT', '/api/notifications/settings', 'school1', { ...body, email: null })).status,
    ).toBe(409);
  });
});
