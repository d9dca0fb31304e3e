import { describe, expect, it } from 'vitest';
import { guessCategory } from './guess-category.js';

describe('participant category from the position', () => {
  it.each([
    ['Директор', 'manager'],
    ['заместитель директора по УВР', 'manager'],
    ['Заместитель директора, учитель математики', 'manager'],
    ['Учитель русского языка', 'teacher'],
    ['педагог дополнительного образования', 'teacher'],
    ['Воспитатель', 'teacher'],
    ['Методист ИРО', 'specialist'],
    ['Ведущий специалист', 'specialist'],
    ['Педагог-психолог', 'teacher'],
    ['психолог', 'specialist'],
    ['Библиотекарь', 'other'],
    ['', 'other'],
    [null, 'other'],
  ] as const)('%s → %s', (position, category) => {
    expect(guessCategory(position)).toBe(category);
  });
});
