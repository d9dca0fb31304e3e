import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOADING_MESSAGE, demoStatus } from '../src/api/demo-gate.js';
import type { Database } from '../src/db/client.js';
import { testApp } from './helpers/api.js';
import { freshDatabase } from './helpers/db.js';

/** A demo load the test finishes (or fails) when it wants. */
function controllableLoad() {
  let finish: () => void = () => {};
  let fail: (e: Error) => void = () => {};
  const loading = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { loading, finish, fail };
}

describe('the API while the demo loads in the background', () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase('pglite');
  });
  afterAll(() => database.close());

  it('answers health, refuses the rest with 503 and Retry-After, then serves normally', async () => {
    const load = controllableLoad();
    const t = testApp(database, {}, { demo: demoStatus(load.loading) });

    const health = await t.call('GET', '/api/health');
    expect(await health.json()).toEqual({ status: 'ok', database: 'pglite', demo: 'loading' });
    for (const [method, url] of [
      ['GET', '/api/me'],
      ['GET', '/api/dashboard'],
      ['POST', '/api/auth/login'],
    ] as const) {
      const res = await t.call(method, url, method === 'POST' ? { body: { login: 'x', password: 'y' } } : {});
      expect(res.status, `${method} ${url}`).toBe(503);
      expect(res.headers.get('retry-after')).toBe('3');
      expect(await res.json()).toEqual({ error: { code: 'UNAVAILABLE', message: DEMO_LOADING_MESSAGE } });
    }
    // Readiness answers for itself: 503 with its reasons (tests/api-operations.test.ts has the rest).
    const notReady = await t.call('GET', '/api/ready');
    expect(notReady.status).toBe(503);
    expect(notReady.headers.get('retry-after')).toBe('3');
    expect(await notReady.json()).toMatchObject({
      status: 'not_ready',
      reasons: ['Демо-данные ещё загружаются'],
    });
    // The reference needs no database and stays open.
    expect((await t.call('GET', '/api/openapi.json')).status).toBe(200);

    load.finish();
    await load.loading;
    expect(await (await t.call('GET', '/api/health')).json()).toMatchObject({ demo: 'loaded' });
    expect(await (await t.call('GET', '/api/ready')).json()).toMatchObject({ status: 'ready', reasons: [] });
    expect((await t.call('GET', '/api/me')).status).toBe(401);
    const login = await t.call('POST', '/api/auth/login', { body: { login: 'nobody', password: 'wrong' } });
    expect(login.status).toBe(401);
  });

  it('answers health from memory while the demo transaction holds the only PGlite connection', async () => {
    const load = controllableLoad();
    const t = testApp(database, {}, { demo: demoStatus(load.loading) });
    if (database.raw?.kind !== 'pglite') throw new Error('expected PGlite');
    let opened: () => void = () => {};
    const inside = new Promise<void>((resolve) => {
      opened = resolve;
    });
    // What loadDemo does: one long transaction. A health check that queried would wait for its end,
    // and this test would time out instead of passing.
    const tx = database.raw.client.transaction(async (q) => {
      opened();
      await q.query('select 1');
      await load.loading;
    });
    await inside;
    expect(await (await t.call('GET', '/api/health')).json()).toMatchObject({ demo: 'loading' });
    expect((await t.call('GET', '/api/roadmaps')).status).toBe(503);
    load.finish();
    await tx;
    expect(await (await t.call('GET', '/api/health')).json()).toMatchObject({ demo: 'loaded' });
  });

  it('says the load failed, without Retry-After, when it did', async () => {
    const load = controllableLoad();
    const t = testApp(database, {}, { demo: demoStatus(load.loading) });
    load.fail(new Error('broken demo'));
    await load.loading.catch(() => {});
    expect(await (await t.call('GET', '/api/health')).json()).toMatchObject({ demo: 'failed' });
    const me = await t.call('GET', '/api/me');
    expect(me.status).toBe(503);
    expect(me.headers.get('retry-after')).toBeNull();
    expect(((await me.json()) as { error: { message: string } }).error.message).toMatch(/не загрузились/);
  });

  it('says there is no demo load when none was started', async () => {
    const t = testApp(database);
    expect(await (await t.call('GET', '/api/health')).json()).toEqual({
      status: 'ok',
      database: 'pglite',
      demo: 'off',
    });
    expect((await t.call('GET', '/api/ready')).status).toBe(200);
  });
});
