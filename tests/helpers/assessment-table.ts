import { asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import type { Database, Db } from '../../src/db/client.js';
import {
  assessmentPacks,
  assessmentProcedures,
  assessmentResults,
  confirmationResults,
  contextValues,
  dataImports,
} from '../../src/db/schema/assessment.js';
import { schoolNameConfirmations } from '../../src/db/schema/assessment-tables.js';
import { orgUnits } from '../../src/db/schema/orgs.js';
import type {
  ConvertedConfirmation,
  ConvertedResult,
  TableConversion,
} from '../../src/modules/assessment-data/tables/mapping.js';
import { freshDatabase } from './db.js';
import { buildRegion } from './fixture.js';

// The setting of the table import's domain tests (import-assessment-table*.db.test.ts): the test region
// with school codes C1–C3, GOOD's rows as a converted table, and the stored rows read back comparably.

export const school = (
  code: string | null,
  name: string | null = null,
  municipality: string | null = null,
) => ({
  code,
  login: null,
  name,
  municipality,
});

/** GOOD's results (ВПР, grade 5, two subjects, 3 schools, 2023–2024) as converted table rows. */
export function goodResults(mark2 = 3): ConvertedResult[] {
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
export const goodConfirmations = (): ConvertedConfirmation[] =>
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
export const conversion = (c: Partial<TableConversion>): TableConversion => ({
  results: [],
  confirmations: [],
  notes: [],
  errors: [],
  ...c,
});

/** Opens a fresh database of `kind` with the coded test region before the suite and closes it after. */
export function codedRegion(kind: 'pglite' | 'postgres') {
  const ctx = {} as { database: Database; db: Db; f: Awaited<ReturnType<typeof buildRegion>> };
  beforeAll(async () => {
    ctx.database = await freshDatabase(kind);
    ctx.db = ctx.database.db;
    ctx.f = await buildRegion(ctx.db);
    for (const [s, code] of [
      [ctx.f.S1, 'C1'],
      [ctx.f.S2, 'C2'],
      [ctx.f.S3, 'C3'],
    ] as const) {
      await ctx.db.update(orgUnits).set({ code }).where(eq(orgUnits.id, s.id));
    }
  });
  afterAll(async () => {
    await ctx.database.close();
  });
  return ctx;
}

export async function wipeData(db: Db) {
  for (const t of [
    assessmentResults,
    contextValues,
    confirmationResults,
    dataImports,
    assessmentPacks,
    schoolNameConfirmations,
  ]) {
    await db.delete(t);
  }
}

/** The stored rows with procedures by name: comparable across imports that numbered procedures apart. */
export async function storedData(db: Db) {
  return {
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
  };
}
