import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../tests/helpers/db.js';
import { TEST_SYSTEM } from '../../../tests/helpers/system.js';
import type { Database, Db } from '../../db/client.js';
import { identificationLists, identificationResults, listDecisions } from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { getJob } from '../../jobs/runner.js';
import type { DataPackage } from '../assessment-data/types.js';
import { createOrgUnit } from '../orgs/org-units.js';
import { compareRuns } from './compare-runs.js';
import { FLAG_KEYS, identifyYear, type SchoolResult } from './identify.js';
import { loadPackageFromDb } from './load-package-from-db.js';
import { createMethodologyVersion } from './methodologies.js';
import { OPORA_DEFAULT } from './methodology.js';
import { approvedShnorOfYear, runIdentificationJob } from './run-identification.js';
import { getRun, listRuns, runResults } from './runs.js';
import { code, insertDataRows, type RunsSetting, runYear, setUpRuns } from './runs-setup.js';
import { byId, result } from './test-package.js';

// A run of the identification: the package loaded from the database, the job, its results and their filters,
// the runs of a year, what-if against a draft methodology, past years from approved lists, years without data.
// Who may see and start runs, and the HTTP contract: runs-access.db.test.ts.

describe.each(DB_KINDS)('identification runs on %s', (kind) => {
  let database: Database;
  let db: Db;
  let f: RunsSetting['f'];
  let idByCode: Map<string, string>;
  let pkg: DataPackage;
  let defaultId = '';
  let setting: RunsSetting;

  beforeAll(async () => {
    setting = await setUpRuns(kind);
    ({ database, db, f, idByCode, pkg, defaultId } = setting);
  });
  afterAll(() => database.close());

  const run = (year: number, methodologyId = defaultId) => runYear(setting, year, methodologyId);

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
      const e = byId(expected.schools, r.school.code ?? '');
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
    for (const r of rows) expect(r.flags).toEqual(byId(expected.schools, r.school.code ?? '').flags);
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
