import type { DataPackage, Procedure } from '../assessment-data/types.js';
import { type Methodology, OPORA_DEFAULT } from './methodology.js';
import { type ReasonInput, reasonsFor } from './reasons.js';
import {
  FLAG_KEYS,
  type Flags,
  type IdentifyOptions,
  type LowProcedure,
  type SchoolResult,
  type ShnorSource,
  type YearIdentification,
} from './result-types.js';
import {
  ascendingThreshold,
  computeYearContext,
  computeYearResults,
  descendingThreshold,
  rowsOfYear,
  type YearContext,
  type YearResults,
} from './year-data.js';

export type { Flags, IdentifyOptions, LowProcedure, SchoolResult, ShnorSource, YearIdentification };
export { FLAG_KEYS };

// Identification of ШНОР, ШНСУ, the risk zone, resilient schools, stagnation, repeats, exits and signs of
// non-objectivity for one year, by a methodology (methodology.ts), over a data package — a pure function
// of plain data. Past years' ШНОР come from approved lists when given, otherwise from the same rules.

/** Identification for one year; repeated calls over the same package and methodology reuse the work. */
export function identifyYear(
  pkg: DataPackage,
  year: number,
  methodology: Methodology = OPORA_DEFAULT,
  opts: IdentifyOptions = {},
): YearIdentification {
  return identifierFor(pkg, methodology).identify(year, opts);
}

const identifiers = new WeakMap<DataPackage, WeakMap<Methodology, Identifier>>();

export function identifierFor(pkg: DataPackage, methodology: Methodology): Identifier {
  let byMethodology = identifiers.get(pkg);
  if (!byMethodology) {
    byMethodology = new WeakMap();
    identifiers.set(pkg, byMethodology);
  }
  let identifier = byMethodology.get(methodology);
  if (!identifier) {
    identifier = new Identifier(pkg, methodology);
    byMethodology.set(methodology, identifier);
  }
  return identifier;
}

type ComputedShnor = {
  shnor: Uint8Array;
  byLowResults: Uint8Array;
  byCluster: Uint8Array;
  repeated: Int32Array;
};

/** Memoises the per-year numbers of one package under one methodology. */
export class Identifier {
  private readonly results = new Map<number, YearResults>();
  private readonly contexts = new Map<number, YearContext>();
  private readonly bottoms = new Map<number, { bottom: Uint8Array; threshold: Float64Array }>();
  private readonly computed = new Map<number, ComputedShnor>();

  constructor(
    readonly pkg: DataPackage,
    readonly m: Methodology,
  ) {}

  resultsOf(year: number): YearResults {
    let r = this.results.get(year);
    if (!r) {
      r = computeYearResults(this.pkg, this.m, year);
      this.results.set(year, r);
    }
    return r;
  }

  contextOf(year: number): YearContext {
    let c = this.contexts.get(year);
    if (!c) {
      c = computeYearContext(this.pkg, this.m, year);
      this.contexts.set(year, c);
    }
    return c;
  }

  /**
   * Cluster-relative rule, one year: within each cluster of the year, the schools with an R are ranked by R
   * ascending; a school is in the bottom when its R ≤ the R at rank ceil(bottomShare · m_c).
   */
  bottomOf(year: number): { bottom: Uint8Array; threshold: Float64Array } {
    let b = this.bottoms.get(year);
    if (b) return b;
    const { r } = this.resultsOf(year);
    const { cluster } = this.contextOf(year);
    const k = this.m.clusters;
    const members: number[][] = Array.from({ length: k + 1 }, () => []);
    for (let s = 0; s < r.length; s++) {
      const c = cluster[s] as number;
      if (c > 0 && !Number.isNaN(r[s] as number)) members[c]?.push(r[s] as number);
    }
    const threshold = new Float64Array(k + 1).fill(NaN);
    for (let c = 1; c <= k; c++) {
      threshold[c] = ascendingThreshold(members[c] ?? [], this.m.clusterRelative.bottomShare).value;
    }
    const bottom = new Uint8Array(r.length);
    for (let s = 0; s < r.length; s++) {
      const c = cluster[s] as number;
      bottom[s] = c > 0 && (r[s] as number) <= (threshold[c] as number) ? 1 : 0; // NaN compares false
    }
    b = { bottom, threshold };
    this.bottoms.set(year, b);
    return b;
  }

  /** ШНОР of a year by the methodology's rules alone (no approved lists). */
  computedShnor(year: number): ComputedShnor {
    let c = this.computed.get(year);
    if (c) return c;
    const n = this.pkg.schools.length;
    const now = this.resultsOf(year);
    const before = this.resultsOf(year - 1);
    const t = this.pkg.results;
    const repeated = new Int32Array(n);
    for (const [key, row] of now.lowByKey) {
      if (before.lowByKey.has(key)) {
        const s = t.school[row] as number;
        repeated[s] = (repeated[s] as number) + 1;
      }
    }
    const lr = this.m.lowResults;
    const byLowResults = new Uint8Array(n);
    if (lr.enabled) {
      for (let s = 0; s < n; s++) {
        byLowResults[s] =
          (now.low[s] as number) >= lr.minLowProcedures &&
          (repeated[s] as number) >= lr.minRepeatedLowProcedures
            ? 1
            : 0;
      }
    }
    const byCluster = new Uint8Array(n);
    const cr = this.m.clusterRelative;
    if (cr.enabled) {
      byCluster.fill(1);
      for (let j = 0; j < cr.consecutiveYears; j++) {
        const { bottom } = this.bottomOf(year - j);
        for (let s = 0; s < n; s++) if (bottom[s] === 0) byCluster[s] = 0;
      }
    }
    const shnor = new Uint8Array(n);
    for (let s = 0; s < n; s++) shnor[s] = byLowResults[s] || byCluster[s] ? 1 : 0;
    c = { shnor, byLowResults, byCluster, repeated };
    this.computed.set(year, c);
    return c;
  }

  identify(year: number, opts: IdentifyOptions = {}): YearIdentification {
    const { pkg, m } = this;
    const n = pkg.schools.length;
    const approvedFlags = new Map<number, Uint8Array>();
    const past = (y: number): { flags: Uint8Array; source: ShnorSource } => {
      const approved = opts.approvedShnor?.get(y);
      if (!approved) return { flags: this.computedShnor(y).shnor, source: 'computed' };
      let flags = approvedFlags.get(y);
      if (!flags) {
        const f = new Uint8Array(n);
        pkg.schools.forEach((s, i) => {
          f[i] = approved.has(s.id) ? 1 : 0;
        });
        flags = f;
        approvedFlags.set(y, flags);
      }
      return { flags, source: 'approved' };
    };

    const res = this.resultsOf(year);
    const ctx = this.contextOf(year);
    const now = this.computedShnor(year);
    const resilient = descendingThreshold(res.r, m.resilientPercentile);
    const lookBack = Math.max(m.stagnationYears - 1, m.repeatWindow[1], 1);
    const history = Array.from({ length: lookBack }, (_, j) => ({
      year: year - 1 - j,
      ...past(year - 1 - j),
    }));
    const objectivity = this.objectivityOf(year);
    const lowRowsBySchool = groupBySchool(pkg, res.notableRows);
    const before = this.resultsOf(year - 1);
    const [from, to] = m.repeatWindow;

    // Created once, not per school (see reasons.ts on closures under tsx).
    const bottomThreshold = (y: number, s: number) => {
      const c = this.contextOf(y).cluster[s] as number;
      return {
        cluster: c,
        r: this.resultsOf(y).r[s] as number,
        threshold: this.bottomOf(y).threshold[c] as number,
      };
    };
    const schools: SchoolResult[] = pkg.schools.map((school, s) => {
      const shnor = now.shnor[s] === 1;
      const isbsh = ctx.isbsh[s] as number;
      const r = res.r[s] as number;
      const shnsu = !Number.isNaN(isbsh) && isbsh <= ctx.shnsuThreshold;
      let stagnation = shnor;
      for (let lag = 1; lag < m.stagnationYears; lag++) stagnation &&= wasShnorAt(history, lag, s);
      let repeat = shnor;
      for (let lag = 1; lag < from; lag++) repeat &&= !wasShnorAt(history, lag, s);
      let earlier = false;
      for (let lag = from; lag <= to; lag++) earlier ||= wasShnorAt(history, lag, s);
      repeat &&= earlier;
      const flags: Flags = {
        shnor,
        shnsu,
        riskZone:
          !shnor &&
          ((res.risk[s] as number) >= m.riskMinProcedures ||
            (res.low[s] as number) >= m.riskMinLowProcedures),
        resilient: shnsu && !Number.isNaN(r) && r >= resilient.value,
        stagnation,
        repeat,
        exit: wasShnorAt(history, 1, s) && !shnor,
        objectivity: objectivity.has(s),
      };
      const notable = lowRowsBySchool.get(s) ?? [];
      const lowProcedures = notable
        .filter(
          (i) =>
            (pkg.results.mark2[i] as number) / (pkg.results.participants[i] as number) >= m.lowShareThreshold,
        )
        .map((i) => lowProcedureOf(pkg, i));
      const input: ReasonInput = {
        pkg,
        m,
        year,
        school: s,
        flags,
        notableRows: notable,
        previousLow: before.lowByKey,
        byLowResults: now.byLowResults[s] === 1,
        byCluster: now.byCluster[s] === 1,
        bottomThreshold,
        isbsh,
        isbshRank: ctx.rank[s] as number,
        shnsu: { threshold: ctx.shnsuThreshold, rank: ctx.shnsuRank, n: ctx.n },
        r,
        resilient,
        history: history.map((h) => ({ year: h.year, shnor: h.flags[s] === 1, source: h.source })),
        objectivityRows: objectivity.get(s) ?? [],
      };
      return {
        schoolId: school.id,
        isbsh: Number.isNaN(isbsh) ? null : isbsh,
        cluster: (ctx.cluster[s] as number) > 0 ? (ctx.cluster[s] as number) : null,
        resultIndex: Number.isNaN(r) ? null : r,
        flags,
        lowProcedures,
        reasons: reasonsFor(input),
        details: {
          countedProcedures: res.counted[s] as number,
          riskProcedures: res.risk[s] as number,
          repeatedLowProcedures: now.repeated[s] as number,
          indicatorsAvailable: ctx.available[s] as number,
          isbshRank: (ctx.rank[s] as number) > 0 ? (ctx.rank[s] as number) : null,
          shnorBy: { lowResults: now.byLowResults[s] === 1, clusterRelative: now.byCluster[s] === 1 },
          history: input.history,
        },
      };
    });

    return {
      year,
      methodology: { id: m.id, version: m.version },
      thresholds: {
        schoolsWithIsbsh: ctx.n,
        shnsuRank: ctx.shnsuRank,
        shnsuIsbsh: Number.isNaN(ctx.shnsuThreshold) ? null : ctx.shnsuThreshold,
        schoolsWithResultIndex: resilient.m,
        resilientRank: resilient.rank,
        resilientResultIndex: Number.isNaN(resilient.value) ? null : resilient.value,
        zeroSpreadIndicators: ctx.zeroSpread,
      },
      schools,
    };
  }

  /** Confirmation rows of the methodology's assessment with enough participants and a share over a limit. */
  private objectivityOf(year: number): Map<number, number[]> {
    const out = new Map<number, number[]>();
    const c = this.pkg.confirmation;
    if (!c) return out;
    const o = this.m.objectivity;
    const rows = rowsOfYear(c, year);
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k] as number;
      const participants = c.participants[i] as number;
      if (participants < o.minParticipants) continue;
      if (this.pkg.procedures[c.procedure[i] as number]?.assessment !== o.assessment) continue;
      if (
        (c.raised[i] as number) / participants > o.raisedShare ||
        (c.lowered[i] as number) / participants > o.loweredShare
      ) {
        const s = c.school[i] as number;
        const list = out.get(s);
        if (list) list.push(i);
        else out.set(s, [i]);
      }
    }
    return out;
  }
}

/** ШНОР of a school `lag` years before the run's year (history[0] is the year before). */
const wasShnorAt = (history: { flags: Uint8Array }[], lag: number, s: number) =>
  history[lag - 1]?.flags[s] === 1;

function groupBySchool(pkg: DataPackage, rows: Int32Array): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k] as number;
    const s = pkg.results.school[i] as number;
    const list = out.get(s);
    if (list) list.push(i);
    else out.set(s, [i]);
  }
  for (const list of out.values()) list.sort((a, b) => compareProcedures(pkg, a, b));
  return out;
}

/** By assessment, grade, subject (plain code-unit order of the names). */
function compareProcedures(pkg: DataPackage, a: number, b: number): number {
  const pa = pkg.procedures[pkg.results.procedure[a] as number] as Procedure;
  const pb = pkg.procedures[pkg.results.procedure[b] as number] as Procedure;
  if (pa.assessment !== pb.assessment) return pa.assessment < pb.assessment ? -1 : 1;
  if (pa.grade !== pb.grade) return pa.grade - pb.grade;
  if (pa.subject !== pb.subject) return pa.subject < pb.subject ? -1 : 1;
  return 0;
}

function lowProcedureOf(pkg: DataPackage, row: number): LowProcedure {
  const p = pkg.procedures[pkg.results.procedure[row] as number] as Procedure;
  return {
    assessment: p.assessment,
    subject: p.subject,
    grade: p.grade,
    lowShare: (pkg.results.mark2[row] as number) / (pkg.results.participants[row] as number),
  };
}
