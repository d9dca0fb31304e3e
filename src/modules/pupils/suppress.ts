import { SMALL_CELL } from '../access/pupil-rules.js';

// Small cells of the counts shown outside the school (issue 14 §2, 152-ФЗ, ADR 0029). Computed on the
// server: the API never sends a count from 1 to 4.
// - primary: a count 1 … SMALL_CELL−1 is shown as «менее 5»;
// - complementary: the counts form one tree per table — schools, their municipalities, the region — and
//   each line (a unit's children under the unit, in every column and in the total; a row's columns under
//   its total when the columns split it) must not give a hidden part away by subtraction. A line with a
//   shown total and hidden parts is safe only with two hidden parts or more whose sum lies strictly
//   between its least and its greatest possible value (each «менее 5» is 1…4, each «скрыто» 5 or more):
//   at either end every part would be known. Otherwise the smallest shown non-zero part is hidden too,
//   or, when none is left, the total. Repeated until every line is safe. One tree serves every level, so what the
//   region's table hides no municipality's or school's view shows, and the other way round.
//   Zero is shown: it reveals no pupil.

export const FEWER = 'менее 5' as const;
export const HIDDEN = 'скрыто' as const;
export type Cell = number | typeof FEWER | typeof HIDDEN;

/** A unit of the tree: its counts per column and its total; `parent` indexes the same array. */
export type CountNode = { parent: number | null; counts: number[]; total: number };

const small = (n: number) => n > 0 && n < SMALL_CELL;

/** The cells of every node (columns, then the total), suppressed together; `exclusive`: columns split a row. */
export function suppressTree(nodes: CountNode[], exclusive: boolean): { cells: Cell[]; total: Cell }[] {
  const cols = nodes[0]?.counts.length ?? 0;
  const value = nodes.map((n) => [...n.counts, n.total]);
  const mark: ('' | 'small' | 'comp')[][] = value.map((r) => r.map((v) => (small(v) ? 'small' : '')));
  type P = [number, number];
  const lines: { parts: P[]; total: P }[] = [];
  const children = nodes.map(() => [] as number[]);
  nodes.forEach((n, i) => {
    if (n.parent !== null) children[n.parent]?.push(i);
  });
  children.forEach((kids, i) => {
    if (kids.length === 0) return;
    for (let j = 0; j <= cols; j++) lines.push({ parts: kids.map((k) => [k, j] as P), total: [i, j] });
  });
  if (exclusive)
    nodes.forEach((_, i) => {
      lines.push({ parts: Array.from({ length: cols }, (_, j) => [i, j] as P), total: [i, cols] });
    });
  const at = ([i, j]: P) => mark[i]?.[j] ?? '';
  const amount = ([i, j]: P) => value[i]?.[j] ?? 0;
  const hide = ([i, j]: P) => {
    (mark[i] as string[])[j] = 'comp';
  };
  const safe = (hidden: P[]) => {
    const comps = hidden.filter((p) => at(p) === 'comp').length;
    const least = hidden.length - comps + 5 * comps;
    const sum = hidden.reduce((t, p) => t + amount(p), 0);
    const most = comps > 0 ? Number.POSITIVE_INFINITY : 4 * hidden.length;
    return hidden.length >= 2 && sum > least && sum < most;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (at(line.total) !== '') continue;
      const hidden = line.parts.filter((p) => at(p) !== '');
      if (hidden.length === 0 || safe(hidden)) continue;
      const shown = line.parts
        .filter((p) => at(p) === '' && amount(p) > 0)
        .sort((a, b) => amount(a) - amount(b));
      hide(shown[0] ?? line.total);
      changed = true;
    }
  }
  const cell = (i: number, j: number): Cell => {
    const m = mark[i]?.[j];
    return m === 'small' ? FEWER : m === 'comp' ? HIDDEN : (value[i]?.[j] ?? 0);
  };
  return nodes.map((_, i) => ({
    cells: Array.from({ length: cols }, (_, j) => cell(i, j)),
    total: cell(i, cols),
  }));
}

/** A share in per cent with one decimal, when both numbers are shown. */
export const shareOf = (part: Cell, whole: Cell): number | null =>
  typeof part === 'number' && typeof whole === 'number' && whole > 0
    ? Math.round((part / whole) * 1000) / 10
    : null;
