import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { dataImports } from '../../db/schema/assessment.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { roadmaps, roadmapTargets } from '../../db/schema/roadmaps.js';
import { DEMO_LOADER } from '../access/actor.js';
import { identifyYear } from '../identification/identify.js';
import type { Methodology } from '../identification/methodology.js';
import {
  GENERATED_INDICATORS,
  type GenerateOptions,
  type GivenSchool,
  generatePackage,
  type SupportEffect,
} from './generate.js';
import { type ImportAssessmentResult, importAssessmentPackage } from './import-assessment-data.js';
import { PackageBuilder } from './package-builder.js';
import type { BulkLoader } from './store.js';
import type { DataPackage, Procedure } from './types.js';

// Synthetic assessment data for the demo region: every demo school gets a code (D-0001…, by name and municipality) and a
// deterministic generated package for exactly those schools and years is loaded with the same import
// (one data_imports record). The schools the approved regional ШНОР roadmap is addressed to are
// scripted so that the demo shows every flag: most stay on the list (stagnation), some leave it (exit),
// one or two come back (repeat).

/**
 * The demo's data years: `count` calendar years up to the last one with results. ВПР are written in
 * spring and their results are known by the summer, so the current calendar year has data from July on;
 * before that the last year with data is the previous one (in the 2026/2027 school year: 2023–2026).
 */
export function demoDataYears(today = new Date(), count = 4): number[] {
  const last = today.getMonth() >= 6 ? today.getFullYear() : today.getFullYear() - 1;
  return Array.from({ length: count }, (_, i) => last - count + 1 + i);
}

export const DEMO_DATA_FILE_NAME = 'Синтетические данные оценочных процедур (демо)';

/**
 * Yearly shock of the non-scripted schools' level (the generator's default is 0.2). Larger, a school is
 * low partly by bad luck and regresses to the mean the year after, so the effect page shows the naive
 * before/after above the honest estimate, as in a real region (issue 13 §6). Measured on the demo: 0.2 —
 * too little regression (naive below honest in the default year); 0.35 — naive above honest by 0,04–0,07
 * in every list year, each honest interval containing the planted effect. The scripted targets keep 0.2.
 */
const DEMO_YEAR_SHOCK = 0.35;
const LOW = -3.5;
const NORMAL = 0.3;
/** Written by every school (all have grade 4): the one low procedure of a «one low» year. */
const LINK: Procedure = { assessment: 'ВПР', subject: 'математика', grade: 4 };

type Pattern = 'stay' | 'exit' | 'exitEarlier' | 'repeat';
/** Year by year, the last four years last: L low (ШНОР-like), N ordinary, O one low procedure. */
const PATTERNS: Record<Pattern, string> = {
  stay: 'LLLL',
  exit: 'LLLN',
  exitEarlier: 'LLNN',
  repeat: 'LLOL',
};

/** Pattern of the i-th of n ШНОР targets (in name order): ~60 % stay, ~20 % leave, 1–2 come back. */
export function targetPattern(i: number, n: number): Pattern {
  const repeats = n >= 10 ? 2 : n >= 3 ? 1 : 0;
  const exits = Math.round(n * 0.15);
  const earlier = Math.round(n * 0.1);
  if (i < repeats) return 'repeat';
  if (i < repeats + exits) return 'exit';
  if (i < repeats + exits + earlier) return 'exitEarlier';
  return 'stay';
}

function script(pattern: Pattern, years: number): NonNullable<GivenSchool['script']> {
  const p = PATTERNS[pattern];
  // Years before the last four repeat the pattern's first letter.
  const letters = Array.from({ length: years }, (_, i) => p[Math.max(0, p.length - years + i)] ?? 'L');
  return letters.map((l) =>
    l === 'L' ? { ability: LOW } : l === 'O' ? { ability: NORMAL, forceLow: LINK } : { ability: NORMAL },
  );
}

export type DemoAssessmentData = {
  schools: number;
  targets: number;
  import: ImportAssessmentResult;
};

/**
 * Gives the demo schools of the region codes and loads `years` (consecutive, ascending) of synthetic data
 * for them. Deterministic for a seed. Called by the demo loader after the roadmaps are approved.
 */
export async function loadDemoAssessmentData(
  db: Db,
  opts: { regionId: string; years: number[]; seed: number; planted?: PlantedEffect },
  bulk?: BulkLoader,
): Promise<DemoAssessmentData> {
  const years = [...opts.years].sort((a, b) => a - b);
  const first = years[0];
  const last = years[years.length - 1];
  if (first === undefined || last === undefined || last - first + 1 !== years.length) {
    throw new Error('Годы демо-данных должны идти подряд');
  }
  const parent = alias(orgUnits, 'parent');
  const schools = await db
    .select({
      id: orgUnits.id,
      name: orgUnits.name,
      rural: orgUnits.isRural,
      small: orgUnits.isSmall,
      municipalityId: parent.id,
      municipalityName: parent.name,
    })
    .from(orgUnits)
    .leftJoin(parent, eq(parent.id, orgUnits.parentId))
    .where(
      and(eq(orgUnits.kind, 'school'), eq(orgUnits.isDemo, true), like(orgUnits.path, `/${opts.regionId}/%`)),
    )
    // Names repeat across municipalities; by id the codes (and the data) would differ from run to run.
    .orderBy(asc(orgUnits.name), asc(parent.name));
  const codes = schools.map((_, i) => `D-${String(i + 1).padStart(4, '0')}`);
  await assignCodes(
    db,
    schools.map((s) => s.id),
    codes,
  );

  const targetIds = new Set(
    (
      await db
        .selectDistinct({ id: roadmapTargets.orgUnitId })
        .from(roadmapTargets)
        .innerJoin(roadmaps, eq(roadmaps.id, roadmapTargets.roadmapId))
        .where(
          and(
            eq(roadmaps.orgUnitId, opts.regionId),
            eq(roadmaps.kind, 'shnor_support'),
            eq(roadmaps.status, 'approved'),
          ),
        )
    ).map((r) => r.id),
  );
  const targets = schools.filter((s) => targetIds.has(s.id));
  const given: GivenSchool[] = schools.map((s, i) => {
    const t = targets.indexOf(s);
    const base: GivenSchool = {
      code: codes[i] ?? '',
      name: s.name,
      municipalityId: s.municipalityId ?? opts.regionId,
      municipalityName: s.municipalityName ?? '',
      rural: s.rural ?? false,
      small: s.small ?? false,
    };
    if (t < 0) return base;
    // Enough participants in every procedure for it to count (≥ 5) and for the shares to be stable.
    return {
      ...base,
      pupilsPerGrade: 14 + (i % 9),
      script: script(targetPattern(t, targets.length), years.length),
    };
  });
  const pkg = plantSupportEffect(
    {
      schools: given.length,
      years: years.length,
      seed: opts.seed,
      lastYear: last,
      schoolList: given,
      yearShock: DEMO_YEAR_SHOCK,
    },
    opts.planted,
  );
  const result = await importAssessmentPackage(
    db,
    { actor: DEMO_LOADER, regionId: opts.regionId, fileName: DEMO_DATA_FILE_NAME, dryRun: false, pkg },
    bulk,
  );
  if (!result.ok) {
    const why = result.errors[0]?.message ?? `неизвестные школы: ${result.unknownSchools.length}`;
    throw new Error(`Демо-данные оценочных процедур не загружены: ${why}`);
  }
  // The demo loads in one transaction, and its runs are stamped with the transaction's start (now()):
  // the import's own clock_timestamp() would be later and make every demo run look stale.
  await db
    .update(dataImports)
    .set({ importedAt: sql`now()` })
    .where(and(eq(dataImports.regionId, opts.regionId), eq(dataImports.fileName, DEMO_DATA_FILE_NAME)));
  return { schools: schools.length, targets: targets.length, import: result };
}

/** Codes in one statement; cleared first, so that a re-run with other names cannot collide on the unique index. */
async function assignCodes(db: Db, ids: string[], codes: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.update(orgUnits).set({ code: null }).where(inArray(orgUnits.id, ids));
  for (let start = 0; start < ids.length; start += 1000) {
    const values = ids
      .slice(start, start + 1000)
      .map((id, k) => sql`(${id}::uuid, ${codes[start + k] ?? ''})`);
    await db.execute(
      sql`update org_units set code = v.code from (values ${sql.join(values, sql`, `)}) as v(id, code)
          where org_units.id = v.id`,
    );
  }
}

/**
 * The demo's planted effect of support (issue 13 §6): from T+1 on, every school of list year T gets
 * `effect` added to R (its share of «2» lowered). The effect lasts: a school listed in T−1 and T has +e in T
 * and +2e in T+1, so the change of R from T to T+1 of every school of list T carries exactly +e — a bump
 * of one year only would cancel out for the schools that stay on the list. The lists are made by identification runs on the data, and the
 * data of T+1 decide the list of T+1, so the effect follows the lists year by year: generate → identify T
 * in memory with the methodology the demo will run (past years' lists as approved) → plant in T+1 →
 * generate again → identify T+1 → … The generator's draws do not depend on the effect, so each pass keeps
 * every earlier year exactly, and the runs on the loaded data find the same lists.
 */
export type PlantedEffect = { effect: number; listYears: number[]; methodology: Methodology };

export function plantSupportEffect(options: GenerateOptions, planted?: PlantedEffect): DataPackage {
  let pkg = generateInMemory(options);
  if (!planted) return pkg;
  const effects: SupportEffect[] = [];
  const approvedShnor = new Map<number, Set<string>>();
  for (const year of [...planted.listYears].sort((a, b) => a - b)) {
    const flags = identifyYear(pkg, year, planted.methodology, { approvedShnor }).schools;
    const listed = new Set(pkg.schools.filter((_, s) => flags[s]?.flags.shnor).map((x) => x.id));
    approvedShnor.set(year, listed);
    const bySchool = new Map([...listed].map((id) => [id, planted.effect]));
    for (let y = year + 1; y <= options.lastYear; y++) effects.push({ year: y, bySchool });
    pkg = generateInMemory({ ...options, supportEffect: [...effects] });
  }
  return pkg;
}

/** The generator's rows straight into a package (no files): the same checks as a read package. */
export function generateInMemory(opts: GenerateOptions): DataPackage {
  const b = new PackageBuilder();
  let schoolRow = 1;
  let resultRow = 1;
  let contextRow = 1;
  let confirmationRow = 1;
  const num = (v: string | number | undefined) => (typeof v === 'number' ? v : Number(v));
  let contextStarted = false;
  b.withConfirmation();
  const schoolIndex = (
    id: string | number | undefined,
    file: 'results' | 'context' | 'confirmation',
    row: number,
  ) => b.schoolOf(file, row, String(id));
  generatePackage(opts, {
    school: (c) => {
      schoolRow++;
      b.addSchool(
        {
          id: String(c[0]),
          name: String(c[1]),
          municipalityId: String(c[2]),
          municipalityName: String(c[3]),
          rural: c[4] === 1,
          small: c[5] === 1,
        },
        schoolRow,
      );
    },
    result: (c) => {
      resultRow++;
      const school = schoolIndex(c[0], 'results', resultRow);
      if (school < 0) return;
      b.addResult(
        school,
        {
          year: num(c[1]),
          assessment: String(c[2]),
          subject: String(c[3]),
          grade: num(c[4]),
          participants: num(c[5]),
          mark2: num(c[6]),
          mark3: num(c[7]),
          mark4: num(c[8]),
          mark5: num(c[9]),
        },
        resultRow,
      );
    },
    context: (c) => {
      if (!contextStarted) {
        contextStarted = true;
        b.setContextIndicators([...GENERATED_INDICATORS]);
      }
      contextRow++;
      const school = schoolIndex(c[0], 'context', contextRow);
      if (school < 0) return;
      const values = c.slice(2).map((v) => (v === '' ? Number.NaN : num(v)));
      b.addContext(school, num(c[1]), values, contextRow);
    },
    confirmation: (c) => {
      confirmationRow++;
      const school = schoolIndex(c[0], 'confirmation', confirmationRow);
      if (school < 0) return;
      b.addConfirmation(
        school,
        {
          year: num(c[1]),
          assessment: String(c[2]),
          subject: String(c[3]),
          grade: num(c[4]),
          participants: num(c[5]),
          lowered: num(c[6]),
          confirmed: num(c[7]),
          raised: num(c[8]),
        },
        confirmationRow,
      );
    },
  });
  if (!contextStarted) b.setContextIndicators([...GENERATED_INDICATORS]);
  return b.build();
}
