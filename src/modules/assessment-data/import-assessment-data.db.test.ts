import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GOOD,
  RESULTS_HEADER,
  resultRows,
  SCHOOLS,
  xlsxOfPackage,
  zipOfPackage,
} from '../../../tests/helpers/data-package.js';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import { zipOfTexts } from '../../../tests/helpers/zip.js';
import type { Database, Db } from '../../db/client.js';
import {
  assessmentProcedures,
  assessmentResults,
  confirmationResults,
  contextValues,
  dataImports,
} from '../../db/schema/assessment.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { AppError } from '../../lib/errors.js';
import { listDataYears } from './data-years.js';
import { importAssessmentData } from './import-assessment-data.js';
import { type BulkLoader, bulkLoader } from './store.js';

describe.each(DB_KINDS)('import of assessment data (%s)', (kind) => {
  let database: Database;
  let db: Db;
  let f: Awaited<ReturnType<typeof buildRegion>>;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    db = database.db;
    f = await buildRegion(db);
    for (const [s, code] of [
      [f.S1, 'C1'],
      [f.S2, 'C2'],
      [f.S3, 'C3'],
    ] as const) {
      await db.update(orgUnits).set({ code }).where(eq(orgUnits.id, s.id));
    }
  });
  afterAll(async () => {
    await database.close();
  });

  const wipe = async () => {
    await db.delete(assessmentResults);
    await db.delete(contextValues);
    await db.delete(confirmationResults);
    await db.delete(dataImports);
  };
  const counts = async () => {
    const n = async (t: typeof assessmentResults | typeof contextValues | typeof confirmationResults) =>
      (await db.select({ n: count() }).from(t))[0]?.n ?? 0;
    return {
      results: await n(assessmentResults),
      contextValues: await n(contextValues),
      confirmations: await n(confirmationResults),
      imports: (await db.select({ n: count() }).from(dataImports))[0]?.n ?? 0,
    };
  };
  const EMPTY = { results: 0, contextValues: 0, confirmations: 0, imports: 0 };

  const loaders: [string, () => BulkLoader | undefined][] = [
    ['multi-row INSERT', () => undefined],
    ['COPY', () => bulkLoader(database)],
  ];

  it.each(loaders)('imports a good ZIP package of CSV files (%s)', async (_name, loader) => {
    await wipe();
    const r = await importAssessmentData(
      db,
      { actor: f.as('region'), fileName: 'data.zip', data: zipOfPackage(GOOD), dryRun: false },
      loader(),
    );
    expect(r).toEqual({
      ok: true,
      dryRun: false,
      fileName: 'data.zip',
      years: [2023, 2024],
      schools: 3,
      results: 12,
      contextValues: 7,
      confirmations: 2,
      unknownSchools: [],
      errors: [],
      replaced: [],
      unchanged: 0,
    });
    expect(await counts()).toEqual({ results: 12, contextValues: 7, confirmations: 2, imports: 1 });
    const [row] = await db
      .select()
      .from(assessmentResults)
      .innerJoin(assessmentProcedures, eq(assessmentProcedures.id, assessmentResults.procedureId))
      .where(and(eq(assessmentResults.schoolId, f.S2.id), eq(assessmentProcedures.subject, 'математика')))
      .orderBy(assessmentResults.year)
      .then((rows) => rows.map((r) => ({ ...r.assessment_results, ...r.assessment_procedures })));
    expect(row).toMatchObject({
      year: 2023,
      assessment: 'ВПР',
      grade: 5,
      participants: 25,
      mark2: 3,
      mark5: 4,
    });
    const [ctx] = await db
      .select()
      .from(contextValues)
      .where(
        and(
          eq(contextValues.schoolId, f.S1.id),
          eq(contextValues.year, 2023),
          eq(contextValues.indicator, 'ovz_share'),
        ),
      );
    expect(ctx?.value).toBe(0.05);
    const [imp] = await db.select().from(dataImports);
    expect(imp).toMatchObject({ regionId: f.R.id, fileName: 'data.zip', years: [2023, 2024], results: 12 });
  });

  it('imports an XLSX workbook and lists the years', async () => {
    await wipe();
    const r = await importAssessmentData(db, {
      actor: f.as('region'),
      fileName: 'data.xlsx',
      data: await xlsxOfPackage(GOOD),
      dryRun: false,
    });
    expect(r.ok).toBe(true);
    expect(r.errors).toEqual([]);
    expect(await counts()).toEqual({ results: 12, contextValues: 7, confirmations: 2, imports: 1 });
    const years = await listDataYears(db, { actor: f.as('center') });
    expect(years).toEqual([
      {
        year: 2023,
        schools: 3,
        results: 6,
        contextValues: 2,
        confirmations: 0,
        lastImport: expect.any(Object),
      },
      {
        year: 2024,
        schools: 3,
        results: 6,
        contextValues: 5,
        confirmations: 2,
        lastImport: expect.any(Object),
      },
    ]);
    expect(years[1]?.lastImport).toMatchObject({
      fileName: 'data.xlsx',
      importedBy: { fullName: 'Пользователь region' },
    });
    await expect(listDataYears(db, { actor: f.as('mun1') })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('dry run validates and reports what would be replaced, writing nothing', async () => {
    await wipe();
    const first = await importAssessmentData(db, {
      actor: f.as('region'),
      fileName: 'a.zip',
      data: zipOfPackage(GOOD),
      dryRun: true,
    });
    expect(first).toMatchObject({ ok: true, dryRun: true, results: 12, replaced: [] });
    expect(await counts()).toEqual(EMPTY);
    await importAssessmentData(db, {
      actor: f.as('region'),
      fileName: 'a.zip',
      data: zipOfPackage(GOOD),
      dryRun: false,
    });
    const again = await importAssessmentData(db, {
      actor: f.as('region'),
      fileName: 'b.zip',
      data: zipOfPackage(GOOD),
      dryRun: true,
    });
    expect(again.replaced).toEqual([
      { year: 2023, results: 6, contextValues: 2, confirmations: 0 },
      { year: 2024, results: 6, contextValues: 5, confirmations: 2 },
    ]);
    expect((await counts()).imports).toBe(1);
  });

  it('reports schools unknown in the region and writes nothing', async () => {
    await wipe();
    const r = await importAssessmentData(db, {
      actor: f.as('region'),
      fileName: 'a.zip',
      data: zipOfPackage({
        schools: `${SCHOOLS}C9,Новая школа,M1,Первый район,0,0\n`,
        results: `${RESULTS_HEADER}${resultRows(2024, ['C1', 'C9'])}`,
        context: 'school_id,year,ovz_share\n',
      }),
      dryRun: false,
    });
    expect(r).toMatchObject({ ok: false, unknownSchools: [{ code: 'C9', name: 'Новая школа' }], errors: [] });
    expect(await counts()).toEqual(EMPTY);
    expect((await db.select().from(orgUnits).where(eq(orgUnits.code, 'C9'))).length).toBe(0);
  });

  it('a row error rejects the whole package', async () => {
    await wipe();
    const r = await importAssessmentData(db, {
      actor: f.as('region'),
      fileName: 'a.zip',
      data: zipOfPackage({
        ...GOOD,
        results: `${RESULTS_HEADER}${resultRows(2024, ['C1', 'C2'])}C3,2024,ВПР,русский язык,5,10,11,0,0,0\n`,
      }),
      dryRun: false,
    });
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([
      {
        file: 'results.csv',
        row: 6,
        column: 'mark2',
        message: expect.stringContaining('больше числа участников'),
      },
    ]);
    expect(await counts()).toEqual(EMPTY);
  });

  it.each(loaders)(
    're-import of a year replaces only that year of the listed schools (%s)',
    async (_name, loader) => {
      await wipe();
      await importAssessmentData(
        db,
        { actor: f.as('region'), fileName: 'all.zip', data: zipOfPackage(GOOD), dryRun: false },
        loader(),
      );
      const c1in2024 = () =>
        importAssessmentData(
          db,
          {
            actor: f.as('admin'),
            fileName: 'c1-2024.zip',
            data: zipOfPackage({
              schools: 'school_id,name,municipality_id,municipality_name\nC1,Школа 1,M1,Первый район\n',
              results: `${RESULTS_HEADER}${resultRows(2024, ['C1'], 9)}C1,2024,ОГЭ,математика,9,20,1,5,5,9\n`,
              context: 'school_id,year,ovz_share\nC1,2024,0.5\n',
            }),
            dryRun: false,
          },
          loader(),
        );
      const r = await c1in2024();
      expect(r.errors).toEqual([]);
      // Both results changed (mark2 3 → 9), the context value is another indicator: nothing stays.
      expect(r.unchanged).toBe(0);
      expect(r).toMatchObject({ ok: true, years: [2024], results: 3, contextValues: 1, confirmations: 0 });
      // No confirmation.csv in the package: the stored confirmation report stays.
      expect(r.replaced).toEqual([{ year: 2024, results: 2, contextValues: 1, confirmations: 0 }]);
      const rows = await db
        .select({
          school: assessmentResults.schoolId,
          year: assessmentResults.year,
          mark2: assessmentResults.mark2,
        })
        .from(assessmentResults);
      const of = (school: string, year: number) =>
        rows.filter((x) => x.school === school && x.year === year).map((x) => x.mark2);
      expect(of(f.S1.id, 2024).sort()).toEqual([1, 9, 9]);
      expect(of(f.S1.id, 2023)).toEqual([3, 3]);
      expect(of(f.S2.id, 2024)).toEqual([3, 3]);
      expect(of(f.S3.id, 2024)).toEqual([3, 3]);
      expect(await counts()).toEqual({ results: 13, contextValues: 7, confirmations: 2, imports: 2 });
      const [n] = await db
        .select({ n: count() })
        .from(contextValues)
        .where(and(eq(contextValues.schoolId, f.S1.id), eq(contextValues.year, 2024)));
      expect(n?.n).toBe(1);
      // The same package again: every row is already stored as it is, nothing is rewritten.
      const again = await c1in2024();
      expect(again.replaced).toEqual([{ year: 2024, results: 3, contextValues: 1, confirmations: 0 }]);
      expect(again.unchanged).toBe(4);
      expect(await counts()).toEqual({ results: 13, contextValues: 7, confirmations: 2, imports: 3 });
      // A correction: the ВПР rows stay, the ОГЭ row gives way to another one. Only the difference is
      // written (the results are merged; the one context value differs and is replaced).
      const corrected = await importAssessmentData(
        db,
        {
          actor: f.as('admin'),
          fileName: 'c1-2024-исправлено.zip',
          data: zipOfPackage({
            schools: 'school_id,name,municipality_id,municipality_name\nC1,Школа 1,M1,Первый район\n',
            results: `${RESULTS_HEADER}${resultRows(2024, ['C1'], 9)}C1,2024,ОГЭ,русский язык,9,20,2,5,5,8\n`,
            context: 'school_id,year,ovz_share\nC1,2024,0.6\n',
          }),
          dryRun: false,
        },
        loader(),
      );
      expect(corrected.unchanged).toBe(2);
      const c1 = await db
        .select({
          subject: assessmentProcedures.subject,
          grade: assessmentProcedures.grade,
          mark2: assessmentResults.mark2,
        })
        .from(assessmentResults)
        .innerJoin(assessmentProcedures, eq(assessmentProcedures.id, assessmentResults.procedureId))
        .where(and(eq(assessmentResults.schoolId, f.S1.id), eq(assessmentResults.year, 2024)));
      expect(c1.map((x) => `${x.subject} ${x.grade}: ${x.mark2}`).sort()).toEqual([
        'математика 5: 9',
        'русский язык 5: 9',
        'русский язык 9: 2',
      ]);
      const [ovz] = await db
        .select({ value: contextValues.value })
        .from(contextValues)
        .where(and(eq(contextValues.schoolId, f.S1.id), eq(contextValues.year, 2024)));
      expect(ovz?.value).toBe(0.6);
    },
  );

  it('only a regional operator or an administrator imports', async () => {
    for (const login of ['center', 'mun1', 'school1', 'expert']) {
      await expect(
        importAssessmentData(db, {
          actor: f.as(login),
          fileName: 'a.zip',
          data: zipOfPackage(GOOD),
          dryRun: true,
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('rejects what is not a package', async () => {
    const err = await importAssessmentData(db, {
      actor: f.as('region'),
      fileName: 'results.csv',
      data: Buffer.from(GOOD.results),
      dryRun: true,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('UNSUPPORTED_TYPE');
    const missing = await importAssessmentData(db, {
      actor: f.as('region'),
      fileName: 'a.zip',
      data: zipOfTexts({ 'schools.csv': SCHOOLS }),
      dryRun: true,
    }).catch((e: unknown) => e);
    expect((missing as AppError).message).toContain('results.csv');
  });

  it('a failure while writing leaves nothing behind', async () => {
    await wipe();
    // A school deleted between the check and the write: the foreign key fails inside the transaction.
    const failing: BulkLoader = {
      method: 'insert',
      transaction: (fn) =>
        bulkLoader(database).transaction((s) =>
          fn({
            ...s,
            copy: async (t, o) => {
              const n = await s.copy(t, o);
              if (t.table === 'context_values') await s.db.execute(sql`select 1/0`);
              return n;
            },
          }),
        ),
    };
    await expect(
      importAssessmentData(
        db,
        { actor: f.as('region'), fileName: 'a.zip', data: zipOfPackage(GOOD), dryRun: false },
        failing,
      ),
    ).rejects.toThrow();
    expect(await counts()).toEqual(EMPTY);
  });
});
