import { parseDeadline } from '../../roadmaps/deadline.js';
import { looksLikeContinuation } from './clean-text.js';
import { type Column, type ColumnMeaning, normalizeHeader, readHeader } from './columns.js';
import { levelRow, readLevel } from './levels.js';
import { depth, type ItemNumber, isChildOf, parseNumber, splitLeadingNumber } from './numbering.js';
import type { Cell, ImportLevel, RowBlock } from './types.js';

// Puts the cells of a row under the table's columns and tells what the row is: a (repeated) header, a
// section, a level row, an item, a sub-row of an item, the continuation of a row broken by a page break,
// or something that cannot be placed.

export type AlignedRow = {
  /** One entry per column: the cell that starts there (undefined under a span or when missing). */
  cells: (Cell | undefined)[];
  /** Text of cells beyond the last column. */
  extra: string[];
  /** Fewer cells than columns and not the usual merged level column: the placement was guessed. */
  guessed: boolean;
  /** Only the first column («№») was left out: the row lost its empty first cell (a page break). */
  lostFirst?: boolean;
};

const ANY_PERIOD = { periodKind: 'school_year', periodYear: 2022 } as const;
const looksLikeDeadline = (t: string) => parseDeadline(t, ANY_PERIOD).understood;

function expand(cells: Cell[]): (Cell | undefined)[] {
  const grid: (Cell | undefined)[] = [];
  for (const c of cells) {
    grid.push(c);
    for (let k = 1; k < (c.span ?? 1); k++) grid.push(undefined);
  }
  return grid;
}

function placementScore(texts: string[], columns: Column[], dropped: number[]): number {
  let score = 0;
  columns.forEach((col, i) => {
    const t = texts[i]?.trim() ?? '';
    if (!t) return;
    switch (col.meaning) {
      case 'number':
        score += parseNumber(t) ? 3 : t.length > 12 ? -4 : -1;
        break;
      case 'level':
        score += readLevel(t).level ? 3 : -4;
        break;
      case 'deadline':
        score += looksLikeDeadline(t) ? 2 : 0;
        break;
      case 'measure':
        score += 1;
        break;
    }
  });
  for (const d of dropped) {
    const meaning = columns[d]?.meaning;
    if (meaning === 'level') score += 2;
    else if (d >= columns.length - dropped.length) score += 1;
    else if (meaning === 'number') score += 0.5;
  }
  return score;
}

function combinations(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  const walk = (start: number, acc: number[]) => {
    if (acc.length === k) {
      out.push([...acc]);
      return;
    }
    for (let i = start; i < n; i++) walk(i + 1, [...acc, i]);
  };
  walk(0, []);
  return out;
}

/**
 * Rows with fewer cells than columns come from a vertically merged cell (the level of management written
 * once for several rows) or from trailing empty cells lost in a copy: the missing columns are chosen so
 * that numbers, levels and deadlines land in their columns.
 */
export function alignRow(row: RowBlock, columns: Column[]): AlignedRow {
  const grid = expand(row.cells);
  const width = columns.length;
  if (grid.length >= width) {
    const extra = grid
      .slice(width)
      .map((c) => c?.text.trim() ?? '')
      .filter(Boolean);
    return { cells: grid.slice(0, width), extra, guessed: false };
  }
  const missing = width - grid.length;
  const hasSpan = row.cells.some((c) => (c.span ?? 1) > 1);
  if (hasSpan || missing > 2) {
    // Drop the level column first (merged), then the last ones.
    const levelIndex = columns.findIndex((c) => c.meaning === 'level');
    const cells: (Cell | undefined)[] = [...grid];
    if (levelIndex >= 0 && missing >= 1 && !hasSpan) cells.splice(levelIndex, 0, undefined);
    while (cells.length < width) cells.push(undefined);
    return { cells, extra: [], guessed: false };
  }
  let best: { dropped: number[]; score: number } | null = null;
  for (const dropped of combinations(width, missing)) {
    const texts: string[] = [];
    let k = 0;
    for (let i = 0; i < width; i++) texts.push(dropped.includes(i) ? '' : (grid[k++]?.text ?? ''));
    const score = placementScore(texts, columns, dropped);
    if (!best || score > best.score) best = { dropped, score };
  }
  const dropped = best?.dropped ?? [];
  const cells: (Cell | undefined)[] = [];
  let k = 0;
  for (let i = 0; i < width; i++) cells.push(dropped.includes(i) ? undefined : grid[k++]);
  const usual = dropped.every((d) => columns[d]?.meaning === 'level' || d >= width - missing);
  const onlyEmptyShifted = grid.every((c) => !c?.text.trim()) || usual;
  const lostFirst = dropped.length === 1 && dropped[0] === 0 && columns[0]?.meaning === 'number';
  return { cells, extra: [], guessed: !onlyEmptyShifted, ...(lostFirst && { lostFirst }) };
}

// ---------- What a row is ----------

export type RowKind =
  | { kind: 'skip' }
  | { kind: 'header' }
  | { kind: 'section'; number: string | null; title: string; guessed: boolean }
  | { kind: 'note'; text: string }
  | { kind: 'level'; level: ImportLevel }
  | { kind: 'item'; number: ItemNumber | null; measureOverride?: string }
  | { kind: 'subrow' }
  /** `separate`: another line of a Word row group (merged number or measure): values joined with «; ». */
  | { kind: 'continuation'; guessed: boolean; separate?: boolean; measureOnly?: boolean }
  | { kind: 'unplaced'; text: string };

export type RowContext = {
  columns: Column[];
  /** Items of this roadmap have had numbers so far. */
  numbered: boolean;
  /** There is an item (or sub-item) just above that a continuation could belong to. */
  hasItem: boolean;
  /** The number of the next non-empty row, null when it has none (tells «1 | Раздел» from «1 | Мероприятие»). */
  nextNumber: ItemNumber | null;
  /** The number of the item (or sub-item) just above, if it has one. */
  lastNumber?: ItemNumber | null;
  /** The measure of the item just above (tells a sentence cut by a page break). */
  lastMeasure?: string;
  /**
   * No row of the document has a bold cell (a text copy, a PDF without font weights): a section cannot be
   * told by its bold, so a title-like row may be guessed one by its wording.
   */
  rowsWithoutBold?: boolean;
};

type OwnCell = { index: number; text: string; cell: Cell };

export const cellText = (c: Cell | undefined): string => c?.text.trim() ?? '';

function ownCells(row: AlignedRow): OwnCell[] {
  const out: OwnCell[] = [];
  row.cells.forEach((cell, index) => {
    if (cell && !cell.merged && cell.text.trim()) out.push({ index, text: cell.text.trim(), cell });
  });
  return out;
}

export function columnText(row: AlignedRow, columns: Column[], meaning: ColumnMeaning): string {
  return columns
    .map((c, i) => (c.meaning === meaning ? cellText(row.cells[i]) : ''))
    .filter(Boolean)
    .join('; ');
}

function isColumnNumbering(own: OwnCell[]): boolean {
  return own.length >= 3 && own.every((c, i) => c.text.replace(/\.$/, '') === String(i + 1));
}

export function isRepeatedHeader(row: AlignedRow, columns: Column[]): boolean {
  const own = row.cells.map(cellText);
  const same = own.filter(
    (t, i) => t && normalizeHeader(t) === normalizeHeader(columns[i]?.header ?? ''),
  ).length;
  if (same >= 2 && same >= own.filter(Boolean).length - 1) return true;
  const header = readHeader(own);
  if (!header || header.length !== columns.length) return false;
  return header.every((c, i) => c.meaning === columns[i]?.meaning);
}

export function classifyRow(row: AlignedRow, ctx: RowContext): RowKind {
  const { columns } = ctx;
  const own = ownCells(row);
  if (own.length === 0 && row.extra.length === 0) return { kind: 'skip' };
  if (own.length > 0 && own.every((c) => /^[-–—=_:|+.\s]+$/.test(c.text))) return { kind: 'skip' };
  if (isColumnNumbering(own)) return { kind: 'skip' };
  if (isRepeatedHeader(row, columns)) return { kind: 'header' };
  if (isTotalOrFootnote(own)) return { kind: 'note', text: own.map((c) => c.text).join(' ') };

  const numberIndex = columns.findIndex((c) => c.meaning === 'number');
  const measureIndex = columns.findIndex((c) => c.meaning === 'measure');
  const numberCell = numberIndex >= 0 ? row.cells[numberIndex] : undefined;
  const measureCell = measureIndex >= 0 ? row.cells[measureIndex] : undefined;
  if ((numberCell?.merged && cellText(numberCell)) || (measureCell?.merged && cellText(measureCell))) {
    // A vertically merged number or measure: one more line of the item above (its own deadline, body…),
    // or, with a measure of its own, a sub-row of it.
    if (!ctx.hasItem) return unplaced(own);
    if (!measureCell?.merged && cellText(measureCell)) return { kind: 'subrow' };
    return { kind: 'continuation', guessed: false, separate: true };
  }
  const numberText = numberIndex >= 0 ? cellText(row.cells[numberIndex]) : '';
  const num = numberText ? parseNumber(numberText) : null;
  const rest = own.filter((c) => !(num && c.index === numberIndex));

  const carried = row.cells.some((c) => c?.merged && c.text.trim());
  if (rest.length === 1 && row.extra.length === 0 && !carried) {
    const only = rest[0] as OwnCell;
    return singleText(only, num, ctx);
  }
  if (rest.length === 0) return { kind: 'unplaced', text: numberText || row.extra.join(' ') };
  if (num) return { kind: 'item', number: num };
  if (numberText && !num) return { kind: 'unplaced', text: own.map((c) => c.text).join(' | ') };

  const measure = columnText(row, columns, 'measure');
  if (!measure) return ctx.hasItem ? { kind: 'continuation', guessed: false } : unplaced(own);
  if (looksLikeContinuation(measure)) {
    return ctx.hasItem ? { kind: 'continuation', guessed: false } : { kind: 'item', number: null };
  }
  const embedded = numberIndex < 0 || !numberText ? splitLeadingNumber(measure) : null;
  if (embedded && ctx.numbered)
    return { kind: 'item', number: embedded.number, measureOverride: embedded.rest };
  if (ctx.numbered && ctx.hasItem) {
    const deadline = columnText(row, columns, 'deadline');
    return deadline ? { kind: 'subrow' } : { kind: 'continuation', guessed: true };
  }
  if (embedded) return { kind: 'item', number: embedded.number, measureOverride: embedded.rest };
  if (continuesWithoutFields(row, ctx, own))
    return { kind: 'continuation', guessed: false, measureOnly: true };
  return { kind: 'item', number: null };
}

/**
 * Without numbers a measure is a row with a deadline or an executor; a row of plain text with neither (the
 * measure and the result continued on the next page) belongs to the measure above.
 */
function continuesWithoutFields(row: AlignedRow, ctx: RowContext, own: OwnCell[]): boolean {
  const { columns } = ctx;
  if (ctx.numbered || !ctx.hasItem || own.some((c) => c.cell.bold)) return false;
  if (!columns.some((c) => c.meaning === 'deadline' || c.meaning === 'responsible')) return false;
  if (columnText(row, columns, 'deadline') || columnText(row, columns, 'responsible')) return false;
  // A text copy leaves vertically merged deadline and executor cells empty below their first row: a row
  // with a result of its own written from a capital letter is then a measure of its own.
  return own.every((c) => columns[c.index]?.meaning === 'measure' || looksLikeContinuation(c.text));
}

const unplaced = (own: OwnCell[]): RowKind => ({
  kind: 'unplaced',
  text: own.map((c) => c.text).join(' | '),
});

const SECTION_WORDS =
  /^((раздел|направлени|блок|модуль|этап|задач)[а-я]*(?![а-я])|[IVXLC]+[.)]?\s)|(направлени[ея]|:)$/i;

/**
 * In a table without numbers, plain text in the measure column alone (not bold, not across the row, not
 * named like a section) is the measure above continued on the next page, even from a capital letter.
 */
function continuesMeasure(only: OwnCell, ctx: RowContext): boolean {
  if (!ctx.hasItem || only.cell.bold || only.cell.italic) return false;
  if ((only.cell.span ?? 1) > 1 || SECTION_WORDS.test(only.text)) return false;
  // In a numbered table a lower-case start is joined as before (no warning); a capital only between siblings.
  if (ctx.numbered && (looksLikeContinuation(only.text) || !betweenSiblings(ctx))) return false;
  if (!ctx.numbered && !capitalMayContinue(only.text, ctx)) return false;
  return ctx.columns[only.index]?.meaning === 'measure';
}

/**
 * A page break cuts a measure at any word, so its tail seldom opens with a capital; when it does, the word is
 * a name in an oblique case («Центра…», «Российской…»), an abbreviation or a quotation. A capitalised row whose
 * first word names a section in the nominative («Информационное сопровождение», «Работа с родителями»), after a
 * measure that reads finished, is a section — but only where the document keeps no bold to tell sections
 * (a text copy) and the row reads like a title (short, no final period). Where bold exists, a plain row is the
 * measure cut between sentences by a page break («…по итогам ВПР.» / «Корректировка рабочих программ»).
 */
function capitalMayContinue(text: string, ctx: RowContext): boolean {
  if (looksLikeContinuation(text)) return true;
  if (!ctx.rowsWithoutBold || !looksLikeTitle(text)) return true;
  const first = /^[А-ЯЁ][а-яё]*(?:-[а-яё]+)*(?=[\s,.:]|$)/.exec(text)?.[0];
  if (!first || !SECTION_HEAD.test(first)) return true;
  return OPEN_END.test(ctx.lastMeasure?.trim() ?? '');
}

/** A section title is short and has no final period («Работа с родителями», not a sentence of a measure). */
function looksLikeTitle(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= 80 && t.split(' ').length <= 8 && !/[.;]$/.test(t);
}

/** A section's first word: a nominative adjective or a verbal noun, or a usual head noun. */
const SECTION_HEAD = /^(.*(ое|ая|ые|ие|ый|ий|ция|ство|ка)|работа|мониторинг|контроль|анализ)$/i;

const OPEN_END = /[,«„(—–-]$|\s(и|или|и\/или|в|во|на|по|с|со|для|от|к|о|об|при|между|из|за|до|среди)$/i;

/**
 * «3.4 …учителями» / «ШНОР и школ-наставников» / «3.5 …»: the numbers on both sides follow one another,
 * so no section can start between them — the text is the end of 3.4 after a page break, capital or not.
 */
function betweenSiblings(ctx: RowContext): boolean {
  const last = ctx.lastNumber;
  const next = ctx.nextNumber;
  if (!last || !next || last.roman || next.roman || last.parts.length !== next.parts.length) return false;
  // Items numbered 1…25 through the whole table do have sections between neighbours («II. …»): there only
  // a measure visibly cut mid-sentence («…для», «…школ,») goes on.
  if (last.parts.length < 2 && !OPEN_END.test(ctx.lastMeasure?.trim() ?? '')) return false;
  const n = last.parts.length;
  return last.parts.every((p, i) => (i < n - 1 ? next.parts[i] === p : next.parts[i] === p + 1));
}

/**
 * A number outside the items' own sequence: «1.» over items «1», «2» …, or «2.» between items «4» and «5» — a
 * section numbered apart from the items (a spreadsheet's merged section row read as text keeps no span).
 */
function numberedApart(n: ItemNumber, ctx: RowContext): boolean {
  const next = ctx.nextNumber;
  const last = ctx.lastNumber;
  if (!next || next.roman || n.roman || depth(next) !== 1) return false;
  const value = n.parts[0] as number;
  const following = next.parts[0] as number;
  if (following === value) return true;
  return !!last && !last.roman && depth(last) === 1 && following === (last.parts[0] as number) + 1;
}

const TOTAL = /^(всего|итого)(\s+(по|на)\s+[^:]{1,60}|,\s*[^:]{1,30})?:?$/iu;
const FOOTNOTE = /^(\*{1,3}\)?|[¹²³⁴⁵⁶⁷⁸⁹])\s*[-–—]?\s*\p{L}/u;
const AMOUNT = /^([\d\s\u00a0.,]+(\s*(тыс\.?|млн\.?)?\s*(руб\.?|₽))?|[-–—xх×])$/i;

/**
 * «Всего по программе: | 858,3» under the last measure (a sum of the financing column), «* — по согласованию»,
 * «¹ Диагностика проводится…» (a footnote under the table): no measure, no continuation of one (held-out set 20).
 */
function isTotalOrFootnote(own: OwnCell[]): boolean {
  const [first, ...rest] = own;
  if (!first) return false;
  if (TOTAL.test(first.text.trim())) return rest.every((c) => AMOUNT.test(c.text.trim()));
  return rest.length === 0 && FOOTNOTE.test(first.text.trim());
}

/** A row with one piece of text (besides its number): a section, a level row, a short item or a continuation. */
function singleText(only: OwnCell, num: ItemNumber | null, ctx: RowContext): RowKind {
  const { columns } = ctx;
  const t = only.text;
  const styled = only.cell.bold || only.cell.italic;
  const meaning = columns[only.index]?.meaning ?? null;
  if (!num) {
    const level = levelRow(t);
    if (level) return { kind: 'level', level };
  }
  const embedded = num ? null : splitLeadingNumber(t);
  const n = num ?? embedded?.number ?? null;
  const title = embedded ? embedded.rest : t;
  const section = (guessed: boolean): RowKind => ({
    kind: 'section',
    number: n?.text ?? null,
    title,
    guessed,
  });
  const inMeasure = meaning === 'measure' || meaning === 'direction';

  if (n) {
    if (n.roman) return section(false);
    const next = ctx.nextNumber;
    if (next && isChildOf(next, n)) return section(false);
    if (depth(n) === 1) {
      if (styled) return section(false);
      if (next && depth(next) === 1 && inMeasure && !numberedApart(n, ctx)) {
        return { kind: 'item', number: n, ...(embedded && { measureOverride: title }) };
      }
      return section(inMeasure);
    }
    if (inMeasure || meaning === 'number') {
      return { kind: 'item', number: n, ...(embedded && { measureOverride: title }) };
    }
    return section(true);
  }
  if (inMeasure) {
    if (continuesMeasure(only, ctx)) return { kind: 'continuation', guessed: false, measureOnly: true };
    if (looksLikeContinuation(t))
      return ctx.hasItem ? { kind: 'continuation', guessed: false } : section(true);
    // Text in the measure column only: a section (the brief's «направление»); an item has a deadline or a
    // responsible body. Bold or italic makes it sure, otherwise a warning asks to check.
    return section(!styled);
  }
  if (meaning === 'number' || meaning === 'level' || meaning === null) {
    if (looksLikeContinuation(t) && ctx.hasItem && meaning !== 'number') {
      return { kind: 'continuation', guessed: false };
    }
    const level = meaning === 'level' ? readLevel(t).level : null;
    if (level) return { kind: 'level', level };
    return section(!styled);
  }
  return ctx.hasItem ? { kind: 'continuation', guessed: false } : { kind: 'unplaced', text: t };
}
