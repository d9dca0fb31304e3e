import { createHash } from 'node:crypto';
import type { TableRow } from '../../orgs/parse-table.js';
import { FIELD_LABELS, fieldOfHeader, normaliseHeader, PART_MISSING, PERCENT } from './header-vocabulary.js';
import {
  CONFIRMATION_FIELDS,
  MAPPING_LIMITS,
  type TableAnalysis,
  type TableField,
  type TableMapping,
} from './mapping.js';
import { type Cover, coverOf, fixedOf, NO_COVER, type ProcedurePart } from './procedure-sources.js';
import type { Sheet } from './read-table.js';
import { sharesAsPercent } from './shares.js';
import { parseProcedure, parseProcedureCell, subjectOfGroupText } from './wide-groups.js';

// Finds the header of a sheet and proposes what each column means. The header's last row is the row whose
// own cells name the most fields; rows right above it with two or more different texts are group rows
// (merged «Математика, 5 класс» or «Распределение отметок (%)»); one-text rows above them are titles
// («Результаты ВПР 2025 года, 5 класс») that, with the sheet name, give the parts no column gives.

const HEADER_SEARCH_ROWS = 30;
const MAX_HEADER_ROWS = 4;
const PREVIEW_ROWS = 20;
const SCHOOL_FIELDS: TableField[] = ['school_code', 'school_login', 'school_name'];
const KEY_FIELDS: TableField[] = [...SCHOOL_FIELDS, 'municipality', 'year', 'assessment', 'subject', 'grade'];
const MARK_FIELDS: TableField[] = ['mark2', 'mark3', 'mark4', 'mark5', 'pct2', 'pct3', 'pct4', 'pct5'];
const MARKLIKE_FIELDS: TableField[] = [...MARK_FIELDS, 'below_min', 'pct_below_min'];

export { coverOf } from './procedure-sources.js';
export type { Cover, ProcedurePart };

export type SheetAnalysis = {
  analysis: TableAnalysis;
  score: number;
  headerTexts: Map<number, string>;
  /** The parts only the file's name gave («ВПР_2026_математика_6_кл.xlsx»): said to the user in a note. */
  fromFileName: ProcedurePart[];
};

const NUMBER = /^[+-]?\d[\d\s]*(?:[.,]\d+)?\s*%?$/;
const isNumberCell = (s: string) => NUMBER.test(s);
const distinct = (cells: string[]) => new Set(cells.filter((c) => c !== '')).size;
/**
 * A row of data, not of headers: a number other than a lone mark 2–5 (lone marks head the mark columns)
 * or a year (years head the groups of a report of two years side by side).
 */
const dataLike = (r: TableRow) =>
  r.cells.some((c) => isNumberCell(c) && !/^(?:[2-5]|20\d\d)$/.test(c.trim()));

/**
 * A row of a school's numbers, never the header however many lone «2»…«5» it has («34, 4, 11.8, 28, 82.4, 2»:
 * held-out set 10): a number of two digits or more, no year, that stands in no run. Headers number their
 * columns in runs («0, 1 … 20» primary scores, «1 … 15» tasks, one run after another).
 */
function numbersOfData(r: TableRow): boolean {
  const numbers = r.cells.filter(isNumberCell).map((c) => Number(c.replace(/[\s%]/g, '').replace(',', '.')));
  return numbers.some((v, i) => {
    if (v < 10 || (Number.isInteger(v) && v >= 2000 && v <= 2100)) return false;
    return numbers[i - 1] !== v - 1 && numbers[i + 1] !== v + 1;
  });
}

type Column = {
  column: number;
  texts: string[];
  upper: string[];
  field: TableField | null;
  procedure: ProcPart;
};
type ProcPart = {
  assessment: string | null;
  subject: string | null;
  grade: number | null;
  year?: number | null;
} | null;

function fieldOf(text: string): { field: TableField | null; procedure: ProcPart } {
  // «№» alone is a row number; the header's normal form keeps letters and digits only.
  if (/^\s*№\s*$/.test(text)) return { field: 'ignore', procedure: null };
  const p = parseProcedure(text);
  const stripped = p.rest !== normaliseHeader(text) ? fieldOfHeader(p.rest) : null;
  if (stripped && p.subject !== null) {
    return { field: stripped, procedure: { assessment: p.assessment, subject: p.subject, grade: p.grade } };
  }
  return { field: fieldOfHeader(normaliseHeader(text)) ?? stripped, procedure: null };
}

// Distinct texts only: a territory's name merged over the whole row (grouping the schools below it) is
// one cell repeated, not a header naming a field in every column.
const countFields = (r: TableRow) =>
  [...new Set(r.cells)].filter((c) => {
    const f = c === '' ? null : fieldOf(c).field;
    return f !== null && f !== 'ignore';
  }).length;

/** «чел.», «%», «абс.»: the units a report puts in a row of its own under each measure's header. */
const UNIT = /^(?:чел|человек|%|в %|абс|кол во|количество|число|доля)$/;

/** A row under the header that only adds units (or repeats the merged cells above): part of the header. */
function unitRow(r: TableRow, above: TableRow): boolean {
  let units = 0;
  for (const [k, c] of r.cells.entries()) {
    if (c === '' || c === (above.cells[k] ?? '')) continue;
    if (!UNIT.test(normaliseHeader(c))) return false;
    units++;
  }
  return units > 0;
}

/**
 * A row naming the fields under a caption of the row above («Доля участников, получивших отметку» over
 * «2 | 3 | 4 | 5», a CSV with the caption in its first cell only): its cells stand only under empty or
 * unrecognised cells above, and two or more of them name fields. It ties with the row above on fields named,
 * so the search (first best row) stops above it.
 */
function subHeaderRow(r: TableRow, above: TableRow): boolean {
  if (dataLike(r)) return false;
  let named = 0;
  for (const [k, c] of r.cells.entries()) {
    const up = above.cells[k] ?? '';
    if (c === '' || c === up) continue; // a cell merged down repeats its text (read-table.ts)
    if (up !== '' && fieldOf(up).field !== null) return false;
    const f = fieldOf(c).field;
    if (f !== null && f !== 'ignore') named++;
  }
  return named >= 2;
}

/** The header rows: [first, …, last] indexes into `rows`, or null when no row names two fields. */
function findHeader(rows: TableRow[]): number[] | null {
  let bottom = -1;
  let best = 1;
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const n = numbersOfData(rows[i] as TableRow) ? 0 : countFields(rows[i] as TableRow);
    if (n > best) [bottom, best] = [i, n];
  }
  if (bottom < 0) return null;
  while (
    bottom + 1 < rows.length &&
    (rows[bottom + 1] as TableRow).row === (rows[bottom] as TableRow).row + 1 &&
    (unitRow(rows[bottom + 1] as TableRow, rows[bottom] as TableRow) ||
      subHeaderRow(rows[bottom + 1] as TableRow, rows[bottom] as TableRow))
  ) {
    bottom++;
  }
  const band = [bottom];
  for (let i = bottom - 1; i >= 0 && band.length < MAX_HEADER_ROWS; i--) {
    const r = rows[i] as TableRow;
    // A label and its value («Предмет:» «Математика») are a title, not a group row: groups stand over the
    // measure columns, right of the school's columns.
    const overMeasures = r.cells.some((c, k) => k >= 2 && c !== '');
    if (
      r.row !== (rows[i + 1] as TableRow).row - 1 ||
      distinct(r.cells) < 2 ||
      !overMeasures ||
      dataLike(r)
    ) {
      break;
    }
    band.unshift(i);
  }
  return band;
}

/** Texts of each column down the header; an empty group cell takes its left neighbour's (CSV, unmerged). */
function headerColumns(band: TableRow[]): Column[] {
  const width = Math.max(...band.map((r) => r.cells.length));
  const filled = band.map((r, k) => {
    const cells = Array.from({ length: width }, (_, c) => r.cells[c] ?? '');
    if (k === band.length - 1) return cells;
    // Under the spread caption some row below names both columns («Кол-во участников» | «Понизили»; a units
    // row may leave the first empty: held-out set 10); a school's or municipality's name spreads nowhere.
    const below = band.slice(k + 1);
    for (let c = 1; c < width; c++) {
      if (cells[c] === '' && cells[c - 1] !== '' && below.some((r) => r.cells[c] && r.cells[c - 1])) {
        cells[c] = cells[c - 1] as string;
      }
    }
    return cells;
  });
  const columns: Column[] = [];
  for (let c = 0; c < width; c++) {
    const texts: string[] = [];
    for (const cells of filled) {
      const t = cells[c] as string;
      if (t !== '' && texts[texts.length - 1] !== t) texts.push(t);
    }
    const { field, procedure } = fieldOf(texts.join(' '));
    columns.push({ column: c + 1, texts, upper: texts.slice(0, -1), field, procedure });
  }
  return columns;
}

/**
 * The procedure a column's group rows name, the parts gathered down the rows («5 класс» above «Математика»);
 * a subject not in the list («Астрономия, 11 класс») is the words a group text has besides its grade.
 */
function groupOf(col: Column): ProcPart {
  const part: NonNullable<ProcPart> = { assessment: null, subject: null, grade: null, year: null };
  let other: string | null = null;
  for (const text of col.upper) {
    const f = fieldOfHeader(normaliseHeader(text));
    if (f !== null && f !== 'ignore') continue;
    const p = parseProcedure(text);
    part.assessment ??= p.assessment;
    part.subject ??= p.subject;
    part.grade ??= p.grade;
    part.year ??= p.year;
    if (!p.subject && (p.grade !== null || p.assessment !== null)) other ??= subjectOfGroupText(text);
  }
  part.subject ??= other;
  // «ВПР» and «РДР» over their columns side by side (held-out set 10) are groups of an assessment each.
  if (part.subject === null && part.grade === null && part.year === null && part.assessment === null) {
    return col.procedure;
  }
  // A year only when the groups are years: the mapping of every other file stays as it was.
  const { year, ...procedure } = part;
  return year === null ? procedure : part;
}

export function signatureOf(sheetName: string | null, band: TableRow[]): string {
  // The header's row numbers are part of the shape: a saved mapping names them, so a file with one more
  // title row is another shape (the recogniser looks at it afresh) rather than read from the wrong rows.
  const shape = [
    normaliseHeader(sheetName ?? ''),
    ...band.map((r) => `${r.row}:${r.cells.map(normaliseHeader).join('\t')}`),
  ];
  return `t1-${createHash('sha256').update(shape.join('\n')).digest('hex').slice(0, 32)}`;
}

/** True when every filled cell of the procedure columns names `part` («ВПР Математика 5 класс»). */
function cellsName(
  part: 'assessment' | 'subject' | 'grade',
  columns: TableMapping['columns'],
  data: TableRow[],
) {
  const cols = columns.filter((c) => c.field === 'assessment' || c.field === 'subject');
  const texts = data
    .slice(0, 50)
    .map((r) => cols.map((c) => r.cells[c.column - 1] ?? '').join(' '))
    .filter((t) => t.trim() !== '');
  return texts.length > 0 && texts.every((t) => parseProcedureCell(t)[part] !== null);
}

/**
 * `cover`: the texts of the book's title sheets (a «Титульный лист» of a report: «Отчёт о результатах ЕГЭ
 * 2026 года»), read after the sheet's own titles and name, and the file's name, read last.
 */
export function analyseSheet(
  sheet: Sheet,
  sheets: TableAnalysis['sheets'],
  cover: Cover = NO_COVER,
): SheetAnalysis {
  const rows = sheet.rows;
  const preview = rows.slice(0, PREVIEW_ROWS).map((r) => ({ row: r.row, cells: r.cells }));
  const band = findHeader(rows);
  const doubts: string[] = [];
  if (!band) {
    const mapping: TableMapping = {
      sheet: sheet.name,
      headerRows: [rows[0]?.row ?? 1],
      layout: 'long',
      columns: [],
      groups: [],
      fixed: fixedOf(sheet.name ? [sheet.name] : [], NO_COVER).fixed,
    };
    doubts.push('Не найдена строка заголовков: ни одна из первых строк не похожа на названия столбцов');
    const signature = signatureOf(sheet.name, rows.slice(0, 1));
    return {
      analysis: { sheets, preview, mapping, sure: false, doubts, signature },
      score: 0,
      headerTexts: new Map(),
      fromFileName: [],
    };
  }
  const bandRows = band.map((i) => rows[i] as TableRow);
  const first = band[0] as number;
  const titles = rows.slice(0, first).map((r) => r.cells.filter((c) => c !== '').join(' '));
  const { fixed, fromFileName } = fixedOf([...titles, ...(sheet.name ? [sheet.name] : [])], cover);
  const cols = headerColumns(bandRows);
  const data = rows.slice((band[band.length - 1] as number) + 1);

  const groupKeys: string[] = [];
  const groups: TableMapping['groups'] = [];
  const columns: TableMapping['columns'] = cols.map((col) => {
    const field = col.field ?? 'ignore';
    let group: number | null = null;
    const proc = KEY_FIELDS.includes(field) || field === 'ignore' ? null : groupOf(col);
    if (proc) {
      const key = `${proc.assessment}|${proc.subject}|${proc.grade}|${proc.year ?? ''}`;
      group = groupKeys.indexOf(key);
      if (group < 0) {
        group = groupKeys.push(key) - 1;
        groups.push(proc);
      }
    }
    return { column: col.column, field, group };
  });
  sharesAsPercent(columns, PERCENT.test(normaliseHeader(titles.join(' '))), data, (c) =>
    (cols[c - 1]?.texts ?? []).join(' '),
  );
  const layout = groups.length > 0 ? 'wide' : 'long';
  const mapping: TableMapping = {
    sheet: sheet.name,
    headerRows: bandRows.map((r) => r.row),
    layout,
    ...withinLimits(columns, groups, doubts),
    fixed,
  };

  const fields = new Set(columns.map((c) => c.field));
  if (!SCHOOL_FIELDS.some((f) => fields.has(f))) {
    doubts.push('Не найден столбец школы: «Код ОО», «Логин» или «Наименование ОО»');
  }
  if (!fields.has('participants')) doubts.push('Не найден столбец с числом участников');
  // A report of the journal comparison carries no marks: its three counts are what it loads.
  if (!MARKLIKE_FIELDS.some((f) => fields.has(f)) && !CONFIRMATION_FIELDS.some((f) => fields.has(f))) {
    doubts.push('Не найдены столбцы отметок: «2»…«5» (число или %) или «Не преодолели минимальный порог»');
  }
  if (!fields.has('year') && fixed.year === null) {
    doubts.push('Год не указан ни в столбце, ни в заголовке над таблицей: укажите его');
  }
  for (const part of ['assessment', 'subject', 'grade'] as const) {
    // A column gives the part to every group too (held-out set 10: «Процедура», «Класс» beside subject groups).
    if (fixed[part] !== null || fields.has(part) || cellsName(part, columns, data)) continue;
    if (layout === 'long') doubts.push(`${PART_MISSING[part]}: нет ни столбца, ни заголовка над таблицей`);
    else {
      const missing = groups.filter((g) => g[part] === null).length;
      if (missing > 0) doubts.push(`${PART_MISSING[part]} у групп столбцов: ${missing}`);
    }
  }
  const headerTexts = new Map(cols.map((c) => [c.column, c.texts.join(' / ')]));
  // Two columns of one field in one group: only the first is read (groups without a header look like this).
  // The average is not loaded: «Средний балл» beside «Средняя отметка» (held-out sets 8, 9) loses nothing.
  const seen = new Map<string, number>();
  for (const c of columns) {
    if (c.field === 'ignore' || c.field === 'average') continue;
    const key = `${c.field}|${c.group}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, c.column);
    else {
      doubts.push(
        `Столбцы «${headerTexts.get(first)}» и «${headerTexts.get(c.column)}» распознаны как одно поле «${FIELD_LABELS[c.field]}»: читается первый`,
      );
    }
  }
  for (const col of cols) {
    if (col.field !== null || col.texts.length === 0) continue;
    const sample = data
      .slice(0, 50)
      .map((r) => r.cells[col.column - 1] ?? '')
      .filter((c) => c !== '');
    if (sample.length > 0 && sample.filter(isNumberCell).length * 2 >= sample.length) {
      doubts.push(`Столбец «${headerTexts.get(col.column)}» не распознан и пропущен`);
    }
  }
  const score = columns.filter((c) => c.field !== 'ignore').length;
  const signature = signatureOf(sheet.name, bandRows);
  return {
    analysis: { sheets, preview, mapping, sure: doubts.length === 0, doubts, signature },
    score,
    headerTexts,
    fromFileName,
  };
}

/**
 * The proposal within the contract's bounds (mapping.ts), so that it is never refused when sent back: a
 * very wide sheet loses its unrecognised columns first (they are read as nothing anyway), then the
 * groups and columns past the limits, said as a doubt.
 */
function withinLimits(columns: TableMapping['columns'], groups: TableMapping['groups'], doubts: string[]) {
  const L = MAPPING_LIMITS;
  let kept = columns.filter((c) => c.column <= L.column && (c.group === null || c.group < L.groups));
  if (kept.length > L.columns) kept = kept.filter((c) => c.field !== 'ignore');
  kept = kept.slice(0, L.columns);
  const recognised = (cs: TableMapping['columns']) => cs.filter((c) => c.field !== 'ignore').length;
  if (recognised(kept) < recognised(columns) || groups.length > L.groups) {
    doubts.push(
      `В таблице слишком много столбцов: распознаны не больше ${L.columns} столбцов и ${L.groups} групп`,
    );
  }
  return { columns: kept, groups: groups.slice(0, L.groups) };
}

/** The sheet that looks most like results (most recognised columns; the first on a tie). */
export function analyseBook(
  book: Sheet[],
  wanted: string | null,
  fileName: string | null = null,
): SheetAnalysis {
  const sheets = book.map((s) => ({ name: s.name, rows: s.rows.length }));
  const chosen = wanted === null ? book : book.filter((s) => s.name === wanted);
  const cover = coverOf(book, fileName);
  let best: SheetAnalysis | null = null;
  for (const sheet of chosen) {
    const a = analyseSheet(sheet, sheets, cover);
    if (!best || a.score > best.score) best = a;
  }
  if (!best) throw new Error('no sheet');
  return best;
}
