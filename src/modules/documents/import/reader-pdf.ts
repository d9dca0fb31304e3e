import { FootnoteTags, withoutFootnotes } from './pdf-footnotes.js';
import { carryMerged, carryOverBreak, SplitMerge } from './pdf-merges.js';
import { sameTable, splitRow } from './pdf-page-break.js';
import { type PdfPage, type PdfText, type Rule, readPdfPages } from './pdf-pages.js';
import { chunksOf, cutAt, positionalTables } from './pdf-positions.js';
import { joinSlices } from './pdf-slices.js';
import {
  allBold,
  CUT,
  cellOf,
  joinCells,
  type Line,
  linesOf,
  lineText,
  mendCuts,
  type PageTable,
} from './pdf-text.js';
import { russianWords } from './russian-words.js';
import type { Block, Cell } from './types.js';

// A PDF with a text layer (printed from Word or LibreOffice) → the same block stream as a Word document.
// Tables are rebuilt from the drawn borders: the vertical lines crossing a row give its cells (fewer lines —
// a horizontally merged cell), a missing horizontal line under a cell joins it to the cell below (a vertical
// merge). Pages without borders fall back to the columns of the header row (pdf-positions.ts). Text outside
// tables becomes paragraphs; page numbers and running heads are dropped; a table going on over the next
// page keeps its table number and its repeated header rows are marked. Locations: «стр. N».

const TOL = 2;

/** Values within TOL of each other as one (sorted). */
function cluster(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last === undefined || v - last > TOL) out.push(v);
  }
  return out;
}

type Grid = { top: number; bottom: number; left: number; right: number; h: Rule[]; v: Rule[] };

/** Connected groups of borders that make a table (isGrid): the tables of a page. */
function gridsOf(page: PdfPage): Grid[] {
  const h = page.horizontal;
  const v = page.vertical;
  // A page of thousands of lines is a drawing, not a table (and pairing them would be quadratic).
  if (h.length * v.length > 4_000_000) return [];
  const parent = [...h, ...v].map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  h.forEach((a, i) => {
    v.forEach((b, j) => {
      if (b.x1 >= a.x1 - TOL && b.x1 <= a.x2 + TOL && a.y1 >= b.y1 - TOL && a.y1 <= b.y2 + TOL) {
        parent[find(i)] = find(h.length + j);
      }
    });
  });
  const groups = new Map<number, Grid>();
  [...h, ...v].forEach((r, i) => {
    const root = find(i);
    const g = groups.get(root) ?? {
      top: Infinity,
      bottom: -Infinity,
      left: Infinity,
      right: -Infinity,
      h: [],
      v: [],
    };
    (i < h.length ? g.h : g.v).push(r);
    g.top = Math.min(g.top, r.y1);
    g.bottom = Math.max(g.bottom, r.y2);
    g.left = Math.min(g.left, r.x1);
    g.right = Math.max(g.right, r.x2);
    groups.set(root, g);
  });
  return [...groups.values()].filter(isGrid).sort((a, b) => a.top - b.top);
}

/**
 * Two column lines and two row lines; or one row line with the column lines running on past it: the end of
 * a row cut by the page, continued at the top of the next one under no line (Chromium, held-out set 19).
 */
function isGrid(g: Grid): boolean {
  if (cluster(g.v.map((r) => r.x1)).length < 2) return false;
  const ys = cluster(g.h.map((r) => r.y1));
  if (ys.length >= 2) return true;
  const y = ys[0];
  return y !== undefined && (y - g.top > 3 * TOL || g.bottom - y > 3 * TOL);
}

/** The rows of one bordered table: cells between the vertical lines crossing each row. */
function tableOf(grid: Grid, texts: PdfText[]): PageTable {
  const ys = cluster(grid.h.map((r) => r.y1));
  // A row cut by the page end may have no line under it (Chromium draws a row's bottom border only where
  // the row ends; the rest goes on the next page, under no line either): the column lines that run on
  // past the last (or above the first) horizontal line bound one more row.
  const vTop = Math.min(...grid.v.map((r) => r.y1));
  const vBottom = Math.max(...grid.v.map((r) => r.y2));
  const first = ys[0] as number;
  const last = ys[ys.length - 1] as number;
  if (vBottom - last > 3 * TOL) ys.push(vBottom);
  if (first - vTop > 3 * TOL) ys.unshift(vTop);
  const xs = cluster(grid.v.map((r) => r.x1));
  const crosses = (x: number, y: number) =>
    grid.v.some((r) => Math.abs(r.x1 - x) <= TOL && r.y1 - TOL <= y && r.y2 + TOL >= y);
  const ruled = (y: number, x: number) =>
    grid.h.some((r) => Math.abs(r.y1 - y) <= TOL && r.x1 - TOL <= x && r.x2 + TOL >= x);
  type Slot = { from: number; to: number; owner: Slot | null; texts: PdfText[] };
  const bands: Slot[][] = [];
  for (let r = 0; r + 1 < ys.length; r++) {
    const top = ys[r] as number;
    const mid = (top + (ys[r + 1] as number)) / 2;
    const edges = xs
      .map((x, k) => ({ x, k }))
      .filter((e, i) => i === 0 || i === xs.length - 1 || crosses(e.x, mid));
    const slots: Slot[] = [];
    for (let k = 0; k + 1 < edges.length; k++) {
      const from = (edges[k] as { k: number }).k;
      const to = (edges[k + 1] as { k: number }).k;
      const above = bands[r - 1]?.find((s) => s.from === from && s.to === to);
      const centre = ((xs[from] as number) + (xs[to] as number)) / 2;
      // No line between this cell and the same cell above: one cell merged over the rows.
      const owner = above && !ruled(top, centre) ? (above.owner ?? above) : null;
      slots.push({ from, to, owner, texts: [] });
    }
    bands.push(slots);
  }
  // one text piece running over a column line holds two cells' texts: cut it at the line.
  texts = texts.flatMap((t) => {
    const y = t.y - 0.35 * t.size;
    const end = t.x + t.width;
    const lines = xs.filter((x) => x > t.x + 2 && x < end - 2 && crosses(x, y));
    return lines.length ? cutAt(t, lines, true) : [t];
  });
  for (const t of texts) {
    const y = t.y - 0.35 * t.size;
    const r = ys.findIndex((top, i) => i + 1 < ys.length && y >= top && y < (ys[i + 1] as number));
    const x = t.x + Math.min(t.width / 2, 1);
    const slot = bands[r]?.find((s) => x >= (xs[s.from] as number) && x < (xs[s.to] as number));
    if (slot) (slot.owner ?? slot).texts.push(t);
  }
  // A row shifted one column left (drawn from the table's left edge, its cells of their own widths) brings
  // column lines that cross it alone: the table's columns are the lines most rows have, and a row with a line
  // of its own keeps its cells one by one, as a Word document gives it.
  const inner = bands.map((slots) => slots.slice(1).map((s) => s.from)).filter((e) => e.length > 0);
  const main = xs.map(
    (_, k) => k === 0 || k === xs.length - 1 || inner.filter((e) => e.includes(k)).length * 2 > inner.length,
  );
  const spanOf = (from: number, to: number) => main.slice(from + 1, to + 1).filter(Boolean).length;
  const rows = bands.map((slots, r) => {
    const own = slots.some((s, k) => k > 0 && !main[s.from]);
    return {
      y: ys[r] as number,
      cells: slots.map((s): Cell => {
        const cell = cellOf((s.owner ?? s).texts, xs[s.from], xs[s.to]);
        const span = own ? 1 : spanOf(s.from, s.to);
        return { ...cell, ...(span > 1 && { span }), ...(s.owner && { merged: true }) };
      }),
    };
  });
  // Bands with no cells of their own (a gap between two drawn lines) are not rows.
  return {
    top: grid.top,
    bottom: grid.bottom,
    columns: xs.filter((_, k) => main[k]),
    rows: rows.filter((row, r) => row.cells.some((c, k) => c.text && !bands[r]?.[k]?.owner)),
  };
}

/**
 * A line where running heads are: in the top tenth or the bottom twelfth of the page, or the first or the last
 * line of text on it (a landscape page with wide margins has its head lower than a tenth of its height).
 */
function inMargin(p: PdfPage, l: Line, lines: Line[]): boolean {
  if (l.y < p.height * 0.1 || l.y > p.height * 0.92) return true;
  return l === lines[0] || l === lines[lines.length - 1];
}

/** Page numbers and running heads: short lines in the top or bottom margin that are numbers or repeat. */
function marginLines(pages: PdfPage[]): Set<string> {
  const seen = new Map<string, number>();
  for (const p of pages) {
    const lines = linesOf(p.texts);
    for (const l of lines) {
      if (!inMargin(p, l, lines)) continue;
      const key = lineText(l).replace(/\d+/g, '#');
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  }
  const repeated = new Set<string>();
  for (const [key, n] of seen) if (n >= 3 && pages.length >= 3) repeated.add(key);
  return repeated;
}
const PAGE_NUMBER = /^[-–— ]*(стр\.?|страница|с\.)?\s*#\s*(из\s*#)?[-–— ]*$/i;

/**
 * A foot (or head) with its text on the left and the page's number on the right («Дорожная карта ШНОР …
 * Страница 1 из 2», Excel's and Calc's left and right footer): two pieces far apart, one end «Страница N»,
 * «стр. N» or «N из M» with this page's number. Dropped even when the document has too few pages to see it
 * repeat (a title-like foot between two parts of a table would start a second roadmap).
 */
function numberedFoot(l: Line, pageNumber: number): boolean {
  const chunks = chunksOf(l);
  if (chunks.length !== 2) return false;
  return [chunks[0], chunks[1]].some((c) => {
    if (!c) return false;
    const text = lineText({ ...l, x1: c.x1, x2: c.x2, items: c.items }).trim();
    const key = text.replace(/\d+/g, '#');
    return PAGE_NUMBER.test(key) && /[а-яё]/i.test(key) && Number(/\d+/.exec(text)?.[0]) === pageNumber;
  });
}

/** Paragraphs of the lines outside tables: a line ending well short of the text's right edge ends one. */
function paragraphsOf(lines: Line[], right: number, location: string): (Block & { y: number })[] {
  const out: (Block & { y: number })[] = [];
  let run: Line[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const items = run.flatMap((l) => l.items);
    out.push({
      kind: 'paragraph',
      text: run.map(lineText).join('\n'),
      bold: allBold(items),
      location,
      y: run[0]?.y ?? 0,
    });
    run = [];
  };
  lines.forEach((l, i) => {
    const prev = lines[i - 1];
    const spaced = prev && l.y - prev.y > 1.8 * Math.max(l.size, prev.size);
    if (prev && (spaced || allBold(prev.items) !== allBold(l.items))) flush();
    run.push(l);
    if (l.x2 < right - 0.12 * l.size * 40) flush();
  });
  flush();
  return out;
}

export async function readPdf(data: Buffer): Promise<Block[]> {
  const footnotes = new FootnoteTags();
  const pages = (await readPdfPages(data)).map((p) => ({ ...p, texts: withoutFootnotes(p, footnotes.tag) }));
  const margins = marginLines(pages);
  const blocks: Block[] = [];
  let tableNo = 0;
  let open: { columns: number[]; first: string[][] } | null = null;
  /** The last row of data of the open table (where a row split by the page goes on). */
  let lastRow: number | null = null;
  /** The columns of a table without borders ending the page before (it may go on without its header). */
  let borderless: PageTable | null = null;
  const laid: { location: string; tables: PageTable[]; paragraphs: (Block & { y: number })[] }[] = [];
  for (const page of pages) {
    const location = `стр. ${page.number}`;
    let tables = gridsOf(page).map((g) => {
      const inside = page.texts.filter(
        (t) => t.y - 0.35 * t.size >= g.top && t.y - 0.35 * t.size <= g.bottom,
      );
      return tableOf(g, inside);
    });
    const inTable = (t: PdfText) =>
      tables.some((tb) => t.y - 0.35 * t.size >= tb.top && t.y - 0.35 * t.size <= tb.bottom);
    const pageLines = linesOf(page.texts);
    const top = pageLines[0];
    const bottom = pageLines[pageLines.length - 1];
    let lines = linesOf(page.texts.filter((t) => !inTable(t))).filter((l) => {
      // A line spread in columns is the header of a borderless table printed on each page, not a running head.
      const edge = (e: Line | undefined) =>
        e !== undefined && Math.abs(e.y - l.y) < 0.5 && lineText(e) === lineText(l);
      const marginal =
        (l.y < page.height * 0.1 || l.y > page.height * 0.92 || edge(top) || edge(bottom)) &&
        chunksOf(l).length < 3;
      const key = lineText(l).replace(/\d+/g, '#');
      return !(marginal && (PAGE_NUMBER.test(key) || margins.has(key) || numberedFoot(l, page.number)));
    });
    if (tables.length === 0) {
      const found = positionalTables(lines, borderless, page.horizontal);
      // horizontal rules only — a rule between two rows that is broken over a column: a merged cell.
      for (const tb of found) {
        if (!tb.bounds || page.horizontal.length === 0) continue;
        const edges = [-Infinity, ...tb.bounds, Infinity];
        tb.rows.forEach((row, r) => {
          const prev = tb.rows[r - 1];
          if (!prev || row.cells.length !== prev.cells.length || row.cells.length !== edges.length - 1)
            return;
          const at = page.horizontal.filter((h) => h.y1 > prev.y && h.y1 < row.y);
          if (at.length === 0) return;
          const y = Math.max(...at.map((h) => h.y1));
          const seg = at.filter((h) => Math.abs(h.y1 - y) <= 2);
          const left = Math.min(...page.horizontal.map((h) => h.x1));
          const right = Math.max(...page.horizontal.map((h) => h.x2));
          row.cells = row.cells.map((c, k) => {
            const a = Math.max(edges[k] as number, left);
            const b = Math.min(edges[k + 1] as number, right);
            const mid = (a + b) / 2;
            const ruled = seg.some((h) => h.x1 - 2 <= mid && h.x2 + 2 >= mid);
            const up = prev.cells[k];
            return !ruled && !c.text.trim() && up?.text.trim() ? { ...c, text: up.text, merged: true } : c;
          });
        });
      }
      tables = found;
      borderless = found[found.length - 1] ?? null;
      lines = lines.filter((l) => !found.some((tb) => l.y >= tb.top && l.y <= tb.bottom));
    } else borderless = null;
    const right = Math.max(0, ...page.texts.map((t) => t.x + t.width));
    laid.push({ location, tables, paragraphs: paragraphsOf(lines, right, location) });
  }
  // A sheet printed wider than the page: the slices of its columns become one table (pdf-slices.ts).
  const pageTables = laid.map((l) => l.tables);
  joinSlices(
    pageTables,
    pages.map((p) => p.number),
  );
  laid.forEach((l, p) => {
    l.tables = pageTables[p] ?? [];
  });
  for (const { location, tables, paragraphs } of laid) {
    const events = [
      ...paragraphs.map((p) => ({ y: p.y, p, t: null as PageTable | null })),
      ...tables.map((t) => ({ y: t.top, p: null, t })),
    ].sort((a, b) => a.y - b.y);
    for (const e of events) {
      if (e.p) {
        const { y: _y, ...block } = e.p;
        blocks.push(block);
        open = null;
        lastRow = null;
        continue;
      }
      const t = e.t as PageTable;
      const continues: boolean = open !== null && sameTable(open.columns, t.columns);
      if (!continues) tableNo++;
      const texts = t.rows.map((r) => r.cells.map((c) => c.text));
      const first: string[][] = continues && open ? open.first : texts.slice(0, 3);
      let started = false;
      const headers: Cell[][] = [];
      let split: SplitMerge | null = null;
      t.rows.forEach((row, i) => {
        // The header rows printed again on top of every page: the same texts as the table's first rows.
        const repeated = continues && i < first.length && first[i]?.join('\t') === texts[i]?.join('\t');
        const header =
          repeated && t.rows.slice(0, i).every((_, k) => first[k]?.join('\t') === texts[k]?.join('\t'));
        const previous = lastRow === null ? undefined : blocks[lastRow];
        if (continues && !header && previous?.kind === 'row') {
          if (split) row.cells = split.apply(row.cells);
          row.cells = carryMerged(row.cells, previous.cells, headers);
        }
        if (continues && !header && !started && previous?.kind === 'row' && splitRow(previous, row.cells)) {
          const cells = previous.cells.map((c, k) => joinCells(c, row.cells[k]));
          blocks[lastRow as number] = { ...previous, cells };
          split = new SplitMerge(row.cells, cells);
        } else {
          if (continues && !header && !started && previous?.kind === 'row') {
            row.cells = carryOverBreak(row.cells, previous.cells);
          }
          blocks.push({
            kind: 'row',
            cells: row.cells,
            location,
            table: tableNo,
            ...(header && { header: true }),
          });
          if (!header) lastRow = blocks.length - 1;
        }
        if (header) headers.push(row.cells);
        else started = true;
      });
      // A piece of a table with merged cells only (a section row ending the page) has fewer of its lines.
      open = {
        columns: open && continues && open.columns.length > t.columns.length ? open.columns : t.columns,
        first,
      };
    }
  }
  const read = footnotes.takeFrom(blocks);
  const cut = read.some((b) => b.kind === 'row' && b.cells.some((c) => c.text.includes(CUT)));
  // Without the dictionary (it failed to load) the document's words decide, as they did before it.
  return mendCuts(read, cut ? await russianWords().catch(() => null) : null);
}
