import { invalid } from '../../lib/errors.js';
import { MSG } from './strings.js';
import type { Criterion, ScoreEntry } from './values.js';

// A review's scores against its frozen criteria set: stored as { [code]: { score, comment } }; the total
// is the sum of the given scores (null while nothing is scored).

export type StoredScores = Record<string, { score: number | null; comment: string }>;

export function checkScores(criteria: Criterion[], entries: ScoreEntry[]): StoredScores {
  const out: StoredScores = {};
  for (const [i, e] of entries.entries()) {
    const c = criteria.find((x) => x.code === e.code);
    if (!c)
      throw invalid(MSG.unknownCriterion(e.code), [
        { field: `scores.${i}.code`, message: MSG.unknownCriterion(e.code) },
      ]);
    if (e.score !== null && !c.scale.some((p) => p.score === e.score)) {
      const m = MSG.badScore(c.code, c.scale.map((p) => p.score).join(', '));
      throw invalid(m, [{ field: `scores.${i}.score`, message: m }]);
    }
    out[c.code] = { score: e.score, comment: e.comment.trim() };
  }
  return out;
}

export function totalOf(scores: StoredScores): number | null {
  const given = Object.values(scores).filter((s) => s.score !== null);
  return given.length === 0 ? null : given.reduce((sum, s) => sum + (s.score ?? 0), 0);
}

export function unscored(criteria: Criterion[], scores: StoredScores): string[] {
  return criteria
    .filter((c) => scores[c.code]?.score === undefined || scores[c.code]?.score === null)
    .map((c) => c.code);
}

export function readScores(raw: unknown): StoredScores {
  return raw && typeof raw === 'object' ? (raw as StoredScores) : {};
}
