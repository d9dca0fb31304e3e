import { describe, expect, it } from 'vitest';
import { decimal, percent } from './reasons.js';

describe('numbers in the reasons', () => {
  it('writes a decimal comma and a minus sign, but no minus on a value that rounds to zero', () => {
    expect(decimal(1.2346, 3)).toBe('1,235');
    expect(decimal(-1.5, 1)).toBe('−1,5');
    expect(decimal(-0.0006, 3)).toBe('−0,001');
    expect(decimal(-0.0004, 3)).toBe('0,000');
    expect(decimal(-0, 2)).toBe('0,00');
    expect(decimal(-12, 0)).toBe('−12');
  });
  it('writes shares as percents with one decimal only where needed', () => {
    expect(percent(0.34)).toBe('34 %');
    expect(percent(0.305)).toBe('30,5 %');
    expect(percent(1 / 3)).toBe('33,3 %');
  });
});
