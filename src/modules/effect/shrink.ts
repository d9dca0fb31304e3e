import type { YearSeries } from './school-series.js';

// Shrinkage of a year's R toward the mean of the school's cluster (empirical Bayes, method of moments).
// A school with 12 participants has an R that is mostly noise: two more «2» move it by 0.17. Matching and
// the regression use the shrunken R̃ = μ + w·(R − μ), w = τ² / (τ² + v), v = μ(1 − μ) / n, so a small
// school is compared by what its results say about it, not by its luck. The outcome ΔR is NOT shrunken:
// the estimand is in units of the raw R, and shrinking it would pull the effect toward zero.

/** Shrunken R per school; NaN where R is NaN. */
export function shrinkToClusterMean(y: YearSeries): Float64Array {
  const n = y.r.length;
  // Groups: clusters 1..k and group 0 for the schools without ИСБШ.
  let groups = 0;
  for (let s = 0; s < n; s++) groups = Math.max(groups, y.cluster[s] as number);
  const sumW = new Float64Array(groups + 1);
  const sumWR = new Float64Array(groups + 1);
  const count = new Float64Array(groups + 1);
  const sumR = new Float64Array(groups + 1);
  const sumR2 = new Float64Array(groups + 1);
  for (let s = 0; s < n; s++) {
    const r = y.r[s] as number;
    if (Number.isNaN(r)) continue;
    const g = y.cluster[s] as number;
    const p = y.participants[s] as number;
    sumW[g] = (sumW[g] as number) + p;
    sumWR[g] = (sumWR[g] as number) + p * r;
    count[g] = (count[g] as number) + 1;
    sumR[g] = (sumR[g] as number) + r;
    sumR2[g] = (sumR2[g] as number) + r * r;
  }
  // μ by participants (the cluster's share of pupils without «2»); τ² = var(R) − mean sampling variance.
  const mu = new Float64Array(groups + 1);
  const tau2 = new Float64Array(groups + 1);
  const meanV = new Float64Array(groups + 1);
  for (let g = 0; g <= groups; g++) {
    const c = count[g] as number;
    if (c === 0) continue;
    mu[g] = (sumWR[g] as number) / (sumW[g] as number);
  }
  for (let s = 0; s < n; s++) {
    const r = y.r[s] as number;
    if (Number.isNaN(r)) continue;
    const g = y.cluster[s] as number;
    const m = mu[g] as number;
    meanV[g] = (meanV[g] as number) + (m * (1 - m)) / (y.participants[s] as number);
  }
  for (let g = 0; g <= groups; g++) {
    const c = count[g] as number;
    if (c < 2) continue;
    const mean = (sumR[g] as number) / c;
    const variance = ((sumR2[g] as number) - c * mean * mean) / (c - 1);
    // Floor: a cluster whose spread looks like pure noise still keeps a tenth of its observed spread,
    // so no school is pulled all the way to the mean by an unlucky estimate of τ².
    tau2[g] = Math.max(variance - (meanV[g] as number) / c, 0.1 * variance, 1e-9);
  }
  const out = new Float64Array(n).fill(Number.NaN);
  for (let s = 0; s < n; s++) {
    const r = y.r[s] as number;
    if (Number.isNaN(r)) continue;
    const g = y.cluster[s] as number;
    const m = mu[g] as number;
    if ((count[g] as number) < 2) {
      out[s] = r;
      continue;
    }
    const v = (m * (1 - m)) / (y.participants[s] as number);
    const w = (tau2[g] as number) / ((tau2[g] as number) + v);
    out[s] = m + w * (r - m);
  }
  return out;
}
