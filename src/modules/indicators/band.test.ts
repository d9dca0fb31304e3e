import { describe, expect, it } from 'vitest';
import { bandOf, bandsConsistent, type StoredTarget, targetFor } from './band.js';

describe('bandOf', () => {
  const up = { target: 0.8, warn: 0.6 };
  const down = { target: 0.05, warn: 0.1 };
  it('higher is better: green from the target, yellow from the threshold, red below', () => {
    expect([0.9, 0.8, 0.7, 0.6, 0.59].map((v) => bandOf(v, up, 'higher_better'))).toEqual([
      'green',
      'green',
      'yellow',
      'yellow',
      'red',
    ]);
  });
  it('lower is better: the same bands the other way round', () => {
    expect([0.01, 0.05, 0.07, 0.1, 0.11].map((v) => bandOf(v, down, 'lower_better'))).toEqual([
      'green',
      'green',
      'yellow',
      'yellow',
      'red',
    ]);
  });
  it('no value or no target: no band', () => {
    expect(bandOf(null, up, 'higher_better')).toBe('none');
    expect(bandOf(0.5, null, 'higher_better')).toBe('none');
    expect(bandOf(Number.NaN, up, 'higher_better')).toBe('none');
  });
  it('a threshold on the better side of the target is inconsistent', () => {
    expect(bandsConsistent(up, 'higher_better')).toBe(true);
    expect(bandsConsistent(up, 'lower_better')).toBe(false);
    expect(bandsConsistent(down, 'lower_better')).toBe(true);
  });
});

describe('targetFor', () => {
  const t = (
    id: string,
    level: StoredTarget['level'],
    orgUnitId: string | null,
    year = 2026,
  ): StoredTarget => ({
    id,
    indicatorCode: 'x',
    level,
    orgUnitId,
    year,
    target: 1,
    warn: 0,
  });
  const all = [
    t('a', 'municipality', null),
    t('b', 'municipality', 'm2'),
    t('c', 'school', null),
    t('d', 'municipality', null, 2025),
  ];
  it("a unit's own target first, else its level's, of the year", () => {
    expect(targetFor(all, 'x', { id: 'm1', kind: 'municipality' }, 2026)?.id).toBe('a');
    expect(targetFor(all, 'x', { id: 'm2', kind: 'municipality' }, 2026)?.id).toBe('b');
    expect(targetFor(all, 'x', { id: 's1', kind: 'school' }, 2026)?.id).toBe('c');
    expect(targetFor(all, 'x', { id: 'm1', kind: 'municipality' }, 2025)?.id).toBe('d');
    expect(targetFor(all, 'x', { id: 'r', kind: 'region' }, 2026)).toBeNull();
    expect(targetFor(all, 'y', { id: 'm1', kind: 'municipality' }, 2026)).toBeNull();
  });
});
