import type { Cell, RowBlock } from './types.js';

// A table going on over a page break of a PDF: the same table on the next page, and a row the printer split.

const ITEM_NUMBER = /^(\d+([.)]\d+)*[.)]?|[IVXLC]+[.)]?)$/;

/**
 * The first row of a page under the repeated header is the rest of the last row of the page before (a row
 * the printer split) when it has the same cells and no number of its own, or its text goes on in lower case.
 */
export function splitRow(previous: RowBlock, cells: Cell[]): boolean {
  if (previous.header || previous.cells.length !== cells.length) return false;
  if (cells.some((c, k) => (c.span ?? 1) !== (previous.cells[k]?.span ?? 1))) return false;
  const first = cells.find((c) => c.text.trim())?.text.trim();
  if (!first) return false;
  // a row with a number of its own in the column where the row above has its number is a new row.
  // (a date cut by the cell's edge, «15.01.202» over «7», is no number)
  const NUM = /^\d+(\.\d+)*\.?$/;
  const DATE = /^\d{1,2}\.\d{2}\.\d{1,4}$/;
  const number = (t: string | undefined) => NUM.test(t?.trim() ?? '') && !DATE.test(t?.trim() ?? '');
  if (cells.some((c, k) => number(c.text) && number(previous.cells[k]?.text))) return false;
  // An empty «№» under the row's number — but not under a measure's text shifted into «№» (a 500+ row
  // that lost its first cell ends the page: the row after it is a row of its own).
  const numberAbove = previous.cells[0]?.text.trim() ?? '';
  if (cells.length > 1 && !cells[0]?.text.trim() && ITEM_NUMBER.test(numberAbove)) return true;
  // One cell of text only, under a filled cell of a full row (a row shifted left has its text in «№»).
  const filled = cells.flatMap((c, k) => (c.text.trim() ? [k] : []));
  const before = previous.cells.filter((c) => c.text.trim()).length;
  const above = previous.cells[filled[0] as number];
  // (a bold cell alone under plain text is a section row opening the page)
  const section = cells[filled[0] as number]?.bold && !above?.bold;
  if (filled.length === 1 && before >= 3 && above?.text.trim() && !section) return true;
  return /^\p{Ll}/u.test(first);
}

/**
 * The same table: its outer edges, and every column line of the one with fewer (a piece holding only merged
 * cells, such as a section row at the end of a page) is one of the other's.
 */
export function sameTable(a: number[], b: number[]): boolean {
  const near = (x: number, y: number | undefined) => y !== undefined && Math.abs(x - y) <= 3;
  if (!near(a[0] as number, b[0]) || !near(a[a.length - 1] as number, b[b.length - 1])) return false;
  const [few, many] = a.length <= b.length ? [a, b] : [b, a];
  return few.every((x) => many.some((y) => near(x, y)));
}
