import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { assessmentProcedures, assessmentResults, confirmationResults } from '../../db/schema/assessment.js';
import type { ReplacedYear } from './import-assessment-data.js';
import type { DataPackage } from './types.js';

// What an assessment table replaces: for each year of the file, the stored rows of the file's schools
// for the assessments (ВПР, ОГЭ…) the file has in that year — never another assessment, school or the
// context data (import-assessment-table.ts).

/** Year → the assessments the file has in it, for results and for confirmation rows apart. */
export type TableScope = {
  results: Map<number, string[]>;
  /** Null: the file has no confirmation columns, its confirmation rows stay. */
  confirmations: Map<number, string[]> | null;
};

function byYear(pkg: DataPackage, t: { length: number; year: Int32Array; procedure: Int32Array }) {
  const out = new Map<number, Set<string>>();
  for (let i = 0; i < t.length; i++) {
    const y = t.year[i] as number;
    const a = pkg.procedures[t.procedure[i] as number]?.assessment ?? '';
    out.set(y, (out.get(y) ?? new Set()).add(a));
  }
  return new Map([...out].sort(([a], [b]) => a - b).map(([y, s]) => [y, [...s]]));
}

// A file of only confirmation columns replaces no results, and the other way round.
export function scopeOf(pkg: DataPackage): TableScope {
  return {
    results: byYear(pkg, pkg.results),
    confirmations: pkg.confirmation ? byYear(pkg, pkg.confirmation) : null,
  };
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

function* parts(scope: TableScope) {
  for (const [year, assessments] of scope.results)
    yield { table: assessmentResults, key: 'results' as const, year, assessments };
  for (const [year, assessments] of scope.confirmations ?? [])
    yield { table: confirmationResults, key: 'confirmations' as const, year, assessments };
}

/** How many stored rows the table replaces, by year (years with none are left out, as for a package). */
export async function countScope(db: Db, scope: TableScope, schoolIds: string[]): Promise<ReplacedYear[]> {
  const out = new Map<number, ReplacedYear>();
  for (const p of parts(scope)) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(p.table)
      .where(inScope(p.table, p.year, p.assessments, schoolIds));
    const r = out.get(p.year) ?? { year: p.year, results: 0, contextValues: 0, confirmations: 0 };
    r[p.key] += Number(row?.n ?? 0);
    out.set(p.year, r);
  }
  return [...out.values()].filter((r) => r.results + r.confirmations > 0).sort((a, b) => a.year - b.year);
}

export async function deleteScope(db: Db, scope: TableScope, schoolIds: string[]): Promise<void> {
  for (const p of parts(scope))
    await db.delete(p.table).where(inScope(p.table, p.year, p.assessments, schoolIds));
}
