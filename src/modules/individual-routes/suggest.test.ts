import { describe, expect, it } from 'vitest';
import { DEFAULT_LEVELS } from '../diagnostics/levels.js';
import { dueInYear, suggestGoals } from './suggest.js';

describe('suggested goals of a route', () => {
  it('puts deadlines inside the school year and never before today', () => {
    expect(dueInYear(2026, 3, 31, '2026-10-15')).toBe('2027-03-31');
    expect(dueInYear(2026, 11, 30, '2026-10-15')).toBe('2026-11-30');
    expect(dueInYear(2026, 10, 1, '2026-10-15')).toBe('2026-10-15');
    expect(dueInYear(2026, 3, 31, '2027-09-10')).toBe('2027-08-31');
  });

  it('makes a goal of each block at a level that needs a route, in the order of the blocks', () => {
    const blocks = [
      { key: 'subject', name: 'Предметный', maxScore: 10 },
      { key: 'own', name: 'Цифровой', maxScore: 10 },
      { key: 'legal', name: 'Нормативно-правовой', maxScore: 10 },
    ];
    const goals = suggestGoals(
      blocks,
      DEFAULT_LEVELS,
      { subject: 'basic', own: 'high', legal: 'critical' },
      2026,
      '2026-10-15',
    );
    expect(goals.map((g) => g.text)).toEqual([
      'Устранение дефицитов: Цифровой, уровень высокий',
      'Устранение дефицитов: Нормативно-правовой, уровень критический',
    ]);
    // A block the table does not know gets a course and self-study.
    expect(goals[0]?.activities.map((a) => a.kind)).toEqual(['course', 'self_study']);
    expect(goals[0]?.activities[0]?.responsible).toBe('координатор ЦНППМ');
  });
});
