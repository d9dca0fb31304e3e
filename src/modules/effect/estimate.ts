import type { DataPackage } from '../assessment-data/types.js';
import { createRng } from '../demo/demo-random.js';
import { type Methodology, OPORA_DEFAULT } from '../identification/methodology.js';
import { predict, weightedLeastSquares } from './least-squares.js';
import { yearSeries } from './school-series.js';
import { shrinkToClusterMean } from './shrink.js';
import { EFFECT_COUNTED, EFFECT_TEXT } from './strings.js';

// The effect of support on the supported schools of list year T (issue 13 §4, ADR 0023), a pure function
// of a data package and the list. Estimand: the average over supported schools (each weighted equally) of
// the change of R from T to T+1 caused by support, in units of R.
//
// Why not the naive before/after: schools are listed for unusually low R(T); part of that low is luck,
// and luck does not repeat, so R(T+1) − R(T) is positive even with no support at all. Comparable
// unsupported schools — the same R in T−1 and T, the same context — regress by the same amount; the
// difference of the two changes (difference in differences) removes it.
//
// Method: each supported school gets its M nearest unsupported schools (with replacement) by the shrunken
// R(T−1), R(T) (shrink.ts) and ИСБШ(T), standardised. The lowest supported schools have no twin, so the
// differences that remain are corrected by a linear regression of ΔR fitted on the whole comparison pool
// (bias-corrected matching, Abadie & Imbens 2011). Interval: percentile bootstrap over schools (supported
// and pool resampled separately) with the matches held fixed and the regression refitted in each replicate
// — re-matching in each replicate is the bootstrap known to be inconsistent for nearest neighbours
// (Abadie & Imbens 2008; fixed matches follow Otsu & Rai 2017). Fixed seed: the same input, the same output.

export type EffectOptions = {
  /** Schools supported in other years (e.g. the list of T−1): left out of the comparison pool. */
  exclude?: ReadonlySet<string>;
  methodology?: Methodology;
  /** Neighbours per supported school. */
  neighbours?: number;
  replicates?: number;
  seed?: number;
};

export type BalanceRow = {
  covariate: string;
  treatedMean: number;
  /** All unsupported schools of the pool, before matching and adjustment. */
  poolMean: number;
  /** The matched comparison schools, weighted by how often each was matched. */
  matchedMean: number;
  smdBefore: number;
  smdAfter: number;
};

export type EffectResult = {
  year: number;
  outcomeYear: number;
  treated: number;
  comparison: number;
  naive: { estimate: number };
  effect: { estimate: number; ciLow: number; ciHigh: number; method: string };
  balance: {
    covariates: BalanceRow[];
    pool: number;
    /** The estimate minus matching alone: how much the regression corrected the remaining differences. */
    adjustment: number;
  };
  /**
   * The schools behind the estimate (package ids): the supported schools kept and the matched comparison
   * schools with their weight (times matched / neighbours) — what the event-study chart averages over.
   */
  schools: { treated: string[]; comparison: { id: string; weight: number }[] };
  notes: string[];
};

/** Bad input (unknown schools, missing years): the CLI prints the message and exits with code 2. */
export class EffectInputError extends Error {}

export const DEFAULTS = { neighbours: 5, replicates: 999, seed: 20231 } as const;
const MIN_TREATED = 10;
const MIN_COMPARISON = 30;

export function estimateEffect(
  pkg: DataPackage,
  year: number,
  treatedIds: ReadonlySet<string>,
  opts: EffectOptions = {},
): EffectResult {
  const m = opts.methodology ?? OPORA_DEFAULT;
  const M = opts.neighbours ?? DEFAULTS.neighbours;
  const B = opts.replicates ?? DEFAULTS.replicates;
  const seed = opts.seed ?? DEFAULTS.seed;
  for (const y of [year - 1, year, year + 1]) {
    if (!pkg.years.includes(y)) throw new EffectInputError(EFFECT_TEXT.noYear(y, pkg.years));
  }
  const index = new Map(pkg.schools.map((s, i) => [s.id, i]));
  const unknown = [...treatedIds].filter((id) => !index.has(id));
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 10).join(', ');
    throw new EffectInputError(
      `${EFFECT_COUNTED.unknownTreated.render(unknown.length)}: ${shown}${unknown.length > 10 ? ', …' : ''}`,
    );
  }

  const before = yearSeries(pkg, year - 1, m);
  const now = yearSeries(pkg, year, m);
  const after = yearSeries(pkg, year + 1, m);
  const shrunkBefore = shrinkToClusterMean(before);
  const shrunkNow = shrinkToClusterMean(now);
  const complete = (s: number) =>
    !Number.isNaN(before.r[s] as number) &&
    !Number.isNaN(now.r[s] as number) &&
    !Number.isNaN(after.r[s] as number);

  const treated: number[] = [];
  const pool: number[] = [];
  let dropped = 0;
  let excluded = 0;
  pkg.schools.forEach((school, s) => {
    if (treatedIds.has(school.id)) {
      if (complete(s)) treated.push(s);
      else dropped++;
    } else if (opts.exclude?.has(school.id)) excluded++;
    else if (complete(s)) pool.push(s);
  });
  if (treated.length === 0) throw new EffectInputError(EFFECT_TEXT.noTreated);
  if (pool.length < M) throw new EffectInputError(EFFECT_TEXT.noComparison(M));

  const delta = (s: number) => (after.r[s] as number) - (now.r[s] as number);
  // ИСБШ is missing for a few schools: they get the pool's mean, i.e. they are matched on results alone.
  let isbshSum = 0;
  let isbshCount = 0;
  for (const s of pool) {
    const v = now.isbsh[s] as number;
    if (!Number.isNaN(v)) {
      isbshSum += v;
      isbshCount++;
    }
  }
  const isbshFill = isbshCount > 0 ? isbshSum / isbshCount : 0;
  const covariates = (s: number): number[] => {
    const v = now.isbsh[s] as number;
    return [shrunkBefore[s] as number, shrunkNow[s] as number, Number.isNaN(v) ? isbshFill : v];
  };
  const xT = treated.map(covariates);
  const xC = pool.map(covariates);
  const scale = [0, 1, 2].map((k) => {
    const sd = standardDeviation(xC.map((x) => x[k] as number));
    return sd > 0 ? 1 / sd : 1;
  });

  // Nearest neighbours with replacement; ties go to the earlier school of the package (deterministic).
  const matchCount = new Float64Array(pool.length);
  for (const x of xT) {
    for (const j of nearest(x, xC, scale, M)) matchCount[j] = (matchCount[j] as number) + 1;
  }

  // The regression of ΔR on the pool: the covariates of the matching and the raw R(T). Raw R(T) because
  // ΔR = R(T+1) − R(T) contains it exactly, while R̃(T) says what R(T+1) is expected to be; fitted on the
  // whole pool (not only the matched schools), so the slope that carries the lowest supported schools
  // beyond the last twin is estimated over a wide range of R, not over a sliver at the boundary.
  const design = (x: number[], s: number) => [...x, now.r[s] as number];
  const yC = pool.map(delta);
  const yT = treated.map(delta);
  const dC = xC.map((x, j) => design(x, pool[j] as number));
  const dT = xT.map((x, i) => design(x, treated[i] as number));
  const n1 = treated.length;
  const n0 = pool.length;
  /**
   * τ̂ = (1/N₁)·[Σ_treated cᵢ·(ΔRᵢ − μ̂(Xᵢ)) − Σ_pool cⱼ·(Kⱼ/M)·(ΔRⱼ − μ̂(Xⱼ))], μ̂ fitted on the pool with
   * weights cⱼ: with all c = 1 the estimate, with bootstrap counts c one replicate.
   */
  const tau = (cT: ArrayLike<number>, cC: ArrayLike<number>): number => {
    const beta = weightedLeastSquares(dC, yC, Array.from(cC));
    let total = 0;
    for (let i = 0; i < n1; i++) {
      const c = cT[i] as number;
      if (c > 0) total += c * ((yT[i] as number) - predict(beta, dT[i] as number[]));
    }
    for (let j = 0; j < n0; j++) {
      const c = (cC[j] as number) * (matchCount[j] as number);
      if (c > 0) total -= (c / M) * ((yC[j] as number) - predict(beta, dC[j] as number[]));
    }
    return total / n1;
  };
  const estimate = tau(new Float64Array(n1).fill(1), new Float64Array(n0).fill(1));

  // Bootstrap over schools, supported and pool resampled separately; the matches are held fixed (re-matching
  // in each replicate is the bootstrap known to fail for nearest neighbours), the regression is refitted
  // (its slope is the main uncertainty for the schools below the last twin).
  const rng = createRng(seed);
  const draws = new Float64Array(B);
  const cT = new Float64Array(n1);
  const cC = new Float64Array(n0);
  for (let rep = 0; rep < B; rep++) {
    cT.fill(0);
    cC.fill(0);
    for (let i = 0; i < n1; i++) {
      const k = Math.floor(rng.next() * n1);
      cT[k] = (cT[k] as number) + 1;
    }
    for (let j = 0; j < n0; j++) {
      const k = Math.floor(rng.next() * n0);
      cC[k] = (cC[k] as number) + 1;
    }
    draws[rep] = tau(cT, cC);
  }
  draws.sort();
  const ciLow = quantile(draws, 0.025);
  const ciHigh = quantile(draws, 0.975);

  const naive = sum(treated.map(delta)) / n1;
  const comparison = matchCount.reduce((c, k) => c + (k > 0 ? 1 : 0), 0);
  const weights = Array.from(matchCount);
  const balanceOf = (covariate: string, value: (s: number) => number): BalanceRow => {
    const t = treated.map(value);
    const c = pool.map(value);
    const tm = mean(t);
    const pm = mean(c);
    const mm = weightedMean(c, weights);
    const sd = Math.sqrt((variance(t) + variance(c)) / 2);
    return {
      covariate,
      treatedMean: tm,
      poolMean: pm,
      matchedMean: mm,
      smdBefore: sd > 0 ? (tm - pm) / sd : 0,
      smdAfter: sd > 0 ? (tm - mm) / sd : 0,
    };
  };
  const matchingOnly =
    (sum(treated.map(delta)) - sum(pool.map((_, j) => ((matchCount[j] as number) / M) * (yC[j] as number)))) /
    n1;
  const balance = {
    pool: n0,
    adjustment: estimate - matchingOnly,
    covariates: [
      balanceOf(`R(${year - 1})`, (s) => before.r[s] as number),
      balanceOf(`R(${year})`, (s) => now.r[s] as number),
      balanceOf(`R̃(${year - 1}) со сжатием`, (s) => shrunkBefore[s] as number),
      balanceOf(`R̃(${year}) со сжатием`, (s) => shrunkNow[s] as number),
      balanceOf(`ИСБШ(${year})`, (s) => covariates(s)[2] as number),
    ],
  };

  const notes: string[] = [];
  const fmt = (v: number) => signed(v);
  if (naive > estimate) notes.push(EFFECT_TEXT.naiveVsEffect(fmt(naive), fmt(estimate)));
  else notes.push(EFFECT_TEXT.naiveBelowEffect(fmt(naive), fmt(estimate)));
  if (ciLow <= 0 && ciHigh >= 0) notes.push(EFFECT_TEXT.notSignificant);
  if (n1 < MIN_TREATED) notes.push(EFFECT_COUNTED.fewTreated.render(n1));
  if (comparison < MIN_COMPARISON) notes.push(EFFECT_COUNTED.fewComparison.render(comparison));
  if (dropped > 0) notes.push(EFFECT_COUNTED.droppedTreated.render(dropped));
  if (excluded > 0) notes.push(EFFECT_COUNTED.excluded.render(excluded));
  notes.push(EFFECT_TEXT.shrinkage);

  return {
    year,
    outcomeYear: year + 1,
    treated: n1,
    comparison,
    naive: { estimate: naive },
    effect: { estimate, ciLow, ciHigh, method: EFFECT_TEXT.method(M, B, seed) },
    balance,
    schools: {
      treated: treated.map((s) => pkg.schools[s]?.id as string),
      comparison: pool.flatMap((s, j) => {
        const k = matchCount[j] as number;
        return k > 0 ? [{ id: pkg.schools[s]?.id as string, weight: k / M }] : [];
      }),
    },
    notes,
  };
}

/** Indices into xs of the m nearest to x by the scaled Euclidean distance; ties by index. */
function nearest(x: number[], xs: number[][], scale: number[], m: number): number[] {
  const bestD: number[] = [];
  const bestJ: number[] = [];
  for (let j = 0; j < xs.length; j++) {
    const y = xs[j] as number[];
    let d = 0;
    for (let k = 0; k < x.length; k++) {
      const diff = ((x[k] as number) - (y[k] as number)) * (scale[k] as number);
      d += diff * diff;
    }
    if (bestD.length === m && d >= (bestD[m - 1] as number)) continue;
    let at = bestD.length;
    while (at > 0 && (bestD[at - 1] as number) > d) at--;
    bestD.splice(at, 0, d);
    bestJ.splice(at, 0, j);
    if (bestD.length > m) {
      bestD.pop();
      bestJ.pop();
    }
  }
  return bestJ;
}

const sum = (xs: number[]) => xs.reduce((s, v) => s + v, 0);
const mean = (xs: number[]) => (xs.length > 0 ? sum(xs) / xs.length : Number.NaN);
function variance(xs: number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return xs.reduce((s, v) => s + (v - m) * (v - m), 0) / (xs.length - 1);
}
const standardDeviation = (xs: number[]) => Math.sqrt(variance(xs));
function weightedMean(xs: number[], w: number[]): number {
  let sw = 0;
  let s = 0;
  xs.forEach((v, i) => {
    s += v * (w[i] as number);
    sw += w[i] as number;
  });
  return sw > 0 ? s / sw : Number.NaN;
}
/** Type-7 quantile of sorted values. */
function quantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}
/** +0,052 / −0,010: a change in units of R with three decimals, in Russian notation. */
export function signed(v: number): string {
  const text = Math.abs(v).toLocaleString('ru-RU', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  return `${v < 0 ? '−' : '+'}${text}`;
}
