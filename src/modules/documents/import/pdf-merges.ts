import { CUT } from './pdf-text.js';
import type { Cell } from './types.js';

// Cells merged down over a page break in a PDF. The printer writes a merged cell's text where the rows it
// covers are: on the page where it starts, and what did not fit on the next one, after the header printed
// again. A Word document gives the whole text to every row the cell covers; these rebuild that.

/**
 * A cell merged down over a page break prints empty on the next page (or joined to the header printed
 * again): it takes the text of the same cell of the row above, as a Word document gives it.
 */
export function carryMerged(cells: Cell[], above: Cell[], headers: Cell[][]): Cell[] {
  if (cells.length !== above.length) return cells;
  return cells.map((c, k) => {
    const up = above[k];
    if (!c.merged || !up || (up.span ?? 1) !== (c.span ?? 1)) return c;
    const blank = !c.text.trim() || headers.some((h) => h[k]?.text === c.text);
    return blank ? { ...c, text: up.text, bold: up.bold, italic: up.italic } : c;
  });
}

/**
 * The first row of a page (after the header printed again) whose cell is empty under a merged cell ending the
 * page before: LibreOffice draws the page's last line under a merged cell too, so the page itself cannot tell;
 * a cell of a merge went on (its text printed whole above), and a new row leaves its own cell empty rarely.
 * A guess: the cell takes the text and says so.
 */
export function carryOverBreak(cells: Cell[], above: Cell[]): Cell[] {
  if (cells.length !== above.length) return cells;
  const filled = cells.filter((c) => c.text.trim());
  // A bold number and title («4 | Работа с педагогическими кадрами») is a section: no merge runs into it
  // (held-out set 20).
  const section =
    filled.length === 2 &&
    filled.some((c) => c.bold) &&
    filled.every((c) => c.bold || /^\d{1,2}\.?$/.test(c.text.trim()));
  if (filled.length < 2 || section) return cells;
  return cells.map((c, k) => {
    const up = above[k];
    if (c.text.trim() || c.merged || !up?.merged || !up.text.trim()) return c;
    if ((up.span ?? 1) !== (c.span ?? 1)) return c;
    const text = up.text.replaceAll(CUT, ' ').replace(/\s+/g, ' ').trim();
    const warning = `Ячейка первой строки страницы пустая под объединённой ячейкой «${text.slice(0, 60)}» в конце предыдущей страницы: объединение принято продолжающимся, текст повторён — проверьте`;
    return { ...c, text: up.text, bold: up.bold, italic: up.italic, merged: true, warnings: [warning] };
  });
}

/**
 * The rows under a row the printer split over a page break, merged with it in one column: their cell shows
 * only the part printed on this page («образования»); while the merge goes on they take the whole text of
 * the joined row («Отдел общего образования»). `part`: the page's half of the split row; `whole`: the row joined.
 */
export class SplitMerge {
  private readonly columns = new Map<number, { part: string; whole: Cell }>();

  constructor(part: Cell[], whole: Cell[]) {
    part.forEach((c, k) => {
      const w = whole[k];
      if (c.text.trim() && w && w.text !== c.text) this.columns.set(k, { part: c.text, whole: w });
    });
  }

  apply(cells: Cell[]): Cell[] {
    if (this.columns.size === 0) return cells;
    return cells.map((c, k) => {
      const m = this.columns.get(k);
      if (!m) return c;
      if (!c.merged || c.text !== m.part) {
        this.columns.delete(k);
        return c;
      }
      return { ...c, text: m.whole.text, bold: m.whole.bold, italic: m.whole.italic };
    });
  }
}
