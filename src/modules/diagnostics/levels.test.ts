import { describe, expect, it } from 'vitest';
import { DEFAULT_LEVELS, levelOf, scoreResult } from './levels.js';

describe('deficit levels', () => {
  it.each([
    [0, 'critical'],
    [39.9, 'critical'],
    [40, 'high'],
    [59.9, 'high'],
    [60, 'lowered'],
    [74.9, 'lowered'],
    [75, 'basic'],
    [100, 'basic'],
  ])('%s %% is %s by default', (percent, key) => {
    expect(levelOf(percent, DEFAULT_LEVELS).key).toBe(key);
  });

  it('gives the total and each block its level', () => {
    const blocks = [
      { key: 'subject', name: 'Предметный', maxScore: 20 },
      { key: 'method', name: 'Методический', maxScore: 10 },
    ];
    expect(scoreResult(blocks, DEFAULT_LEVELS, { subject: 18, method: 3 })).toEqual({
      totalPercent: 70,
      level: 'lowered',
      blockLevels: { subject: 'basic', method: 'critical' },
    });
  });

  it.each([
    [11.99, 20, 60, 'high'],
    [7.999, 20, 40, 'critical'],
    [12, 20, 60, 'lowered'],
    [14.99, 20, 75, 'lowered'],
    [15, 20, 75, 'basic'],
  ])('%s of %s (shown %s) is %s: the level is taken from the unrounded share', (score, max, shown, key) => {
    const blocks = [{ key: 'b', name: 'Блок', maxScore: max }];
    const r = scoreResult(blocks, DEFAULT_LEVELS, { b: score });
    expect(r.totalPercent).toBe(shown);
    expect(r.level).toBe(key);
    expect(r.blockLevels.b).toBe(key);
  });
});
