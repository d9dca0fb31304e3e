import { countMessage, gradeMessage, isCount, yearMessage } from './cells.js';
import { PackageBuilder } from './package-builder.js';
import {
  type ConfirmationRow,
  type ContextRow,
  type DataPackage,
  MAX_GRADE,
  MAX_YEAR,
  MIN_GRADE,
  MIN_YEAR,
  type PackageFile,
  type Procedure,
  type ResultRow,
  type School,
} from './types.js';

/**
 * A package from plain rows (tests, the database, other callers that already have typed values), with the
 * same checks across rows as the file reader. `row` in errors is the 1-based position in the given array.
 */
export function packageFromRows(input: {
  schools: School[];
  results: ResultRow[];
  context?: ContextRow[];
  confirmation?: ConfirmationRow[];
}): DataPackage {
  const b = new PackageBuilder();
  input.schools.forEach((s, i) => {
    b.addSchool(s, i + 1);
  });
  input.results.forEach((r, i) => {
    const school = b.schoolOf('results', i + 1, r.schoolId);
    const ok = checkTyped(b, 'results', i + 1, r, ['participants', 'mark2', 'mark3', 'mark4', 'mark5']);
    if (school >= 0 && ok) b.addResult(school, r, i + 1);
  });
  const names: string[] = [];
  const seen = new Set<string>();
  for (const r of input.context ?? []) {
    for (const k of Object.keys(r.values)) {
      if (!seen.has(k)) {
        seen.add(k);
        names.push(k);
      }
    }
  }
  b.setContextIndicators(names);
  (input.context ?? []).forEach((r, i) => {
    const school = b.schoolOf('context', i + 1, r.schoolId);
    if (school < 0) return;
    if (!(Number.isInteger(r.year) && r.year >= MIN_YEAR && r.year <= MAX_YEAR)) {
      b.error('context', i + 1, 'year', yearMessage(String(r.year)));
      return;
    }
    const values = names.map((k) => r.values[k] ?? Number.NaN);
    if (values.some((v) => !Number.isNaN(v) && !(v >= 0 && v <= 1))) {
      b.error('context', i + 1, undefined, 'Значения показателей должны быть долями от 0 до 1');
      return;
    }
    b.addContext(school, r.year, values, i + 1);
  });
  if (input.confirmation) {
    b.withConfirmation();
    input.confirmation.forEach((r, i) => {
      const school = b.schoolOf('confirmation', i + 1, r.schoolId);
      const ok = checkTyped(b, 'confirmation', i + 1, r, ['participants', 'lowered', 'confirmed', 'raised']);
      if (school >= 0 && ok) b.addConfirmation(school, r, i + 1);
    });
  }
  return b.build();
}

function checkTyped<R extends Procedure & { year: number }>(
  b: PackageBuilder,
  file: PackageFile,
  row: number,
  r: R,
  counts: (keyof R & string)[],
): boolean {
  let ok = true;
  const fail = (column: string, message: string) => {
    b.error(file, row, column, message);
    ok = false;
  };
  if (!(Number.isInteger(r.year) && r.year >= MIN_YEAR && r.year <= MAX_YEAR))
    fail('year', yearMessage(String(r.year)));
  if (r.assessment.trim() === '') fail('assessment', 'Не указана оценочная процедура');
  if (r.subject.trim() === '') fail('subject', 'Не указан предмет');
  if (!(Number.isInteger(r.grade) && r.grade >= MIN_GRADE && r.grade <= MAX_GRADE)) {
    fail('grade', gradeMessage(String(r.grade)));
  }
  for (const c of counts) {
    const v = r[c];
    if (typeof v !== 'number' || !isCount(v)) fail(c, countMessage(String(v)));
  }
  return ok;
}
