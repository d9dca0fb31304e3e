import { and, asc, eq, inArray, isNotNull, like, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias, type PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { assessmentResults, confirmationResults, contextValues } from '../../db/schema/assessment.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { PackageBuilder } from '../assessment-data/package-builder.js';
import type { DataPackage, School } from '../assessment-data/types.js';
import { regionPath } from './identification-access.js';
import type { Methodology } from './methodology.js';

// The region's assessment and context data as a DataPackage for the identification engine. Schools are
// identified in the package by their code (`org_units.code`, the `school_id` of the data files), so that
// ties broken by school_id and every result agree with `npx opora identify` on the same data.
//
// A national region has ~40 000 schools and ~1 million result rows a year: rows are read in chunks of
// schools (the primary keys start with school_id), packed into one text value per chunk (see packedRows),
// straight into the columnar builder that `packageFromRows` uses, so that no array of millions of row
// objects is ever made.

/** Schools per query: 2 000 uuids as parameters, ~250 000 result rows for 5 years. */
const SCHOOL_CHUNK = 2000;

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
    .where(
      and(
        eq(orgUnits.kind, 'school'),
        like(orgUnits.path, `${regionPath(opts.regionId)}%`),
        isNotNull(orgUnits.code),
      ),
    )
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
  const ids = schoolRows.map((r) => r.id);
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += SCHOOL_CHUNK) chunks.push(ids.slice(i, i + SCHOOL_CHUNK));
  const at = (schoolId: string) => indexOf.get(schoolId) as number;

  let row = 0;
  if (opts.years.length > 0) {
    for (const chunk of chunks) {
      const groups = await packedRows(
        db,
        assessmentResults,
        assessmentResults.schoolId,
        [
          assessmentResults.year,
          assessmentResults.grade,
          assessmentResults.participants,
          assessmentResults.mark2,
          assessmentResults.mark3,
          assessmentResults.mark4,
          assessmentResults.mark5,
          assessmentResults.assessment,
          assessmentResults.subject,
        ],
        and(
          inArray(assessmentResults.schoolId, chunk),
          inArray(assessmentResults.year, opts.years),
          opts.pastLowOnly && pastLowOnly(opts.pastLowOnly),
        ) as SQL,
      );
      for (const g of groups) {
        const school = at(g.schoolId);
        for (const f of records(g.packed)) {
          b.addResult(
            school,
            {
              year: Number(f[0]),
              grade: Number(f[1]),
              participants: Number(f[2]),
              mark2: Number(f[3]),
              mark3: Number(f[4]),
              mark4: Number(f[5]),
              mark5: Number(f[6]),
              assessment: f[7] as string,
              subject: f[8] as string,
            },
            ++row,
          );
        }
      }
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
            .innerJoin(orgUnits, eq(orgUnits.id, contextValues.schoolId))
            .where(
              and(
                inArray(contextValues.year, contextYears),
                like(orgUnits.path, `${regionPath(opts.regionId)}%`),
              ),
            )
            .orderBy(asc(contextValues.indicator));
    indicators = names.map((n) => n.name);
  }
  b.setContextIndicators(indicators);
  const column = new Map(indicators.map((name, j) => [name, j]));
  if (contextYears.length > 0 && indicators.length > 0) {
    for (const chunk of chunks) {
      const groups = await packedRows(
        db,
        contextValues,
        contextValues.schoolId,
        [contextValues.year, contextValues.value, contextValues.indicator],
        and(
          inArray(contextValues.schoolId, chunk),
          inArray(contextValues.year, contextYears),
          inArray(contextValues.indicator, indicators),
        ) as SQL,
      );
      // Long rows (school, year, indicator) pivoted into one row per school and year.
      for (const g of groups) {
        const school = at(g.schoolId);
        const byYear = new Map<number, Float64Array>();
        for (const f of records(g.packed)) {
          const year = Number(f[0]);
          let values = byYear.get(year);
          if (!values) {
            values = new Float64Array(indicators.length).fill(Number.NaN);
            byYear.set(year, values);
          }
          const j = column.get(f[2] as string);
          if (j !== undefined) values[j] = Number(f[1]);
        }
        for (const [year, values] of byYear) b.addContext(school, year, values, ++row);
      }
    }
  }

  const confirmationYears = opts.confirmationYears ?? opts.years;
  if (confirmationYears.length > 0) {
    for (const chunk of chunks) {
      const groups = await packedRows(
        db,
        confirmationResults,
        confirmationResults.schoolId,
        [
          confirmationResults.year,
          confirmationResults.grade,
          confirmationResults.participants,
          confirmationResults.lowered,
          confirmationResults.confirmed,
          confirmationResults.raised,
          confirmationResults.assessment,
          confirmationResults.subject,
        ],
        and(
          inArray(confirmationResults.schoolId, chunk),
          inArray(confirmationResults.year, confirmationYears),
        ) as SQL,
      );
      if (groups.length > 0) b.withConfirmation();
      for (const g of groups) {
        const school = at(g.schoolId);
        for (const f of records(g.packed)) {
          b.addConfirmation(
            school,
            {
              year: Number(f[0]),
              grade: Number(f[1]),
              participants: Number(f[2]),
              lowered: Number(f[3]),
              confirmed: Number(f[4]),
              raised: Number(f[5]),
              assessment: f[6] as string,
              subject: f[7] as string,
            },
            ++row,
          );
        }
      }
    }
  }

  return { pkg: b.build(), orgUnitIdByCode, codeByOrgUnitId };
}

// Rows travel as one text value per school: fields joined by U+001F, rows by U+001E (separators that never
// occur in names). Row by row, the embedded database spends ~20 µs a row turning results into objects; one
// string per school is split in JS at a small fraction of that, and PostgreSQL gains too.
const FIELD = '\u001f';
const RECORD = '\u001e';

async function packedRows(
  db: Db,
  table: PgTable,
  school: AnyPgColumn,
  fields: AnyPgColumn[],
  where: SQL,
): Promise<{ schoolId: string; packed: string }[]> {
  return db
    .select({
      schoolId: sql<string>`${school}`,
      packed: sql<string>`string_agg(concat_ws(chr(31), ${sql.join(fields, sql`, `)}), chr(30))`,
    })
    .from(table)
    .where(where)
    .groupBy(school);
}

function records(packed: string): string[][] {
  return packed.split(RECORD).map((rec) => rec.split(FIELD));
}

/**
 * Before the run's year, only the rows that can be low: without the cluster-relative rule, the rules look at
 * past years only through their low procedures (ШНОР of t−1 … t−5). A hair below the threshold is kept:
 * the engine makes the exact comparison.
 */
function pastLowOnly(p: { year: number; minParticipants: number; lowShare: number }): SQL {
  return sql`(${assessmentResults.year} = ${p.year} or (${assessmentResults.participants} >= ${p.minParticipants} and ${assessmentResults.mark2}::float8 >= ${p.lowShare - 1e-9}::float8 * ${assessmentResults.participants}))`;
}
