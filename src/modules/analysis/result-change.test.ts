import { describe, expect, it } from 'vitest';
import { packageFromRows } from '../assessment-data/from-rows.js';
import { summarise } from './change-summary.js';
import { resultChanges } from './result-change.js';
import type { SchoolChangeView } from './views.js';

// Positive change against numbers counted by hand: R and the low procedures as opora-default counts them
// (procedures with fewer than 5 participants do not count for R but are shown), the share of «2» per
// procedure and per subject, and the summary over schools.

const school = (id: string) => ({
  id,
  name: id,
  municipalityId: 'M1',
  municipalityName: 'Район',
  rural: false,
  small: false,
});
const row = (
  schoolId: string,
  year: number,
  subject: string,
  grade: number,
  participants: number,
  mark2: number,
) => ({
  schoolId,
  year,
  assessment: grade === 9 ? 'ОГЭ' : 'ВПР',
  subject,
  grade,
  participants,
  mark2,
  mark3: participants - mark2,
  mark4: 0,
  mark5: 0,
});

describe('resultChanges', () => {
  it('counts R, low procedures and shares of «2» as by hand', () => {
    const pkg = packageFromRows({
      schools: [school('A'), school('B')],
      results: [
        row('A', 2024, 'математика', 5, 20, 8), // 40 %: low
        row('A', 2024, 'русский язык', 5, 10, 2), // 20 %
        row('A', 2025, 'математика', 5, 20, 4), // 20 %
        row('A', 2025, 'русский язык', 5, 10, 1), // 10 %
        row('A', 2025, 'география', 9, 3, 3), // 3 participants: shown, not counted for R
        row('B', 2024, 'математика', 5, 10, 5),
      ],
    });
    const c = resultChanges(pkg, ['A', 'B'], 2024);
    const a = c.get('A');
    expect(a?.rBefore).toBeCloseTo(1 - 10 / 30, 12);
    expect(a?.rAfter).toBeCloseTo(1 - 5 / 30, 12);
    expect([a?.lowBefore, a?.lowAfter]).toEqual([1, 0]);
    expect(a?.procedures).toEqual([
      { procedure: 'ВПР, математика, 5 класс', before: 0.4, after: 0.2 },
      { procedure: 'ВПР, русский язык, 5 класс', before: 0.2, after: 0.1 },
      { procedure: 'ОГЭ, география, 9 класс', before: null, after: 1 },
    ]);
    expect(a?.subjects.map((s) => s.subject)).toEqual(['география', 'математика', 'русский язык']);
    const b = c.get('B');
    expect([b?.rBefore, b?.rAfter, b?.lowAfter]).toEqual([0.5, null, null]);
  });
});

describe('summarise', () => {
  const base = { lowBefore: 2, lowAfter: 1, roadmapDone: 3, roadmapTotal: 4, procedures: [], subjects: [] };
  const rows = [
    { rBefore: 0.5, rAfter: 0.7, rChange: 0.2, leftList: true, stagnating: false, ...base },
    {
      rBefore: 0.6,
      rAfter: 0.5,
      rChange: -0.1,
      leftList: false,
      stagnating: true,
      ...base,
      roadmapTotal: null,
      roadmapDone: null,
    },
    { rBefore: null, rAfter: 0.9, rChange: null, leftList: false, stagnating: true, ...base },
  ].map((r, i) => ({
    school: { id: `s${i}`, name: `Школа ${i}` },
    municipality: { id: 'm', name: 'Район' },
    highRisksBefore: null,
    highRisksAfter: null,
    programs: 0,
    ...r,
  })) as SchoolChangeView[];
  it('averages over the schools with R in both years and counts the rest over all', () => {
    const s = summarise({ id: 'u', name: 'Район', kind: 'municipality' }, rows, true);
    expect(s.schools).toBe(3);
    expect(s.withResults).toBe(2);
    expect(s.meanBefore).toBeCloseTo(0.55, 12);
    expect(s.meanAfter).toBeCloseTo(0.6, 12);
    expect(s.meanChange).toBeCloseTo(0.05, 12);
    expect([s.improved, s.left, s.stagnating, s.lowBefore, s.lowAfter]).toEqual([1, 1, 2, 6, 3]);
    expect(s.executionShare).toBeCloseTo(6 / 8, 12);
    const unknown = summarise({ id: 'u', name: 'Район', kind: 'municipality' }, rows, false);
    expect([unknown.left, unknown.stagnating]).toEqual([null, null]);
  });
});
