import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.js';
import { ceilRank, methodologySchema, OPORA_DEFAULT, parseMethodology } from './methodology.js';

const fieldsOf = (doc: unknown) => {
  try {
    parseMethodology(doc);
  } catch (e) {
    if (e instanceof AppError) return e.details?.fields ?? [];
    throw e;
  }
  return [];
};

describe('methodology document', () => {
  it('accepts opora-default and survives a JSON round trip', () => {
    const doc = JSON.parse(JSON.stringify(OPORA_DEFAULT));
    expect(parseMethodology(doc)).toEqual(OPORA_DEFAULT);
    expect(methodologySchema.safeParse(OPORA_DEFAULT).success).toBe(true);
  });

  it('holds every parameter of issue 4 with its default value', () => {
    expect(OPORA_DEFAULT).toMatchObject({
      id: 'opora-default',
      version: 1,
      minParticipants: 5,
      lowShareThreshold: 0.3,
      lowResults: { enabled: true, minLowProcedures: 2, minRepeatedLowProcedures: 1 },
      riskShareThreshold: 0.2,
      riskMinProcedures: 2,
      riskMinLowProcedures: 1,
      assessments: null,
      grades: null,
      minIndicatorShare: 0.5,
      clusters: 4,
      shnsuPercentile: 0.2,
      resilientPercentile: 0.25,
      stagnationYears: 3,
      repeatWindow: [2, 4],
      objectivity: { assessment: 'ВПР', minParticipants: 10, raisedShare: 0.15, loweredShare: 0.5 },
      clusterRelative: { enabled: false, bottomShare: 0.1, consecutiveYears: 2 },
    });
    expect(OPORA_DEFAULT.indicators).toEqual([
      { name: 'parents_higher_ed_share', direction: 1 },
      { name: 'incomplete_families_share', direction: -1 },
      { name: 'low_income_share', direction: -1 },
      { name: 'watch_list_share', direction: -1 },
      { name: 'non_native_russian_share', direction: -1 },
      { name: 'ovz_share', direction: -1 },
    ]);
  });

  it('rejects unknown and missing parameters with Russian messages', () => {
    const { lowShareThreshold: _, ...rest } = OPORA_DEFAULT;
    const fields = fieldsOf({ ...rest, lowShareTreshold: 0.3 });
    expect(fields.map((f) => f.field).sort()).toEqual(['', 'lowShareThreshold']);
    expect(fields.every((f) => /[а-яё]/i.test(f.message))).toBe(true);
  });

  it('checks shares, the repeat window, the rules and the indicators', () => {
    const bad = {
      ...OPORA_DEFAULT,
      lowShareThreshold: 30,
      repeatWindow: [4, 2],
      lowResults: { ...OPORA_DEFAULT.lowResults, enabled: false },
      indicators: [
        { name: 'ovz_share', direction: -1 },
        { name: 'ovz_share', direction: 1 },
      ],
    };
    expect(fieldsOf(bad)).toEqual([
      { field: 'lowShareThreshold', message: expect.stringMatching(/значение/) },
      { field: 'repeatWindow', message: 'Конец окна не может быть раньше его начала' },
      { field: 'lowResults.enabled', message: 'Должно быть включено хотя бы одно правило ШНОР' },
      { field: 'indicators.1.name', message: 'Показатель ovz_share указан дважды' },
    ]);
  });
});

describe('ceilRank', () => {
  it('is the exact ceiling of share · n', () => {
    expect(ceilRank(0.2, 8)).toBe(2);
    expect(ceilRank(0.2, 15)).toBe(3);
    expect(ceilRank(0.1, 10)).toBe(1);
    expect(ceilRank(0.25, 0)).toBe(0);
    expect(ceilRank(0.29, 100)).toBe(29); // 0.29 · 100 = 28.999999999999996 in float64
    expect(ceilRank(0.2, 40_001)).toBe(8001);
  });
});
