import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import { TEST_SYSTEM } from '../../../tests/helpers/system.js';
import type { Database, Db } from '../../db/client.js';
import { dataImports } from '../../db/schema/assessment.js';
import { identificationLists } from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { drainJobs } from '../../jobs/runner.js';
import { AppError } from '../../lib/errors.js';
import { importAssessmentPackage } from '../assessment-data/import-assessment-data.js';
import { createOrgUnit } from '../orgs/org-units.js';
import { approveList } from './approve-list.js';
import { createOrReplaceDraftList } from './create-list.js';
import { createMethodologyVersion, listMethodologies } from './methodologies.js';
import { OPORA_DEFAULT } from './methodology.js';
import { runIdentificationJob, startRun } from './run-identification.js';
import { getRun, listRuns } from './runs.js';
import { runDataYears, staleDescription } from './stale-runs.js';
import { context, fine, pkgOf, school, twoLow } from './test-package.js';

// A run is stale when a package imported into its region after the run was started touched a year the
// run used (stale-runs.ts). The default methodology's run of year t uses the years t−5 … t.

const handlers = { 'identification.run': runIdentificationJob };
const CODES = ['c1', 'c2', 'c3'];

const failure = async (p: Promise<unknown>) => {
  try {
    await p;
    return { code: 'OK', message: '' };
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, message: e.message };
    throw e;
  }
};

describe('runDataYears', () => {
  it('are the years of yearsForRun: results, context and confirmation', () => {
    expect(runDataYears(OPORA_DEFAULT, 2024)).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    const short = { ...OPORA_DEFAULT, stagnationYears: 2, repeatWindow: [2, 2] };
    expect(runDataYears(short, 2024)).toEqual([2021, 2022, 2023, 2024]);
    // A document that cannot have been run counts as using every year up to its year.
    expect(runDataYears({}, 2024)).toContain(2000);
    expect(runDataYears({}, 2024)).not.toContain(2025);
  });

  it('describes the change in Russian', () => {
    const at = new Date(2025, 5, 1, 10, 5);
    expect(staleDescription({ years: [2023], lastImport: { fileName: 'a.zip', importedAt: at } })).toBe(
      'Данные за 2023 год изменены после расчёта (загрузка «a.zip» от 01.06.2025, 10:05)',
    );
    expect(
      staleDescription({ years: [2022, 2023, 2024], lastImport: { fileName: 'b.xlsx', importedAt: at } }),
    ).toMatch(/^Данные за 2022, 2023 и 2024 годы изменены после расчёта \(загрузка «b\.xlsx» от /);
  });
});

describe.each(DB_KINDS)('stale identification runs on %s', (kind) => {
  let database: Database;
  let db: Db;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let defaultId = '';
  let shortId = '';

  /** Imports a package with the years into the region (c1 ШНОР-like, c2 and c3 fine). */
  const load = async (fileName: string, years: number[]) => {
    const r = await importAssessmentPackage(db, {
      actor: f.as('region'),
      fileName,
      dryRun: false,
      pkg: pkgOf({
        schools: CODES.map((c) => school(c)),
        results: years.flatMap((y) => [...twoLow('c1', y), ...fine('c2', y), ...fine('c3', y)]),
        context: years.flatMap((y) => CODES.map((c) => context(c, y))),
      }),
    });
    expect(r.ok, JSON.stringify(r.errors.slice(0, 3))).toBe(true);
    expect(r.years).toEqual(years);
  };
  const run = async (year: number, methodologyId = defaultId) => {
    const { runId } = await startRun(db, { actor: f.as('region'), year, methodologyId });
    await drainJobs(db, handlers);
    const view = await getRun(db, { actor: f.as('region'), runId });
    expect(view.status, view.message ?? '').toBe('done');
    return runId;
  };
  const view = (runId: string) => getRun(db, { actor: f.as('expert'), runId });
  const inList = async (runId: string) => {
    const runs = await listRuns(db, { actor: f.as('center') });
    const r = runs.find((x) => x.id === runId);
    if (!r) throw new Error('run not listed');
    return r;
  };
  const listOfYear = async (year: number) =>
    db.select().from(identificationLists).where(eq(identificationLists.year, year));

  beforeAll(async () => {
    database = await freshDatabase(kind);
    db = database.db;
    f = await buildRegion(db);
    for (const [i, s] of [f.S1, f.S2, f.S3].entries()) {
      await db.update(orgUnits).set({ code: CODES[i] }).where(eq(orgUnits.id, s.id));
    }
    defaultId = (await listMethodologies(db, { actor: f.as('region') }))[0]?.id ?? '';
    const short = await createMethodologyVersion(db, {
      actor: f.as('region'),
      basedOnId: defaultId,
      name: 'Короткая история',
      document: { ...OPORA_DEFAULT, stagnationYears: 2, repeatWindow: [2, 2] },
    });
    shortId = short.id;
    await load('data-2018-2024.zip', [2018, 2019, 2020, 2021, 2022, 2023, 2024]);
  });
  afterAll(() => database.close());

  it('a run is stale once a year it used is imported again, in the run and in the list of runs', async () => {
    const runId = await run(2024);
    expect(await view(runId)).toMatchObject({ stale: false, staleness: null });

    // Years the run did not use: the next year, and one before its look-back.
    await load('only-2025.zip', [2025]);
    await load('only-2018.zip', [2018]);
    expect(await view(runId)).toMatchObject({ stale: false, staleness: null });
    expect(await inList(runId)).toMatchObject({ stale: false, staleness: null });

    // A past year of its look-back.
    await load('fix-2021.zip', [2021]);
    const stale = await view(runId);
    expect(stale.stale).toBe(true);
    expect(stale.staleness?.years).toEqual([2021]);
    expect(stale.staleness?.lastImport.fileName).toBe('fix-2021.zip');
    expect(stale.staleness?.lastImport.importedAt).toBeInstanceOf(Date);
    expect(await inList(runId)).toMatchObject({ stale: true, staleness: stale.staleness });

    // Another one, of the year itself and an unrelated year: every changed year, the newest import.
    await load('fix-2024-2025.zip', [2024, 2025]);
    expect((await view(runId)).staleness).toMatchObject({
      years: [2021, 2024],
      lastImport: { fileName: 'fix-2024-2025.zip' },
    });

    // A run started after the imports uses the new data: fresh; the old one stays stale.
    const again = await run(2024);
    expect(await view(again)).toMatchObject({ stale: false, staleness: null });
    expect((await view(runId)).stale).toBe(true);
  });

  it('takes the years from the run’s methodology (yearsForRun)', async () => {
    const byDefault = await run(2024); // 2019–2024
    const byShort = await run(2024, shortId); // 2021–2024
    const of2023 = await run(2023); // 2018–2023
    await load('fix-2020.zip', [2020]);
    expect((await view(byDefault)).staleness?.years).toEqual([2020]);
    expect((await view(byShort)).stale).toBe(false);
    expect((await view(of2023)).staleness?.years).toEqual([2020]);
    // The next year is not used by a run of 2023.
    const next = await run(2023);
    await load('fix-2024.zip', [2024]);
    expect((await view(next)).stale).toBe(false);
    expect((await view(byShort)).staleness?.years).toEqual([2024]);
  });

  it('counts only the imports of the run’s region', async () => {
    const runId = await run(2024);
    const other = await createOrgUnit(db, {
      actor: TEST_SYSTEM,
      audit: false,
      input: { parentId: null, kind: 'region', name: 'Другой регион' },
    });
    // Written directly: what matters is the record of an import, its region and years.
    await db.insert(dataImports).values({
      regionId: other.id,
      fileName: 'other.zip',
      years: [2024],
      schools: 1,
      results: 1,
      contextValues: 0,
      confirmations: 0,
    });
    expect((await view(runId)).stale).toBe(false);
    await db.insert(dataImports).values({
      regionId: f.R.id,
      fileName: 'same.zip',
      years: [2024],
      schools: 1,
      results: 1,
      contextValues: 0,
      confirmations: 0,
    });
    expect((await view(runId)).staleness?.lastImport.fileName).toBe('same.zip');
  });

  it('refuses a draft list on a stale run, and switching a draft to one', async () => {
    const staleA = await run(2022);
    const staleB = await run(2022);
    await load('fix-2019.zip', [2019]);
    const refused = await failure(createOrReplaceDraftList(db, { actor: f.as('region'), runId: staleA }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(
      /^Расчёт устарел: данные за 2019 год изменены после расчёта \(загрузка «fix-2019\.zip» от .+\)\. Выполните расчёт заново/,
    );
    expect(await listOfYear(2022)).toEqual([]);

    const fresh = await run(2022);
    const draft = await createOrReplaceDraftList(db, { actor: f.as('region'), runId: fresh });
    expect(draft).toMatchObject({ status: 'draft', run: { id: fresh } });
    const switched = await failure(
      createOrReplaceDraftList(db, { actor: f.as('region'), runId: staleB, version: draft.version }),
    );
    expect(switched.code).toBe('CONFLICT');
    const [row] = await listOfYear(2022);
    expect(row).toMatchObject({ runId: fresh, version: draft.version, status: 'draft' });
  });

  it('refuses to approve a list whose run became stale; an approved list stays as it was', async () => {
    const first = await run(2021);
    const draft = await createOrReplaceDraftList(db, { actor: f.as('region'), runId: first });
    // Not a year of the run (2016–2021): approval stays possible…
    await load('fix-2022.zip', [2022]);
    expect((await view(first)).stale).toBe(false);
    await load('fix-2018.zip', [2018]); // …until one of its years changes
    const order = { orderNumber: '12', orderDate: '2025-06-01' };
    const refused = await failure(
      approveList(db, { actor: f.as('region'), listId: draft.id, version: draft.version, ...order }),
    );
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/^Список нельзя утвердить: данные за 2018 год изменены после расчёта/);
    expect((await listOfYear(2021))[0]).toMatchObject({ status: 'draft', version: draft.version });

    // Re-run, switch the draft to the new run, approve.
    const second = await run(2021);
    const rebuilt = await createOrReplaceDraftList(db, {
      actor: f.as('region'),
      runId: second,
      version: draft.version,
    });
    const approved = await approveList(db, {
      actor: f.as('region'),
      listId: rebuilt.id,
      version: rebuilt.version,
      ...order,
    });
    expect(approved).toMatchObject({ status: 'approved', run: { id: second } });

    // New data later: the run is stale, the approved list is not touched.
    await load('fix-2020-late.zip', [2020]);
    expect((await view(second)).stale).toBe(true);
    const [after] = await listOfYear(2021);
    expect(after).toMatchObject({
      status: 'approved',
      runId: second,
      version: approved.version,
      orderNumber: '12',
    });
  });
});
