import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/api/app.js';
import { demoStatus } from '../src/api/demo-gate.js';
import { loadConfig } from '../src/config.js';
import type { Database, Db } from '../src/db/client.js';
import { enqueueJob } from '../src/jobs/runner.js';
import { databaseStorage } from '../src/modules/files/storage.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS, freshDatabase } from './helpers/db.js';

// Issue 17 §8 over HTTP: /api/ready with its checks and Russian reasons, /api/metrics behind its token
// with route templates (never raw ids) and the job queue read from the table, the request id.

const TOKEN = 'metrics-token-for-tests-0123456789';

describe.each(DB_KINDS)('operations endpoints on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(kind);
  }, 60_000);
  afterAll(async () => database?.close());

  it('is ready when the database is migrated and the job worker beats; says why not otherwise', async () => {
    let alive = true;
    const t = testApp(database, {}, { jobs: { alive: () => alive } });
    const ok = await t.call('GET', '/api/ready');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', migrations: 'ok', jobs: 'ok', demo: 'off' },
      reasons: [],
    });
    alive = false;
    const dead = await t.call('GET', '/api/ready');
    expect(dead.status).toBe(503);
    expect(await dead.json()).toMatchObject({
      status: 'not_ready',
      checks: { jobs: 'fail' },
      reasons: ['Обработчик фоновых заданий этого процесса не работает'],
    });
  });

  it('is not ready while the demo loads: 503 with Retry-After, without touching the database', async () => {
    let finish = () => {};
    const loading = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const t = testApp(database, {}, { demo: demoStatus(loading), jobs: { alive: () => false } });
    const res = await t.call('GET', '/api/ready');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(await res.json()).toEqual({
      status: 'not_ready',
      checks: { database: 'skipped', migrations: 'skipped', jobs: 'fail', demo: 'fail' },
      reasons: [
        'Демо-данные ещё загружаются',
        'Обработчик фоновых заданий запустится после загрузки демо-данных',
      ],
    });
    finish();
    await loading;
    const after = await t.call('GET', '/api/ready');
    expect(await after.json()).toMatchObject({ checks: { demo: 'ok', database: 'ok' } });
  });

  it('is not ready when the last migration of the code is missing in the database', async () => {
    const other = await freshDatabase(kind);
    try {
      await other.db.execute(
        sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
      );
      const res = await testApp(other).call('GET', '/api/ready');
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ checks: { database: 'ok', migrations: 'fail', jobs: 'off' } });
    } finally {
      await other.close();
    }
  });

  it('serves metrics only with the token; routes by template; the job queue from the table', async () => {
    expect((await testApp(database).call('GET', '/api/metrics')).status).toBe(404);
    const t = testApp(database, { METRICS_TOKEN: TOKEN });
    expect((await t.call('GET', '/api/metrics')).status).toBe(401);
    const wrong = await t.call('GET', '/api/metrics', { headers: { authorization: 'Bearer wrong-token' } });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()) as unknown).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });

    const id = randomUUID();
    expect((await t.call('GET', `/api/roadmaps/${id}`)).status).toBe(401);
    await enqueueJob(database.db, { kind: 'ops.test', params: {}, createdBy: null });
    const res = await t.call('GET', '/api/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(
      /opora_http_requests_total\{method="GET",route="\/api\/roadmaps\/\{id\}",status="401"\} \d+/,
    );
    expect(text).toMatch(
      /opora_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/roadmaps\/\{id\}"\}/,
    );
    expect(text).not.toContain(id);
    expect(text).toMatch(/opora_jobs\{kind="ops.test",state="queued"\} 1/);
    expect(text).toMatch(/opora_database_up 1/);
    expect(text).toMatch(/opora_db_pool_connections\{state="total"\} \d+/);
    expect(text).toMatch(/process_resident_memory_bytes \d+/);
    expect(text).not.toContain(TOKEN);
  });

  it('names every request: its own id, a trusted proxy’s, and the id in a 500 answer', async () => {
    const t = testApp(database, { TRUSTED_PROXIES: '10.0.0.1' });
    const own = await t.call('GET', '/api/health');
    expect(own.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const planted = await t.call('GET', '/api/health', {
      headers: { 'x-request-id': 'abc-1' },
      peer: '192.0.2.7',
    });
    expect(planted.headers.get('x-request-id')).not.toBe('abc-1');
    const proxied = await t.call('GET', '/api/health', {
      headers: { 'x-request-id': 'abc-1' },
      peer: '10.0.0.1',
    });
    expect(proxied.headers.get('x-request-id')).toBe('abc-1');

    // A database that fails in a way no rule expects: the answer carries the id of the log line.
    const failing = new Proxy(database.db, {
      get: (target, prop, receiver) =>
        prop === 'execute' ? () => Promise.reject(new Error('boom')) : Reflect.get(target, prop, receiver),
    }) as Db;
    const lines: string[] = [];
    const app = createApp({
      db: failing,
      dbKind: database.kind,
      storage: databaseStorage(database.db),
      config: loadConfig({ DEMO: 'true' }),
      sessions: { secret: 'test-secret-test-secret', ttlHours: 1 },
      log: (await import('../src/lib/log.js')).createLogger(
        { level: 'info', format: 'json' },
        { write: (l) => lines.push(l) },
      ),
    });
    const res = await app.request('http://localhost/api/health');
    expect(res.status).toBe(500);
    const rid = res.headers.get('x-request-id') ?? '';
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toBe(
      `Внутренняя ошибка сервера. Изменения не сохранены. Код обращения: ${rid}`,
    );
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.req === rid);
    expect(logged.map((l) => l.msg)).toEqual(['Внутренняя ошибка', 'запрос']);
    expect(logged[0]).toMatchObject({ level: 'error', err: { message: 'boom' } });
    expect(logged[1]).toMatchObject({ level: 'warn', route: '/api/health', status: 500, method: 'GET' });
  });
});
