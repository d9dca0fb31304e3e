import type { DataPackage } from '../assessment-data/types.js';
import { identifierFor } from '../identification/identify.js';
import { OPORA_DEFAULT } from '../identification/methodology.js';
import { rowsOfYear } from '../identification/year-data.js';

// A listed school's results in year T and T+1 (issue 13 §3), a pure function of the package: R and the
// number of low procedures as the identification computes them (Identifier.resultsOf of opora-default),
// and the share of «2» of every procedure it wrote and of every subject (all assessments and grades
// together — what the recommendation rules of the reports read).

export type ResultChange = {
  rBefore: number | null;
  rAfter: number | null;
  lowBefore: number | null;
  lowAfter: number | null;
  procedures: { procedure: string; before: number | null; after: number | null }[];
  subjects: { subject: string; before: number | null; after: number | null }[];
};

const value = (v: number) => (Number.isNaN(v) ? null : v);

export function resultChanges(pkg: DataPackage, codes: string[], year: number): Map<string, ResultChange> {
  const identifier = identifierFor(pkg, OPORA_DEFAULT);
  const index = new Map(pkg.schools.map((s, i) => [s.id, i]));
  const wanted = new Map<number, string>();
  for (const c of codes) {
    const i = index.get(c);
    if (i !== undefined) wanted.set(i, c);
  }
  // school → key → [mark2, participants] per year (0: T, 1: T+1)
  const procedures = new Map<number, Map<string, [number, number][]>>();
  const subjects = new Map<number, Map<string, [number, number][]>>();
  const add = (
    into: Map<number, Map<string, [number, number][]>>,
    s: number,
    key: string,
    k: number,
    m2: number,
    n: number,
  ) => {
    const bySchool = into.get(s) ?? new Map<string, [number, number][]>();
    into.set(s, bySchool);
    const cell = bySchool.get(key) ?? [
      [0, 0],
      [0, 0],
    ];
    bySchool.set(key, cell);
    const c = cell[k] as [number, number];
    c[0] += m2;
    c[1] += n;
  };
  const t = pkg.results;
  for (const [k, y] of [year, year + 1].entries()) {
    const rows = rowsOfYear(t, y);
    for (let j = 0; j < rows.length; j++) {
      const i = rows[j] as number;
      const s = t.school[i] as number;
      if (!wanted.has(s)) continue;
      const p = pkg.procedures[t.procedure[i] as number];
      if (!p) continue;
      const n = t.participants[i] as number;
      const m2 = t.mark2[i] as number;
      add(procedures, s, `${p.assessment}, ${p.subject}, ${p.grade} класс`, k, m2, n);
      add(subjects, s, p.subject, k, m2, n);
    }
  }
  const shares = (m: Map<string, [number, number][]> | undefined) =>
    [...(m ?? new Map<string, [number, number][]>()).entries()]
      .sort(([a], [b]) => a.localeCompare(b, 'ru'))
      .map(([key, [b, a]]) => ({
        key,
        before: b && b[1] > 0 ? b[0] / b[1] : null,
        after: a && a[1] > 0 ? a[0] / a[1] : null,
      }));
  const now = identifier.resultsOf(year);
  const next = identifier.resultsOf(year + 1);
  const out = new Map<string, ResultChange>();
  for (const [s, code] of wanted) {
    const hasBefore = !Number.isNaN(now.r[s] as number);
    const hasAfter = !Number.isNaN(next.r[s] as number);
    out.set(code, {
      rBefore: value(now.r[s] as number),
      rAfter: value(next.r[s] as number),
      lowBefore: hasBefore ? (now.low[s] as number) : null,
      lowAfter: hasAfter ? (next.low[s] as number) : null,
      procedures: shares(procedures.get(s)).map(({ key, ...v }) => ({ procedure: key, ...v })),
      subjects: shares(subjects.get(s)).map(({ key, ...v }) => ({ subject: key, ...v })),
    });
  }
  return out;
}
