import { seededRandom, seededShuffle } from './seeded.js';

// Выборочная экспертиза: a share of the programs drawn at random. The population is sorted before the
// draw, so the recorded population and seed give the same sample whenever the draw is repeated.

/** How many documents a share of a population means: at least one of a non-empty population. */
export function sampleSize(population: number, share: number): number {
  if (population === 0 || share <= 0) return 0;
  return Math.min(population, Math.max(1, Math.round(population * share)));
}

/** The sampled ids, in the population's sorted order. */
export function drawSample(population: readonly string[], share: number, seed: string): string[] {
  const sorted = [...new Set(population)].sort();
  const k = sampleSize(sorted.length, share);
  const picked = new Set(seededShuffle(sorted, seededRandom(seed)).slice(0, k));
  return sorted.filter((id) => picked.has(id));
}
