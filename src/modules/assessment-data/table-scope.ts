import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { assessmentProcedures, assessmentResults, confirmationResults } from '../../db/schema/assessment.js';
import type { ReplacedYear } from './import-assessment-data.js';
import type { DataPackage } from './types.js';

// What an assessment table replaces: exactly the stored rows with the (school, year, procedure) keys the
// file contains — an upsert. A table is one report of one or a few procedures; a «ВПР русский 6» file
// must not touch «ВПР математика 5», and a school with only ОГЭ in a mixed file keeps its ВПР
// (ADR 0039, import-assessment-table.ts).

/** The distinct keys of the file's rows, as parallel arrays for one `unnest` parameter each. */
type Keys = { school: string[]; year: number[]; assessment: string[]; subject: string[]; grade: number[] };

export type TableScope = {
  results: Keys;
  /** Null: the file has no confirmation columns, its confirmation rows stay. */
  confirmations: Keys | null;
};

function keysOf(
  pkg: DataPackage,
  t: { length: number; school: Int32Array; year: Int32Array; procedure: Int32Array },
): Keys {
  const seen = new Set<string>();
  const out: Keys = { school: [], year: [], assessment: [], subject: [], grade: [] };
  for (let i = 0; i < t.length; i++) {
    const s = t.school[i] as number;
    const y = t.year[i] as number;
    const p = t.procedure[i] as number;
    const key = `${s}/${y}/${p}`;
    const procedure = pkg.procedures[p];
    const id = pkg.schools[s]?.id;
    if (seen.has(key) || !procedure || !id) continue;
    seen.add(key);
    out.school.push(id);
    out.year.push(y);
    out.assessment.push(procedure.assessment);
    out.subject.push(procedure.subject);
    out.grade.push(procedure.grade);
  }
  return out;
}

// A file of only confirmation columns replaces no results, and the other way round.
export function scopeOf(pkg: DataPackage): TableScope {
  return {
    results: keysOf(pkg, pkg.results),
    confirmations: pkg.confirmation ? keysOf(pkg, pkg.confirmation) : null,
  };
}

type ProcedureTable = typeof assessmentResults | typeof confirmationResults;

// The stored rows of `t` whose key is among `k`: arrays, so the query has five parameters whatever the size.
const keyed = (t: ProcedureTable, k: Keys) => sql`
  from ${t}
  join ${assessmentProcedures} p on p.id = ${t.procedureId}
  join unnest(${sql.param(k.school)}::uuid[], ${sql.param(k.year)}::int[], ${sql.param(k.assessment)}::text[],
              ${sql.param(k.subject)}::text[], ${sql.param(k.grade)}::int[])
       as k(school_id, year, assessment, subject, grade)
    on k.school_id = ${t.schoolId} and k.year = ${t.year} and k.assessment = p.assessment
   and k.subject = p.subject and k.grade = p.grade`;

function* parts(scope: TableScope) {
  yield { table: assessmentResults, key: 'results' as const, keys: scope.results };
  if (scope.confirmations)
    yield { table: confirmationResults, key: 'confirmations' as const, keys: scope.confirmations };
}

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/** How many stored rows the table replaces, by year (years with none are left out, as for a package). */
export async function countScope(db: Db, scope: TableScope): Promise<ReplacedYear[]> {
  const out = new Map<number, ReplacedYear>();
  for (const p of parts(scope)) {
    if (p.keys.school.length === 0) continue;
    const counted = rowsOf<{ year: number; n: number }>(
      await db.execute(
        sql`select ${p.table.year} as year, count(*)::int as n ${keyed(p.table, p.keys)} group by ${p.table.year}`,
      ),
    );
    for (const c of counted) {
      const year = Number(c.year);
      const r = out.get(year) ?? { year, results: 0, contextValues: 0, confirmations: 0 };
      r[p.key] += Number(c.n);
      out.set(year, r);
    }
  }
  return [...out.values()].filter((r) => r.results + r.confirmations > 0).sort((a, b) => a.year - b.year);
}

export async function deleteScope(db: Db, scope: TableScope): Promise<void> {
  for (const p of parts(scope)) {
    if (p.keys.school.length === 0) continue;
    await db.execute(
      sql`delete from ${p.table} where ctid in (select ${p.table}.ctid ${keyed(p.table, p.keys)})`,
    );
  }
}
