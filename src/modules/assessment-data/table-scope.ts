import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { assessmentProcedures, assessmentResults, confirmationResults } from '../../db/schema/assessment.js';
import type { ReplacedYear } from './import-assessment-data.js';
import type { DataPackage } from './types.js';

// What an assessment table replaces: for each year of the file, the stored rows of the file's schools
// for the assessments (ВПР, ОГЭ…) the file has in that year — never another assessment, school or the
// context data (import-assessment-table.ts).

/** Year → the assessments the file has in it. */
export type TableScope = Map<number, string[]>;

export function scopeOf(pkg: DataPackage): TableScope {
  const byYear = new Map<number, Set<string>>();
  const add = (t: { length: number; year: Int32Array; procedure: Int32Array }) => {
    for (let i = 0; i < t.length; i++) {
      const y = t.year[i] as number;
      const a = pkg.procedures[t.procedure[i] as number]?.assessment ?? '';
      byYear.set(y, (byYear.get(y) ?? new Set()).add(a));
    }
  };
  add(pkg.results);
  if (pkg.confirmation) add(pkg.confirmation);
  return new Map([...byYear].sort(([a], [b]) => a - b).map(([y, s]) => [y, [...s]]));
}

type ProcedureTable = typeof assessmentResults | typeof confirmationResults;

const inScope = (t: ProcedureTable, year: number, assessments: string[], schoolIds: string[]) =>
  and(
    eq(t.year, year),
    sql`${t.schoolId} = any(${sql.param(schoolIds)}::uuid[])`,
    inArray(
      t.procedureId,
      sql`(select ${assessmentProcedures.id} from ${assessmentProcedures} where ${inArray(assessmentProcedures.assessment, assessments)})`,
    ),
  );

const tables = (withConfirmation: boolean): [ProcedureTable, 'results' | 'confirmations'][] =>
  withConfirmation
    ? [
        [assessmentResults, 'results'],
        [confirmationResults, 'confirmations'],
      ]
    : [[assessmentResults, 'results']];

/** How many stored rows the table replaces, by year (years with none are left out, as for a package). */
export async function countScope(
  db: Db,
  scope: TableScope,
  schoolIds: string[],
  withConfirmation: boolean,
): Promise<ReplacedYear[]> {
  const out: ReplacedYear[] = [];
  for (const [year, assessments] of scope) {
    const r = { year, results: 0, contextValues: 0, confirmations: 0 };
    for (const [t, key] of tables(withConfirmation)) {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(t)
        .where(inScope(t, year, assessments, schoolIds));
      r[key] = Number(row?.n ?? 0);
    }
    if (r.results + r.confirmations > 0) out.push(r);
  }
  return out;
}

export async function deleteScope(
  db: Db,
  scope: TableScope,
  schoolIds: string[],
  withConfirmation: boolean,
): Promise<void> {
  for (const [year, assessments] of scope) {
    for (const [t] of tables(withConfirmation))
      await db.delete(t).where(inScope(t, year, assessments, schoolIds));
  }
}
