import { eq } from 'drizzle-orm';
import { freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import { TEST_SYSTEM } from '../../../tests/helpers/system.js';
import type { Database, Db } from '../../db/client.js';
import { assessmentResults, confirmationResults, contextValues } from '../../db/schema/assessment.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { jobHandlers } from '../../jobs/handlers.js';
import { drainJobs } from '../../jobs/runner.js';
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
import { createOrgUnit } from '../orgs/org-units.js';
import { listMethodologies } from './methodologies.js';
import { startRun } from './run-identification.js';
import { confirmation, context, fine, result, twoLow } from './test-package.js';

// The setting of the run tests (runs.db.test.ts, runs-access.db.test.ts): a region of 12 schools with data
// designed so that the flags of 2024 are known.

export const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

export async function insertDataRows(
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

export type RunsSetting = {
  database: Database;
  db: Db;
  f: Awaited<ReturnType<typeof buildRegion>>;
  idByCode: Map<string, string>;
  pkg: DataPackage;
  defaultId: string;
};

/** A fresh database of `kind` with the designed schools and their data; the region's default methodology. */
export async function setUpRuns(kind: 'pglite' | 'postgres'): Promise<RunsSetting> {
  const database = await freshDatabase(kind);
  const db = database.db;
  const f = await buildRegion(db);
  const idByCode = new Map<string, string>();
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
  const pkg = packageFromRows({
    schools,
    results: data.results,
    context: data.context,
    confirmation: data.confirmation,
  });
  const ms = await listMethodologies(db, { actor: f.as('region') });
  const defaultId = ms[0]?.id ?? '';
  return { database, db, f, idByCode, pkg, defaultId };
}

/** Starts a run of the year and works its job off; the results are written by COPY here (the loader of the
 *  opened database), as the server does. */
export async function runYear(s: RunsSetting, year: number, methodologyId = s.defaultId) {
  const started = await startRun(s.db, { actor: s.f.as('region'), year, methodologyId });
  await drainJobs(s.db, jobHandlers(bulkLoader(s.database)));
  return started;
}
