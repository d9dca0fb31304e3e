import type { DeficitLevel, DiagnosticBlock } from '../../db/schema/values.js';

// The one rule of deficit levels (issue 14 §1): a share of the maximum, in percent, falls at the level
// with the highest `minPercent` not above it. The names and cut-offs are the region's reference data
// (deficit_scales); a diagnostic freezes the scale it was created with.

/** The default scale: критический < 40 %, высокий 40–59 %, пониженный 60–74 %, базовый ≥ 75 %. */
export const DEFAULT_LEVELS: DeficitLevel[] = [
  { key: 'critical', name: 'критический', minPercent: 0, needsRoute: true },
  { key: 'high', name: 'высокий', minPercent: 40, needsRoute: true },
  { key: 'lowered', name: 'пониженный', minPercent: 60, needsRoute: false },
  { key: 'basic', name: 'базовый', minPercent: 75, needsRoute: false },
];

/** The level of a share (percent of the maximum). The scale's lowest level starts at 0. */
export function levelOf(percent: number, levels: readonly DeficitLevel[]): DeficitLevel {
  const sorted = [...levels].sort((a, b) => b.minPercent - a.minPercent);
  const found = sorted.find((l) => percent >= l.minPercent) ?? sorted[sorted.length - 1];
  if (!found) throw new Error('Шкала уровней пуста');
  return found;
}

/** The unrounded share of the maximum, in percent: what a level is decided by. */
export const shareOf = (score: number, max: number) => (max > 0 ? (score / max) * 100 : 0);

/** Percent of the maximum, to one decimal (as stored in diagnostic_results.total_percent): display only. */
export const percentOf = (score: number, max: number) =>
  max > 0 ? Math.round((score / max) * 1000) / 10 : 0;

/** The level of a score out of a maximum — by the unrounded share, never by the displayed percent. */
export const levelOfScore = (score: number, max: number, levels: readonly DeficitLevel[]) =>
  levelOf(shareOf(score, max), levels);

/** A teacher's total and the level of the total and of each block, from his scores per block. */
export function scoreResult(
  blocks: readonly DiagnosticBlock[],
  levels: readonly DeficitLevel[],
  scores: Record<string, number>,
): { totalPercent: number; level: string; blockLevels: Record<string, string> } {
  let total = 0;
  let max = 0;
  const blockLevels: Record<string, string> = {};
  for (const b of blocks) {
    const s = scores[b.key] ?? 0;
    total += s;
    max += b.maxScore;
    blockLevels[b.key] = levelOfScore(s, b.maxScore, levels).key;
  }
  // The level is decided by the unrounded share: 11.99 of 20 (59.95 %) is «высокий», though shown as 60 %.
  return { totalPercent: percentOf(total, max), level: levelOfScore(total, max, levels).key, blockLevels };
}
