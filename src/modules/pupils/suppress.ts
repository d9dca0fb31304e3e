import { SMALL_CELL } from '../access/pupil-rules.js';

// Small cells of a table of counts shown outside the school (issue 14 §2, 152-ФЗ). Computed on the
// server: the API never sends a count from 1 to 4.
// - primary: a count 1 … SMALL_CELL−1 is shown as «менее 5»;
// - complementary: a total that is shown, with exactly one of its parts hidden, would give that part
//   away by subtraction — so the smallest other non-zero part is hidden too («скрыто»), and this is
//   repeated until no line of the table has a single hidden part under a shown total. Lines are the
//   rows (when the columns split the row exclusively) and the columns (the units always split the
//   total row). Zero is shown: it reveals no pupil.

export const FEWER = 'менее 5' as const;
export const HIDDEN = 'скрыто' as const;
export type Cell = number | typeof FEWER | typeof HIDDEN;

export type CountTable = {
  /** counts[row][col] */
  counts: number[][];
  /** per row: number of pupils of the row (for exclusive columns, the sum of the row) */
  rowTotals: number[];
  /** columns split each row exclusively (a pupil is in one column) */
  exclusive: boolean;
};

export type SuppressedTable = {
  cells: Cell[][];
  rowTotals: Cell[];
  /** the total row: sums over the rows */
  columnTotals: Cell[];
  grandTotal: Cell;
};

const small = (n: number) => n > 0 && n < SMALL_CELL;

export function suppressTable(t: CountTable): SuppressedTable {
  const rows = t.counts.length;
  const cols = rows ? (t.counts[0]?.length ?? 0) : 0;
  // A grid with the totals: the last row is the column totals, the last column the row totals.
  const value: number[][] = t.counts.map((r, i) => [...r, t.rowTotals[i] ?? 0]);
  const colTotals = Array.from({ length: cols + 1 }, (_, j) => value.reduce((s, r) => s + (r[j] ?? 0), 0));
  value.push(colTotals);
  const hidden: ('' | 'small' | 'comp')[][] = value.map((r) => r.map((v) => (small(v) ? 'small' : '')));
  // The lines: each is a list of parts and its total, as grid coordinates.
  type P = [number, number];
  const lines: { parts: P[]; total: P }[] = [];
  for (let j = 0; j <= cols; j++)
    lines.push({ parts: Array.from({ length: rows }, (_, i) => [i, j] as P), total: [rows, j] });
  if (t.exclusive)
    for (let i = 0; i <= rows; i++)
      lines.push({ parts: Array.from({ length: cols }, (_, j) => [i, j] as P), total: [i, cols] });
  const isHidden = ([i, j]: P) => hidden[i]?.[j] !== '';
  const amount = ([i, j]: P) => value[i]?.[j] ?? 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (isHidden(line.total) || line.parts.length < 2) continue;
      const hiddenParts = line.parts.filter(isHidden);
      if (hiddenParts.length !== 1) continue;
      const candidates = line.parts.filter((p) => !isHidden(p) && amount(p) > 0);
      candidates.sort((a, b) => amount(a) - amount(b));
      const pick = candidates[0] ?? line.total;
      const [i, j] = pick;
      (hidden[i] as string[])[j] = 'comp';
      changed = true;
    }
  }
  const cell = (i: number, j: number): Cell => {
    const h = hidden[i]?.[j];
    return h === 'small' ? FEWER : h === 'comp' ? HIDDEN : (value[i]?.[j] ?? 0);
  };
  return {
    cells: t.counts.map((r, i) => r.map((_, j) => cell(i, j))),
    rowTotals: t.counts.map((_, i) => cell(i, cols)),
    columnTotals: Array.from({ length: cols }, (_, j) => cell(rows, j)),
    grandTotal: cell(rows, cols),
  };
}

/** A share in per cent with one decimal, when both numbers are shown. */
export const shareOf = (part: Cell, whole: Cell): number | null =>
  typeof part === 'number' && typeof whole === 'number' && whole > 0
    ? Math.round((part / whole) * 1000) / 10
    : null;
