import { and, asc, eq, exists, inArray, isNotNull, like, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias, type PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import {
  assessmentProcedures,
  assessmentResults,
  confirmationResults,
  contextValues,
} from '../../db/schema/assessment.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { regionPath } from '../access/region-level.js';
import { PackageBuilder } from '../assessment-data/package-builder.js';
import { lockRegionDataForRead } from '../assessment-data/region-data-lock.js';
import type { ConfirmationRow, DataPackage, ResultRow, School } from '../assessment-data/types.js';
import type { Methodology } from './methodology.js';

// The region's assessment and context data as a DataPackage for the identification engine. Schools are
// identified in the package by their code (`org_units.code`, the `school_id` of the data files), so that
// ties broken by school_id and every result agree with `npx opora identify` on the same data.
//
// A national region has ~40 000 schools and ~1 million result rows a year: one query per table returns one
// packed text value per school (see packedInts), read straight into the columnar builder that
// `packageFromRows` uses, so that no array of millions of row objects is ever made.

export type LoadedPackage = {
  pkg: DataPackage;
  /** School code (the package's school id) → org unit id, and back. */
  orgUnitIdByCode: Map<string, string>;
  codeByOrgUnitId: Map<string, string>;
};

export type LoadPackageOptions = {
  regionId: string;
  /** Years of assessment results to read. */
  years: number[];
  /** Years of context indicators (default: `years`). */
  contextYears?: number[];
  /** Years of confirmation data (default: `years`). */
  confirmationYears?: number[];
  /** Only these context indicators (default: all stored for the years). */
  indicators?: string[];
  /**
   * Only the schools with results or context values in this year: the schools of that year's package (a
   * run of a year does not judge a school without data for it). Default: every school of the region.
   */
  schoolsWithDataIn?: number;
  /**
   * Marks «3»–«5» left at 0: the identification rules read only the participants and the «2» (a third of
   * the text a national run reads).
   */
  onlyMark2?: boolean;
  /**
   * Results before `year` only where they can be low (participants ≥ minParticipants, mark2 / participants ≥
   * lowShare): what a run needs of past years when the cluster-relative rule is off. See `yearsForRun`.
   */
  pastLowOnly?: { year: number; minParticipants: number; lowShare: number };
};

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * The years a run for `year` needs: results of the year and of the look-back of the history rules
 * (stagnation, repeats, exits; each past year's ШНОР needs the year before it), context of the year
 * (and of the cluster-relative rule's years), confirmation of the year.
 */
export function yearsForRun(
  m: Methodology,
  year: number,
): {
  results: number[];
  context: number[];
  confirmation: number[];
  pastLowOnly?: LoadPackageOptions['pastLowOnly'];
} {
  const lookBack = Math.max(m.stagnationYears - 1, m.repeatWindow[1], 1);
  const cluster = m.clusterRelative.enabled ? m.clusterRelative.consecutiveYears - 1 : 0;
  const oldest = year - lookBack - Math.max(1, cluster);
  return {
    results: range(oldest, year),
    context: m.clusterRelative.enabled ? range(oldest, year) : [year],
    confirmation: [year],
    ...(!m.clusterRelative.enabled && {
      pastLowOnly: { year, minParticipants: m.minParticipants, lowShare: m.lowShareThreshold },
    }),
  };
}

const parent = alias(orgUnits, 'parent');

export async function loadPackageFromDb(db: Db, opts: LoadPackageOptions): Promise<LoadedPackage> {
  const inRegion = like(orgUnits.path, `${regionPath(opts.regionId)}%`);
  const schoolsOf = (t: DataTable) =>
    db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(eq(orgUnits.id, t.schoolId), inRegion));
  const contextYears = opts.contextYears ?? opts.years;
  const confirmationYears = opts.confirmationYears ?? opts.years;
  const r = assessmentResults;
  const c = contextValues;
  const f = confirmationResults;
  // The queries run side by side (on PostgreSQL, on connections of the pool; the embedded database takes
  // them in turn), each under the region's data lock: none reads a package half-written. An import that
  // commits between two of them is newer than the run, which then shows as stale (stale-runs.ts).
  const [schoolRows, procedures, resultGroups, contextGroups, confirmationGroups] = await Promise.all([
    db
      .select({
        id: orgUnits.id,
        code: orgUnits.code,
        name: orgUnits.name,
        municipalityId: parent.id,
        municipalityName: parent.name,
        isRural: orgUnits.isRural,
        isSmall: orgUnits.isSmall,
      })
      .from(orgUnits)
      .leftJoin(parent, eq(parent.id, orgUnits.parentId))
      .where(and(eq(orgUnits.kind, 'school'), inRegion, isNotNull(orgUnits.code)))
      .orderBy(asc(orgUnits.code)),
    db.select().from(assessmentProcedures),
    opts.years.length === 0
      ? []
      : read(db, opts.regionId, (tx) =>
          packed(
            tx,
            r,
            opts.onlyMark2
              ? [r.year, r.procedureId, r.participants, r.mark2]
              : [r.year, r.procedureId, r.participants, r.mark2, r.mark3, r.mark4, r.mark5],
            and(
              exists(schoolsOf(r)),
              inArray(r.year, opts.years),
              opts.pastLowOnly && pastLowOnly(opts.pastLowOnly),
            ) as SQL,
            opts.schoolsWithDataIn,
          ),
        ),
    contextYears.length === 0
      ? { names: opts.indicators ?? [], groups: [] }
      : read(db, opts.regionId, async (tx) => {
          const names =
            opts.indicators ?? (await storedIndicators(tx, c, contextYears, exists(schoolsOf(c))));
          if (names.length === 0) return { names, groups: [] };
          // The indicator travels as its position in `names` (1-based), the value as PostgreSQL prints a
          // float8: the shortest text that reads back to the same number.
          const groups = await packed(
            tx,
            c,
            [c.year, sql`array_position(${sql.param(names)}::text[], ${c.indicator})`, c.value],
            and(
              exists(schoolsOf(c)),
              inArray(c.year, contextYears),
              sql`${c.indicator} = any(${sql.param(names)}::text[])`,
            ) as SQL,
            opts.schoolsWithDataIn,
          );
          return { names, groups };
        }),
    confirmationYears.length === 0
      ? []
      : read(db, opts.regionId, (tx) =>
          packed(
            tx,
            f,
            [f.year, f.procedureId, f.participants, f.lowered, f.confirmed, f.raised],
            and(exists(schoolsOf(f)), inArray(f.year, confirmationYears)) as SQL,
          ),
        ),
  ]);

  const b = new PackageBuilder();
  const orgUnitIdByCode = new Map<string, string>();
  const codeByOrgUnitId = new Map<string, string>();
  const indexOf = new Map<string, number>();
  // The year's package: the schools with results or context values in it.
  const inPackage =
    opts.schoolsWithDataIn === undefined
      ? null
      : new Set([...resultGroups, ...contextGroups.groups].filter((g) => g.inYear).map((g) => g.schoolId));
  for (const s of schoolRows) {
    if (inPackage && !inPackage.has(s.id)) continue;
    const code = s.code as string; // filtered by isNotNull
    const school: School = {
      id: code,
      name: s.name,
      municipalityId: s.municipalityId ?? '',
      municipalityName: s.municipalityName ?? '',
      rural: s.isRural ?? false,
      small: s.isSmall ?? false,
    };
    indexOf.set(s.id, indexOf.size);
    b.addSchool(school, indexOf.size);
    orgUnitIdByCode.set(code, s.id);
    codeByOrgUnitId.set(s.id, code);
  }
  // Stored procedure id → the package's procedure index.
  const procedureAt = new Map(procedures.map((p) => [p.id, b.procedureOf(p)]));
  // Rows of schools outside the package (without data in `schoolsWithDataIn`) are skipped.
  const schoolOf = (id: string) => indexOf.get(id) ?? -1;

  let row = 0;
  const v: Omit<ResultRow, 'schoolId'> = {
    ...NO_PROCEDURE,
    year: 0,
    participants: 0,
    mark2: 0,
    mark3: 0,
    mark4: 0,
    mark5: 0,
  };
  for (const g of resultGroups) {
    const school = schoolOf(g.schoolId);
    if (school < 0) continue;
    forEachTuple(g.packed, opts.onlyMark2 ? 4 : 7, (t) => {
      v.year = t[0] as number;
      v.participants = t[2] as number;
      v.mark2 = t[3] as number;
      v.mark3 = t[4] ?? 0;
      v.mark4 = t[5] ?? 0;
      v.mark5 = t[6] ?? 0;
      b.addResult(school, v, ++row, procedureAt.get(t[1] as number));
    });
  }

  // Long rows (school, year, indicator) pivoted into one row per school and year.
  const indicators = contextGroups.names;
  b.setContextIndicators(indicators);
  for (const g of contextGroups.groups) {
    const school = schoolOf(g.schoolId);
    if (school < 0) continue;
    const byYear = new Map<number, Float64Array>();
    forEachTuple(g.packed, 3, (t) => {
      const year = t[0] as number;
      let values = byYear.get(year);
      if (!values) {
        values = new Float64Array(indicators.length).fill(Number.NaN);
        byYear.set(year, values);
      }
      values[(t[1] as number) - 1] = t[2] as number;
    });
    for (const [year, values] of byYear) b.addContext(school, year, values, ++row);
  }

  if (confirmationGroups.length > 0) b.withConfirmation();
  const w: Omit<ConfirmationRow, 'schoolId'> = {
    ...NO_PROCEDURE,
    year: 0,
    participants: 0,
    lowered: 0,
    confirmed: 0,
    raised: 0,
  };
  for (const g of confirmationGroups) {
    const school = schoolOf(g.schoolId);
    if (school < 0) continue;
    forEachTuple(g.packed, 6, (t) => {
      w.year = t[0] as number;
      w.participants = t[2] as number;
      w.lowered = t[3] as number;
      w.confirmed = t[4] as number;
      w.raised = t[5] as number;
      b.addConfirmation(school, w, ++row, procedureAt.get(t[1] as number));
    });
  }

  // The primary keys of the tables make every (school, year, procedure) unique: no need to check.
  return { pkg: b.build({ keysUnique: true }), orgUnitIdByCode, codeByOrgUnitId };
}

/** One query of the package's rows in a read-only transaction under the region's data lock. */
function read<T>(db: Db, regionId: string, query: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(
    async (tx) => {
      await lockRegionDataForRead(tx as unknown as Db, regionId);
      // Grouping sorts a million rows: with the default 4 MB it spills to disk (measured 2× slower).
      await tx.execute(sql`set local work_mem = '256MB'`);
      // The planner guesses a few dozen schools under a path prefix (a region has thousands) and probes
      // the data by index school after school; one scan of the data joined to the region's schools by
      // hash is 2× faster (measured 2.3 → 1.3 s for a national year).
      await tx.execute(sql`set local enable_nestloop = off`);
      return query(tx as unknown as Db);
    },
    { accessMode: 'read only' },
  );
}

type DataTable = typeof assessmentResults | typeof contextValues | typeof confirmationResults;

/** Rows of the loader name their procedure by index (the fourth argument of addResult), not by these. */
const NO_PROCEDURE = { assessment: '', subject: '', grade: 0 };

// Rows travel as one text value per school, "1,2,3,4,…": row by row, the drivers spend microseconds a
// row turning results into objects (~20 µs in the embedded database); one string per school is scanned in
// JS at a small fraction of that, and PostgreSQL sends a quarter of the bytes. Raw rows (execute), not
// the ORM's row mapping: it costs more than the scan for 40 000 schools.
async function packed(
  db: Db,
  table: PgTable & { schoolId: AnyPgColumn; year: AnyPgColumn },
  fields: (AnyPgColumn | SQL)[],
  where: SQL,
  inYear = 0,
): Promise<Packed[]> {
  const result = await db.execute(
    sql`select ${table.schoolId} as "schoolId",
          string_agg(concat_ws(',', ${sql.join(fields, sql`, `)}), ',') as packed,
          bool_or(${table.year} = ${inYear}) as "inYear"
        from ${table} where ${where} group by ${table.schoolId}`,
  );
  // Both drivers return { rows }.
  return (result as unknown as { rows: Packed[] }).rows;
}

/** A school's rows packed, and whether it has a row in the year asked (`schoolsWithDataIn`). */
type Packed = { schoolId: string; packed: string; inYear: boolean };

/** The indicators stored for the years, by name. */
async function storedIndicators(db: Db, c: typeof contextValues, years: number[], inRegion: SQL) {
  const rows = await db
    .selectDistinct({ name: c.indicator })
    .from(c)
    .where(and(inRegion, inArray(c.year, years)))
    .orderBy(asc(c.indicator));
  return rows.map((x) => x.name);
}

/**
 * Calls `fn` for each `width` numbers of a comma-separated list. Non-negative integers are read digit by
 * digit; anything else (a float8 such as 0.35 or 1e-05) by Number.
 */
function forEachTuple(packed: string, width: number, fn: (values: Float64Array) => void): void {
  const values = new Float64Array(width);
  let k = 0;
  let start = 0;
  let n = 0;
  let integer = true;
  for (let i = 0; i <= packed.length; i++) {
    const ch = i < packed.length ? packed.charCodeAt(i) : 44;
    if (ch === 44) {
      values[k++] = integer ? n : Number(packed.slice(start, i));
      n = 0;
      integer = true;
      start = i + 1;
      if (k === width) {
        fn(values);
        k = 0;
      }
    } else if (ch >= 48 && ch <= 57) {
      n = n * 10 + (ch - 48);
    } else {
      integer = false;
    }
  }
}

/**
 * Before the run's year, only the rows that can be low: without the cluster-relative rule, the rules look at
 * past years only through their low procedures (ШНОР of t−1 … t−5). A hair below the threshold is kept:
 * the engine makes the exact comparison.
 */
function pastLowOnly(p: { year: number; minParticipants: number; lowShare: number }): SQL {
  const r = assessmentResults;
  return sql`(${r.year} = ${p.year} or (${r.participants} >= ${p.minParticipants} and ${r.mark2}::float8 >= ${p.lowShare - 1e-9}::float8 * ${r.participants}))`;
}
