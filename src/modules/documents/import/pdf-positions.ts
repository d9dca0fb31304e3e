import { readHeader } from './columns.js';
import type { PdfText } from './pdf-pages.js';
import { cellOf, type Line, type PageTable } from './pdf-text.js';

// A table printed without borders: its columns are taken from the header row — the line whose pieces,
// separated by wide gaps, read as a roadmap header (columns.ts), with the lines of a header wrapped in its
// cells — and its rows from the lines below: a row starts where the first column has text again, or after
// a gap wider than the spacing of the lines inside a cell. A line running across several columns (a bold
// section title) is a row of one spanning cell. Less sure than borders: used only on pages without them.

/** Pieces of a line split at gaps wider than two spaces: the texts of its cells. */
export function chunksOf(line: Line): { x1: number; x2: number; items: PdfText[] }[] {
  const chunks: { x1: number; x2: number; items: PdfText[] }[] = [];
  for (const t of line.items) {
    const last = chunks[chunks.length - 1];
    if (last && t.x - last.x2 < 0.9 * t.size) {
      last.items.push(t);
      last.x2 = Math.max(last.x2, t.x + t.width);
    } else chunks.push({ x1: t.x, x2: t.x + t.width, items: [t] });
  }
  return chunks;
}

const spacing = (lines: Line[]) => {
  const gaps = lines.slice(1).map((l, i) => l.y - (lines[i] as Line).y);
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? 12;
};

export function positionalTables(lines: Line[], previous: number[] | null, numbered = false): PageTable[] {
  for (let h = 0; h < lines.length; h++) {
    const head = chunksOf(lines[h] as Line);
    if (head.length < 3) continue;
    // The header's wrapped lines: the next lines close below whose pieces start inside the header's columns.
    const starts = head.map((c) => c.x1);
    const columnOf = (x: number) => {
      let k = 0;
      while (k + 1 < starts.length && x >= (starts[k + 1] as number) - 3) k++;
      return k;
    };
    const texts = head.map((c) => c.items.map((t) => t.text).join(' '));
    let end = h + 1;
    const step = 1.6 * (lines[h] as Line).size;
    while (end < lines.length && (lines[end] as Line).y - (lines[end - 1] as Line).y <= step) {
      const more = chunksOf(lines[end] as Line);
      if (!more.every((c) => c.items.every((t) => t.bold === head[0]?.items[0]?.bold))) break;
      // A piece running over a column's start is a section title under the header, not a header line.
      if (more.some((c) => columnOf(c.x1) !== columnOf(c.x2 - 1))) break;
      for (const c of more) {
        const k = columnOf(c.x1);
        texts[k] = `${texts[k]} ${c.items.map((t) => t.text).join(' ')}`;
      }
      end++;
    }
    if (!readHeader(texts)) continue;
    return [tableBelow(lines, h, end, starts, /№|п\/п|номер/i.test(texts[0] ?? ''))];
  }
  // No header on this page: the table of the page before goes on if the first line starts in its first column.
  const first = lines[0] && chunksOf(lines[0])[0];
  if (previous && first && Math.abs(first.x1 - (previous[0] as number)) <= 3) {
    return [tableBelow(lines, 0, 0, previous, numbered)];
  }
  return [];
}

/** `numbered`: the first column holds the numbers, so text in it starts a row. */
function tableBelow(lines: Line[], h: number, end: number, starts: number[], numbered: boolean): PageTable {
  const header = lines.slice(h, end);
  const body = lines.slice(end);
  const line = spacing(body.length > 1 ? body : lines);
  const columnOf = (x: number) => {
    let k = 0;
    while (k + 1 < starts.length && x >= (starts[k + 1] as number) - 3) k++;
    return k;
  };
  type Row = { y: number; lines: Line[] };
  const rows: Row[] = header.length > 0 ? [{ y: (header[0] as Line).y, lines: header }] : [];
  let current: Row | null = null;
  for (const [i, l] of body.entries()) {
    const previous = i === 0 ? (header[header.length - 1] as Line) : (body[i - 1] as Line);
    const first = chunksOf(l)[0];
    const wide = chunksOf(l).some((c) => columnOf(c.x1) !== columnOf(c.x2 - 1));
    const startsRow =
      !current ||
      l.y - previous.y > 1.35 * line ||
      wide ||
      (numbered && first !== undefined && columnOf(first.x1) === 0);
    if (startsRow) {
      current = { y: l.y, lines: [] };
      rows.push(current);
    }
    current?.lines.push(l);
  }
  const cellsOf = (row: Row) => {
    const items = row.lines.flatMap((l) => l.items);
    const chunks = row.lines.flatMap(chunksOf);
    // One piece over several columns and nothing else: a spanning cell (a section title).
    if (
      chunks.length > 0 &&
      chunks.every((c) => columnOf(c.x1) !== columnOf(c.x2 - 1) || columnOf(c.x1) === 0)
    ) {
      const from = Math.min(...chunks.map((c) => columnOf(c.x1)));
      if (chunks.some((c) => columnOf(c.x1) !== columnOf(c.x2 - 1))) {
        return [
          ...Array.from({ length: from }, () => cellOf([])),
          { ...cellOf(items), span: starts.length - from },
        ].filter((c, k) => k >= from || c.text);
      }
    }
    // A column ends where the next one starts (the last at the table's right edge): a line reaching it may
    // be a word cut by the printer (pdf-text.ts).
    return starts.map((_, k) =>
      cellOf(
        items.filter((t) => columnOf(t.x) === k),
        undefined,
        starts[k + 1] ?? right,
      ),
    );
  };
  const all = [...header, ...body];
  const right = Math.max(...all.map((l) => l.x2));
  return {
    top: (all[0] as Line).y - (all[0] as Line).size,
    bottom: (all[all.length - 1] as Line).y + 1,
    columns: starts,
    numbered,
    rows: rows.map((r) => ({ y: r.y, cells: cellsOf(r) })).filter((r) => r.cells.some((c) => c.text)),
  };
}
