import { asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD, zipOfPackage } from '../../../tests/helpers/data-package.js';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database, Db } from '../../db/client.js';
import {
  assessmentPacks,
  assessmentProcedures,
  assessmentResults,
  confirmationResults,
  contextValues,
  dataImports,
} from '../../db/schema/assessment.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { importAssessmentData } from './import-assessment-data.js';
import { importAssessmentTable } from './import-assessment-table.js';
import { bulkLoader } from './store.js';
import type { ConvertedConfirmation, ConvertedResult, TableConversion } from './tables/mapping.js';
import { schoolKeyId } from './tables/match-schools.js';

const school = (code: string | null, name: string | null = null, municipality: string | null = null) => ({
  code,
  login: null,
  name,
  municipality,
});

/** GOOD's results (ВПР, grade 5, two subjects, 3 schools, 2023–2024) as converted table rows. */
function goodResults(mark2 = 3): ConvertedResult[] {
  const out: ConvertedResult[] = [];
  let row = 3;
  for (const year of [2023, 2024]) {
    for (const code of ['C1', 'C2', 'C3']) {
      for (const subject of ['русский язык', 'математика']) {
        out.push({
          row: row++,
          school: school(code),
          year,
          assessment: 'ВПР',
          subject,
          grade: 5,
          participants: 25,
          mark2,
          mark3: 13 - mark2,
          mark4: 8,
          mark5: 4,
        });
      }
    }
  }
  return out;
}
const goodConfirmations = (): ConvertedConfirmation[] =>
  ['C1', 'C2'].map((code, i) => ({
    row: 20 + i,
    school: school(code),
    year: 2024,
    assessment: 'ВПР',
    subject: 'математика',
    grade: 5,
    participants: 25,
    lowered: 5,
    confirmed: 18,
    raised: 2,
  }));
const conversion = (c: Partial<TableConversion>): TableConversion => ({
  results: [],
  confirmations: [],
  notes: [],
  errors: [],
  ...c,
});

describe.each(DB_KINDS)('import of an assessment table (%s)', (kind) => {
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
    for (const t of [assessmentResults, contextValues, confirmationResults, dataImports, assessmentPacks]) {
      await db.delete(t);
    }
  };
  /** The stored rows with procedures by name: comparable across imports that numbered procedures apart. */
  const stored = async () => ({
    results: await db
      .select({
        school: assessmentResults.schoolId,
        year: assessmentResults.year,
        assessment: assessmentProcedures.assessment,
        subject: assessmentProcedures.subject,
        grade: assessmentProcedures.grade,
        participants: assessmentResults.participants,
        mark2: assessmentResults.mark2,
        mark3: assessmentResults.mark3,
        mark4: assessmentResults.mark4,
        mark5: assessmentResults.mark5,
      })
      .from(assessmentResults)
      .innerJoin(assessmentProcedures, eq(assessmentProcedures.id, assessmentResults.procedureId))
      .orderBy(
        asc(assessmentResults.schoolId),
        asc(assessmentResults.year),
        asc(assessmentProcedures.assessment),
        asc(assessmentProcedures.subject),
      ),
    confirmations: await db
      .select({
        school: confirmationResults.schoolId,
        year: confirmationResults.year,
        procedure: confirmationResults.procedureId,
        participants: confirmationResults.participants,
        lowered: confirmationResults.lowered,
        confirmed: confirmationResults.confirmed,
        raised: confirmationResults.raised,
      })
      .from(confirmationResults)
      .orderBy(asc(confirmationResults.schoolId), asc(confirmationResults.procedureId)),
    packs: (await db.select({ n: count() }).from(assessmentPacks))[0]?.n ?? 0,
  });

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

  it('writes nothing while a school matched by name is unconfirmed; loads it once confirmed', async () => {
    await wipe();
    await db.update(orgUnits).set({ name: 'МБОУ «СОШ № 3»' }).where(eq(orgUnits.id, f.S3.id));
    const byName = school(null, 'СОШ №3', 'Второй район');
    const rows = goodResults()
      .filter((r) => r.year === 2024)
      .map((r) => (r.school.code === 'C3' ? { ...r, school: byName } : r));
    const opts = {
      actor: f.as('region'),
      fileName: 'по-названиям.xlsx',
      dryRun: false,
      conversion: conversion({
        results: rows,
        notes: [{ row: 2, column: null, message: 'Пропущена строка «Район»' }],
      }),
      withConfirmation: false,
    };
    const pending = await importAssessmentTable(db, { ...opts, confirmedSchools: {} });
    expect(pending.ok).toBe(false);
    expect(pending.unknownSchools).toEqual([
      { code: 'СОШ №3, Второй район', name: expect.stringContaining('Подтвердите') },
    ]);
    expect((await stored()).results).toHaveLength(0);
    // Another region's school or a made-up id is not a confirmation.
    const foreign = await importAssessmentTable(db, {
      ...opts,
      confirmedSchools: { [schoolKeyId(byName)]: f.M1.id },
    });
    expect(foreign.ok).toBe(false);
    const done = await importAssessmentTable(db, {
      ...opts,
      confirmedSchools: { [schoolKeyId(byName)]: f.S3.id },
    });
    expect(done).toMatchObject({ ok: true, schools: 3, results: 6 });
    expect(done.notes).toEqual([{ row: 2, column: null, message: 'Пропущена строка «Район»' }]);
    expect((await stored()).results.filter((r) => r.school === f.S3.id)).toHaveLength(2);
  });

  it('reports the converter’s and the package’s row errors with the file’s row numbers', async () => {
    await wipe();
    const [first, second] = goodResults();
    const bad = { ...(first as ConvertedResult), mark2: 30 };
    const r = await importAssessmentTable(db, {
      actor: f.as('region'),
      fileName: 't.xlsx',
      dryRun: false,
      conversion: conversion({ results: [bad, second as ConvertedResult] }),
      withConfirmation: false,
      confirmedSchools: {},
    });
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([
      { file: 't.xlsx', row: 3, column: 'mark2', message: expect.stringContaining('30') },
    ]);
    const conv = await importAssessmentTable(db, {
      actor: f.as('region'),
      fileName: 't.xlsx',
      dryRun: true,
      conversion: conversion({ errors: [{ row: 7, column: '% 2', message: 'Проценты не сходятся' }] }),
      withConfirmation: false,
      confirmedSchools: {},
    });
    expect(conv.errors).toEqual([{ file: 't.xlsx', row: 7, column: '% 2', message: 'Проценты не сходятся' }]);
    expect((await stored()).results).toHaveLength(0);
  });

  it('is refused to a municipal coordinator', async () => {
    await expect(
      importAssessmentTable(db, {
        actor: f.as('mun1'),
        fileName: 't.xlsx',
        dryRun: true,
        conversion: conversion({ results: goodResults() }),
        withConfirmation: false,
        confirmedSchools: {},
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
