import { asc, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { assessmentProcedures } from '../../db/schema/assessment.js';
import { regionPath } from '../access/region-level.js';
import { lockRegionDataForRead } from '../assessment-data/region-data-lock.js';
import { readResultPacks } from '../assessment-data/result-packs.js';
import { type BulkLoader, type BulkSession, insertLoader } from '../assessment-data/store.js';
import type { DataPackage, School } from '../assessment-data/types.js';
import { forEachRow, literal, type Row, uuidOfKey } from './copy-rows.js';
import type { Methodology } from './methodology.js';
import { FloatColumns, IntColumns, SchoolNumbers } from './package-columns.js';
import { confirmationTable, contextTable, resultTable, yearsOf } from './package-tables.js';

// The region's assessment and context data as a DataPackage for the identification engine. Schools are
// identified in the package by their code (`org_units.code`, the `school_id` of the data files), so that
// ties broken by school_id and every result agree with `npx opora identify` on the same data.
//
// A national region has ~40 000 schools and ~1 million result rows a year. One query per table, side by
// side; with the bulk loader of the opened database each streams its rows as binary COPY (copy-rows.ts),
// read in place into typed-array columns: no object per row, no text to parse, no sort or aggregation on
// the server. Without a loader (tests, small regions) the same queries run as plain SELECTs.

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

/**
 * The package of the region for the options. `bulk`: the loader of the opened database
 * (assessment-data/store.ts), whose sessions read by COPY; by default plain SELECTs through `db`.
 */
export async function loadPackageFromDb(
  db: Db,
  opts: LoadPackageOptions,
  bulk: BulkLoader = insertLoader(db),
): Promise<LoadedPackage> {
  const contextYears = opts.contextYears ?? opts.years;
  const confirmationYears = opts.confirmationYears ?? opts.years;
  const inRegion = (t: string) =>
    `exists (select 1 from org_units o where o.id = ${t}.school_id and o.path like ${literal(`${regionPath(opts.regionId)}%`)})`;
  const numbers = new SchoolNumbers();
  const inYear = opts.schoolsWithDataIn ?? Number.NaN;
  // Stored procedure id → the package's procedure index; filled before any row is read.
  const procedureAt: number[] = [];
  const procedureOf = (id: number) => {
    const p = procedureAt[id];
    if (p === undefined) throw new Error(`Неизвестная процедура ${id}`);
    return p;
  };

  const results = new IntColumns(opts.onlyMark2 ? 5 : 8);
  const addResult = (
    school: number,
    year: number,
    procedureId: number,
    participants: number,
    mark2: number,
    mark3: number,
    mark4: number,
    mark5: number,
  ) => {
    if (year === inYear) numbers.inYear[school] = 1;
    const i = results.add();
    const cols = results.cols;
    (cols[0] as Int32Array)[i] = school;
    (cols[1] as Int32Array)[i] = year;
    (cols[2] as Int32Array)[i] = procedureOf(procedureId);
    (cols[3] as Int32Array)[i] = participants;
    (cols[4] as Int32Array)[i] = mark2;
    if (!opts.onlyMark2) {
      (cols[5] as Int32Array)[i] = mark3;
      (cols[6] as Int32Array)[i] = mark4;
      (cols[7] as Int32Array)[i] = mark5;
    }
  };
  const readResults = async (s: BulkSession) => {
    // Years with a pack (result-packs.ts) come as columns; the others as rows.
    const packs = await readResultPacks(s, opts.regionId, opts.years);
    const keep = opts.pastLowOnly ? canBeLow(opts.pastLowOnly) : () => true;
    for (const [year, pack] of packs) {
      const c = pack.cols;
      for (let k = 0; k < pack.schools.length; k++) {
        const to = pack.start[k + 1] as number;
        let school = -1; // numbered at its first row kept, as a row read would be
        for (let i = pack.start[k] as number; i < to; i++) {
          const participants = c.participants[i] as number;
          const mark2 = c.mark2[i] as number;
          if (!keep(year, participants, mark2)) continue;
          if (school < 0) school = numbers.of(pack.schools[k] as string);
          const procedure = c.procedure_id[i] as number;
          addResult(
            school,
            year,
            procedure,
            participants,
            mark2,
            c.mark3[i] as number,
            c.mark4[i] as number,
            c.mark5[i] as number,
          );
        }
      }
    }
    const rowYears = opts.years.filter((y) => !packs.has(y));
    if (rowYears.length === 0) return;
    const marks = opts.onlyMark2 ? '' : ', r.mark3 as c5, r.mark4 as c6, r.mark5 as c7';
    const low = opts.pastLowOnly ? ` and ${pastLowOnly(opts.pastLowOnly)}` : '';
    const full = !opts.onlyMark2;
    await forEachRow(
      s,
      `select r.school_id as c0, r.year as c1, r.procedure_id as c2, r.participants as c3, r.mark2 as c4${marks}
       from assessment_results r where ${inRegion('r')} and r.year in (${ints(rowYears)})${low}`,
      (row) =>
        addResult(
          numbers.of(row.uuidKey(0)),
          row.int(1),
          row.int(2),
          row.int(3),
          row.int(4),
          full ? row.int(5) : 0,
          full ? row.int(6) : 0,
          full ? row.int(7) : 0,
        ),
    );
  };

  // Context: long rows (school, year, indicator, value) pivoted into one row per school and year.
  const context = new IntColumns(2, 1 << 12);
  let indicators: string[] = opts.indicators ?? [];
  let values = new FloatColumns(indicators.length);
  const readContext = async (s: BulkSession) => {
    indicators = opts.indicators ?? (await storedIndicators(s.db, contextYears, inRegion('c')));
    values = new FloatColumns(indicators.length);
    if (indicators.length === 0) return;
    const names = `array[${indicators.map(literal).join(', ')}]::text[]`;
    const rowOf = new Map<number, number>();
    const years = contextYears.length;
    await forEachRow(
      s,
      // The indicator travels as its position in `indicators` (1-based).
      `select c.school_id as c0, c.year as c1, array_position(${names}, c.indicator) as c2, c.value as c3
       from context_values c
       where ${inRegion('c')} and c.year in (${ints(contextYears)}) and c.indicator = any(${names})`,
      (row) => {
        const school = numbers.of(row.uuidKey(0));
        const year = row.int(1);
        if (year === inYear) numbers.inYear[school] = 1;
        const key = school * years + contextYears.indexOf(year);
        let i = rowOf.get(key);
        if (i === undefined) {
          i = context.add();
          rowOf.set(key, i);
          (context.cols[0] as Int32Array)[i] = school;
          (context.cols[1] as Int32Array)[i] = year;
          values.ensure(i);
        }
        (values.cols[row.int(2) - 1] as Float64Array)[i] = row.float(3);
      },
    );
  };

  const confirmation = new IntColumns(7, 1 << 12);
  const readConfirmation = (s: BulkSession) => {
    const c = confirmation;
    return forEachRow(
      s,
      `select f.school_id as c0, f.year as c1, f.procedure_id as c2, f.participants as c3, f.lowered as c4,
         f.confirmed as c5, f.raised as c6
       from confirmation_results f where ${inRegion('f')} and f.year in (${ints(confirmationYears)})`,
      (row) => {
        const i = c.add();
        const cols = c.cols;
        (cols[0] as Int32Array)[i] = numbers.of(row.uuidKey(0));
        (cols[1] as Int32Array)[i] = row.int(1);
        (cols[2] as Int32Array)[i] = procedureOf(row.int(2));
        for (let k = 3; k < 7; k++) (cols[k] as Int32Array)[i] = row.int(k);
      },
    );
  };

  const procedures = await db.select().from(assessmentProcedures).orderBy(asc(assessmentProcedures.id));
  procedures.forEach((p, i) => {
    procedureAt[p.id] = i;
  });
  // The queries run side by side (on PostgreSQL, on connections of the pool; the embedded database takes
  // them in turn), each under the region's data lock: none reads a package half-written. An import that
  // commits between two of them is newer than the run, which then shows as stale (stale-runs.ts).
  const [schoolRows] = await Promise.all([
    bulk.transaction((s) => readSchools(s, opts.regionId), { readOnly: true }),
    opts.years.length > 0 && read(bulk, opts.regionId, readResults),
    contextYears.length > 0 && read(bulk, opts.regionId, readContext),
    confirmationYears.length > 0 && read(bulk, opts.regionId, readConfirmation),
  ]);

  // The package's schools, in code order: with data in `schoolsWithDataIn` when it is given.
  const schools: School[] = [];
  const orgUnitIdByCode = new Map<string, string>();
  const codeByOrgUnitId = new Map<string, string>();
  const remap = new Int32Array(numbers.size).fill(-1);
  for (const r of schoolRows) {
    const n = numbers.get(r.key);
    if (opts.schoolsWithDataIn !== undefined && (n === undefined || numbers.inYear[n] !== 1)) continue;
    if (n !== undefined) remap[n] = schools.length;
    schools.push(r.school);
    orgUnitIdByCode.set(r.school.id, r.id);
    codeByOrgUnitId.set(r.id, r.school.id);
  }
  // Rows of schools outside the package (without a code, or without data in the year) are dropped.
  const pkg: DataPackage = {
    schools,
    procedures: procedures.map((p) => ({ assessment: p.assessment, subject: p.subject, grade: p.grade })),
    results: resultTable(results.compact(0, remap), opts.onlyMark2 === true),
    context: contextTable(context, values, indicators, remap),
    // As a package without confirmation.csv when no row was read.
    confirmation: confirmation.length > 0 ? confirmationTable(confirmation.compact(0, remap)) : null,
    years: [],
  };
  pkg.years = yearsOf(pkg.results);
  return { pkg, orgUnitIdByCode, codeByOrgUnitId };
}

/** One read of the package's rows in a read-only transaction under the region's data lock. */
function read(bulk: BulkLoader, regionId: string, query: (s: BulkSession) => Promise<void>): Promise<void> {
  return bulk.transaction(
    async (s) => {
      await lockRegionDataForRead(s.db, regionId);
      // The planner guesses a few dozen schools under a path prefix (a region has thousands) and probes
      // the data by index school after school; one scan of the data joined to the region's schools by
      // hash is 2× faster (measured 2.3 → 1.3 s for a national year).
      await s.db.execute(sql`set local enable_nestloop = off`);
      await query(s);
    },
    { readOnly: true },
  );
}

type SchoolRow = { key: string; id: string; school: School };

/** The region's schools with a code, in code order, with their municipality (the parent unit). */
async function readSchools(s: BulkSession, regionId: string): Promise<SchoolRow[]> {
  const out: SchoolRow[] = [];
  // 40 000 rows sorted by code: more than the default 4 MB of memory.
  await s.db.execute(sql`set local work_mem = '64MB'`);
  await forEachRow(
    s,
    `select o.id as c0, o.code as c1, o.name as c2, p.id as c3, p.name as c4, o.is_rural as c5, o.is_small as c6
     from org_units o left join org_units p on p.id = o.parent_id
     where o.kind = 'school' and o.path like ${literal(`${regionPath(regionId)}%`)} and o.code is not null
     order by o.code`,
    (row: Row) => {
      const key = row.uuidKey(0);
      out.push({
        key,
        id: uuidOfKey(key),
        school: {
          id: row.text(1) as string,
          name: row.text(2) ?? '',
          municipalityId: row.isNull(3) ? '' : uuidOfKey(row.uuidKey(3)),
          municipalityName: row.text(4) ?? '',
          rural: !row.isNull(5) && row.bool(5),
          small: !row.isNull(6) && row.bool(6),
        },
      });
    },
  );
  return out;
}

/** Integers for an SQL list (the years of the options). */
function ints(list: number[]): string {
  for (const n of list) if (!Number.isInteger(n)) throw new Error(`Не целое число: ${n}`);
  return list.join(', ');
}

/** The indicators stored for the years, by name. */
async function storedIndicators(db: Db, years: number[], inRegion: string): Promise<string[]> {
  const result = (await db.execute(
    sql.raw(
      `select distinct c.indicator as name from context_values c
       where ${inRegion} and c.year in (${ints(years)}) order by c.indicator`,
    ),
  )) as unknown as { rows: { name: string }[] };
  return result.rows.map((x) => x.name);
}

/**
 * Before the run's year, only the rows that can be low: without the cluster-relative rule, the rules look at
 * past years only through their low procedures (ШНОР of t−1 … t−5). A hair below the threshold is kept:
 * the engine makes the exact comparison. The same condition twice — as SQL for the rows, as a function
 * for the packs — from the one `lowCut`.
 */
function pastLowOnly(p: PastLowOnly): string {
  const { year, minParticipants, share } = lowCut(p);
  return `(r.year = ${year} or (r.participants >= ${minParticipants} and r.mark2::float8 >= ${share}::float8 * r.participants))`;
}

function canBeLow(p: PastLowOnly): (year: number, participants: number, mark2: number) => boolean {
  const { year, minParticipants, share } = lowCut(p);
  return (y, participants, mark2) =>
    y === year || (participants >= minParticipants && mark2 >= share * participants);
}

type PastLowOnly = NonNullable<LoadPackageOptions['pastLowOnly']>;

function lowCut(p: PastLowOnly): PastLowOnly & { share: number } {
  const share = p.lowShare - 1e-9;
  if (!Number.isFinite(share)) throw new Error(`Неверная доля: ${p.lowShare}`);
  ints([p.year, p.minParticipants]);
  return { ...p, share };
}
