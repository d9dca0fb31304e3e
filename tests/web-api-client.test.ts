import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../src/db/client.js';
import { addAssignment, createUser } from '../src/modules/auth/users.js';
import { createOrgUnit } from '../src/modules/orgs/org-units.js';
import { ApiError, apiHref, createApi, unwrap } from '../src/web/shared/api.js';
import { testApp } from './helpers/api.js';
import { freshDatabase } from './helpers/db.js';
import { TEST_SYSTEM } from './helpers/system.js';

// The browser's client against the real app in-process: a cookie jar stands in for the browser's.
describe('typed API client (src/web/shared/api.ts)', () => {
  let database: Database;
  let api: ReturnType<typeof createApi>;
  const events: string[] = [];

  beforeAll(async () => {
    database = await freshDatabase('pglite');
    const region = await createOrgUnit(database.db, {
      actor: TEST_SYSTEM,
      audit: false,
      input: { parentId: null, kind: 'region', name: 'Тестовая область' },
    });
    await createOrgUnit(database.db, {
      actor: TEST_SYSTEM,
      audit: false,
      input: { parentId: region.id, kind: 'municipality', name: 'Первый район', oktmo: '56701000' },
    });
    const admin = await createUser(database.db, {
      actor: TEST_SYSTEM,
      input: { login: 'admin1', fullName: 'Админ Тестовый', password: 'password-1' },
    });
    await addAssignment(database.db, {
      actor: TEST_SYSTEM,
      userId: admin.id,
      input: { role: 'admin', orgUnitId: region.id },
    });
    const { app } = testApp(database);
    let cookie: string | null = null;
    api = createApi({
      baseUrl: 'http://localhost',
      fetch: async (req) => {
        if (cookie) req.headers.set('cookie', cookie);
        const res = await app.request(req);
        cookie = res.headers.get('set-cookie')?.split(';')[0] ?? cookie;
        return res;
      },
    });
    const target = new EventTarget();
    target.addEventListener('opora:unauthenticated', (e) => events.push(e.type));
    vi.stubGlobal('window', target);
  }, 120_000);
  afterAll(async () => {
    vi.unstubAllGlobals();
    await database.close();
  });

  const failure = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('ожидалась ошибка');
      },
      (e: unknown) => {
        if (!(e instanceof ApiError)) throw e;
        return e;
      },
    );

  it('an ended session: 401 with the server message, and the unauthenticated event', async () => {
    const e = await failure(unwrap(api.GET('/api/me')));
    expect([e.status, e.code, e.message]).toEqual([401, 'UNAUTHENTICATED', 'Войдите в систему']);
    expect(events).toEqual(['opora:unauthenticated']);
  });

  it('a wrong password is an error of the form, not an ended session', async () => {
    events.length = 0;
    const e = await failure(
      unwrap(api.POST('/api/auth/login', { body: { login: 'admin1', password: 'nope-nope' } })),
    );
    expect(e.status).toBe(401);
    expect(e.message).toMatch(/[а-я]/);
    expect(events).toEqual([]);
  });

  it('signs in and reads typed data; field errors and conflicts keep their details', async () => {
    await unwrap(api.POST('/api/auth/login', { body: { login: 'admin1', password: 'password-1' } }));
    const me = await unwrap(api.GET('/api/me'));
    expect(me.login).toBe('admin1');
    expect(me.assignments.map((a) => a.role)).toEqual(['admin']);

    const bad = await failure(
      unwrap(
        api.POST('/api/users', {
          body: { login: 'Плохой логин', fullName: 'Имя Фамилия', password: '12345678' },
        }),
      ),
    );
    expect(bad.status).toBe(400);
    expect(bad.fields.map((f) => f.field)).toContain('login');

    const stale = await failure(
      unwrap(
        api.PATCH('/api/users/{id}', {
          params: { path: { id: me.id } },
          body: { fullName: 'Другое Имя', version: 99 },
        }),
      ),
    );
    expect(stale.isConflict).toBe(true);
  });

  it('uploads a file as multipart and reads the typed answer', async () => {
    const csv = 'Наименование;ИНН;ОКТМО\nМБОУ СОШ № 10;5834001010;56701000\n';
    const file = new File([csv], 'schools.csv', { type: 'text/csv' });
    const r = await unwrap(
      api.POST('/api/org-units/import', { params: { query: { dryRun: 'true' } }, body: { file } }),
    );
    expect([r.dryRun, r.total, r.errors]).toEqual([true, 1, []]);
  });

  it('download links are built from the typed route', () => {
    const href = apiHref('/api/roadmaps/{id}/export', { path: { id: 'a/b' }, query: { format: 'docx' } });
    expect(href).toBe('/api/roadmaps/a%2Fb/export?format=docx');
    expect(apiHref('/api/files/{id}', { path: { id: 'x' } })).toBe('/api/files/x');
    // An optional parameter not given is left out: «details=undefined» was refused with 400.
    const list = apiHref('/api/identification/lists/{id}/export', {
      path: { id: 'l' },
      query: { format: 'xlsx', details: undefined },
    });
    expect(list).toBe('/api/identification/lists/l/export?format=xlsx');
  });

  it('no connection: a Russian message instead of a TypeError', async () => {
    const offline = createApi({
      baseUrl: 'http://localhost',
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    const e = await failure(unwrap(offline.GET('/api/health')));
    expect([e.status, e.code]).toEqual([0, 'NETWORK']);
    expect(e.message).toBe('Нет связи с сервером. Проверьте подключение и повторите.');
  });
});
