import { describe, expect, it } from 'vitest';
import { identifyYear } from './identify.js';
import { type Methodology, OPORA_DEFAULT } from './methodology.js';
import { byId, confirmation, context, fine, pkgOf, result, twoLow } from './test-package.js';

// Flags from the results of assessments: low results and ШНОР, signs of non-objectivity, the
// cluster-relative rule.

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
