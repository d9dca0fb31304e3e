import { readHeader } from './columns.js';
import type { PdfText, Rule } from './pdf-pages.js';
import { cellOf, type Line, type PageTable } from './pdf-text.js';

// A table printed without borders (or with horizontal rules only — those are not a grid, reader-pdf.ts): its
// columns come from the header — the few close lines whose pieces, grouped where they overlap across the
// lines, read as a roadmap header (columns.ts; a header cell wraps, and a short one is centred vertically
// between the lines of its neighbours) — and the boundary between two columns is the widest gap that no
// body text crosses between their header starts (a whitespace river; a centred or indented header cell does
// not move it). Rows: where the lines leave a vertical gap wider than the spacing inside a cell (cell
// padding), or, for a table printed without padding, where the number column has text again. A line running
// across several columns (a bold section title) is a row of one spanning cell. Less sure than borders:
// used only on pages without them.

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

/** Where a piece's ink ends: pdfjs counts trailing spaces in the width. */
export const inkEnd = (t: PdfText) => {
  const kept = t.text.trimEnd().length;
  return t.x + (t.text.length > 0 ? (t.width * kept) / t.text.length : t.width);
};

/** Values within 2 pt of each other as one (sorted). */
const cluster = (values: number[]): number[] => {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (!(v - (out.at(-1) ?? -Infinity) <= 2)) out.push(v);
  return out;
};

const quantile = (values: number[], q: number, fallback: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length * q)] ?? fallback;
};

type Group = { x1: number; x2: number; items: PdfText[] };

/** The header's cells: the pieces of the header lines grouped where their spans overlap. */
/** The pieces of a line split at visible gaps wider than a space (header cells sit close: «п/п» «Наименование»). */
function piecesOf(l: Line): Group[] {
  const out: Group[] = [];
  for (const t of l.items) {
    const last = out[out.length - 1];
    if (last && t.x - last.x2 < 0.4 * t.size) {
      last.items.push(t);
      last.x2 = Math.max(last.x2, inkEnd(t));
    } else out.push({ x1: t.x, x2: inkEnd(t), items: [t] });
  }
  return out;
}

function headerCells(lines: Line[]): Group[] {
  const chunks = lines.flatMap(piecesOf).sort((a, b) => a.x1 - b.x1);
  const groups: Group[] = [];
  for (const c of chunks) {
    const last = groups[groups.length - 1];
    if (last && c.x1 < last.x2 - 1) {
      last.x2 = Math.max(last.x2, c.x2);
      last.items.push(...c.items);
    } else groups.push({ ...c, items: [...c.items] });
  }
  return groups;
}

const textOf = (items: PdfText[]) =>
  [...items]
    .sort((a, b) => a.y - b.y || a.x - b.x)
    .map((t) => t.text.trim())
    .join(' ');

/** A piece running over two header cells is a section title under the header, not a header line. */
const sectionTitle = (line: Line, cells: Group[]) =>
  piecesOf(line).some((p) => cells.filter((c) => p.x1 < c.x2 - 1 && p.x2 > c.x1 + 1).length > 1);

/** The header: up to six close lines from `h` (bold ones, when the header is bold), read as a roadmap header. */
function headerAt(lines: Line[], h: number): { end: number; cells: Group[] } | null {
  const first = lines[h] as Line;
  // A header starts with a line of several cells (a title line above it does not).
  if (piecesOf(first).length < 2) return null;
  const bold = first.items.some((t) => t.bold);
  let end = h + 1;
  while (
    end < lines.length &&
    end - h < 6 &&
    (lines[end] as Line).y - (lines[end - 1] as Line).y <= 1.6 * first.size &&
    (!bold || (lines[end] as Line).items.some((t) => t.bold)) &&
    !sectionTitle(lines[end] as Line, headerCells(lines.slice(h, end)))
  )
    end++;
  // The longest run that reads as a header: a header cell wraps over several lines.
  for (let e = end; e > h; e--) {
    const cells = headerCells(lines.slice(h, e));
    if (cells.length >= 3 && readHeader(cells.map((c) => textOf(c.items)))) return { end: e, cells };
  }
  return null;
}

/**
 * Boundaries between columns: the widest gap no body piece crosses between two header cells' starts, near
 * its right end (a column's text starts at its left edge; the text of the one before may run longer on a
 * page read later with these boundaries, such as a shifted row in an empty «№» column).
 */
function boundsOf(starts: number[], body: Line[]): number[] {
  const items = body.flatMap((l) => l.items);
  // A piece crossing a header start by more than a few points is a section title or an overflow.
  const inCell = items.filter((t) => !starts.some((s) => t.x < s - 3 && inkEnd(t) > s + 3));
  const spans = inCell.map((t) => [t.x, inkEnd(t)] as const).sort((a, b) => a[0] - b[0]);
  const bounds: number[] = [];
  for (let k = 1; k < starts.length; k++) {
    const from = Math.max((starts[k - 1] as number) + 3, bounds[k - 2] ?? -Infinity);
    const to = (starts[k] as number) + 2;
    let best: { x: number; width: number } | null = null;
    let reach = from;
    for (const [a, b] of spans) {
      if (b <= reach) continue;
      if (a > reach) {
        const gapEnd = Math.min(a, to);
        if (gapEnd > reach && (!best || gapEnd - reach > best.width))
          best = { x: Math.max((reach + gapEnd) / 2, gapEnd - 3), width: gapEnd - reach };
      }
      reach = Math.max(reach, b);
      if (reach >= to) break;
    }
    if (reach < to && (!best || to - reach > best.width))
      best = { x: Math.max((reach + to) / 2, to - 3), width: to - reach };
    bounds.push(best && best.width >= 2 ? best.x : (starts[k] as number) - 3);
  }
  return bounds;
}

/** Rough widths of letters in a proportional font (in em): enough to find which space a boundary falls on. */
const letterWidth = (ch: string) =>
  ch === ' ' || /[.,:;!|'ijlrtf()]/.test(ch) ? 0.27 : /\p{Lu}/u.test(ch) ? 0.67 : /\d/.test(ch) ? 0.5 : 0.47;

/** A piece cut at the spaces nearest to the boundaries it crosses (x of a letter from rough letter widths). */
export function cutAt(t: PdfText, bounds: number[], drawn = false): PdfText[] {
  const at: number[] = [0];
  for (const ch of t.text) at.push((at[at.length - 1] as number) + letterWidth(ch));
  const scale = t.width / ((at[at.length - 1] as number) || 1);
  const x = (i: number) => t.x + (at[i] as number) * scale;
  // The boundary each cut is made at. The letter widths are a guess (a few points off over a long piece): at a
  // drawn column line (`drawn`) the piece after the cut lies right of it and the piece before it left of it; a
  // boundary guessed from the whitespace (pdf-positions) is no surer than the letters.
  const cuts = new Map<number, number>();
  for (const b of bounds) {
    if (b <= t.x || b >= inkEnd(t)) continue;
    let best = -1;
    for (let i = 1; i < t.text.length; i++) {
      if (t.text[i] === ' ' && (best < 0 || Math.abs(x(i + 1) - b) < Math.abs(x(best + 1) - b))) best = i;
    }
    if (best > 0 && Math.abs(x(best + 1) - b) < 2 * t.size && !cuts.has(best)) cuts.set(best, b);
  }
  const out: PdfText[] = [];
  let from = 0;
  let start = t.x;
  for (const [c, b] of [...cuts].sort((p, q) => p[0] - q[0])) {
    const end = drawn ? Math.max(start, Math.min(x(c), b - 0.5)) : x(c);
    out.push({ ...t, text: t.text.slice(from, c), x: start, width: end - start });
    from = c + 1;
    start = drawn ? Math.max(x(from), b + 0.5) : x(from);
  }
  const end = t.x + t.width;
  out.push({ ...t, text: t.text.slice(from), x: start, width: Math.max(0, end - start) });
  return out.filter((p) => p.text.trim());
}

export function positionalTables(lines: Line[], previous: PageTable | null, rules: Rule[] = []): PageTable[] {
  // The table of the page before goes on at the top if the first line starts in its columns (up to its
  // header printed again further down, when the table was broken there).
  const first = lines[0];
  const goesOn = previous?.bounds && first && first.x1 >= (previous.columns[0] as number) - 3;
  const rest = (to: number) =>
    goesOn && to > 0 && previous.bounds
      ? [
          tableBelow(
            lines.slice(0, to),
            0,
            0,
            previous.columns,
            previous.numbered ?? false,
            previous.bounds,
            rules,
          ),
        ]
      : [];
  for (let h = 0; h < lines.length; h++) {
    const header = headerAt(lines, h);
    if (!header) continue;
    // a centred header label starts right of its column: the column starts where body pieces align.
    const body = lines.slice(header.end);
    const counts = new Map<number, number>();
    for (const l of body)
      for (const c of piecesOf(l)) {
        const k = Math.round(c.x1);
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    const starts: number[] = [];
    header.cells.forEach((c, k) => {
      const lo = k === 0 ? -Infinity : Math.max((header.cells[k - 1] as Group).x2, starts[k - 1] as number);
      const cand = [...counts].filter(([x]) => x > lo + 1 && x <= c.x1 + 2);
      cand.sort((p, q) => q[1] - p[1] || p[0] - q[0]);
      starts.push(cand.length ? (cand[0] as [number, number])[0] - 0.5 : c.x1);
    });
    const number = /№|п\/п|номер/i.test(textOf(header.cells[0]?.items ?? []));
    return [...rest(h), tableBelow(lines, h, header.end, starts, number, null, rules)];
  }
  return rest(lines.length);
}

function tableBelow(
  lines: Line[],
  h: number,
  end: number,
  starts: number[],
  numbered: boolean,
  knownBounds: number[] | null,
  rules: Rule[],
): PageTable {
  const header = lines.slice(h, end);
  const body = lines.slice(end);
  const bounds = knownBounds ?? boundsOf(starts, body);
  const columnOf = (x: number) => {
    let k = 0;
    while (k < bounds.length && x >= (bounds[k] as number)) k++;
    return k;
  };
  const crosses = (t: PdfText) => columnOf(t.x) !== columnOf(inkEnd(t) - 1);
  // The spacing of lines inside a cell: gaps between pieces following each other in one column.
  const byColumn = new Map<number, number[]>();
  for (const l of body) {
    for (const k of new Set(l.items.map((t) => columnOf(t.x))))
      byColumn.set(k, [...(byColumn.get(k) ?? []), l.y]);
  }
  const inCell = [...byColumn.values()].flatMap((ys) => ys.slice(1).map((y, i) => y - (ys[i] as number)));
  const size = quantile(
    body.map((l) => l.size),
    0.5,
    10,
  );
  // A low quantile: in a column of short cells most gaps are between rows.
  const pitch = quantile(
    inCell.filter((g) => g > 0.5 * size),
    0.2,
    1.2 * size,
  );
  const gap = (i: number) =>
    (body[i] as Line).y - (i === 0 ? (header.at(-1)?.y ?? -Infinity) : (body[i - 1] as Line).y);
  // Horizontal rules only (Chromium prints `border-top/bottom` rows so): a rule between two lines running
  // over at least half the table's width (an underline does not) ends a row, whatever the gap.
  const left = (starts[0] as number) - 3;
  const width = Math.max(...[...header, ...body].map((l) => l.x2)) - left;
  const ruled = (i: number) => {
    const a = i === 0 ? header.at(-1) : body[i - 1];
    const b = body[i] as Line;
    if (!a || rules.length === 0) return false;
    const at = rules.filter((r) => r.y1 > a.y && r.y1 < b.y - 0.6 * b.size);
    return cluster(at.map((r) => r.y1)).some((y) => {
      const spans = at
        .filter((r) => Math.abs(r.y1 - y) <= 2)
        .map((r) => [Math.max(r.x1, left), Math.min(r.x2, left + width)] as const)
        .filter(([x1, x2]) => x2 > x1)
        .sort((p, q) => p[0] - q[0]);
      let covered = 0;
      let reach = -Infinity;
      for (const [x1, x2] of spans) {
        covered += Math.max(0, x2 - Math.max(x1, reach));
        reach = Math.max(reach, x2);
      }
      return covered >= 0.5 * width;
    });
  };
  // Cell padding leaves a gap between rows; without it (Word's default) the numbers mark the rows.
  const padded = body.filter((_, i) => i > 0 && gap(i) > 1.5 * pitch).length >= 2;
  type Row = { y: number; lines: Line[] };
  const rows: Row[] = header.length > 0 ? [{ y: (header[0] as Line).y, lines: header }] : [];
  let current: Row | null = null;
  for (const [i, l] of body.entries()) {
    const wide = l.items.some(crosses) && l.items.every((t) => crosses(t) || columnOf(t.x) === 0);
    const startsRow =
      !current ||
      gap(i) > 1.5 * pitch ||
      ruled(i) ||
      (!padded && (wide || (numbered && columnOf(l.x1) === 0)));
    if (startsRow) {
      current = { y: l.y, lines: [] };
      rows.push(current);
    }
    current?.lines.push(l);
  }
  const all = [...header, ...body];
  const right = Math.max(...all.map((l) => l.x2));
  const cellsOf = (row: Row) => {
    let items = row.lines.flatMap((l) => l.items);
    // Pieces over several columns and nothing right of the first column: a spanning cell (a section title).
    if (items.some(crosses) && items.every((t) => crosses(t) || columnOf(t.x) === 0)) {
      const from = Math.min(...items.map((t) => columnOf(t.x)));
      return [{ ...cellOf(items), span: starts.length - from }];
    }
    // A piece crossing a column boundary in a row of cells is two cells' texts the printer wrote as one
    // (a gap of one space between them): cut at the space nearest to the boundary.
    items = items.flatMap((t) => (crosses(t) ? cutAt(t, bounds) : [t]));
    // A column ends where the next one starts (the last at the table's right edge): a line reaching it may
    // be a word cut by the printer (pdf-text.ts).
    return starts.map((_, k) =>
      cellOf(
        items.filter((t) => columnOf(t.x + Math.min(t.width / 2, 1)) === k),
        undefined,
        bounds[k] ?? right,
      ),
    );
  };
  return {
    top: (all[0] as Line).y - (all[0] as Line).size,
    bottom: (all[all.length - 1] as Line).y + 1,
    columns: starts,
    bounds,
    numbered,
    rows: rows.map((r) => ({ y: r.y, cells: cellsOf(r) })).filter((r) => r.cells.some((c) => c.text)),
  };
}
