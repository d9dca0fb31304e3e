import { describe, expect, it } from 'vitest';
import { identifyYear, type SchoolResult } from './identify.js';
import { OPORA_DEFAULT } from './methodology.js';
import { fine, pkgOf, twoLow } from './test-package.js';

// Past years: stagnation, repeats, exits, and the approved lists that stand for computed years.

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
