import { describe, expect, it } from 'vitest';
import { DEFAULT_INSTRUMENT } from './default-instrument.js';
import { instrumentSchema } from './instrument.js';
import { ProfileScorer } from './score-profile.js';

const instrument = instrumentSchema.parse({
  id: 't',
  version: 1,
  factors: [
    { code: 'A', name: 'A' },
    { code: 'B', name: 'B' },
  ],
  items: [
    {
      id: 'd1',
      group: 'director',
      factor: 'A',
      type: 'single',
      options: [
        { value: 'y', risk: 0 },
        { value: 'n', risk: 1 },
      ],
    },
    {
      id: 't1',
      group: 'teacher',
      factor: 'A',
      type: 'multi',
      weight: 2,
      options: [
        { value: 'a', risk: 0.2 },
        { value: 'b', risk: 0.6 },
      ],
    },
    { id: 'p1', group: 'pupil', factor: 'B', type: 'number', riskIf: { op: '>=', value: 3 } },
    { id: 'd2', group: 'director', factor: 'B', type: 'scale', options: [{ value: '1', risk: 0.4 }] },
  ],
});

describe('opora-risk-default', () => {
  it('scores, counts groups and leaves out small ones', () => {
    const s = new ProfileScorer(instrument);
    s.add('S', 'r0', 'd1', 'n');
    for (let i = 0; i < 5; i++) s.add('S', `t${i}`, 't1', i < 2 ? ['a', 'b'] : ['a']);
    for (let i = 0; i < 4; i++) s.add('S', `p${i}`, 'p1', 5);
    const [p] = s.profiles();
    expect(p?.groups).toEqual({ director: 1, teacher: 5, pupil: 4, parent: 0 });
    expect(p?.excludedGroups).toEqual(['pupil', 'parent']);
    // A: (1·1 + 2·((0.6·2 + 0.2·3)/5)) / 3 = (1 + 0.72) / 3
    expect(p?.factors[0]?.score).toBeCloseTo(1.72 / 3, 12);
    expect(p?.factors[0]?.level).toBe('medium');
    // B: only d2 could score (weight 1 of 2 → defined) but it was not answered → nodata
    expect(p?.factors[1]).toMatchObject({ score: null, level: 'nodata' });
  });

  it('the placeholder default instrument is valid', () => {
    expect(DEFAULT_INSTRUMENT.items.length).toBeGreaterThan(0);
  });
});
