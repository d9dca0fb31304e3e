import { describe, expect, it } from 'vitest';
import { identifyYear, type SchoolResult } from './identify.js';
import { type Methodology, OPORA_DEFAULT } from './methodology.js';
import { confirmation, context, fine, pkgOf, result, twoLow } from './test-package.js';

const byId = (schools: SchoolResult[], id: string): SchoolResult => {
  const s = schools.find((x) => x.schoolId === id);
  if (!s) throw new Error(`no ${id}`);
  return s;
};

describe('procedures, low shares and ШНОР (opora-default)', () => {
  it('counts a procedure from 5 participants; 3/10 = 0.3 is low, 29/100 is not', () => {
    const pkg = pkgOf({
      schools: ['A'],
      results: [
        result('A', 2024, 'русский язык', 5, 10, 3), // 0.3 exactly: low
        result('A', 2024, 'математика', 5, 100, 29), // 0.29: not low
        result('A', 2024, 'история', 5, 4, 4), // 4 participants: not counted
        result('A', 2024, 'биология', 5, 5, 2), // 5 participants, 0.4: low
      ],
    });
    const [a] = identifyYear(pkg, 2024).schools;
    expect(a?.lowProcedures).toEqual([
      { assessment: 'ВПР', subject: 'биология', grade: 5, lowShare: 0.4 },
      { assessment: 'ВПР', subject: 'русский язык', grade: 5, lowShare: 0.3 },
    ]);
    expect(a?.details.countedProcedures).toBe(3);
    // R over counted procedures only: 1 − (3 + 29 + 2) / (10 + 100 + 5)
    expect(a?.resultIndex).toBe(1 - 34 / 115);
  });

  it('is ШНОР with 2 low procedures in t and one of them low in t−1 too', () => {
    const pkg = pkgOf({
      schools: ['A', 'B', 'C', 'D', 'E', 'F', 'G'],
      results: [
        // A: the Russian of grade 5 is low in both years.
        ...twoLow('A', 2024),
        result('A', 2023, 'русский язык', 5, 10, 5),
        // B: two low procedures in 2024, but in 2023 other procedures were low.
        ...twoLow('B', 2024),
        result('B', 2023, 'история', 5, 10, 5),
        result('B', 2023, 'русский язык', 5, 10, 2),
        // C: one low procedure in both years.
        result('C', 2024, 'русский язык', 5, 10, 4),
        result('C', 2024, 'математика', 6, 10, 1),
        result('C', 2023, 'русский язык', 5, 10, 4),
        // D: no data for 2023 at all.
        ...twoLow('D', 2024),
        // E: the same procedure in 2023 had 4 participants: not counted, so not low.
        ...twoLow('E', 2024),
        result('E', 2023, 'русский язык', 4, 4, 4),
        result('E', 2023, 'русский язык', 5, 4, 4),
        // F: same subject, another grade in 2023: another procedure.
        ...twoLow('F', 2024),
        result('F', 2023, 'русский язык', 6, 10, 9),
        // G: the same procedure in 2023 exactly at the threshold (3/10).
        ...twoLow('G', 2024),
        result('G', 2023, 'математика', 6, 10, 3),
      ],
    });
    const { schools } = identifyYear(pkg, 2024);
    const shnor = Object.fromEntries(schools.map((s) => [s.schoolId, s.flags.shnor]));
    expect(shnor).toEqual({ A: true, B: false, C: false, D: false, E: false, F: false, G: true });
    // Not ШНОР but with a low procedure: the risk zone.
    expect(byId(schools, 'B').flags.riskZone).toBe(true);
    expect(byId(schools, 'C').flags.riskZone).toBe(true);
    expect(byId(schools, 'A').flags.riskZone).toBe(false);
    expect(byId(schools, 'A').reasons[0]).toBe(
      'ШНОР: доля участников с отметкой «2» (не преодолевших минимальный порог) не менее 30 % в 2 процедурах ' +
        '2024 года: ВПР, русский язык, 5 класс — 40 %; ВПР, математика, 6 класс — 40 %; та же процедура в 2023 году: ' +
        'ВПР, русский язык, 5 класс — 50 %.',
    );
  });

  it('puts a school in the risk zone for 2 procedures with ≥ 20 % of «2», not for one', () => {
    const pkg = pkgOf({
      schools: ['A', 'B', 'C'],
      results: [
        result('A', 2024, 'русский язык', 5, 10, 2), // 0.2 exactly
        result('A', 2024, 'математика', 5, 20, 5), // 0.25
        result('B', 2024, 'русский язык', 5, 10, 2),
        result('B', 2024, 'математика', 5, 20, 3),
        result('C', 2024, 'русский язык', 5, 4, 2), // not counted
        result('C', 2024, 'математика', 5, 10, 2),
      ],
    });
    const { schools } = identifyYear(pkg, 2024);
    expect(schools.map((s) => s.flags.riskZone)).toEqual([true, false, false]);
    expect(byId(schools, 'A').reasons).toEqual([
      'Зона риска: доля участников с отметкой «2» не менее 20 % в 2 процедурах 2024 года: ВПР, математика, 5 класс — 25 %; ' +
        'ВПР, русский язык, 5 класс — 20 %.',
    ]);
  });

  it('gives a school without counted procedures no R and no flags from results', () => {
    const pkg = pkgOf({
      schools: ['A', 'B'],
      results: [result('A', 2024, 'русский язык', 5, 4, 4), ...fine('B', 2024)],
    });
    const a = identifyYear(pkg, 2024).schools[0];
    expect(a?.resultIndex).toBeNull();
    expect(a?.lowProcedures).toEqual([]);
    expect(Object.values(a?.flags ?? {}).some(Boolean)).toBe(false);
  });

  it('counts only the assessments and grades of the methodology', () => {
    const m: Methodology = { ...OPORA_DEFAULT, assessments: ['ВПР'], grades: [5] };
    const pkg = pkgOf({
      schools: ['A'],
      results: [
        result('A', 2024, 'русский язык', 5, 10, 4),
        result('A', 2024, 'математика', 6, 10, 4), // grade 6: ignored
        result('A', 2024, 'математика', 9, 10, 4, 'ОГЭ'), // ОГЭ: ignored
        result('A', 2023, 'русский язык', 5, 10, 4),
      ],
    });
    const a = identifyYear(pkg, 2024, m).schools[0];
    expect(a?.lowProcedures.map((p) => p.subject)).toEqual(['русский язык']);
    expect(a?.flags.shnor).toBe(false);
    expect(identifyYear(pkg, 2024).schools[0]?.flags.shnor).toBe(true);
  });
});

describe('ИСБШ, clusters, ШНСУ and resilient schools', () => {
  it('averages z-scores with the population standard deviation and the directions', () => {
    const pkg = pkgOf({
      schools: ['A', 'B', 'C'],
      context: [
        context('A', 2024, { parents_higher_ed_share: 0.1, low_income_share: 0.3 }),
        context('B', 2024, { parents_higher_ed_share: 0.2, low_income_share: 0.2 }),
        context('C', 2024, { parents_higher_ed_share: 0.3, low_income_share: 0.1 }),
      ],
      results: [...fine('A', 2024)],
    });
    const { schools, thresholds } = identifyYear(pkg, 2024);
    // mean 0.2, population sd = sqrt(0.02 / 3); the other four indicators have zero spread.
    const z = 0.1 / Math.sqrt(0.02 / 3);
    expect(schools[0]?.isbsh).toBeCloseTo(-z, 12); // low parents' education (+1) and high low income (−1)
    expect(schools[1]?.isbsh).toBeCloseTo(0, 12);
    expect(schools[2]?.isbsh).toBeCloseTo(z, 12);
    expect(thresholds.zeroSpreadIndicators).toEqual([
      'incomplete_families_share',
      'watch_list_share',
      'non_native_russian_share',
      'ovz_share',
    ]);
  });

  it('tests zero spread exactly: ten equal values whose floating mean is not exactly 0.1', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `S${i}`);
    const pkg = pkgOf({
      schools: ids,
      context: ids.map((id, i) => context(id, 2024, { parents_higher_ed_share: 0.1, ovz_share: i / 100 })),
      results: fine('S0', 2024),
    });
    const { schools } = identifyYear(pkg, 2024);
    // Only ovz_share (direction −1) has a spread: ИСБШ is its z-score alone.
    const mean = 0.045;
    const sd = Math.sqrt(ids.reduce((s, _, i) => s + (i / 100 - mean) ** 2, 0) / 10);
    schools.forEach((s, i) => {
      expect(s.isbsh).toBeCloseTo(-(i / 100 - mean) / sd, 10);
    });
  });

  it('needs values for at least half of the indicators; a zero-spread one still counts as available', () => {
    const only = (n: number) =>
      Object.fromEntries(
        [
          'parents_higher_ed_share',
          'incomplete_families_share',
          'low_income_share',
          'watch_list_share',
          'non_native_russian_share',
          'ovz_share',
        ].map((k, i) => [k, i < n ? undefined : null]),
      );
    const pkg = pkgOf({
      schools: ['A', 'B', 'C', 'D', 'E'],
      context: [
        context('A', 2024, { ...only(3), parents_higher_ed_share: 0.1 }), // 3 of 6: defined
        context('B', 2024, { ...only(2), parents_higher_ed_share: 0.3 }), // 2 of 6: not defined
        context('C', 2024, { parents_higher_ed_share: 0.5 }),
        context('D', 2024, { parents_higher_ed_share: 0.7 }),
        // E: no context row
      ],
      results: fine('A', 2024),
    });
    const { schools } = identifyYear(pkg, 2024);
    expect(schools.map((s) => s.isbsh === null)).toEqual([false, true, false, false, true]);
    expect(schools.map((s) => s.cluster)).toEqual([1, null, 2, 3, null]); // n = 3: floor(4·(r−1)/3) + 1
    // A has parents_higher_ed_share and two zero-spread indicators: ИСБШ is the one z-score.
    const values = [0.1, 0.3, 0.5, 0.7];
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - 0.4) ** 2, 0) / 4);
    expect(schools[0]?.isbsh).toBeCloseTo((0.1 - 0.4) / sd, 12);
    expect(schools[0]?.details.indicatorsAvailable).toBe(3);
    expect(schools[4]?.flags.shnsu).toBe(false);
  });

  it('ranks by ИСБШ ascending with ties by school_id (code units), cuts 4 clusters, ШНСУ at ceil(0.2·n)', () => {
    // Eight schools, ИСБШ by one indicator; B, a, b share the lowest value: order B < a < b.
    const values: [string, number][] = [
      ['b', 0.1],
      ['a', 0.1],
      ['B', 0.1],
      ['c', 0.4],
      ['d', 0.5],
      ['e', 0.6],
      ['f', 0.7],
      ['g', 0.8],
    ];
    const pkg = pkgOf({
      schools: values.map(([id]) => id),
      context: values.map(([id, v]) => context(id, 2024, { parents_higher_ed_share: v })),
      results: fine('a', 2024),
    });
    const { schools, thresholds } = identifyYear(pkg, 2024);
    const rank = Object.fromEntries(schools.map((s) => [s.schoolId, s.details.isbshRank]));
    expect(rank).toEqual({ B: 1, a: 2, b: 3, c: 4, d: 5, e: 6, f: 7, g: 8 });
    const cluster = Object.fromEntries(schools.map((s) => [s.schoolId, s.cluster]));
    expect(cluster).toEqual({ B: 1, a: 1, b: 2, c: 2, d: 3, e: 3, f: 4, g: 4 });
    // ceil(0.2 · 8) = 2: the ИСБШ at rank 2 is shared by rank 3, so all three tied schools are ШНСУ.
    expect(thresholds.shnsuRank).toBe(2);
    expect(schools.filter((s) => s.flags.shnsu).map((s) => s.schoolId)).toEqual(['b', 'a', 'B']);
  });

  it('makes a ШНСУ school resilient when its R reaches the R at rank ceil(0.25·m) descending', () => {
    const ids = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
    const pkg = pkgOf({
      schools: ids,
      // A and B are the two most disadvantaged (ШНСУ: ceil(0.2·8) = 2).
      context: ids.map((id, i) => context(id, 2024, { parents_higher_ed_share: i / 10 })),
      // R: A 0.9, B 0.8, C … H 0.9, 0.5, 0.5, 0.5, 0.5, 0.5: ceil(0.25·8) = 2nd highest R = 0.9 (a tie).
      results: ids.map((id, i) =>
        result(id, 2024, 'русский язык', 5, 10, i === 0 || i === 2 ? 1 : i === 1 ? 2 : 5),
      ),
    });
    const { schools, thresholds } = identifyYear(pkg, 2024);
    expect(thresholds.resilientRank).toBe(2);
    expect(thresholds.resilientResultIndex).toBe(0.9);
    expect(schools.filter((s) => s.flags.shnsu).map((s) => s.schoolId)).toEqual(['A', 'B']);
    expect(schools.filter((s) => s.flags.resilient).map((s) => s.schoolId)).toEqual(['A']);
    expect(byId(schools, 'A').reasons).toContain(
      'Резильентная школа: ШНСУ с высокими результатами — индекс результатов R = 0,900 не ниже порога 0,900 ' +
        '(R школы на 2-м месте из 8 по убыванию, 25 %).',
    );
  });
});

describe('years: stagnation, repeats, exits and approved lists', () => {
  /** Low data in the given years: ШНОР(y) = low(y) and low(y − 1). */
  const lowIn = (id: string, years: number[], all = [2019, 2020, 2021, 2022, 2023, 2024]) =>
    all.flatMap((y) => (years.includes(y) ? twoLow(id, y) : fine(id, y)));

  it('follows ШНОР over 5 years from the data alone', () => {
    const pkg = pkgOf({
      schools: ['STAG', 'REP', 'EXIT', 'NEW'],
      results: [
        ...lowIn('STAG', [2020, 2021, 2022, 2023, 2024], [2020, 2021, 2022, 2023, 2024]),
        // ШНОР in 2021, not in 2022–2023, again in 2024.
        ...lowIn('REP', [2020, 2021, 2023, 2024], [2020, 2021, 2022, 2023, 2024]),
        ...lowIn('EXIT', [2020, 2021, 2022, 2023], [2020, 2021, 2022, 2023, 2024]),
        ...lowIn('NEW', [2023, 2024], [2020, 2021, 2022, 2023, 2024]),
      ],
    });
    const flags = (year: number) =>
      Object.fromEntries(
        identifyYear(pkg, year).schools.map((s) => [
          s.schoolId,
          (['shnor', 'stagnation', 'repeat', 'exit'] as const).filter((k) => s.flags[k]).join(','),
        ]),
      );
    expect(flags(2020)).toEqual({ STAG: '', REP: '', EXIT: '', NEW: '' }); // no 2019 data
    expect(flags(2021)).toEqual({ STAG: 'shnor', REP: 'shnor', EXIT: 'shnor', NEW: '' });
    expect(flags(2022)).toEqual({ STAG: 'shnor', REP: 'exit', EXIT: 'shnor', NEW: '' });
    expect(flags(2023)).toEqual({ STAG: 'shnor,stagnation', REP: '', EXIT: 'shnor,stagnation', NEW: '' });
    expect(flags(2024)).toEqual({
      STAG: 'shnor,stagnation',
      REP: 'shnor,repeat',
      EXIT: 'exit',
      NEW: 'shnor',
    });
    const rep = identifyYear(pkg, 2024).schools[1];
    expect(rep?.reasons).toContain(
      'Повторное попадание: ШНОР в 2024 году, не ШНОР в 2023 году, ранее ШНОР в 2021 году.',
    );
    expect(identifyYear(pkg, 2024).schools[0]?.reasons).toContain(
      'Стагнация: ШНОР 3 года подряд — 2022, 2023 и 2024 годы.',
    );
  });

  it('takes past years from approved lists when given, and computes the others', () => {
    const pkg = pkgOf({
      schools: ['A', 'B', 'C'],
      results: [
        ...lowIn('A', [2022, 2023, 2024]), // computed ШНОР 2023 and 2024
        ...lowIn('B', [2024]), // never ШНОР by the data
        ...lowIn('C', [2021, 2022]), // computed ШНОР 2022 only
      ],
    });
    const computed = identifyYear(pkg, 2024).schools;
    expect(computed.map((s) => [s.flags.shnor, s.flags.exit, s.flags.stagnation])).toEqual([
      [true, false, false],
      [false, false, false],
      [false, false, false],
    ]);
    const approvedShnor = new Map([
      [2023, new Set(['B', 'C'])], // A was excluded from the approved 2023 list; B and C were included
      [2022, new Set(['A', 'B'])],
      [2024, new Set<string>()], // the year itself is always computed
    ]);
    const withApproved = identifyYear(pkg, 2024, OPORA_DEFAULT, { approvedShnor }).schools;
    const f = (s: SchoolResult | undefined) =>
      s && [s.flags.shnor, s.flags.exit, s.flags.stagnation, s.flags.repeat];
    expect(f(withApproved[0])).toEqual([true, false, false, true]); // A: ШНОР 2022 (approved), not 2023
    expect(f(withApproved[1])).toEqual([false, true, false, false]); // B: approved 2023, not ШНОР in 2024
    expect(f(withApproved[2])).toEqual([false, true, false, false]);
    expect(withApproved[1]?.reasons).toContain(
      'Выход из списка ШНОР: ШНОР в 2023 году (по утверждённому списку), в 2024 году критерии ШНОР не выполнены.',
    );
    expect(withApproved[0]?.details.history.slice(0, 3)).toEqual([
      { year: 2023, shnor: false, source: 'approved' },
      { year: 2022, shnor: true, source: 'approved' },
      { year: 2021, shnor: false, source: 'computed' },
    ]);
  });

  it('looks for a repeat in t−4 … t−2 only', () => {
    const pkg = pkgOf({ schools: ['A'], results: lowIn('A', [2023, 2024]) });
    const repeat = (years: number[]) =>
      identifyYear(pkg, 2024, OPORA_DEFAULT, {
        approvedShnor: new Map(
          [2019, 2020, 2021, 2022, 2023].map((y) => [y, new Set(years.includes(y) ? ['A'] : [])]),
        ),
      }).schools[0]?.flags.repeat;
    expect(repeat([2022])).toBe(true);
    expect(repeat([2020])).toBe(true);
    expect(repeat([2019])).toBe(false);
    expect(repeat([2021, 2023])).toBe(false); // ШНОР in t−1: not a repeat
  });
});

describe('signs of non-objectivity', () => {
  it('flags a ВПР procedure with ≥ 10 participants and raised > 15 % or lowered > 50 %', () => {
    const ids = ['RAISED', 'RAISED15', 'LOWERED', 'LOWERED50', 'FEW', 'OGE'];
    const pkg = pkgOf({
      schools: ids,
      results: ids.flatMap((id) => fine(id, 2024)),
      confirmation: [
        confirmation('RAISED', 2024, 20, 0, 4), // 20 % raised
        confirmation('RAISED15', 2024, 20, 0, 3), // 15 %: not more than 15 %
        confirmation('LOWERED', 2024, 10, 6, 0), // 60 % lowered
        confirmation('LOWERED50', 2024, 10, 5, 0), // 50 %: not more than 50 %
        confirmation('FEW', 2024, 9, 9, 0), // 9 participants
        confirmation('OGE', 2024, 20, 0, 10, 'ОГЭ'),
      ],
    });
    const { schools } = identifyYear(pkg, 2024);
    expect(schools.filter((s) => s.flags.objectivity).map((s) => s.schoolId)).toEqual(['RAISED', 'LOWERED']);
    expect(schools[0]?.reasons).toEqual([
      'Признаки необъективности результатов 2024 года: ВПР, математика, 5 класс: выше отметки по журналу — 20 % ' +
        '(4 из 20; порог — более 15 %).',
    ]);
  });
});

describe('the cluster-relative rule (off by default)', () => {
  const m: Methodology = {
    ...OPORA_DEFAULT,
    clusters: 1,
    lowResults: { ...OPORA_DEFAULT.lowResults, enabled: false },
    clusterRelative: { enabled: true, bottomShare: 0.1, consecutiveYears: 2 },
  };
  const ids = Array.from({ length: 10 }, (_, i) => `S${i}`);
  // R of S0 is the lowest in both years; S1 is the lowest in 2024 only.
  const twoYears = (y: number) =>
    ids.map((id, i) =>
      result(id, y, 'русский язык', 5, 20, i === 0 || (i === 1 && y === 2024) ? 8 : 2 + (i % 3)),
    );
  const pkg = pkgOf({
    schools: ids,
    results: [...twoYears(2023), ...twoYears(2024)],
    context: [2023, 2024].flatMap((y) =>
      ids.map((id, i) => context(id, y, { parents_higher_ed_share: i / 20 })),
    ),
  });

  it('flags the bottom 10 % of R within the cluster in two consecutive years', () => {
    const { schools } = identifyYear(pkg, 2024, m);
    expect(schools.filter((s) => s.flags.shnor).map((s) => s.schoolId)).toEqual(['S0']);
    expect(schools[0]?.details.shnorBy).toEqual({ lowResults: false, clusterRelative: true });
    expect(schools[0]?.reasons[0]).toBe(
      'ШНОР (по кластеру): индекс результатов R в нижних 10 % своего кластера 2 года подряд: ' +
        '2024 год — кластер 1, R = 0,600, порог 0,600; 2023 год — кластер 1, R = 0,600, порог 0,600.',
    );
    expect(identifyYear(pkg, 2024).schools.some((s) => s.flags.shnor)).toBe(false);
  });

  it('combines with the absolute rule', () => {
    const both: Methodology = { ...m, lowResults: OPORA_DEFAULT.lowResults };
    const extra = pkgOf({
      schools: [...ids, 'X'],
      results: [...twoYears(2023), ...twoYears(2024), ...twoLow('X', 2023), ...twoLow('X', 2024)],
      context: [2023, 2024].flatMap((y) =>
        ids.map((id, i) => context(id, y, { parents_higher_ed_share: i / 20 })),
      ),
    });
    const shnor = identifyYear(extra, 2024, both)
      .schools.filter((s) => s.flags.shnor)
      .map((s) => s.schoolId);
    expect(shnor).toEqual(['S0', 'X']);
  });
});
