import { OpenAPIHono } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import { checkResponse, responseSchemas } from '../../../tests/helpers/response-check.js';
import { TEST_SYSTEM } from '../../../tests/helpers/system.js';
import type { Env } from '../../api/context.js';
import { errorResponse, validationHook } from '../../api/errors.js';
import { identificationRunRoutes } from '../../api/routes/identification-runs.js';
import { loadConfig } from '../../config.js';
import type { Database, Db } from '../../db/client.js';
import { assessmentResults, confirmationResults, contextValues } from '../../db/schema/assessment.js';
import { identificationLists, identificationResults, listDecisions } from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { jobHandlers } from '../../jobs/handlers.js';
import { drainJobs, getJob } from '../../jobs/runner.js';
import { AppError } from '../../lib/errors.js';
import { packageFromRows } from '../assessment-data/from-rows.js';
import { storedProcedureIds } from '../assessment-data/replace-rows.js';
import { bulkLoader } from '../assessment-data/store.js';
import type {
  ConfirmationRow,
  ContextRow,
  DataPackage,
  ResultRow,
  School,
} from '../assessment-data/types.js';
import { databaseStorage } from '../files/storage.js';
import { createOrgUnit } from '../orgs/org-units.js';
import { compareRuns } from './compare-runs.js';
import { FLAG_KEYS, identifyYear, type SchoolResult } from './identify.js';
import { loadPackageFromDb } from './load-package-from-db.js';
import { createMethodologyVersion, listMethodologies } from './methodologies.js';
import { OPORA_DEFAULT } from './methodology.js';
import { approvedShnorOfYear, runIdentificationJob, startRun } from './run-identification.js';
import { getRun, listRuns, runResults } from './runs.js';
import { confirmation, context, fine, result, twoLow } from './test-package.js';

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

async function insertDataRows(
  db: Db,
  idByCode: Map<string, string>,
  rows: { results: ResultRow[]; context: ContextRow[]; confirmation: ConfirmationRow[] },
): Promise<void> {
  const id = (c: string) => {
    const v = idByCode.get(c);
    if (!v) throw new Error(`no school ${c}`);
    return v;
  };
  // Rows name their procedure; the tables refer to it by its stored id.
  const withProcedureIds = async <R extends ResultRow | ConfirmationRow>(rs: R[]) => {
    const ids = await storedProcedureIds(db, rs);
    return rs.map(({ schoolId, assessment, subject, grade, ...r }, i) => ({
      ...r,
      schoolId: id(schoolId),
      procedureId: ids[i] as number,
    }));
  };
  await db.insert(assessmentResults).values(await withProcedureIds(rows.results));
  const context = rows.context.flatMap((r) =>
    Object.entries(r.values)
      .filter((e): e is [string, number] => e[1] !== null)
      .map(([indicator, value]) => ({ schoolId: id(r.schoolId), year: r.year, indicator, value })),
  );
  if (context.length > 0) await db.insert(contextValues).values(context);
  if (rows.confirmation.length > 0)
    await db.insert(confirmationResults).values(await withProcedureIds(rows.confirmation));
}

/**
 * 12 schools, data for 2021–2024, designed so that the flags of 2024 are known:
 * s01 ШНОР every year (stagnation), s02 ШНОР from 2024, s03 ШНОР in 2022 and 2024 only (repeat),
 * s04 ШНОР in 2023 only (exit in 2024), s05 one low procedure in 2024 (risk zone), s06 confirmation with
 * raised marks (objectivity), s07 27 % of «2» in two procedures in 2023 and 2024 (ШНОР only at 0.25),
 * s08–s12 fine; ИСБШ by parents_higher_ed_share: s10–s12 lowest (ШНСУ).
 */
function designedRows() {
  const years = [2021, 2022, 2023, 2024];
  const results: ResultRow[] = [];
  const near = (s: string, y: number) => [
    result(s, y, 'русский язык', 5, 11, 3),
    result(s, y, 'математика', 6, 11, 3),
  ];
  const oneLow = (s: string, y: number) => [
    result(s, y, 'русский язык', 5, 10, 4),
    result(s, y, 'математика', 6, 10, 1),
  ];
  const plan: Record<string, (y: number) => ResultRow[]> = {
    s01: (y) => twoLow('s01', y),
    s02: (y) => (y >= 2023 ? twoLow('s02', y) : fine('s02', y)),
    s03: (y) =>
      y === 2023 ? oneLow('s03', y) : y === 2021 || y === 2022 || y === 2024 ? twoLow('s03', y) : [],
    s04: (y) => (y === 2022 || y === 2023 ? twoLow('s04', y) : fine('s04', y)),
    s05: (y) => (y === 2024 ? oneLow('s05', y) : fine('s05', y)),
    s07: (y) => (y >= 2023 ? near('s07', y) : fine('s07', y)),
  };
  const codes = Array.from({ length: 12 }, (_, i) => `s${String(i + 1).padStart(2, '0')}`);
  for (const c of codes) for (const y of years) results.push(...(plan[c] ?? ((yy) => fine(c, yy)))(y));
  // Extra counted ОГЭ procedure with 4 participants (not counted) for s08.
  results.push(result('s08', 2024, 'математика', 9, 4, 4, 'ОГЭ'));
  const ctx: ContextRow[] = [];
  codes.forEach((c, i) => {
    for (const y of years) {
      ctx.push(
        context(c, y, { parents_higher_ed_share: (12 - i) / 20, low_income_share: i === 5 ? null : 0.5 }),
      );
    }
  });
  const conf: ConfirmationRow[] = [confirmation('s06', 2024, 10, 0, 3), confirmation('s08', 2024, 10, 1, 1)];
  return { codes, results, context: ctx, confirmation: conf };
}

describe.each(DB_KINDS)('identification runs on %s', (kind) => {
  let database: Database;
  let db: Db;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  const idByCode = new Map<string, string>();
  let pkg: DataPackage;
  let defaultId = '';

  beforeAll(async () => {
    database = await freshDatabase(kind);
    db = database.db;
    f = await buildRegion(db);
    const data = designedRows();
    // S1, S2 (M1) and S3 (M2) of the fixture, and 9 more schools, 4 of them in M2.
    const units = [f.S1, f.S2, f.S3];
    for (let i = 4; i <= 12; i++) {
      units.push(
        await createOrgUnit(db, {
          actor: TEST_SYSTEM,
          audit: false,
          input: { parentId: i % 2 === 0 ? f.M1.id : f.M2.id, kind: 'school', name: `Школа ${i}` },
        }),
      );
    }
    const schools: School[] = [];
    for (const [i, u] of units.entries()) {
      const c = data.codes[i] as string;
      const rural = i % 3 === 0;
      const small = i % 4 === 1;
      await db.update(orgUnits).set({ code: c, isRural: rural, isSmall: small }).where(eq(orgUnits.id, u.id));
      idByCode.set(c, u.id);
      const municipality = u.parentId === f.M1.id ? f.M1 : f.M2;
      schools.push({
        id: c,
        name: u.name,
        municipalityId: municipality.id,
        municipalityName: municipality.name,
        rural,
        small,
      });
    }
    // A school without a code is not identified.
    await createOrgUnit(db, {
      actor: TEST_SYSTEM,
      audit: false,
      input: { parentId: f.M1.id, kind: 'school', name: 'Школа без кода' },
    });
    await insertDataRows(db, idByCode, data);
    pkg = packageFromRows({
      schools,
      results: data.results,
      context: data.context,
      confirmation: data.confirmation,
    });
    const ms = await listMethodologies(db, { actor: f.as('region') });
    defaultId = ms[0]?.id ?? '';
  });
  afterAll(() => database.close());

  const run = async (year: number, methodologyId = defaultId) => {
    const started = await startRun(db, { actor: f.as('region'), year, methodologyId });
    // The results are written by COPY here (the loader of the opened database), as the server does.
    await drainJobs(db, jobHandlers(bulkLoader(database)));
    return started;
  };
  const byCode = (schools: SchoolResult[], c: string) => {
    const s = schools.find((x) => x.schoolId === c);
    if (!s) throw new Error(`no ${c}`);
    return s;
  };

  it('loads the package with schools by code, municipalities and the years asked', async () => {
    const loaded = await loadPackageFromDb(db, { regionId: f.R.id, years: [2023, 2024] });
    expect(loaded.pkg.schools.map((s) => s.id)).toEqual([...idByCode.keys()].sort());
    expect(loaded.pkg.years).toEqual([2023, 2024]);
    expect(loaded.orgUnitIdByCode.get('s01')).toBe(f.S1.id);
    expect(loaded.codeByOrgUnitId.get(f.S3.id)).toBe('s03');
    const s3 = loaded.pkg.schools.find((s) => s.id === 's03');
    expect(s3).toMatchObject({ municipalityId: f.M2.id, municipalityName: 'Второй район', rural: false });
    const expectedRows = Array.from(pkg.results.year).filter((y) => y >= 2023).length;
    expect(loaded.pkg.results.length).toBe(expectedRows);
    expect(loaded.pkg.context.length).toBe(24);
    expect(loaded.pkg.confirmation?.length).toBe(2);
    // The same identification as the in-memory package.
    const full = await loadPackageFromDb(db, { regionId: f.R.id, years: [2020, 2021, 2022, 2023, 2024] });
    expect(identifyYear(full.pkg, 2024).schools.map((s) => s.flags)).toEqual(
      identifyYear(pkg, 2024).schools.map((s) => s.flags),
    );
  });

  it('runs a year as a job: results equal identifyYear on the same data, summary counts', async () => {
    const { runId, jobId } = await run(2024);
    const job = await getJob(db, jobId);
    expect(job?.status).toBe('done');
    const view = await getRun(db, { actor: f.as('region'), runId });
    expect(view).toMatchObject({ status: 'done', progress: 1, year: 2024 });
    expect(view.methodology).toMatchObject({ code: 'opora-default', version: 1 });
    expect(view.finishedAt).not.toBeNull();

    const expected = identifyYear(pkg, 2024, OPORA_DEFAULT);
    const rows = await runResults(db, { actor: f.as('region'), runId });
    expect(rows).toHaveLength(12);
    for (const r of rows) {
      const e = byCode(expected.schools, r.school.code ?? '');
      expect(r.flags).toEqual(e.flags);
      expect(r.isbsh).toBe(e.isbsh);
      expect(r.cluster).toBe(e.cluster);
      expect(r.resultIndex).toBe(e.resultIndex);
      expect(r.lowProcedures).toEqual(e.lowProcedures);
      expect(r.reasons).toEqual(e.reasons);
    }
    const flagged = (k: keyof SchoolResult['flags']) =>
      rows
        .filter((r) => r.flags[k])
        .map((r) => r.school.code)
        .sort();
    expect(flagged('shnor')).toEqual(['s01', 's02', 's03']);
    expect(flagged('stagnation')).toEqual(['s01']);
    expect(flagged('repeat')).toEqual(['s03']);
    expect(flagged('exit')).toEqual(['s04']);
    expect(flagged('riskZone')).toEqual(['s05', 's07']);
    expect(flagged('objectivity')).toEqual(['s06']);
    expect(flagged('shnsu')).toEqual(['s10', 's11', 's12']);

    const counts = Object.fromEntries(
      FLAG_KEYS.map((k) => [k, expected.schools.filter((s) => s.flags[k]).length]),
    );
    expect(view.summary).toEqual({ schools: 12, counts, thresholds: expected.thresholds });

    // Sorted by municipality, then by school name (Russian order: «Школа 10» after «Школа 4»).
    const m1 = rows.filter((r) => r.school.municipality.id === f.M1.id).map((r) => r.school.name);
    expect(rows[0]?.school.municipality.name).toBe('Второй район');
    expect(m1).toEqual(['Школа 1', 'Школа 2', 'Школа 4', 'Школа 6', 'Школа 8', 'Школа 10', 'Школа 12']);

    // A finished run never changes: its job run again leaves the results as they are.
    const before = await db
      .select()
      .from(identificationResults)
      .where(eq(identificationResults.runId, runId));
    await runIdentificationJob({ db, job: job as NonNullable<typeof job>, progress: async () => {} });
    const after = await db.select().from(identificationResults).where(eq(identificationResults.runId, runId));
    expect(after).toEqual(before);
  });

  it('filters results by flag, municipality, cluster, rural, small and name', async () => {
    const { runId } = await run(2024);
    const actor = f.as('expert');
    const codes = async (filter: Parameters<typeof runResults>[1]['filter']) =>
      (await runResults(db, { actor, runId, filter })).map((r) => r.school.code).sort();
    expect(await codes({ flag: 'shnor' })).toEqual(['s01', 's02', 's03']);
    expect(await codes({ flag: 'shnor', municipalityId: f.M2.id })).toEqual(['s03']);
    expect(await codes({ rural: true })).toEqual(['s01', 's04', 's07', 's10']);
    expect(await codes({ small: true })).toEqual(['s02', 's06', 's10']);
    expect(await codes({ rural: false, small: true })).toEqual(['s02', 's06']);
    expect(await codes({ q: 'школа 1' })).toEqual(['s01', 's10', 's11', 's12']);
    expect(await codes({ q: 'S05' })).toEqual(['s05']);
    const all = await runResults(db, { actor, runId });
    const c1 = all.filter((r) => r.cluster === 1).map((r) => r.school.code);
    expect(c1.length).toBeGreaterThan(0);
    expect(await codes({ cluster: 1 })).toEqual(c1.sort());
    expect(await codes({ flag: 'shnor', q: 'нет такой' })).toEqual([]);
  });

  it('lists runs of the region with their methodology, of a year', async () => {
    const runs = await listRuns(db, { actor: f.as('center'), year: 2024 });
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.every((r) => r.year === 2024 && r.status === 'done')).toBe(true);
    expect(await listRuns(db, { actor: f.as('region'), year: 2019 })).toEqual([]);
  });

  it('compares a draft methodology with the current one (what-if)', async () => {
    const draft = await createMethodologyVersion(db, {
      actor: f.as('region'),
      basedOnId: defaultId,
      name: 'Порог 25 %',
      document: { ...OPORA_DEFAULT, lowShareThreshold: 0.25 },
    });
    const base = await run(2024);
    const other = await run(2024, draft.id);
    const cmp = await compareRuns(db, {
      actor: f.as('expert'),
      baseRunId: base.runId,
      otherRunId: other.runId,
    });
    expect(cmp.flags.shnor.base).toBe(3);
    expect(cmp.flags.shnor.other).toBe(4);
    expect(cmp.flags.shnor.entered.map((s) => s.name)).toEqual(['Школа 7']);
    expect(cmp.flags.shnor.entered[0]?.municipality.id).toBe(f.M2.id);
    expect(cmp.flags.shnor.left).toEqual([]);
    expect(cmp.flags.riskZone.left.map((s) => s.name)).toEqual(['Школа 7']);
    const m2 = cmp.byMunicipality.find((m) => m.municipality.id === f.M2.id);
    expect(m2?.base.shnor).toBe(1);
    expect(m2?.other.shnor).toBe(2);
    expect(cmp.byMunicipality.map((m) => m.municipality.name)).toEqual(['Второй район', 'Первый район']);

    // Another year: refused.
    const y2023 = await run(2023);
    expect(
      await code(compareRuns(db, { actor: f.as('region'), baseRunId: base.runId, otherRunId: y2023.runId })),
    ).toBe('INVALID_INPUT');
  });

  it('takes the ШНОР of a past year from its approved list, with the operator decisions', async () => {
    const r2023 = await run(2023);
    const computed2023 = (
      await runResults(db, { actor: f.as('region'), runId: r2023.runId, filter: { flag: 'shnor' } })
    )
      .map((r) => r.school.code)
      .sort();
    expect(computed2023).toEqual(['s01', 's04']);
    expect(await approvedShnorOfYear(db, f.R.id, 2023)).toBeNull();
    // A draft list does not count.
    const [draft] = await db
      .insert(identificationLists)
      .values({ regionId: f.R.id, year: 2023, runId: r2023.runId, status: 'draft' })
      .returning();
    expect(draft).toBeDefined();
    expect(await approvedShnorOfYear(db, f.R.id, 2023)).toBeNull();
    const [list] = await db
      .insert(identificationLists)
      .values({
        regionId: f.R.id,
        year: 2023,
        runId: r2023.runId,
        status: 'approved',
        orderNumber: '12-п',
        orderDate: '2023-09-01',
        approvedAt: new Date(),
      })
      .returning();
    if (!list) throw new Error('no list');
    await db.insert(listDecisions).values([
      {
        listId: list.id,
        schoolId: idByCode.get('s01') as string,
        decision: 'exclude',
        reason: 'Смена руководства',
      },
      {
        listId: list.id,
        schoolId: idByCode.get('s05') as string,
        decision: 'include',
        reason: 'По представлению МО',
      },
    ]);
    const approved = await approvedShnorOfYear(db, f.R.id, 2023);
    expect([...(approved ?? [])].sort()).toEqual([idByCode.get('s04'), idByCode.get('s05')].sort());

    const { runId } = await run(2024);
    const rows = await runResults(db, { actor: f.as('region'), runId });
    const expected = identifyYear(pkg, 2024, OPORA_DEFAULT, {
      approvedShnor: new Map([[2023, new Set(['s04', 's05'])]]),
    });
    for (const r of rows) expect(r.flags).toEqual(byCode(expected.schools, r.school.code ?? '').flags);
    const s01 = rows.find((r) => r.school.code === 's01');
    expect(s01?.flags).toMatchObject({ shnor: true, stagnation: false, repeat: true });
    expect(rows.find((r) => r.school.code === 's05')?.flags).toMatchObject({ shnor: false, exit: true });
    expect(s01?.reasons.join(' ')).toContain('2023');
    await db.delete(listDecisions);
    await db.delete(identificationLists);
  });

  it('fails a run of a year without data, with the message', async () => {
    const { runId, jobId } = await run(2026);
    const view = await getRun(db, { actor: f.as('region'), runId });
    expect(view.status).toBe('failed');
    expect(view.message).toContain('Нет данных оценочных процедур за 2026 год');
    expect((await getJob(db, jobId))?.status).toBe('failed');
    expect(await runResults(db, { actor: f.as('region'), runId })).toEqual([]);
  });

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
  it('judges only the schools with data in the year of the run', async () => {
    const gone = await createOrgUnit(db, {
      actor: TEST_SYSTEM,
      audit: false,
      input: { parentId: f.M1.id, kind: 'school', name: 'Школа без данных 2024 года' },
    });
    await db.update(orgUnits).set({ code: 's13' }).where(eq(orgUnits.id, gone.id));
    idByCode.set('s13', gone.id);
    // ШНОР in 2023 by the data (two low procedures), nothing in 2024: not judged in 2024, so no «exit».
    await insertDataRows(db, idByCode, {
      results: [result('s13', 2023, 'русский язык', 5, 20, 10), result('s13', 2023, 'математика', 5, 20, 10)],
      context: [],
      confirmation: [],
    });
    const all = await loadPackageFromDb(db, { regionId: f.R.id, years: [2023, 2024] });
    expect(all.pkg.schools.map((s) => s.id)).toContain('s13');
    const { runId } = await run(2024);
    const view = await getRun(db, { actor: f.as('region'), runId });
    expect(view.summary?.schools).toBe(12);
    const results = await runResults(db, { actor: f.as('region'), runId });
    expect(results.map((r) => r.school.code)).not.toContain('s13');
  });
});
