// Weighted least squares for a handful of columns: the normal equations solved by Gaussian elimination
// with partial pivoting. A tiny ridge on the slopes keeps a degenerate design (all matched schools with the
// same ИСБШ, say) solvable; its bias is far below the third decimal of R.

/** Coefficients b of y ≈ b₀ + Σ bₖ·xₖ; rows of x are the covariates without the intercept. */
export function weightedLeastSquares(x: number[][], y: number[], w: number[]): number[] {
  const p = (x[0]?.length ?? 0) + 1;
  const a: number[][] = Array.from({ length: p }, () => new Array<number>(p + 1).fill(0));
  for (let i = 0; i < y.length; i++) {
    const wi = w[i] as number;
    if (wi === 0) continue;
    const row = [1, ...(x[i] as number[])];
    for (let j = 0; j < p; j++) {
      const aj = a[j] as number[];
      for (let k = 0; k < p; k++) aj[k] = (aj[k] as number) + wi * (row[j] as number) * (row[k] as number);
      aj[p] = (aj[p] as number) + wi * (row[j] as number) * (y[i] as number);
    }
  }
  for (let j = 1; j < p; j++) {
    const aj = a[j] as number[];
    aj[j] = (aj[j] as number) * (1 + 1e-9) + 1e-12;
  }
  for (let c = 0; c < p; c++) {
    let pivot = c;
    for (let r = c + 1; r < p; r++) {
      if (Math.abs((a[r] as number[])[c] as number) > Math.abs((a[pivot] as number[])[c] as number))
        pivot = r;
    }
    [a[c], a[pivot]] = [a[pivot] as number[], a[c] as number[]];
    const ac = a[c] as number[];
    const d = ac[c] as number;
    if (d === 0) continue;
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const ar = a[r] as number[];
      const f = (ar[c] as number) / d;
      if (f === 0) continue;
      for (let k = c; k <= p; k++) ar[k] = (ar[k] as number) - f * (ac[k] as number);
    }
  }
  return a.map((row, j) => {
    const d = row[j] as number;
    return d === 0 ? 0 : (row[p] as number) / d;
  });
}

export const predict = (b: number[], x: number[]): number =>
  x.reduce((sum, v, k) => sum + (b[k + 1] as number) * v, b[0] as number);
