// Shares in percent → counts of participants. Each count is share × participants / 100 rounded to the
// nearest whole; when the shares cover every outcome (all four marks, or lowered/confirmed/raised), their sum
// must be 100 within a tolerance and the counts are then fixed to sum to the participants by the largest
// remainder (the counts that lost most in rounding get the missing ones, those that gained most give back).
//
// Exactness: a share printed with d decimals is off by at most 0.5·10^-d points, so its count is off by at
// most participants·0.5·10^-d / 100 — below one half (rounding restores the true count) while participants
// < 100·10^d: whole percentages are exact below 100 participants, one decimal below 1000, two below 10 000.
//
// Tolerance: k shares, each rounded, sum to 100 ± k·0.5·10^-d. With decimals (d ≥ 1) that is at most ±0.2 for
// four shares; 1.0 point leaves room for shares truncated instead of rounded and still catches a lost or
// swapped column (a mark's share is rarely below one point). Whole percentages may honestly miss by
// k·0.5 (±2 for four marks), so for them the tolerance is k·0.5.

export const PERCENT_TOLERANCE = 1.0;

/** The tolerance of a row: 1.0 point, or k·0.5 when every share is a whole number. */
export function toleranceOf(shares: number[], decimals: number): number {
  return decimals === 0 ? Math.max(PERCENT_TOLERANCE, shares.length * 0.5) : PERCENT_TOLERANCE;
}

/** Counts of `shares` (percent) of `participants`; `complete` shares must sum to 100 (checked by the caller). */
export function countsOfShares(shares: number[], participants: number, complete: boolean): number[] {
  const exact = shares.map((s) => (s * participants) / 100);
  const counts = exact.map((x) => Math.round(x));
  const sum = counts.reduce((a, b) => a + b, 0);
  // A part of the outcomes need not add up; it only may not exceed the participants after rounding.
  if (!complete) return sum > participants ? settle(counts, exact, participants - sum) : counts;
  return settle(counts, exact, participants - sum);
}

function settle(counts: number[], exact: number[], diff: number): number[] {
  // Largest remainder: the order of what each count lost (or, to give back, gained) in rounding.
  const order = exact
    .map((x, i) => ({ i, lost: x - (counts[i] as number) }))
    .sort((a, b) => (diff > 0 ? b.lost - a.lost : a.lost - b.lost) || a.i - b.i);
  // Whole rounds at once, then the rest by the order: O(k) whatever the difference (a count never below 0;
  // each round either settles the difference or empties a count, so there are at most k + 1 rounds).
  const step = diff > 0 ? 1 : -1;
  let left = Math.abs(diff);
  while (left > 0) {
    const open = order.filter((o) => step > 0 || (counts[o.i] as number) > 0);
    if (open.length === 0) break;
    const each = Math.max(1, Math.floor(left / open.length));
    for (const o of open) {
      const by = Math.min(each, left, step > 0 ? each : (counts[o.i] as number));
      counts[o.i] = (counts[o.i] as number) + step * by;
      left -= by;
      if (left === 0) break;
    }
  }
  return counts;
}

/** Digits after the decimal separator of a number's text ('12,50' → 2). */
export function decimalsOf(text: string): number {
  const m = /[.,](\d+)/.exec(text);
  return m?.[1] ? m[1].length : 0;
}
