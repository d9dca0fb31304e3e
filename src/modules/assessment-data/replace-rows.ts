import { and, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  assessmentProcedures,
  assessmentResults,
  confirmationResults,
  contextValues,
} from '../../db/schema/assessment.js';
import type { ReplacedYear } from './import-assessment-data.js';
import type { BulkSession, BulkTable, Cell } from './store.js';
import type { DataPackage, Procedure } from './types.js';

// Which stored rows a package replaces, and the package's rows in the order the bulk loader writes them.

type DataTable = typeof assessmentResults | typeof contextValues | typeof confirmationResults;
export type DataTableName = 'assessment_results' | 'context_values' | 'confirmation_results';

function replacedTables(withConfirmation: boolean) {
  const tables: [keyof Omit<ReplacedYear, 'year'>, DataTable][] = [
    ['results', assessmentResults],
    ['contextValues', contextValues],
  ];
  if (withConfirmation) tables.push(['confirmations', confirmationResults]);
  return tables;
}

/** The rows of the package's schools in its years: one array parameter, whatever the number of schools. */
const replacedRows = (t: DataTable, years: number[], schoolIds: string[]) =>
  and(inArray(t.year, years), sql`${t.schoolId} = any(${sql.param(schoolIds)}::uuid[])`);

async function byYear(
  years: number[],
  withConfirmation: boolean,
  count: (t: DataTable) => Promise<{ year: number; n: number }[]>,
): Promise<ReplacedYear[]> {
  const out = new Map(years.map((y) => [y, { year: y, results: 0, contextValues: 0, confirmations: 0 }]));
  for (const [key, t] of replacedTables(withConfirmation)) {
    for (const r of await count(t)) {
      const y = out.get(Number(r.year));
      if (y) y[key] += Number(r.n);
    }
  }
  return [...out.values()].filter((r) => r.results + r.contextValues + r.confirmations > 0);
}

/** How many stored rows the package would replace, by year. */
export function countExisting(
  db: Db,
  years: number[],
  schoolIds: string[],
  withConfirmation: boolean,
): Promise<ReplacedYear[]> {
  return byYear(years, withConfirmation, (t) =>
    db
      .select({ year: t.year, n: sql<number>`count(*)::int` })
      .from(t)
      .where(replacedRows(t, years, schoolIds))
      .groupBy(t.year),
  );
}

/** The key columns of each data table; the other columns are values. */
const KEY_COLUMNS: Record<DataTableName, string[]> = {
  assessment_results: ['school_id', 'year', 'procedure_id'],
  confirmation_results: ['school_id', 'year', 'procedure_id'],
  context_values: ['school_id', 'year', 'indicator'],
};

/** SQL types of the columns of each data table, in the order of its BulkTable's columns. */
const COLUMN_TYPES: Record<DataTableName, string[]> = {
  assessment_results: ['uuid', 'int', 'int', 'int', 'int', 'int', 'int', 'int'],
  confirmation_results: ['uuid', 'int', 'int', 'int', 'int', 'int', 'int'],
  context_values: ['uuid', 'int', 'text', 'float8'],
};

/**
 * The share (0..1) of an even sample of `t`'s rows already stored exactly as they are: tells a corrected
 * package (most rows the same: merge) from new data for the year (most rows differ: replace).
 */
export async function storedShare(db: Db, t: BulkTable<DataTableName>, sample = 1000): Promise<number> {
  const n = Math.min(sample, t.length);
  if (n === 0) return 0;
  const columns: Cell[][] = t.columns.map(() => []);
  const out: Cell[] = new Array(t.columns.length);
  for (let k = 0; k < n; k++) {
    t.row(Math.floor((k * t.length) / n), out);
    out.forEach((v, j) => {
      columns[j]?.push(v);
    });
  }
  const types = COLUMN_TYPES[t.table];
  const arrays = sql.join(
    columns.map((c, j) => sql`${sql.param(c)}::${sql.raw(types[j] as string)}[]`),
    sql`, `,
  );
  const names = sql.join(
    t.columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  const same = sql.join(
    t.columns.map((c) => sql`i.${sql.identifier(c)} = r.${sql.identifier(c)}`),
    sql` and `,
  );
  const result = await db.execute(
    sql`select count(*)::int as n from unnest(${arrays}) as i(${names}) join ${sql.identifier(t.table)} r on ${same}`,
  );
  // Both drivers return { rows }.
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0) / n;
}

/** Deletes the stored rows of the package's schools and years from one table. */
export async function deleteStored(db: Db, table: DataTableName, years: number[], schoolIds: string[]) {
  const t = {
    assessment_results: assessmentResults,
    context_values: contextValues,
    confirmation_results: confirmationResults,
  }[table];
  await db.delete(t).where(replacedRows(t, years, schoolIds));
}

/**
 * Replaces the stored rows of the package's schools and years in `t.table` with `t`'s rows, writing only
 * what differs. The rows go into a temporary table; one full join with the stored rows finds the rows
 * that are gone, changed or new; only those are deleted and inserted. A corrected package usually
 * differs in a few rows, and deleting and rewriting a national year (≈ 1.5 million rows with their index
 * entries) took longer than comparing it. Returns how many stored rows were deleted and inserted.
 */
export async function mergeRows(
  s: BulkSession,
  t: BulkTable<DataTableName>,
  years: number[],
  schoolIds: string[],
): Promise<{ deleted: number; inserted: number }> {
  const target = sql.identifier(t.table);
  const incoming = sql.identifier(`incoming_${t.table}`);
  const changes = sql.identifier(`changes_${t.table}`);
  const keys = KEY_COLUMNS[t.table];
  const values = t.columns.filter((c) => !keys.includes(c));
  const list = (alias: string, columns: readonly string[]) =>
    sql.join(
      columns.map((c) => sql`${sql.raw(alias)}.${sql.identifier(c)}`),
      sql`, `,
    );
  const sameKey = sql.join(
    keys.map((c) => sql`i.${sql.identifier(c)} = r.${sql.identifier(c)}`),
    sql` and `,
  );
  const firstKey = sql.identifier(keys[0] as string);
  // The join hashes a year of rows (≈ 100 MB): with the default 4 MB it goes to disk in batches.
  await s.db.execute(sql`set local work_mem = '256MB'`);
  await s.db.execute(sql`create temp table ${incoming} (like ${target}) on commit drop`);
  await s.copy(t, { into: `incoming_${t.table}` });
  await s.db.execute(sql`analyze ${incoming}`);
  // `old`: the stored row to delete (gone or changed); the columns of i: the row to insert (new or changed).
  await s.db.execute(
    sql`create temp table ${changes} on commit drop as
        select r.ctid as old, ${list('i', t.columns)}
        from (select ctid, * from ${target}
              where year = any(${sql.param(years)}::int[])
                and school_id = any(${sql.param(schoolIds)}::uuid[])) r
        full join ${incoming} i on ${sameKey}
        where r.ctid is null or i.${firstKey} is null
           or (${list('i', values)}) is distinct from (${list('r', values)})`,
  );
  const count = async (q: ReturnType<typeof sql>) =>
    Number(((await s.db.execute(q)) as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
  const deleted = await count(
    sql`with d as (delete from ${target} r using ${changes} c where r.ctid = c.old returning 1)
        select count(*)::int as n from d`,
  );
  const columns = sql.join(
    t.columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  const inserted = await count(
    sql`with n as (insert into ${target} (${columns}) select ${columns} from ${changes}
          where ${firstKey} is not null returning 1)
        select count(*)::int as n from n`,
  );
  return { deleted, inserted };
}

/**
 * The stored ids of the package's procedures (by the package's procedure index), adding the new ones.
 * Concurrent imports may add the same procedure: the unique key makes the second insert wait and skip.
 */
export async function storedProcedureIds(db: Db, procedures: Procedure[]): Promise<Int32Array> {
  const key = (p: Procedure) => `${p.assessment}\u0000${p.subject}\u0000${p.grade}`;
  const stored = async () =>
    new Map((await db.select().from(assessmentProcedures)).map((p) => [key(p), p.id]));
  let ids = await stored();
  const missing = procedures.filter((p) => !ids.has(key(p)));
  if (missing.length > 0) {
    await db
      .insert(assessmentProcedures)
      .values(missing.map(({ assessment, subject, grade }) => ({ assessment, subject, grade })))
      .onConflictDoNothing();
    ids = await stored();
  }
  return Int32Array.from(procedures, (p) => ids.get(key(p)) as number);
}

/** The leading columns of assessment_results and confirmation_results. */
const PROCEDURE_KEY = ['school_id', 'year', 'procedure_id', 'participants'];

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

/**
 * The package's rows for COPY, with school codes resolved to `org_units.id` (`schoolIds`, by the package's
 * school index) and procedures to their stored ids (`procedureIds`, by the package's procedure index).
 */
export function bulkTables(
  pkg: DataPackage,
  schoolIds: string[],
  procedureIds: Int32Array,
): BulkTable<DataTableName>[] {
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
    table: DataTableName,
    columns: BulkTable['columns'],
    t: ProcedureRows,
    counts: ArrayLike<number>[],
  ): BulkTable<DataTableName> => {
    const order = bySchoolOrder(t.length, t.school, rank);
    return {
      table,
      columns,
      length: t.length,
      row: (n, out) => {
        const i = order[n] as number;
        out[0] = schoolIds[t.school[i] as number] ?? '';
        out[1] = t.year[i] as number;
        out[2] = procedureIds[t.procedure[i] as number] as number;
        out[3] = t.participants[i] as number;
        for (let k = 0; k < counts.length; k++) out[4 + k] = counts[k]?.[i] as number;
        return out;
      },
    };
  };
  const r = pkg.results;
  const results = procedureTable(
    'assessment_results',
    [...PROCEDURE_KEY, 'mark2', 'mark3', 'mark4', 'mark5'],
    r,
    [r.mark2, r.mark3, r.mark4, r.mark5],
  );
  // Context values: one row per present (school, year, indicator) cell.
  const c = pkg.context;
  const k = c.indicators.length;
  const cells: number[] = [];
  for (const i of bySchoolOrder(c.length, c.school, rank)) {
    for (let j = 0; j < k; j++) if (!Number.isNaN(c.values[j]?.[i] ?? Number.NaN)) cells.push(i * k + j);
  }
  const context: BulkTable<DataTableName> = {
    table: 'context_values',
    columns: ['school_id', 'year', 'indicator', 'value'],
    length: cells.length,
    row: (n, out) => {
      const cell = cells[n] as number;
      const i = Math.floor(cell / k);
      const j = cell % k;
      out[0] = schoolIds[c.school[i] as number] ?? '';
      out[1] = c.year[i] as number;
      out[2] = c.indicators[j] ?? '';
      out[3] = c.values[j]?.[i] as number;
      return out;
    },
  };
  const tables = [results, context];
  const f = pkg.confirmation;
  if (f) {
    tables.push(
      procedureTable('confirmation_results', [...PROCEDURE_KEY, 'lowered', 'confirmed', 'raised'], f, [
        f.lowered,
        f.confirmed,
        f.raised,
      ]),
    );
  }
  return tables;
}
