import type { DataPackage } from '../assessment-data/types.js';
import { ceilRank, type Methodology } from './methodology.js';

// The per-year numbers the rules are built on, computed in tight loops over the package's columns and
// memoised per year by the Identifier: a run for year t needs the results of t … t−5 and the context of t
// (and of earlier years when the cluster-relative rule is on).

/** Row indices of each year of a table; cached per table (the package is never mutated). */
const yearIndexes = new WeakMap<object, Map<number, Int32Array>>();

export function rowsOfYear(table: { length: number; year: Int32Array }, year: number): Int32Array {
  let index = yearIndexes.get(table);
  if (!index) {
    const counts = new Map<number, number>();
    for (let i = 0; i < table.length; i++) {
      const y = table.year[i] as number;
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
    const built = new Map<number, Int32Array>();
    const fill = new Map<number, number>();
    for (const [y, c] of counts) {
      built.set(y, new Int32Array(c));
      fill.set(y, 0);
    }
    for (let i = 0; i < table.length; i++) {
      const y = table.year[i] as number;
      const at = fill.get(y) as number;
      (built.get(y) as Int32Array)[at] = i;
      fill.set(y, at + 1);
    }
    index = built;
    yearIndexes.set(table, index);
  }
  return index.get(year) ?? EMPTY_ROWS;
}

const EMPTY_ROWS = new Int32Array(0);

export type YearResults = {
  year: number;
  /** Per school: counted procedures, low ones, ones with lowShare ≥ riskShareThreshold. */
  counted: Int32Array;
  low: Int32Array;
  risk: Int32Array;
  /** R = 1 − Σ mark2 / Σ participants over counted procedures; NaN without any. */
  r: Float64Array;
  /** Rows of counted procedures with lowShare ≥ min(low, risk threshold), in file order. */
  notableRows: Int32Array;
  /** school · procedures + procedure → row, for the low procedures of the year. */
  lowByKey: Map<number, number>;
};

export function computeYearResults(pkg: DataPackage, m: Methodology, year: number): YearResults {
  const n = pkg.schools.length;
  const procs = pkg.procedures.length;
  const countsProc = proceduresThatCount(pkg, m);
  const t = pkg.results;
  const rows = rowsOfYear(t, year);
  const counted = new Int32Array(n);
  const low = new Int32Array(n);
  const risk = new Int32Array(n);
  const sum2 = new Float64Array(n);
  const sumP = new Float64Array(n);
  const notable: number[] = [];
  const lowByKey = new Map<number, number>();
  const minP = m.minParticipants;
  const lowThr = m.lowShareThreshold;
  const riskThr = m.riskShareThreshold;
  const notableThr = Math.min(lowThr, riskThr);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k] as number;
    const p = t.procedure[i] as number;
    const participants = t.participants[i] as number;
    if (countsProc[p] === 0 || participants < minP) continue;
    const s = t.school[i] as number;
    const mark2 = t.mark2[i] as number;
    counted[s] = (counted[s] as number) + 1;
    sum2[s] = (sum2[s] as number) + mark2;
    sumP[s] = (sumP[s] as number) + participants;
    // Plain float64 comparisons of exact quotients: 3/10 ≥ 0.3 holds (both are the same double).
    const share = mark2 / participants;
    if (share >= notableThr) notable.push(i);
    if (share >= riskThr) risk[s] = (risk[s] as number) + 1;
    if (share >= lowThr) {
      low[s] = (low[s] as number) + 1;
      lowByKey.set(s * procs + p, i);
    }
  }
  const r = new Float64Array(n);
  for (let s = 0; s < n; s++)
    r[s] = (counted[s] as number) > 0 ? 1 - (sum2[s] as number) / (sumP[s] as number) : NaN;
  return { year, counted, low, risk, r, notableRows: Int32Array.from(notable), lowByKey };
}

/** 1 for procedures of the methodology's assessments and grades (all when the lists are null). */
export function proceduresThatCount(pkg: DataPackage, m: Methodology): Uint8Array {
  const out = new Uint8Array(pkg.procedures.length);
  const assessments = m.assessments && new Set(m.assessments);
  const grades = m.grades && new Set(m.grades);
  pkg.procedures.forEach((p, i) => {
    out[i] = (!assessments || assessments.has(p.assessment)) && (!grades || grades.has(p.grade)) ? 1 : 0;
  });
  return out;
}

export type YearContext = {
  /** ИСБШ per school; NaN where not defined. */
  isbsh: Float64Array;
  /** Indicators of the methodology the school has a value for. */
  available: Int32Array;
  /** 1..clusters; 0 without ИСБШ. */
  cluster: Int32Array;
  /** 1-based rank by ИСБШ ascending (ties by school_id); 0 without ИСБШ. */
  rank: Int32Array;
  /** Schools with an ИСБШ. */
  n: number;
  shnsuRank: number;
  /** ИСБШ at rank shnsuRank; NaN when there is none. */
  shnsuThreshold: number;
  /** Indicators skipped for zero spread. */
  zeroSpread: string[];
};

export function computeYearContext(pkg: DataPackage, m: Methodology, year: number): YearContext {
  const n = pkg.schools.length;
  const c = pkg.context;
  const rows = rowsOfYear(c, year);
  const available = new Int32Array(n);
  const used = new Int32Array(n);
  const sumZ = new Float64Array(n);
  const zeroSpread: string[] = [];
  const value = new Float64Array(n);
  const ids = pkg.schools.map((x) => x.id);
  // Sums go in school_id order, not in the order rows or schools happen to be stored: a floating-point
  // sum depends on its order, and the ИСБШ must come out the same from a file and from the database.
  const byId = ids.map((_, i) => i).sort((a, b) => compareIds(ids[a] as string, ids[b] as string));
  for (const ind of m.indicators) {
    const col = c.indicators.indexOf(ind.name);
    const values = col >= 0 ? c.values[col] : undefined;
    if (!values) continue;
    // Values of the year by school (a school has at most one context row a year).
    value.fill(NaN);
    let count = 0;
    let first = NaN;
    let allEqual = true;
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k] as number;
      const v = values[i] as number;
      if (Number.isNaN(v)) continue;
      const s = c.school[i] as number;
      value[s] = v;
      available[s] = (available[s] as number) + 1;
      if (count === 0) first = v;
      else if (v !== first) allEqual = false;
      count++;
    }
    if (count === 0) continue;
    if (allEqual) {
      // Zero spread, tested exactly: the indicator still counts as available, but has no z-score.
      zeroSpread.push(ind.name);
      continue;
    }
    let sum = 0;
    for (const s of byId) {
      const v = value[s] as number;
      if (!Number.isNaN(v)) sum += v;
    }
    const mean = sum / count;
    let sq = 0;
    for (const s of byId) {
      const v = value[s] as number;
      if (!Number.isNaN(v)) sq += (v - mean) * (v - mean);
    }
    const sd = Math.sqrt(sq / count); // population standard deviation
    for (let s = 0; s < n; s++) {
      const v = value[s] as number;
      if (Number.isNaN(v)) continue;
      sumZ[s] = (sumZ[s] as number) + ((v - mean) / sd) * ind.direction;
      used[s] = (used[s] as number) + 1;
    }
  }
  const needed = m.minIndicatorShare * m.indicators.length;
  const isbsh = new Float64Array(n).fill(NaN);
  const order: number[] = [];
  for (let s = 0; s < n; s++) {
    if ((available[s] as number) >= needed - 1e-9 && (used[s] as number) > 0) {
      isbsh[s] = (sumZ[s] as number) / (used[s] as number);
      order.push(s);
    }
  }
  order.sort((a, b) => {
    const d = (isbsh[a] as number) - (isbsh[b] as number);
    return d !== 0 ? d : compareIds(ids[a] as string, ids[b] as string);
  });
  const cluster = new Int32Array(n);
  const rank = new Int32Array(n);
  const count = order.length;
  order.forEach((s, i) => {
    rank[s] = i + 1;
    cluster[s] = Math.floor((m.clusters * i) / count) + 1;
  });
  const shnsuRank = ceilRank(m.shnsuPercentile, count);
  const at = shnsuRank >= 1 ? order[shnsuRank - 1] : undefined;
  return {
    isbsh,
    available,
    cluster,
    rank,
    n: count,
    shnsuRank,
    shnsuThreshold: at === undefined ? NaN : (isbsh[at] as number),
    zeroSpread,
  };
}

/** The value at rank ceil(share · m) when the m finite values are ranked descending; NaN when none. */
export function descendingThreshold(
  values: Float64Array,
  share: number,
): { value: number; rank: number; m: number } {
  const finite = values.filter((v) => !Number.isNaN(v)).sort();
  const m = finite.length;
  const rank = ceilRank(share, m);
  return { value: rank >= 1 && rank <= m ? (finite[m - rank] as number) : NaN, rank, m };
}

/** The value at rank ceil(share · m) when the m finite values are ranked ascending; NaN when none. */
export function ascendingThreshold(
  values: number[],
  share: number,
): { value: number; rank: number; m: number } {
  const sorted = Float64Array.from(values).sort();
  const m = sorted.length;
  const rank = ceilRank(share, m);
  return { value: rank >= 1 && rank <= m ? (sorted[rank - 1] as number) : NaN, rank, m };
}

/** Plain UTF-16 code-unit order of school_id (ties and summation order). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
