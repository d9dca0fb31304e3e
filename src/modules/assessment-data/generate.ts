import { pickVillages } from '../demo/demo-names.js';
import { createRng, type Rng } from '../demo/demo-random.js';
import { DIFFICULTY, DISTRICT_ROOTS, EGE, OGE, TOWN_ROOTS, VPR } from './generate-catalogue.js';
import type { Procedure } from './types.js';

// A deterministic synthetic package for the demo and benchmarks: the same options give the same rows.
// Structure after real regions: municipalities of ~17 schools (towns and districts), rural and small
// schools, ВПР in grades 4–8, ОГЭ in grade 9 and ЕГЭ in grade 11 where the school has those levels,
// context indicators that go with the results, schools that stay low, improve or decline over the years,
// confirmation of ВПР marks for a part of the schools. Nothing here is real data.

export type GenerateOptions = {
  schools: number;
  years: number;
  seed: number;
  /** The last year of data (default in the CLI: the current year − 1). */
  lastYear: number;
  /**
   * Generate for these schools (the demo: schools that exist in the database) instead of inventing
   * `schools` of them; municipalities, names and the rural/small flags are taken as given.
   */
  schoolList?: GivenSchool[];
  /**
   * Planted effects of support (the effect estimator's tests, src/modules/effect; the demo, one per past
   * approved list): in `year`, the share of «2» of every procedure of each listed school is lowered by its
   * number, so its R rises by about that much. Only the expected share changes, not the draws: the other
   * years and schools come out the same, and a school in two entries of one year gets the sum.
   */
  supportEffect?: readonly SupportEffect[];
  /**
   * Standard deviation of a school's yearly shock of the latent level (default 0.2). Larger: results
   * that jump from year to year and regress to the mean strongly (tests of the effect estimator, the demo).
   * Not for scripted schools: they keep the default, so that their flags stay as scripted.
   */
  yearShock?: number;
};

export type SupportEffect = { year: number; bySchool: ReadonlyMap<string, number> };

/** A school the data are generated for; `script` fixes its results year by year. */
export type GivenSchool = {
  code: string;
  name: string;
  municipalityId: string;
  municipalityName: string;
  rural: boolean;
  small: boolean;
  /** Pupils per grade instead of a random number (a scripted school needs enough participants to count). */
  pupilsPerGrade?: number;
  /**
   * By year, first year first: the latent result level instead of the random one (−3.5: about half of
   * the pupils get «2», so most procedures are low; 0.3: an ordinary school), and optionally one procedure
   * that is low whatever the level (a school with exactly one low procedure is not ШНОР, but that
   * procedure links the year to the next one).
   */
  script?: { ability: number; forceLow?: Procedure }[];
};

/** Receives the rows in the column order of the package files (types.ts), file by file interleaved. */
export type PackageSink = {
  school(cells: (string | number)[]): void;
  result(cells: (string | number)[]): void;
  context(cells: (string | number)[]): void;
  confirmation(cells: (string | number)[]): void;
};

export const GENERATED_INDICATORS = [
  'parents_higher_ed_share',
  'incomplete_families_share',
  'low_income_share',
  'watch_list_share',
  'non_native_russian_share',
  'ovz_share',
  // Not an indicator of opora-default: shows that other columns are carried and ignored.
  'teacher_vacancy_share',
] as const;

type Level = 'НОШ' | 'ООШ' | 'СОШ';

type SchoolModel = {
  id: string;
  level: Level;
  rural: boolean;
  small: boolean;
  /** Pupils per grade (index 1..11). */
  grade: number[];
  /** Latent results: higher is better. */
  ability: number;
  trend: number;
  /** Social disadvantage: higher is worse. */
  disadvantage: number;
  nonNative: number;
  inflates: boolean;
  harsh: boolean;
  script?: GivenSchool['script'];
};

const DEFAULT_SHOCK = 0.2;
const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);
const round3 = (v: number) => Math.round(clamp01(v) * 1000) / 1000;
const logistic = (x: number) => 1 / (1 + Math.exp(-x));

function normal(rng: Rng): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const v = spare;
      spare = null;
      return v;
    }
    const u = 1 - rng.next();
    const v = rng.next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

export function generatePackage(opts: GenerateOptions, sink: PackageSink): void {
  const rng = createRng(opts.seed);
  const gauss = normal(rng);
  const firstYear = opts.lastYear - opts.years + 1;
  const schools = opts.schoolList
    ? givenSchools(opts.schoolList, rng, gauss, sink)
    : makeSchools(opts.schools, rng, gauss, sink);

  for (let year = firstYear; year <= opts.lastYear; year++) {
    const yearsIn = year - firstYear;
    for (const s of schools) {
      const scripted = s.script?.[yearsIn];
      // A scripted school keeps the default shock: its script, not luck, decides its flags.
      const shock = scripted ? DEFAULT_SHOCK : (opts.yearShock ?? DEFAULT_SHOCK);
      const ability = (scripted ? scripted.ability : s.ability + s.trend * yearsIn) + shock * gauss();
      const forced = scripted?.forceLow;
      let effect = 0;
      for (const e of opts.supportEffect ?? []) if (e.year === year) effect += e.bySchool.get(s.id) ?? 0;
      const confirmed = rng.chance(0.3);
      const size = (g: number) => Math.max(0, Math.round((s.grade[g] ?? 0) * (0.9 + 0.2 * rng.next())));
      const write = (assessment: string, subject: string, grade: number, participants: number) => {
        if (participants <= 0) return;
        const isForced =
          forced !== undefined &&
          forced.assessment === assessment &&
          forced.subject === subject &&
          forced.grade === grade;
        const p2 = clamp01(
          (isForced
            ? 0.45 + 0.1 * rng.next()
            : logistic(-3.2 - 0.9 * ability + (DIFFICULTY[subject] ?? 0) + 0.35 * gauss())) - effect,
        );
        const sd = Math.sqrt(participants * p2 * (1 - p2));
        const mark2 = Math.min(participants, Math.max(0, Math.round(participants * p2 + sd * gauss())));
        const rest = participants - mark2;
        const p5 = logistic(-1.4 + 0.8 * ability + 0.3 * gauss());
        const mark5 = Math.min(rest, Math.max(0, Math.round(rest * p5)));
        const mark4 = Math.round((rest - mark5) * (0.45 + 0.15 * rng.next()));
        const mark3 = rest - mark5 - mark4;
        sink.result([s.id, year, assessment, subject, grade, participants, mark2, mark3, mark4, mark5]);
        if (confirmed && assessment === 'ВПР') confirmation(s, year, subject, grade, participants);
      };
      const confirmation = (s: SchoolModel, y: number, subject: string, grade: number, n: number) => {
        const lowered = Math.round(n * (s.harsh ? 0.5 + 0.2 * rng.next() : 0.05 + 0.25 * rng.next()));
        const raised = Math.min(
          n - lowered,
          Math.round(n * (s.inflates ? 0.16 + 0.2 * rng.next() : 0.08 * rng.next())),
        );
        sink.confirmation([s.id, y, 'ВПР', subject, grade, n, lowered, n - lowered - raised, raised]);
      };

      for (const [grade, always, choice, picks] of VPR) {
        if (grade > maxGrade(s.level)) continue;
        const n = Math.round(size(grade) * 0.92);
        const subjects = [...always, ...rng.shuffle(choice).slice(0, picks)];
        for (const subject of subjects) write('ВПР', subject, grade, n);
      }
      if (maxGrade(s.level) >= 9) {
        const n = size(9);
        for (const [subject, p] of OGE) write('ОГЭ', subject, 9, p === 1 ? n : binomialish(rng, n, p));
      }
      if (maxGrade(s.level) >= 11) {
        const n = size(11);
        for (const [subject, p] of EGE) write('ЕГЭ', subject, 11, p === 1 ? n : binomialish(rng, n, p));
      }
      writeContext(s, year, rng, gauss, sink);
    }
  }
}

const maxGrade = (level: Level) => (level === 'НОШ' ? 4 : level === 'ООШ' ? 9 : 11);

/** How many of n pupils choose a subject taken with probability p. */
function binomialish(rng: Rng, n: number, p: number): number {
  if (n < 30) {
    let k = 0;
    for (let i = 0; i < n; i++) if (rng.next() < p) k++;
    return k;
  }
  return Math.max(0, Math.round(n * p * (0.8 + 0.4 * rng.next())));
}

function makeSchools(count: number, rng: Rng, gauss: () => number, sink: PackageSink): SchoolModel[] {
  const municipalities = Math.max(1, Math.round(count / 17));
  const defs = Array.from({ length: municipalities }, (_, i) => {
    // Every fifth municipality is a town (городской округ), the others are districts.
    const city = i % 5 === 0;
    const roots = city ? TOWN_ROOTS : DISTRICT_ROOTS;
    const index = city ? i / 5 : i - Math.floor(i / 5) - 1;
    const root = roots[index % roots.length] as string;
    const k = Math.floor(index / roots.length) + 1;
    const name = city ? `Городской округ ${root}` : `${root} муниципальный район`;
    return {
      id: `M${String(i + 1).padStart(4, '0')}`,
      name: k > 1 ? `${name} № ${k}` : name,
      city,
      numbers: 0,
    };
  });
  const weights = defs.map((d) => (d.city ? 2.2 : 0.7));
  const total = weights.reduce((a, b) => a + b, 0);
  const out: SchoolModel[] = [];
  for (let i = 0; i < count; i++) {
    // The first schools cover every municipality; the rest go to towns more often than to districts.
    let mi = i;
    if (i >= municipalities) {
      let x = rng.next() * total;
      mi = 0;
      while (mi < municipalities - 1 && x >= (weights[mi] as number)) x -= weights[mi++] as number;
    }
    const mun = defs[mi] ?? defs[0];
    if (!mun) break;
    mun.numbers++;
    const rural = mun.city ? rng.chance(0.06) : rng.chance(0.72);
    const small = rural ? rng.chance(0.35) : rng.chance(0.02);
    const level: Level = small
      ? rng.pick<Level>(['НОШ', 'ООШ', 'ООШ', 'СОШ'])
      : rural
        ? rng.chance(0.25)
          ? 'ООШ'
          : 'СОШ'
        : rng.chance(0.05)
          ? 'ООШ'
          : 'СОШ';
    const perGrade = () => (small ? rng.int(1, 7) : rural ? rng.int(6, 30) : rng.int(25, 130));
    const grade = Array.from({ length: 12 }, (_, g) => (g >= 1 && g <= maxGrade(level) ? perGrade() : 0));
    // Upper grades are smaller: part of the pupils leave after grade 9.
    if (level === 'СОШ') grade[11] = Math.max(1, Math.round((grade[11] ?? 0) * 0.6));
    const disadvantage = gauss() + (rural ? 0.7 : 0) + (small ? 0.4 : 0);
    let ability = -0.45 * disadvantage + 0.9 * gauss();
    let trend = 0.05 * gauss();
    const kind = rng.next();
    if (kind < 0.06)
      ability -= 1.3; // stays low
    else if (kind < 0.12) {
      ability = Math.min(ability, -1.2); // starts low and improves
      trend = 0.5;
    } else if (kind < 0.16) trend = -0.4; // declines
    const id = `S${String(i + 1).padStart(6, '0')}`;
    const school: SchoolModel = {
      id,
      level,
      rural,
      small,
      grade,
      ability,
      trend,
      disadvantage,
      nonNative: rng.chance(0.15) ? 0.1 + 0.6 * rng.next() : Math.max(0, 0.02 + 0.015 * gauss()),
      inflates: rng.chance(0.05),
      harsh: rng.chance(0.01),
    };
    out.push(school);
    const type = level === 'СОШ' && !rural && rng.chance(0.12) ? rng.pick(['Гимназия', 'Лицей']) : level;
    const name = rural
      ? `МКОУ «${type} ${settlement(rng)}»`
      : `МБОУ «${type} № ${mun.numbers}» ${mun.name.replace('Городской округ ', 'г. ')}`;
    sink.school([id, name, mun.id, mun.name, rural ? 1 : 0, small ? 1 : 0]);
  }
  return out;
}

/** Models for given schools: the flags as given, the rest drawn as for invented schools. */
function givenSchools(list: GivenSchool[], rng: Rng, gauss: () => number, sink: PackageSink): SchoolModel[] {
  return list.map((g) => {
    const { rural, small } = g;
    const level: Level = small
      ? rng.pick<Level>(['ООШ', 'ООШ', 'СОШ'])
      : rural && rng.chance(0.25)
        ? 'ООШ'
        : 'СОШ';
    const perGrade = () =>
      g.pupilsPerGrade ?? (small ? rng.int(3, 9) : rural ? rng.int(6, 30) : rng.int(25, 130));
    const grade = Array.from({ length: 12 }, (_, k) => (k >= 1 && k <= maxGrade(level) ? perGrade() : 0));
    if (level === 'СОШ') grade[11] = Math.max(1, Math.round((grade[11] ?? 0) * 0.6));
    const disadvantage = gauss() + (rural ? 0.7 : 0) + (small ? 0.4 : 0) + (g.script ? 0.8 : 0);
    sink.school([g.code, g.name, g.municipalityId, g.municipalityName, rural ? 1 : 0, small ? 1 : 0]);
    return {
      id: g.code,
      level,
      rural,
      small,
      grade,
      ability: -0.45 * disadvantage + 0.7 * gauss(),
      trend: 0.05 * gauss(),
      disadvantage,
      nonNative: rng.chance(0.15) ? 0.1 + 0.6 * rng.next() : Math.max(0, 0.02 + 0.015 * gauss()),
      inflates: rng.chance(0.05),
      harsh: rng.chance(0.01),
      ...(g.script ? { script: g.script } : {}),
    };
  });
}

function settlement(rng: Rng): string {
  const v = pickVillages(rng, 1)[0];
  return v ? `${v.type} ${v.name}` : 'с. Берёзовка';
}

function writeContext(s: SchoolModel, year: number, rng: Rng, gauss: () => number, sink: PackageSink): void {
  if (rng.chance(0.02)) return; // no context this year
  const d = s.disadvantage + 0.1 * gauss();
  const values = [
    0.38 - 0.13 * d + 0.06 * gauss(),
    0.2 + 0.06 * d + 0.04 * gauss(),
    0.14 + 0.08 * d + 0.05 * gauss(),
    0.015 + 0.012 * d + 0.008 * gauss(),
    s.nonNative + 0.01 * gauss(),
    0.04 + 0.02 * d + 0.02 * gauss(),
    0.05 + 0.04 * d + 0.03 * gauss(),
  ];
  const cells: (string | number)[] = [s.id, year];
  for (const v of values) cells.push(rng.chance(0.03) ? '' : round3(v));
  sink.context(cells);
}
