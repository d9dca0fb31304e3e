import { describe, expect, it } from 'vitest';
import { drawSample, sampleSize } from './sample.js';

describe('drawSample', () => {
  const population = Array.from({ length: 40 }, (_, i) => `doc-${String(i).padStart(2, '0')}`);

  it('draws the share, from the population, reproducibly with the seed and regardless of order', () => {
    const a = drawSample(population, 0.25, 'K7Q2M9XA');
    expect(a).toHaveLength(10);
    expect(a.every((id) => population.includes(id))).toBe(true);
    expect(drawSample([...population].reverse(), 0.25, 'K7Q2M9XA')).toEqual(a);
    expect(drawSample(population, 0.25, 'ANOTHER1')).not.toEqual(a);
  });

  it('takes at least one of a non-empty population and never more than it has', () => {
    expect(sampleSize(3, 0.01)).toBe(1);
    expect(sampleSize(0, 0.5)).toBe(0);
    expect(sampleSize(5, 1)).toBe(5);
    expect(drawSample(['x'], 0.1, 's')).toEqual(['x']);
  });

  it('gives every document a fair chance over many seeds', () => {
    const hits = new Map<string, number>();
    for (let i = 0; i < 2000; i++)
      for (const id of drawSample(population, 0.25, `seed-${i}`)) hits.set(id, (hits.get(id) ?? 0) + 1);
    // Expected 500 each; a broken shuffle (say, always the first ten) fails this by far.
    for (const id of population) expect(hits.get(id) ?? 0).toBeGreaterThan(380);
  });
});
