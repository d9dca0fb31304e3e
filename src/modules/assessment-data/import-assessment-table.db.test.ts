import { count, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  codedRegion,
  conversion,
  goodConfirmations,
  goodResults,
  school,
  storedData,
  wipeData,
} from '../../../tests/helpers/assessment-table.js';
import { GOOD, zipOfPackage } from '../../../tests/helpers/data-package.js';
import { DB_KINDS } from '../../../tests/helpers/db.js';
import type { Database, Db } from '../../db/client.js';
import { contextValues, dataImports } from '../../db/schema/assessment.js';
import { importAssessmentData } from './import-assessment-data.js';
import { importAssessmentTable } from './import-assessment-table.js';
import { bulkLoader } from './store.js';
import type { ConvertedResult } from './tables/mapping.js';

describe.each(DB_KINDS)('import of an assessment table (%s)', (kind) => {
  const ctx = codedRegion(kind);
  let database: Database;
  let db: Db;
  let f: typeof ctx.f;
  beforeAll(() => {
    ({ database, db, f } = ctx);
  });
  const wipe = () => wipeData(db);
  const stored = () => storedData(db);

  it.each([
    ['multi-row INSERT', false],
    ['COPY', true],
  ])('stores the same rows as the equivalent package (%s)', async (_name, copy) => {
    const loader = copy ? bulkLoader(database) : undefined;
    await wipe();
    const pkg = await importAssessmentData(
      db,
      { actor: f.as('region'), fileName: 'data.zip', data: zipOfPackage(GOOD), dryRun: false },
      loader,
    );
    expect(pkg.ok).toBe(true);
    const fromPackage = await stored();
    await wipe();
    const r = await importAssessmentTable(
      db,
      {
        actor: f.as('region'),
        fileName: 'ВПР.xlsx',
        dryRun: false,
        conversion: conversion({ results: goodResults(), confirmations: goodConfirmations() }),
        withConfirmation: true,
        confirmedSchools: {},
      },
      loader,
    );
    expect(r).toMatchObject({ ok: true, years: [2023, 2024], schools: 3, results: 12, confirmations: 2 });
    expect(await stored()).toEqual(fromPackage);
    expect(fromPackage.results).toHaveLength(12);
    expect(fromPackage.packs).toBeGreaterThan(0);
    const [imp] = await db.select().from(dataImports);
    expect(imp).toMatchObject({ fileName: 'ВПР.xlsx', years: [2023, 2024], results: 12, confirmations: 2 });
    const events = await db.execute(
      sql`select count(*)::int as n from audit_events where type = 'assessment_data.imported'`,
    );
    expect(Number((events as unknown as { rows: { n: number }[] }).rows[0]?.n)).toBeGreaterThanOrEqual(2);
  });

  it('a table replaces only its (school, year, procedure) rows; ОГЭ after ВПР keeps ВПР and the context', async () => {
    await wipe();
    await importAssessmentData(db, {
      actor: f.as('region'),
      fileName: 'data.zip',
      data: zipOfPackage(GOOD),
      dryRun: false,
    });
    const context = (await db.select({ n: count() }).from(contextValues))[0]?.n;
    const confirmations = (await stored()).confirmations;
    const opts = {
      actor: f.as('region'),
      fileName: 'ВПР-исправленный.xlsx',
      withConfirmation: false,
      confirmedSchools: {},
    };
    // The corrected 2024 table of two schools: one subject less, other marks.
    const corrected = goodResults(5).filter(
      (r) => r.year === 2024 && r.school.code !== 'C3' && r.subject === 'математика',
    );
    const dry = await importAssessmentTable(db, {
      ...opts,
      dryRun: true,
      conversion: conversion({ results: corrected }),
    });
    // Only mathematics of the two schools in 2024 is replaced: Russian (not in the file) stays, and
    // confirmations (no such columns) are not counted.
    expect(dry).toMatchObject({
      ok: true,
      replaced: [{ year: 2024, results: 2, contextValues: 0, confirmations: 0 }],
    });
    expect((await stored()).results).toHaveLength(12);
    await importAssessmentTable(db, {
      ...opts,
      dryRun: false,
      conversion: conversion({ results: corrected }),
    });
    const after = (await stored()).results;
    expect(after).toHaveLength(12);
    const of = (schoolId: string, year: number) =>
      after.filter((r) => r.school === schoolId && r.year === year);
    expect(of(f.S1.id, 2024)).toEqual([
      expect.objectContaining({ subject: 'математика', mark2: 5, mark3: 8 }),
      expect.objectContaining({ subject: 'русский язык', mark2: 3, mark3: 10 }),
    ]);
    expect(of(f.S3.id, 2024)).toHaveLength(2);
    expect(of(f.S1.id, 2023)).toHaveLength(2);
    expect((await stored()).confirmations).toEqual(confirmations);

    const oge: ConvertedResult = {
      row: 4,
      school: school('C1'),
      year: 2024,
      assessment: 'ОГЭ',
      subject: 'математика',
      grade: 9,
      participants: 30,
      mark2: 1,
      mark3: null,
      mark4: null,
      mark5: null,
    };
    const r = await importAssessmentTable(db, {
      ...opts,
      fileName: 'ОГЭ.csv',
      dryRun: false,
      conversion: conversion({ results: [oge] }),
    });
    expect(r.replaced).toEqual([]);
    const withOge = (await stored()).results;
    expect(withOge).toHaveLength(13);
    expect(withOge.find((x) => x.assessment === 'ОГЭ')).toMatchObject({ mark2: 1, mark3: 0, mark5: 0 });
    expect((await db.select({ n: count() }).from(contextValues))[0]?.n).toBe(context);
  });

  it('the scope across subjects, grades and a mixed-assessment file: nothing the file lacks is deleted', async () => {
    await wipe();
    const base = (code: string, assessment: string, subject: string, grade: number): ConvertedResult => ({
      row: 3,
      school: school(code),
      year: 2024,
      assessment,
      subject,
      grade,
      participants: 20,
      mark2: 2,
      mark3: 8,
      mark4: 6,
      mark5: 4,
    });
    const opts = { actor: f.as('region'), withConfirmation: false, confirmedSchools: {} };
    // ВПР математика 5 for C1 and C2; ВПР + ОГЭ for C3.
    await importAssessmentTable(db, {
      ...opts,
      fileName: 'первый.xlsx',
      dryRun: false,
      conversion: conversion({
        results: [
          base('C1', 'ВПР', 'математика', 5),
          base('C2', 'ВПР', 'математика', 5),
          base('C3', 'ВПР', 'математика', 5),
          base('C3', 'ОГЭ', 'математика', 9),
        ],
      }),
    });
    // «ВПР русский 6» of C1: another subject and grade — math 5 stays.
    const russian = conversion({ results: [base('C1', 'ВПР', 'русский язык', 6)] });
    const dry = await importAssessmentTable(db, {
      ...opts,
      fileName: 'рус6.xlsx',
      dryRun: true,
      conversion: russian,
    });
    expect(dry).toMatchObject({ ok: true, replaced: [] });
    await importAssessmentTable(db, { ...opts, fileName: 'рус6.xlsx', dryRun: false, conversion: russian });
    // A mixed file: C2 has ВПР, C1 only ОГЭ — C1 keeps its ВПР; C3 (not in the file) keeps everything.
    const mixed = conversion({
      results: [
        { ...base('C2', 'ВПР', 'математика', 5), mark2: 0, mark3: 10 },
        base('C1', 'ОГЭ', 'математика', 9),
      ],
    });
    const dryMixed = await importAssessmentTable(db, {
      ...opts,
      fileName: 'смесь.xlsx',
      dryRun: true,
      conversion: mixed,
    });
    expect(dryMixed.replaced).toEqual([{ year: 2024, results: 1, contextValues: 0, confirmations: 0 }]);
    const r = await importAssessmentTable(db, {
      ...opts,
      fileName: 'смесь.xlsx',
      dryRun: false,
      conversion: mixed,
    });
    expect(r.replaced).toEqual(dryMixed.replaced);
    const keys = (await stored()).results.map((x) => [x.school, x.assessment, x.subject, x.grade, x.mark2]);
    expect(keys).toHaveLength(6);
    expect(keys).toEqual(
      expect.arrayContaining([
        [f.S1.id, 'ВПР', 'математика', 5, 2],
        [f.S1.id, 'ВПР', 'русский язык', 6, 2],
        [f.S1.id, 'ОГЭ', 'математика', 9, 2],
        [f.S2.id, 'ВПР', 'математика', 5, 0],
        [f.S3.id, 'ВПР', 'математика', 5, 2],
        [f.S3.id, 'ОГЭ', 'математика', 9, 2],
      ]),
    );
  });

  it('a table of confirmation columns only replaces confirmations and keeps the results', async () => {
    await wipe();
    await importAssessmentData(db, {
      actor: f.as('region'),
      fileName: 'data.zip',
      data: zipOfPackage(GOOD),
      dryRun: false,
    });
    const before = await stored();
    const changed = goodConfirmations().map((c) => ({ ...c, lowered: 1, confirmed: 22 }));
    const r = await importAssessmentTable(db, {
      actor: f.as('region'),
      fileName: 'подтверждение.xlsx',
      dryRun: false,
      conversion: conversion({ confirmations: changed }),
      withConfirmation: true,
      confirmedSchools: {},
    });
    expect(r).toMatchObject({ ok: true, results: 0, confirmations: 2 });
    expect(r.replaced).toEqual([{ year: 2024, results: 0, contextValues: 0, confirmations: 2 }]);
    const after = await stored();
    expect(after.results).toEqual(before.results);
    expect(after.confirmations.map((c) => [c.lowered, c.confirmed])).toEqual([
      [1, 22],
      [1, 22],
    ]);
  });
});
