import type { ConfirmationRow, ContextRow, DataPackage, Procedure, ResultRow } from './types.js';

// The package's rows as plain objects, one at a time (for storing a package in the database, export,
// or tests); `packageFromRows` builds a package back from them.

export function* resultRows(pkg: DataPackage): Generator<ResultRow> {
  const t = pkg.results;
  for (let i = 0; i < t.length; i++) {
    const p = pkg.procedures[t.procedure[i] as number] as Procedure;
    yield {
      schoolId: pkg.schools[t.school[i] as number]?.id ?? '',
      year: t.year[i] as number,
      assessment: p.assessment,
      subject: p.subject,
      grade: p.grade,
      participants: t.participants[i] as number,
      mark2: t.mark2[i] as number,
      mark3: t.mark3[i] as number,
      mark4: t.mark4[i] as number,
      mark5: t.mark5[i] as number,
    };
  }
}

export function* contextRows(pkg: DataPackage): Generator<ContextRow> {
  const c = pkg.context;
  for (let i = 0; i < c.length; i++) {
    const values: Record<string, number | null> = {};
    c.indicators.forEach((name, j) => {
      const v = c.values[j]?.[i] as number;
      values[name] = Number.isNaN(v) ? null : v;
    });
    yield { schoolId: pkg.schools[c.school[i] as number]?.id ?? '', year: c.year[i] as number, values };
  }
}

export function* confirmationRows(pkg: DataPackage): Generator<ConfirmationRow> {
  const c = pkg.confirmation;
  if (!c) return;
  for (let i = 0; i < c.length; i++) {
    const p = pkg.procedures[c.procedure[i] as number] as Procedure;
    yield {
      schoolId: pkg.schools[c.school[i] as number]?.id ?? '',
      year: c.year[i] as number,
      assessment: p.assessment,
      subject: p.subject,
      grade: p.grade,
      participants: c.participants[i] as number,
      lowered: c.lowered[i] as number,
      confirmed: c.confirmed[i] as number,
      raised: c.raised[i] as number,
    };
  }
}
