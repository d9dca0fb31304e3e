import type { ConvertedConfirmation, ConvertedResult, TableConversion } from './mapping.js';

// A report by class («6а», «6б» in a column «Класс», a row per class of a school; held-out set 5): the
// package is per school, so the class rows of one school in one procedure are summed into one row (the
// first class's row number). Only rows whose grade cell was a class with a letter are summed, and only
// when a school repeats; a note says how many class rows were summed.

/** «6а», «6 Б», «6-в», «6«А»»: a grade with a class letter; the grade. */
const CLASS = /^(\d{1,2})\s*[-–]?\s*["«]?[а-яё]["»]?$/iu;

export function gradeOfClass(text: string): number | null {
  const m = CLASS.exec(text.trim());
  return m ? Number(m[1]) : null;
}

type Row = ConvertedResult | ConvertedConfirmation;

const keyOf = (r: Row) =>
  JSON.stringify([
    r.school.code,
    r.school.login,
    r.school.name,
    r.school.municipality,
    r.year,
    r.assessment,
    r.subject,
    r.grade,
  ]);

const add = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);

function sumRows<T extends Row>(rows: T[], byClass: ReadonlySet<number>, fields: (keyof T)[]) {
  const out: T[] = [];
  const first = new Map<string, T>();
  let summed = 0;
  for (const r of rows) {
    const k = byClass.has(r.row) ? keyOf(r) : null;
    const into = k === null ? undefined : first.get(k);
    if (k === null || !into) {
      const copy = { ...r };
      if (k !== null) first.set(k, copy);
      out.push(copy);
      continue;
    }
    summed++;
    into.participants += r.participants;
    for (const f of fields) {
      (into[f] as number | null) = add(into[f] as number | null, r[f] as number | null);
    }
  }
  return { rows: out, summed };
}

/** Sums the class rows (`byClass`: their row numbers) of each school and procedure in place. */
export function sumClassRows(out: TableConversion, byClass: ReadonlySet<number>): void {
  if (byClass.size === 0) return;
  const before = out.results.filter((r) => byClass.has(r.row)).length;
  const results = sumRows(out.results, byClass, ['mark2', 'mark3', 'mark4', 'mark5']);
  const confirmations = sumRows(out.confirmations, byClass, ['lowered', 'confirmed', 'raised']);
  if (results.summed + confirmations.summed === 0) return;
  out.results = results.rows;
  out.confirmations = confirmations.rows;
  const after = before - results.summed;
  out.notes.push({
    row: null,
    column: null,
    message: `Строки по классам сложены в строки школ (в пакете — результат школы): строк классов — ${before}, строк школ — ${after}`,
  });
}
