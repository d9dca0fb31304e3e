import type { Column } from './columns.js';
import { readHeader } from './columns.js';
import type { Period } from './context.js';
import { periodText } from './deadline.js';
import type { DraftRoadmap } from './draft.js';
import { alignRow } from './rows.js';
import type { ImportedApproval, RowBlock } from './types.js';

// Header rows of roadmap tables, and the period guessed when no text states it.

export const rowText = (b: RowBlock) =>
  b.cells
    .map((c) => c.text.trim())
    .filter(Boolean)
    .join(' ');

export function headerTexts(b: RowBlock): { texts: string[]; covered: boolean[] } {
  const texts: string[] = [];
  const covered: boolean[] = [];
  for (const c of b.cells) {
    const t = c.text.trim();
    for (let k = 0; k < (c.span ?? 1); k++) {
      texts.push(t);
      covered.push(k > 0);
    }
  }
  return { texts, covered };
}

/**
 * A sub-header row wider than the header: a horizontally merged header cell copied as text (TXT) is ONE cell,
 * so «Срок выполнения» stands over «начало | окончание» of the row below and the header is one cell short.
 * The run of sub-header labels starting under a header cell widens that cell over them (the following header
 * cells shift right), as the DOCX reader's span would. Null when the rows do not fit that shape.
 */
export function widenOverSubHeader(
  first: { texts: string[]; covered: boolean[] },
  second: string[],
): { texts: string[]; covered: boolean[]; from: number[] } | null {
  const extra = second.length - first.texts.length;
  if (extra < 1 || extra > 3) return null;
  const filled = second.flatMap((t, i) => (t.trim() ? [i] : []));
  const start = filled[0];
  if (start === undefined || !first.texts[start]?.trim()) return null;
  // One run of consecutive labels, exactly as wide as the one cell plus the missing ones, and nothing else.
  if (filled.length !== extra + 1 || filled.some((at, k) => at !== start + k)) return null;
  const texts: string[] = [];
  const covered: boolean[] = [];
  const from: number[] = [];
  first.texts.forEach((t, i) => {
    const times = i === start ? extra + 1 : 1;
    for (let k = 0; k < times; k++) {
      texts.push(t);
      covered.push(k > 0 || (first.covered[i] ?? false));
      from.push(i);
    }
  });
  return { texts, covered, from };
}

/**
 * A header cell merged across in a spreadsheet comes as text: its text and an empty cell for each column it
 * spans («Срок исполнения», «» over «начало», «окончание»). When every label of the row below stands in such a
 * group — under a filled header cell and the empty ones right of it, two or more — the empty cells are that
 * cell's, as a Word table's span would give it. A header only wrapped onto a second line («Сроки» over
 * «исполнения») has a label under a single cell: left as it is.
 */
export function spreadOverEmpty(
  first: { texts: string[]; covered: boolean[]; from?: number[] },
  second: string[],
): { texts: string[]; covered: boolean[]; from?: number[] } {
  const groups: number[][] = [];
  for (let i = 0; i < second.length; i++) {
    if (!second[i]?.trim()) continue;
    const last = groups[groups.length - 1];
    if (first.texts[i]?.trim()) groups.push([i]);
    else if (last && last[last.length - 1] === i - 1) last.push(i);
    else return first;
  }
  if (groups.length === 0 || groups.some((g) => g.length < 2)) return first;
  const texts = [...first.texts];
  const covered = [...first.covered];
  for (const [head, ...rest] of groups)
    for (const i of rest) {
      texts[i] = texts[head as number] as string;
      covered[i] = true;
    }
  return { ...first, texts, covered };
}

const headerCache = new WeakMap<RowBlock, Column[] | null>();

/** The columns if the row is a header row (rows are asked again when looking ahead: remembered). */
export function readHeaderRow(b: RowBlock): Column[] | null {
  const known = headerCache.get(b);
  if (known !== undefined) return known;
  const { texts, covered } = headerTexts(b);
  // A row whose one cell spans the table («Раздел 1. …» over all columns) is a section or a title, not a
  // header: a header names at least two columns in cells of their own.
  const own = new Set(b.cells.map((c) => c.text.trim()).filter(Boolean));
  if (own.size < 2) {
    headerCache.set(b, null);
    return null;
  }
  const columns = readHeader(texts)?.map((c, i) => (covered[i] ? { ...c, covered: true } : c)) ?? null;
  headerCache.set(b, columns);
  return columns;
}

export const gridWidth = (b: RowBlock) => b.cells.reduce((n, c) => n + (c.span ?? 1), 0);
/** The header of the table again (maybe only its first line, as after a page break). */
export const sameColumns = (current: Column[], again: Column[]) =>
  (current.length === again.length &&
    again.every((c, i) => c.meaning === null || c.meaning === current[i]?.meaning)) ||
  shiftedColumns(current, again);

/**
 * The header repeated after a page break that lost its first cell like the rows around it: «Мероприятие |
 * Срок | …» under «№ | Мероприятие | Срок | …», with one cell less or an empty last one.
 */
function shiftedColumns(current: Column[], again: Column[]): boolean {
  if (again.length !== current.length && again.length !== current.length - 1) return false;
  const moved = again.slice(0, current.length - 1);
  if (again.slice(current.length - 1).some((c) => c.header.trim())) return false;
  const known = moved.filter((c) => c.meaning !== null);
  return (
    known.length >= 2 && moved.every((c, i) => c.meaning === null || c.meaning === current[i + 1]?.meaning)
  );
}

/** The period of a roadmap whose text does not say it: from its deadlines, else from the order's date. */
export function guessPeriod(draft: DraftRoadmap, approval: ImportedApproval | null): Period {
  const years = draft.deadlineYears();
  const count = new Map<number, number>();
  for (const y of years) count.set(y, (count.get(y) ?? 0) + 1);
  const both = [...count.keys()].filter((y) => count.has(y + 1)).sort((a, b) => a - b);
  const school = (y: number): Period => ({
    kind: 'school_year',
    year: y,
    text: periodText({ periodKind: 'school_year', periodYear: y }),
    multiYear: false,
  });
  if (both[0] !== undefined) return school(both[0]);
  const top = [...count.entries()].sort((a, b) => b[1] - a[1])[0];
  if (top) return { kind: 'calendar_year', year: top[0], text: String(top[0]), multiYear: false };
  const date = approval?.date ? new Date(approval.date) : new Date();
  const y = date.getUTCFullYear();
  return school(date.getUTCMonth() >= 6 ? y : y - 1);
}

/**
 * Measure text on its own in the measure column just before the same header repeated after a page break:
 * the end of the measure above, not a title over a new table (a title is written across or in column A).
 */
export function continuesBeforeRepeatedHeader(b: RowBlock, header: Column[], columns: Column[]): boolean {
  if (!sameColumns(columns, header)) return false;
  const at = alignRow(b, columns).cells.findIndex((c) => c?.text.trim());
  const cell = b.cells.find((c) => c.text.trim());
  return columns[at]?.meaning === 'measure' && (cell?.span ?? 1) === 1;
}
