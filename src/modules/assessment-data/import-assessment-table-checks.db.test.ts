import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  codedRegion,
  conversion,
  goodResults,
  school,
  storedData,
  wipeData,
} from '../../../tests/helpers/assessment-table.js';
import { DB_KINDS } from '../../../tests/helpers/db.js';
import type { Database, Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { importAssessmentTable } from './import-assessment-table.js';
import type { ConvertedResult } from './tables/mapping.js';
import { schoolKeyId } from './tables/match-schools.js';

describe.each(DB_KINDS)('import of an assessment table: checks and refusals (%s)', (kind) => {
  const ctx = codedRegion(kind);
  let _database: Database;
  let db: Db;
  let f: typeof ctx.f;
  beforeAll(() => {
    ({ db, f } = ctx);
  });
  const wipe = () => wipeData(db);
  const stored = () => storedData(db);

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

    // The next file naming the school the same way (another legal form, spacing) is not asked again.
    const again = await importAssessmentTable(db, {
      ...opts,
      conversion: conversion({
        results: rows.map((r) =>
          r.school === byName ? { ...r, school: school(null, 'МБОУ СОШ № 3', 'Второй район') } : r,
        ),
      }),
      confirmedSchools: {},
    });
    expect(again).toMatchObject({ ok: true, schools: 3 });
    expect(again.notes.map((n) => n.message)).toContain(
      'По названиям, подтверждённым при прошлых загрузках: школ — 1',
    );
    // The same name in another municipality is another school: asked.
    const elsewhere = await importAssessmentTable(db, {
      ...opts,
      dryRun: true,
      conversion: conversion({
        results: rows.map((r) =>
          r.school === byName ? { ...r, school: school(null, 'СОШ №3', 'Первый район') } : r,
        ),
      }),
      confirmedSchools: {},
    });
    expect(elsewhere.ok).toBe(false);
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

  it('a row skipped as a total that names a school of the region is an error with its row', async () => {
    await wipe();
    await db.update(orgUnits).set({ name: 'Итоговая школа' }).where(eq(orgUnits.id, f.S2.id));
    const opts = {
      actor: f.as('region'),
      fileName: 'итоги.xlsx',
      dryRun: true,
      withConfirmation: false,
      confirmedSchools: {},
    };
    const notes = [
      // A subtotal the converter skipped: no school of the region is called so — only a note.
      {
        row: 2,
        column: null,
        message: 'Строка пропущена: итоговая строка',
        skipped: school(null, 'Итого по району'),
      },
      // A school whose name reads like a total, and a total row that carries a school's code.
      {
        row: 5,
        column: null,
        message: 'Строка пропущена: итоговая строка',
        skipped: school(null, 'Итоговая школа'),
      },
      { row: 6, column: null, message: 'Строка пропущена: итоговая строка', skipped: school('C1', 'Итого') },
    ];
    const r = await importAssessmentTable(db, {
      ...opts,
      conversion: conversion({ results: goodResults().slice(0, 2), notes }),
    });
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.row)).toEqual([5, 6]);
    expect(r.errors[0]?.message).toContain('«Итоговая школа»');
    const clean = await importAssessmentTable(db, {
      ...opts,
      conversion: conversion({ results: goodResults().slice(0, 2), notes: notes.slice(0, 1) }),
    });
    expect(clean).toMatchObject({ ok: true, errors: [] });
    await db.update(orgUnits).set({ name: 'Школа 2' }).where(eq(orgUnits.id, f.S2.id));
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
