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
import { PackageBuilder } from '../assessment-data/package-builder.js';
import { lockRegionDataForRead } from '../assessment-data/region-data-lock.js';
import type { ConfirmationRow, DataPackage, ResultRow, School } from '../assessment-data/types.js';
import { regionPath } from './identification-access.js';
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
  // Under the region's data lock (taken first in `load`) no import of the region commits until the
  // queries are done: a package is read whole, as of one import.
  return db.transaction((tx) => load(tx as unknown as Db, opts), { accessMode: 'read only' });
}

async function load(db: Db, opts: LoadPackageOptions): Promise<LoadedPackage> {
  await lockRegionDataForRead(db, opts.regionId);
  // The grouping below sorts a million rows: with the default 4 MB it spills to disk (measured 2× slower).
  await db.execute(sql`set local work_mem = '256MB'`);
  const inRegion = like(orgUnits.path, `${regionPath(opts.regionId)}%`);
  const schoolRows = await db
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
    .orderBy(asc(orgUnits.code));

  const b = new PackageBuilder();
  const orgUnitIdByCode = new Map<string, string>();
  const codeByOrgUnitId = new Map<string, string>();
  const indexOf = new Map<string, number>();
  for (const r of schoolRows) {
    const code = r.code as string; // filtered by isNotNull
    const school: School = {
      id: code,
      name: r.name,
      municipalityId: r.municipalityId ?? '',
      municipalityName: r.municipalityName ?? '',
      rural: r.isRural ?? false,
      small: r.isSmall ?? false,
    };
    indexOf.set(r.id, indexOf.size);
    b.addSchool(school, indexOf.size);
    orgUnitIdByCode.set(code, r.id);
    codeByOrgUnitId.set(r.id, code);
  }
  // Stored procedure id → the package's procedure index.
  const procedures = await db.select().from(assessmentProcedures);
  const procedureAt = new Map(procedures.map((p) => [p.id, b.procedureOf(p)]));
  const schoolsOf = (t: DataTable) =>
    db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(eq(orgUnits.id, t.schoolId), inRegion));

  let row = 0;
  if (opts.years.length > 0) {
    const r = assessmentResults;
    const groups = await packedInts(
      db,
      r,
      [r.year, r.procedureId, r.participants, r.mark2, r.mark3, r.mark4, r.mark5],
      and(
        exists(schoolsOf(r)),
        inArray(r.year, opts.years),
        opts.pastLowOnly && pastLowOnly(opts.pastLowOnly),
      ) as SQL,
    );
    const v: Omit<ResultRow, 'schoolId'> = {
      ...NO_PROCEDURE,
      year: 0,
      participants: 0,
      mark2: 0,
      mark3: 0,
      mark4: 0,
      mark5: 0,
    };
    for (const g of groups) {
      const school = indexOf.get(g.schoolId) as number;
      forEachTuple(g.packed, 7, (f) => {
        v.year = f[0] as number;
        v.participants = f[2] as number;
        v.mark2 = f[3] as number;
        v.mark3 = f[4] as number;
        v.mark4 = f[5] as number;
        v.mark5 = f[6] as number;
        b.addResult(school, v, ++row, procedureAt.get(f[1] as number));
      });
    }
  }

  const contextYears = opts.contextYears ?? opts.years;
  let indicators = opts.indicators;
  if (!indicators) {
    const names =
      contextYears.length === 0
        ? []
        : await db
            .selectDistinct({ name: contextValues.indicator })
            .from(contextValues)
            .where(and(exists(schoolsOf(contextValues)), inArray(contextValues.year, contextYears)))
            .orderBy(asc(contextValues.indicator));
    indicators = names.map((n) => n.name);
  }
  b.setContextIndicators(indicators);
  const column = new Map(indicators.map((name, j) => [name, j]));
  if (contextYears.length > 0 && indicators.length > 0) {
    const c = contextValues;
    const groups = await db
      .select({
        schoolId: sql<string>`${c.schoolId}`,
        packed: sql<string>`string_agg(concat_ws(chr(31), ${c.year}, ${c.value}, ${c.indicator}), chr(30))`,
      })
      .from(c)
      .where(
        and(exists(schoolsOf(c)), inArray(c.year, contextYears), inArray(c.indicator, indicators)) as SQL,
      )
      .groupBy(c.schoolId);
    // Long rows (school, year, indicator) pivoted into one row per school and year. Fields are joined by
    // U+001F, rows by U+001E: separators that never occur in indicator names.
    for (const g of groups) {
      const school = indexOf.get(g.schoolId) as number;
      const byYear = new Map<number, Float64Array>();
      for (const rec of g.packed.split('\u001e')) {
        const [year, value, indicator] = rec.split('\u001f');
        let values = byYear.get(Number(year));
        if (!values) {
          values = new Float64Array(indicators.length).fill(Number.NaN);
          byYear.set(Number(year), values);
        }
        const j = column.get(indicator as string);
        if (j !== undefined) values[j] = Number(value);
      }
      for (const [year, values] of byYear) b.addContext(school, year, values, ++row);
    }
  }

  const confirmationYears = opts.confirmationYears ?? opts.years;
  if (confirmationYears.length > 0) {
    const f = confirmationResults;
    const groups = await packedInts(
      db,
      f,
      [f.year, f.procedureId, f.participants, f.lowered, f.confirmed, f.raised],
      and(exists(schoolsOf(f)), inArray(f.year, confirmationYears)) as SQL,
    );
    if (groups.length > 0) b.withConfirmation();
    const v: Omit<ConfirmationRow, 'schoolId'> = {
      ...NO_PROCEDURE,
      year: 0,
      participants: 0,
      lowered: 0,
      confirmed: 0,
      raised: 0,
    };
    for (const g of groups) {
      const school = indexOf.get(g.schoolId) as number;
      forEachTuple(g.packed, 6, (t) => {
        v.year = t[0] as number;
        v.participants = t[2] as number;
        v.lowered = t[3] as number;
        v.confirmed = t[4] as number;
        v.raised = t[5] as number;
        b.addConfirmation(school, v, ++row, procedureAt.get(t[1] as number));
      });
    }
  }

  return { pkg: b.build(), orgUnitIdByCode, codeByOrgUnitId };
}

type DataTable = typeof assessmentResults | typeof contextValues | typeof confirmationResults;

/** Rows of the loader name their procedure by index (the fourth argument of addResult), not by these. */
const NO_PROCEDURE = { assessment: '', subject: '', grade: 0 };

// Integer rows travel as one text value per school, "1,2,3,4,…": row by row, the drivers spend
// microseconds a row turning results into objects (~20 µs in the embedded database); one string per school
// is scanned in JS at a small fraction of that, and PostgreSQL sends a quarter of the bytes.
function packedInts(
  db: Db,
  table: PgTable & { schoolId: AnyPgColumn },
  fields: AnyPgColumn[],
  where: SQL,
): Promise<{ schoolId: string; packed: string }[]> {
  return db
    .select({
      schoolId: sql<string>`${table.schoolId}`,
      packed: sql<string>`string_agg(concat_ws(',', ${sql.join(fields, sql`, `)}), ',')`,
    })
    .from(table)
    .where(where)
    .groupBy(table.schoolId);
}

/** Calls `fn` for each `width` integers of a comma-separated list of non-negative integers. */
function forEachTuple(packed: string, width: number, fn: (values: Int32Array) => void): void {
  const values = new Int32Array(width);
  let k = 0;
  let n = 0;
  for (let i = 0; i <= packed.length; i++) {
    const c = i < packed.length ? packed.charCodeAt(i) : 44;
    if (c === 44) {
      values[k++] = n;
      n = 0;
      if (k === width) {
        fn(values);
        k = 0;
      }
    } else {
      n = n * 10 + (c - 48);
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
