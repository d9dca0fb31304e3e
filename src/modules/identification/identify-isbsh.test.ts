import { describe, expect, it } from 'vitest';
import { identifyYear } from './identify.js';
import { byId, context, fine, pkgOf, result } from './test-package.js';

// The school context: ИСБШ, clusters, ШНСУ and resilient schools.

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
