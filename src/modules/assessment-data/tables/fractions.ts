import type { TableRow } from '../../orgs/parse-table.js';
import type { TableField } from './mapping.js';
import { cellNumber, isEmptyCell } from './measures.js';

// Shares written as fractions of one (0,125 for 12,5 %; an analyst's «0.000» format), decided once per table
// (per column group of a wide one), not per row: the shares of a distribution (the four marks, or
// понизили/подтвердили/повысили) are fractions when most rows' shares add up to 1. A row of percents adds up
// to 100 and is never near 1, so the two cannot be mistaken for each other; a lone row adding up to 1 among
// rows of percents (a typo) stays an error, and so does a lone row of percents among fractions. One share on
// its own (below the minimum score) has no sum to tell, and is read as percent.

export type ShareKind = 'marks' | 'confirmation';
export const SHARE_FIELDS: Record<ShareKind, TableField[]> = {
  marks: ['pct2', 'pct3', 'pct4', 'pct5'],
  confirmation: ['pct_lowered', 'pct_confirmed', 'pct_raised'],
};
/** How far a row's fractions may miss 1: two whole percent points (four shares rounded to whole percents). */
export const FRACTION_SUM_TOLERANCE = 0.02;
/** The part of the rows with all shares that must add up to 1. */
const MOST = 0.8;

/** A share's value, 0 for an empty cell, null when it is not a plain number (a «%» says percent). */
function shareValue(text: string): number | null {
  const t = text.trim();
  if (isEmptyCell(t)) return 0;
  const v = cellNumber(t, false);
  return v !== null && v >= 0 ? v : null;
}

/** The kinds of shares of `columns` (field → 1-based column) that `rows` write as fractions of one. */
export function sharesOfOne(rows: TableRow[], columns: ReadonlyMap<TableField, number>): Set<ShareKind> {
  const out = new Set<ShareKind>();
  for (const [kind, fields] of Object.entries(SHARE_FIELDS) as [ShareKind, TableField[]][]) {
    const cols = fields.map((f) => columns.get(f));
    if (cols.some((c) => c === undefined)) continue;
    let full = 0;
    let ofOne = 0;
    for (const r of rows) {
      const texts = cols.map((c) => r.cells[(c as number) - 1] ?? '');
      if (texts.every((t) => isEmptyCell(t.trim()))) continue;
      const values = texts.map(shareValue);
      if (values.some((v) => v === null)) continue;
      const sum = (values as number[]).reduce((a, b) => a + b, 0);
      full++;
      if (values.every((v) => (v as number) <= 1) && Math.abs(sum - 1) <= FRACTION_SUM_TOLERANCE) ofOne++;
    }
    if (full > 0 && ofOne >= MOST * full) out.add(kind);
  }
  return out;
}

export const FRACTIONS_NOTE: Record<ShareKind, string> = {
  marks: 'Доли отметок записаны долями единицы (0,125 — это 12,5 %): сумма в строке — 1, а не 100 %',
  confirmation:
    'Доли «понизили / подтвердили / повысили» записаны долями единицы (0,125 — это 12,5 %): сумма в строке — 1, а не 100 %',
};
