import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../tests/helpers/db.js';
import { checkResponse, responseSchemas } from '../../../tests/helpers/response-check.js';
import { TEST_SYSTEM } from '../../../tests/helpers/system.js';
import type { Env } from '../../api/context.js';
import { errorResponse, validationHook } from '../../api/errors.js';
import { identificationRunRoutes } from '../../api/routes/identification-runs.js';
import { loadConfig } from '../../config.js';
import type { Database, Db } from '../../db/client.js';
import { jobHandlers } from '../../jobs/handlers.js';
import { drainJobs } from '../../jobs/runner.js';
import { bulkLoader } from '../assessment-data/store.js';
import { databaseStorage } from '../files/storage.js';
import { createOrgUnit } from '../orgs/org-units.js';
import { compareRuns } from './compare-runs.js';
import { OPORA_DEFAULT } from './methodology.js';
import { startRun } from './run-identification.js';
import { getRun, listRuns, runResults } from './runs.js';
import { code, type RunsSetting, runYear, setUpRuns } from './runs-setup.js';

// Who may see and start identification runs, and the HTTP contract of methodologies, runs and comparisons.

describe.each(DB_KINDS)('identification runs: access and HTTP on %s', (kind) => {
  let database: Database;
  let db: Db;
  let f: RunsSetting['f'];
  let defaultId = '';
  let setting: RunsSetting;

  beforeAll(async () => {
    setting = await setUpRuns(kind);
    ({ database, db, f, defaultId } = setting);
  });
  afterAll(() => database.close());

  const run = (year: number, methodologyId = defaultId) => runYear(setting, year, methodologyId);

  it('lets only the region level see runs; only the regional operator start them', async () => {
    const { runId } = await run(2024);
    for (const login of ['mun1', 'school1', 'curator', 'teacher']) {
      expect(await code(listRuns(db, { actor: f.as(login) }))).toBe('FORBIDDEN');
      expect(await code(getRun(db, { actor: f.as(login), runId }))).toBe('NOT_FOUND');
      expect(await code(runResults(db, { actor: f.as(login), runId }))).toBe('NOT_FOUND');
      expect(await code(startRun(db, { actor: f.as(login), year: 2024, methodologyId: defaultId }))).toBe(
        'FORBIDDEN',
      );
    }
    for (const login of ['center', 'expert', 'admin']) {
      expect(await code(getRun(db, { actor: f.as(login), runId }))).toBe('OK');
      expect(await code(startRun(db, { actor: f.as(login), year: 2024, methodologyId: defaultId }))).toBe(
        'FORBIDDEN',
      );
    }
    expect(await code(compareRuns(db, { actor: f.as('mun1'), baseRunId: runId, otherRunId: runId }))).toBe(
      'NOT_FOUND',
    );
    // Another region's operator does not see the run.
    const other = await createOrgUnit(db, {
      actor: TEST_SYSTEM,
      audit: false,
      input: { parentId: null, kind: 'region', name: 'Другая область' },
    });
    const stranger = {
      ...f.as('region'),
      assignments: f.as('region').assignments.map((a) => ({
        ...a,
        orgUnitId: other.id,
        unitPath: other.path,
        governingId: other.id,
        governingPath: other.path,
      })),
    };
    expect(await code(getRun(db, { actor: stranger, runId }))).toBe('NOT_FOUND');
    expect(await code(startRun(db, { actor: stranger, year: 2024, methodologyId: defaultId }))).toBe(
      'NOT_FOUND',
    );
    await drainJobs(db, jobHandlers(bulkLoader(database)));
  });
  it('serves the contract over HTTP (methodologies, runs, results, compare)', async () => {
    const app = new OpenAPIHono<Env>({ defaultHook: validationHook });
    app.onError(errorResponse);
    app.use('*', async (c, next) => {
      const login = c.req.header('x-login');
      c.set('actor', login ? f.as(login) : null);
      await next();
    });
    identificationRunRoutes(app, {
      db,
      dbKind: kind,
      storage: databaseStorage(db),
      config: loadConfig({}),
      sessions: { secret: 'test-secret-test-secret', ttlHours: 1 },
    });
    app.doc31('/api/openapi.json', { openapi: '3.1.0', info: { title: 't', version: '1' } });
    const call = async (login: string | null, method: string, url: string, body?: unknown) => {
      const headers: Record<string, string> = login ? { 'x-login': login } : {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await app.request(`http://localhost${url}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      await checkResponse(responseSchemas(app), method, url, res);
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };

    expect((await call(null, 'GET', '/api/openapi.json')).status).toBe(200);
    expect((await call(null, 'GET', '/api/methodologies')).status).toBe(401);
    const ms = await call('expert', 'GET', '/api/methodologies');
    expect(ms.status).toBe(200);
    const bad = await call('region', 'POST', '/api/methodologies', {
      basedOnId: defaultId,
      name: 'Плохая',
      document: { ...OPORA_DEFAULT, clusters: 0 },
    });
    expect(bad.status).toBe(400);
    const created = await call('region', 'POST', '/api/methodologies', {
      basedOnId: defaultId,
      name: 'Через API',
      document: { ...OPORA_DEFAULT, lowShareThreshold: 0.25 },
    });
    expect(created.status).toBe(200);
    expect(
      (await call('expert', 'POST', `/api/methodologies/${String(created.json.id)}/make-current`)).status,
    ).toBe(403);

    expect(
      (await call('region', 'POST', '/api/identification/runs', { year: 'x', methodologyId: defaultId }))
        .status,
    ).toBe(400);
    const started = await call('region', 'POST', '/api/identification/runs', {
      year: 2024,
      methodologyId: defaultId,
    });
    expect(started.status).toBe(200);
    const runId = String(started.json.runId);
    const queued = await call('center', 'GET', `/api/identification/runs/${runId}`);
    expect(queued.json).toMatchObject({ status: 'queued', progress: 0, summary: null });
    await drainJobs(db, jobHandlers(bulkLoader(database)));
    const done = await call('center', 'GET', `/api/identification/runs/${runId}`);
    expect(done.json).toMatchObject({ status: 'done', progress: 1, year: 2024 });
    expect((await call('mun1', 'GET', `/api/identification/runs/${runId}`)).status).toBe(404);
    expect((await call('mun1', 'GET', '/api/identification/runs')).status).toBe(403);
    const list = await call('expert', 'GET', '/api/identification/runs?year=2024');
    expect((list.json as unknown as { id: string }[]).some((r) => r.id === runId)).toBe(true);

    const results = await call(
      'expert',
      'GET',
      `/api/identification/runs/${runId}/results?flag=shnor&rural=false`,
    );
    expect(results.status).toBe(200);
    expect(
      (results.json as unknown as { school: { code: string } }[]).map((r) => r.school.code).sort(),
    ).toEqual(['s02', 's03']);
    expect(
      (await call('expert', 'GET', `/api/identification/runs/${runId}/results?flag=nonsense`)).status,
    ).toBe(400);

    const other = await call('region', 'POST', '/api/identification/runs', {
      year: 2024,
      methodologyId: created.json.id,
    });
    await drainJobs(db, jobHandlers(bulkLoader(database)));
    const cmp = await call(
      'region',
      'GET',
      `/api/identification/compare?base=${runId}&other=${String(other.json.runId)}`,
    );
    expect(cmp.status).toBe(200);
    expect(cmp.json).toMatchObject({ flags: { shnor: { base: 3, other: 4 } } });
  });

  // Last: it adds a school to the region.
});
