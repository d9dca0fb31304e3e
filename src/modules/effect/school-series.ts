import type { DataPackage } from '../assessment-data/types.js';
import { identifierFor } from '../identification/identify.js';
import { type Methodology, OPORA_DEFAULT } from '../identification/methodology.js';
import { proceduresThatCount, rowsOfYear } from '../identification/year-data.js';

// The numbers of one school in one year that the estimator needs. R is taken from the identification
// (the Identifier's memoised year results), never recomputed here: the effect is measured on exactly the
// R of `opora-default`. Only the number of participants behind R is counted again — it is the weight of
// the shrinkage (shrink.ts), not a second R.

export type YearSeries = {
  year: number;
  /** R per school (index into pkg.schools); NaN without counted procedures. */
  r: Float64Array;
  /** Participants of the procedures that counted for R. */
  participants: Float64Array;
  /** ИСБШ per school; NaN where not defined. */
  isbsh: Float64Array;
  /** Cluster by ИСБШ, 1..k; 0 without ИСБШ. */
  cluster: Int32Array;
};

export function yearSeries(pkg: DataPackage, year: number, m: Methodology = OPORA_DEFAULT): YearSeries {
  const identifier = identifierFor(pkg, m);
  const { r } = identifier.resultsOf(year);
  const { isbsh, cluster } = identifier.contextOf(year);
  const participants = new Float64Array(pkg.schools.length);
  const counts = proceduresThatCount(pkg, m);
  const t = pkg.results;
  const rows = rowsOfYear(t, year);
  // The same filter as computeYearResults: procedures of the methodology with enough participants.
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k] as number;
    const p = t.participants[i] as number;
    if (counts[t.procedure[i] as number] === 0 || p < m.minParticipants) continue;
    const s = t.school[i] as number;
    participants[s] = (participants[s] as number) + p;
  }
  return { year, r, participants, isbsh, cluster };
}
