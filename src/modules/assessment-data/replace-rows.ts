import { and, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { assessmentResults, confirmationResults, contextValues } from '../../db/schema/assessment.js';
import type { ReplacedYear } from './import-assessment-data.js';
import type { BulkTable } from './store.js';
import { CONFIRMATION_COLUMNS, type DataPackage, RESULT_COLUMNS } from './types.js';

// Which stored rows a package replaces, and the package's rows in the order the bulk loader writes them.

const ID_CHUNK = 10_000;

export function chunks<T>(items: T[], size = ID_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type DataTable = typeof assessmentResults | typeof contextValues | typeof confirmationResults;

function replacedTables(withConfirmation: boolean) {
  const tables: [keyof Omit<ReplacedYear, 'year'>, DataTable][] = [
    ['results', assessmentResults],
    ['contextValues', contextValues],
  ];
  if (withConfirmation) tables.push(['confirmations', confirmationResults]);
  return tables;
}

function collect(
  years: number[],
  add: (f: (year: number, key: keyof Omit<ReplacedYear, 'year'>, n: number) => void) => Promise<void>,
) {
  const byYear = new Map(years.map((y) => [y, { year: y, results: 0, contextValues: 0, confirmations: 0 }]));
  return add((year, key, n) => {
    const r = byYear.get(year);
    if (r) r[key] += n;
  }).then(() => [...byYear.values()].filter((r) => r.results + r.contextValues + r.confirmations > 0));
}

/** How many stored rows the package would replace, by year. */
export function countExisting(
  db: Db,
  years: number[],
  schoolIds: string[],
  withConfirmation: boolean,
): Promise<ReplacedYear[]> {
  if (years.length === 0) return Promise.resolve([]);
  return collect(years, async (add) => {
    for (const [key, t] of replacedTables(withConfirmation)) {
      for (const ids of chunks(schoolIds)) {
        const rows = await db
          .select({ year: t.year, n: sql<number>`count(*)::int` })
          .from(t)
          .where(and(inArray(t.year, years), inArray(t.schoolId, ids)))
          .groupBy(t.year);
        for (const r of rows) add(r.year, key, Number(r.n));
      }
    }
  });
}

/** Deletes the rows the package replaces; returns their numbers by year. */
export function deleteExisting(
  db: Db,
  years: number[],
  schoolIds: string[],
  withConfirmation: boolean,
): Promise<ReplacedYear[]> {
  if (years.length === 0) return Promise.resolve([]);
  return collect(years, async (add) => {
    for (const [key, t] of replacedTables(withConfirmation)) {
      for (const ids of chunks(schoolIds)) {
        const result = await db.execute(
          sql`with d as (delete from ${t} where ${and(inArray(t.year, years), inArray(t.schoolId, ids))}
              returning ${t.year}) select year, count(*)::int as n from d group by year`,
        );
        // Both drivers return { rows }.
        const rows = (result as unknown as { rows: { year: number; n: number }[] }).rows;
        for (const r of rows) add(r.year, key, Number(r.n));
      }
    }
  });
}

/**
 * Row indices grouped by school, schools in the order of their ids: the primary keys start with
 * school_id, so the index grows at its right edge instead of splitting pages all over it (a few times
 * faster). A counting sort: O(rows).
 */
function bySchoolOrder(length: number, school: ArrayLike<number>, rankOfSchool: Int32Array): Int32Array {
  const starts = new Int32Array(rankOfSchool.length + 1);
  for (let i = 0; i < length; i++) {
    const next = (rankOfSchool[school[i] as number] as number) + 1;
    starts[next] = (starts[next] as number) + 1;
  }
  for (let r = 0; r < rankOfSchool.length; r++)
    starts[r + 1] = (starts[r + 1] as number) + (starts[r] as number);
  const order = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    const r = rankOfSchool[school[i] as number] as number;
    order[starts[r] as number] = i;
    starts[r] = (starts[r] as number) + 1;
  }
  return order;
}

/** The package's rows for COPY, with school codes resolved to `org_units.id`. */
export function bulkTables(pkg: DataPackage, schoolIds: string[]): BulkTable[] {
  const procs = pkg.procedures;
  const bySchoolId = schoolIds
    .map((_, i) => i)
    .sort((a, b) => {
      const x = schoolIds[a] as string;
      const y = schoolIds[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  const rank = new Int32Array(schoolIds.length);
  bySchoolId.forEach((school, k) => {
    rank[school] = k;
  });
  type ProcedureRows = {
    length: number;
    school: ArrayLike<number>;
    year: ArrayLike<number>;
    procedure: ArrayLike<number>;
    participants: ArrayLike<number>;
  };
  // Results and confirmations share their key (school, year, procedure) and differ in the counts after it.
  const procedureTable = (
    table: BulkTable['table'],
    columns: BulkTable['columns'],
    t: ProcedureRows,
    counts: ArrayLike<number>[],
  ): BulkTable => {
    const order = bySchoolOrder(t.length, t.school, rank);
    return {
      table,
      columns,
      length: t.length,
      row: (n) => {
        const i = order[n] as number;
        const p = procs[t.procedure[i] as number];
        return [
          schoolIds[t.school[i] as number] ?? '',
          t.year[i] as number,
          p?.assessment ?? '',
          p?.subject ?? '',
          p?.grade ?? 0,
          t.participants[i] as number,
          ...counts.map((c) => c[i] as number),
        ];
      },
    };
  };
  const r = pkg.results;
  const results = procedureTable('assessment_results', RESULT_COLUMNS, r, [
    r.mark2,
    r.mark3,
    r.mark4,
    r.mark5,
  ]);
  // Context values: one row per present (school, year, indicator) cell.
  const c = pkg.context;
  const k = c.indicators.length;
  const cells: number[] = [];
  for (const i of bySchoolOrder(c.length, c.school, rank)) {
    for (let j = 0; j < k; j++) if (!Number.isNaN(c.values[j]?.[i] ?? Number.NaN)) cells.push(i * k + j);
  }
  const context: BulkTable = {
    table: 'context_values',
    columns: ['school_id', 'year', 'indicator', 'value'],
    length: cells.length,
    row: (n) => {
      const cell = cells[n] as number;
      const i = Math.floor(cell / k);
      const j = cell % k;
      return [
        schoolIds[c.school[i] as number] ?? '',
        c.year[i] as number,
        c.indicators[j] ?? '',
        c.values[j]?.[i] as number,
      ];
    },
  };
  const tables = [results, context];
  const f = pkg.confirmation;
  if (f) {
    tables.push(
      procedureTable('confirmation_results', CONFIRMATION_COLUMNS, f, [f.lowered, f.confirmed, f.raised]),
    );
  }
  return tables;
}
