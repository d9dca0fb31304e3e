import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../../../lib/exceljs.js';
import { checkWorkbook } from '../../files/xlsx-check.js';
import { sameName } from '../../files/zip.js';
import { cellText } from '../../orgs/parse-table.js';
import {
  invalidFile,
  MAX_SHEET_CELLS,
  MAX_SHEET_ROWS,
  OFFICE_ZIP_LIMITS,
  OLE_MAGIC,
  OLE_XLS_MESSAGE,
  startsWith,
  unsupportedFile,
  ZIP_MAGIC,
} from './limits.js';
import type { Block, Cell } from './types.js';

// Excel workbooks: every visible sheet, every non-empty row («лист «Имя», строка R»). A merge across
// columns is one cell with a span; a merge down rows carries its text into the rows below (marked `merged`),
// as a vertically merged Word cell does. Text above the table (title, approval) comes as rows too: the
// recogniser reads rows outside a table as paragraphs.

const WHAT = 'книгу Excel';
const MONTHS_NOMINATIVE = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];

export async function readXlsx(data: Buffer): Promise<Block[]> {
  if (startsWith(data, OLE_MAGIC)) throw invalidFile(OLE_XLS_MESSAGE);
  if (!startsWith(data, ZIP_MAGIC)) {
    throw invalidFile('Файл не является книгой Excel (.xlsx): он повреждён или имеет другой формат');
  }
  const names = checkWorkbook(data, WHAT, {
    ...OFFICE_ZIP_LIMITS,
    maxRows: MAX_SHEET_ROWS,
    maxCells: MAX_SHEET_CELLS,
  });
  if (!names.some((n) => sameName(n, 'xl/workbook.xml'))) {
    if (names.some((n) => sameName(n, 'word/document.xml'))) {
      throw unsupportedFile('Это документ Word, а не книга Excel: сохраните его с расширением .docx');
    }
    throw invalidFile('В файле нет книги (xl/workbook.xml): это не книга Excel (.xlsx)');
  }

  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (e) {
    const reason = e instanceof Error && e.message ? ` (${e.message})` : '';
    throw invalidFile(`Не удалось прочитать книгу Excel: файл повреждён${reason}`);
  }
  const blocks: Block[] = [];
  wb.worksheets.forEach((ws, sheetIndex) => {
    if (ws.state === 'hidden' || ws.state === 'veryHidden') return;
    readSheet(ws, sheetIndex + 1, blocks);
  });
  return blocks;
}

type Merge = { top: number; left: number; bottom: number; right: number };

function parseMerges(ws: ExcelJS.Worksheet): Merge[] {
  const merges: Merge[] = [];
  for (const range of ws.model.merges ?? []) {
    const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(range);
    if (!m?.[1] || !m[2] || !m[3] || !m[4]) continue;
    merges.push({ left: colIndex(m[1]), top: Number(m[2]), right: colIndex(m[3]), bottom: Number(m[4]) });
  }
  return merges;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function readSheet(ws: ExcelJS.Worksheet, sheetNo: number, blocks: Block[]): void {
  const merges = parseMerges(ws);
  // For every covered cell: its merge. The top-left cell of a merge owns the text.
  const mergeAt = new Map<string, Merge>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) mergeAt.set(`${r}:${c}`, m);
  }
  const width = ws.columnCount;
  const name = ws.name;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: Cell[] = [];
    let any = false;
    for (let c = 1; c <= width; c++) {
      const merge = mergeAt.get(`${r}:${c}`);
      if (merge && c !== merge.left) continue; // covered by the span of the merge's first column
      const span = merge ? merge.right - merge.left + 1 : 1;
      const carried = merge !== undefined && r !== merge.top;
      const source = merge ? ws.getCell(merge.top, merge.left) : row.getCell(c);
      const cell = sheetCell(source);
      if (carried) cell.merged = true;
      if (span > 1) cell.span = span;
      if (cell.text.trim()) any = true;
      cells.push(cell);
    }
    if (any) blocks.push({ kind: 'row', cells, location: `лист «${name}», строка ${r}`, table: sheetNo });
  }
}

function sheetCell(cell: ExcelJS.Cell): Cell {
  const value = cell.value;
  let text: string;
  if (value instanceof Date) text = dateText(value, cell.numFmt);
  else if (
    typeof value === 'object' &&
    value !== null &&
    'richText' in value &&
    Array.isArray(value.richText)
  ) {
    text = value.richText.map((r) => r.text).join('');
    const runs = value.richText.filter((r) => /[\p{L}\p{N}]/u.test(r.text));
    const bold = runs.length > 0 && runs.every((r) => r.font?.bold ?? cell.font?.bold ?? false);
    const italic = runs.length > 0 && runs.every((r) => r.font?.italic ?? cell.font?.italic ?? false);
    return { text, bold, italic };
  } else text = cellText(value, cell.numFmt);
  return { text, bold: Boolean(cell.font?.bold), italic: Boolean(cell.font?.italic) };
}

/** A date typed into a deadline cell: «февраль 2023» when the format shows no day, else 14.02.2023. */
function dateText(d: Date, numFmt: string | undefined): string {
  if (Number.isNaN(d.getTime())) return '';
  const day = String(d.getUTCDate()).padStart(2, '0');
  const month = d.getUTCMonth();
  const year = d.getUTCFullYear();
  if (numFmt && !/d/i.test(numFmt) && /m/i.test(numFmt)) return `${MONTHS_NOMINATIVE[month] ?? ''} ${year}`;
  return `${day}.${String(month + 1).padStart(2, '0')}.${year}`;
}
