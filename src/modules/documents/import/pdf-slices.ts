import { sameTable } from './pdf-page-break.js';
import { CUT, type PageTable } from './pdf-text.js';
import type { Cell } from './types.js';

// A sheet wider than the page, printed by a spreadsheet (LibreOffice Calc, Excel): the table comes in vertical
// slices — the left columns on some pages, the columns further right on others («left to right, then down»:
// the slices of a band of rows follow each other; «top to bottom, then right»: all the left slices first).
// Each slice of a band prints the same rows at the same heights, and the columns set to repeat (column A, the
// row numbers) print on every slice. So a table whose rows stand where an earlier page's rows stand and
// whose first columns repeat that page's texts, under other header cells, is the continuation to the right of
// those rows: its cells are appended to them. Without repeated columns the rows align by their positions alone;
// then the slice must also have other column lines and a header of its own. Ordinary multi-page tables do not
// join: their pages hold other rows (other numbers, other heights) under the same header and columns.

/** Points: the slices of one band of rows are drawn at the same heights. */
const TOL = 2;
/** Most repeated columns a sheet sets (A, or A:B): more is a coincidence of texts, not a print title. */
const MAX_REPEATED = 3;

const width = (t: PageTable) =>
  Math.max(0, ...t.rows.map((r) => r.cells.reduce((n, c) => n + (c.span ?? 1), 0)));
const norm = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
/** A header cell's text for a message: lines joined, a word cut by the cell's edge as printed. */
const label = (s: string | undefined) => norm((s ?? '').replaceAll(CUT, ''));

/** Each row of `slice` paired with the row of `root` at its height; null when one of them has none. */
function pairRows(root: PageTable, slice: PageTable): number[] | null {
  const out: number[] = [];
  let from = 0;
  for (const row of slice.rows) {
    const k = root.rows.findIndex((r, i) => i >= from && Math.abs(r.y - row.y) <= TOL);
    if (k < 0) return null;
    out.push(k);
    from = k + 1;
  }
  return out;
}

/** How many first cells of the slice repeat the root's cells of the same rows (the print titles). */
function repeatedColumns(root: PageTable, slice: PageTable, pairs: number[]): number {
  let k = 0;
  for (; k < MAX_REPEATED && k < width(slice) - 1; k++) {
    let same = 0;
    let filled = 0;
    slice.rows.forEach((row, i) => {
      const a = root.rows[pairs[i] as number]?.cells;
      const b = row.cells;
      const single = (c: Cell[] | undefined) => c?.slice(0, k + 1).every((x) => (x.span ?? 1) === 1) === true;
      if (!single(a) || !single(b)) return;
      const x = norm(a?.[k]?.text);
      const y = norm(b[k]?.text);
      // The cut header of a merged cell further right may print over the repeated cell («…обеспечение»).
      if (x !== y && !(x && y.includes(x))) return;
      same++;
      if (x === y && x) filled++;
    });
    const distinct = new Set(slice.rows.map((r) => norm(r.cells[k]?.text)).filter(Boolean)).size;
    if (filled < 2 || distinct < 2 || slice.rows.length - same > Math.max(1, 0.2 * slice.rows.length)) break;
  }
  return k;
}

/** Texts of the header: the first rows' cells (a header of two rows — merged over both or under a common one). */
const headerTexts = (t: PageTable, from: number, rows = 2) =>
  new Set(
    t.rows.slice(0, rows).flatMap((r) =>
      r.cells
        .slice(from)
        .map((c) => norm(c.text))
        .filter(Boolean),
    ),
  );

type Slice = { root: PageTable; pairs: number[]; repeated: number };

/**
 * The slice prints the root's band of rows: from its first row (the header) to its last, most of them (a row
 * empty in the slice's columns may print nothing there).
 */
const sameRows = (pairs: number[], root: PageTable) =>
  pairs[0] === 0 && pairs[pairs.length - 1] === root.rows.length - 1 && pairs.length * 2 >= root.rows.length;

/**
 * Tables a slice is compared with: the latest ones. A sheet's slices follow their band within a few pages
 * («top to bottom, then right» — after the band's left pages); comparing with every earlier table would be
 * quadratic in a PDF of thousands of small tables.
 */
const MAX_ROOTS = 100;

/** The earlier table `slice` continues to the right of, if any. */
function sliceOf(roots: PageTable[], slice: PageTable, taken: Map<PageTable, Set<string>>): Slice | null {
  if (slice.rows.length < 3) return null;
  const found: Slice[] = [];
  for (const root of roots) {
    if (root.rows.length < 3 || sameTable(root.columns, slice.columns)) continue;
    const pairs = pairRows(root, slice);
    if (!pairs || pairs.length < 3) continue;
    const repeated = repeatedColumns(root, slice, pairs);
    const own = headerTexts(slice, repeated);
    const rootHeader = headerTexts(root, 0);
    const other = [...own].filter((t) => !rootHeader.has(t));
    if (other.length === 0) continue;
    // Rows matched by their heights alone: a header all of its own, and the root's band of rows (another
    // table on a later page may well have rows at the same heights — a spreadsheet's fixed row height).
    if (repeated === 0 && (other.length < own.size || !sameRows(pairs, root))) continue;
    found.push({ root, pairs, repeated });
  }
  // Rows of the same heights on every band match several roots by heights alone: the slices come in the
  // order of the bands («left to right»: each after its own; «top to bottom»: all after the left ones), so
  // the first root without a slice of these columns yet.
  const key = [...headerTexts(slice, 0)].join('\t');
  return found.find((f) => !taken.get(f.root)?.has(key)) ?? null;
}

/**
 * Joins the slices of a table printed wider than the page: `tables[p]` are the tables of page p in order
 * (page number `pageNumbers[p]`); a slice's cells go to the right of its root's rows, with a warning, and
 * the slice leaves its page.
 */
export function joinSlices(tables: PageTable[][], pageNumbers: number[]): void {
  const roots: { table: PageTable; page: number }[] = [];
  const taken = new Map<PageTable, Set<string>>();
  tables.forEach((list, p) => {
    const kept: PageTable[] = [];
    for (const t of list) {
      const s = sliceOf(
        roots.slice(-MAX_ROOTS).map((r) => r.table),
        t,
        taken,
      );
      if (!s) {
        kept.push(t);
        roots.push({ table: t, page: pageNumbers[p] as number });
        continue;
      }
      const rootPage = roots.find((r) => r.table === s.root)?.page ?? 0;
      appendSlice(s, t, pageNumbers[p] as number, rootPage);
      const key = [...headerTexts(t, 0)].join('\t');
      taken.set(s.root, new Set([...(taken.get(s.root) ?? []), key]));
    }
    tables[p] = kept;
  });
}

const EMPTY: Cell = { text: '', bold: false, italic: false };

function appendSlice(s: Slice, slice: PageTable, page: number, rootPage: number): void {
  const rootWidth = width(s.root);
  const added = width(slice) - s.repeated;
  const bySlice = new Map(s.pairs.map((k, i) => [k, slice.rows[i]]));
  const head = slice.rows.slice(0, 2).map((r) => r.cells.slice(s.repeated));
  const names = [...new Set(head[0]?.map((_, j) => head.map((r) => label(r[j]?.text)).find(Boolean) ?? ''))]
    .filter(Boolean)
    .slice(0, 4);
  const how =
    s.repeated === 0
      ? 'по их положению на странице'
      : s.repeated === 1
        ? 'по повторённому первому столбцу'
        : 'по повторённым первым столбцам';
  const quoted = names.map((n) => `«${n}»`).join(', ');
  const what = names.length === 1 ? `столбец ${quoted}` : `столбцы ${quoted}`.trim();
  const put = names.length === 1 ? 'приставлен' : 'приставлены';
  const warning = `Таблица напечатана частями по ширине: ${what} со стр. ${page} ${put} справа к строкам стр. ${rootPage}, строки сопоставлены ${how} — проверьте`;
  // The warning goes with the first numbered row the slice joins (header rows are not read as data).
  const numbered = s.pairs.find((k) => /^\d/.test(norm(s.root.rows[k]?.cells[0]?.text)) && k >= 1);
  const warnAt = numbered ?? s.pairs[s.pairs.length - 1];
  s.root.rows.forEach((row, k) => {
    const own = row.cells.reduce((n, c) => n + (c.span ?? 1), 0);
    const pad = Array.from({ length: Math.max(0, rootWidth - own) }, () => ({ ...EMPTY }));
    const right = bySlice.get(k)?.cells.slice(s.repeated) ?? [];
    const spans = right.reduce((n, c) => n + (c.span ?? 1), 0);
    const filler = Array.from({ length: Math.max(0, added - spans) }, () => ({ ...EMPTY }));
    const cells = [...right, ...filler];
    if (k === warnAt && cells[0])
      cells[0] = { ...cells[0], warnings: [...(cells[0].warnings ?? []), warning] };
    row.cells = [...row.cells, ...pad, ...cells];
  });
}
