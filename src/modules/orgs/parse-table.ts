import type ExcelJS from 'exceljs';
import { AppError } from '../../lib/errors.js';
import { loadExcelJs } from '../../lib/exceljs.js';
import { CsvReader, encodingOf } from '../files/csv.js';
import { readOds } from '../files/ods.js';
import { runInWorker } from '../files/parse-pool.js';
import { checkWorkbook } from '../files/xlsx-check.js';

// Reads the tables users bring from Excel: XLSX (first sheet) or CSV in whatever encoding and
// delimiter Excel happened to save. Every cell comes out as a trimmed string; fully empty rows are dropped.

export type TableFormat = 'xlsx' | 'ods' | 'csv';

/** One non-empty row. `row` is 1-based as the user sees it: the sheet row in XLSX, the record in CSV. */
export type TableRow = { row: number; cells: string[] };

export type ParsedTable = {
  format: TableFormat;
  rows: TableRow[];
  /** More than `maxRows` non-empty rows: reading stopped there. */
  truncated: boolean;
};

export const UNSUPPORTED_TABLE_MESSAGE = 'Поддерживаются файлы XLSX, ODS и CSV';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CSV_CHUNK = 1 << 20;
const MB = 1024 * 1024;
/** The bounded pass over an uploaded workbook before exceljs reads it. */
const XLSX_LIMITS = { maxEntries: 2000, maxEntryBytes: 50 * MB, maxTotalBytes: 100 * MB };

export function tableFormat(fileName: string): TableFormat | null {
  const m = /\.([^./\\]+)$/.exec(fileName.trim().toLowerCase());
  const ext = m?.[1];
  return ext === 'xlsx' || ext === 'ods' || ext === 'csv' ? ext : null;
}

/**
 * Throws AppError: UNSUPPORTED_TYPE for other extensions, INVALID_INPUT for an empty or unreadable file,
 * TOO_LARGE past the limits. Parses in a worker thread (files/parse-pool.ts).
 */
export async function parseTable(
  fileName: string,
  data: Uint8Array,
  opts: { maxRows?: number } = {},
): Promise<ParsedTable> {
  if (!tableFormat(fileName)) throw new AppError('UNSUPPORTED_TYPE', UNSUPPORTED_TABLE_MESSAGE);
  return runInWorker<ParsedTable>({ kind: 'table', fileName, data, maxRows: opts.maxRows });
}

export async function parseTableInThread(
  fileName: string,
  data: Uint8Array,
  opts: { maxRows?: number | undefined } = {},
): Promise<ParsedTable> {
  const format = tableFormat(fileName);
  if (!format) throw new AppError('UNSUPPORTED_TYPE', UNSUPPORTED_TABLE_MESSAGE);
  if (data.length === 0) throw new AppError('INVALID_INPUT', 'Файл пустой');
  const maxRows = opts.maxRows ?? Number.POSITIVE_INFINITY;
  if (format === 'ods') return readOdsTable(data, maxRows);
  return format === 'xlsx' ? readXlsx(data, maxRows) : readCsv(data, maxRows);
}

// ---------- ODS ----------

/** The first sheet, as of an XLSX (files/ods.ts). */
function readOdsTable(data: Uint8Array, rowLimit: number): ParsedTable {
  const maxRows = Number.isFinite(rowLimit) ? rowLimit + 100 : 1_048_576;
  const [sheet] = readOds(data, { ...XLSX_LIMITS, maxRows, maxCells: maxRows * 40 });
  const rows = (sheet?.rows ?? []).filter((r) => keepRow(r.cells));
  const truncated = rows.length > rowLimit;
  return { format: 'ods', rows: truncated ? rows.slice(0, rowLimit) : rows, truncated };
}

// ---------- XLSX ----------

async function readXlsx(data: Uint8Array, rowLimit: number): Promise<ParsedTable> {
  if (!ZIP_MAGIC.every((b, i) => data[i] === b)) {
    throw new AppError(
      'INVALID_INPUT',
      'Не удалось прочитать файл XLSX: файл повреждён или имеет другой формат (файл старого формата XLS сохраните в Excel как XLSX)',
    );
  }
  // A list of schools is its rows and a header; the cells allow 40 columns.
  const maxRows = Number.isFinite(rowLimit) ? rowLimit + 100 : 1_048_576;
  checkWorkbook(data, 'файл XLSX', { ...XLSX_LIMITS, maxRows, maxCells: maxRows * 40 });
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; at run time it takes a Node Buffer.
    await wb.xlsx.load(
      Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch (e) {
    const reason = e instanceof Error && e.message ? e.message : String(e);
    throw new AppError('INVALID_INPUT', `Не удалось прочитать файл XLSX: файл повреждён (${reason})`);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('INVALID_INPUT', 'Не удалось прочитать файл XLSX: в книге нет ни одного листа');
  const rows: TableRow[] = [];
  let truncated = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (truncated) return;
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      cells.push(cellText(cell.value, cell.numFmt));
    }
    if (!keepRow(cells)) return;
    if (rows.length >= rowLimit) {
      truncated = true;
      return;
    }
    rows.push({ row: rowNumber, cells });
  });
  return { format: 'xlsx', rows, truncated };
}

/**
 * A cell value as the user sees it: rich text and hyperlinks as their text, formulas as their cached result,
 * whole numbers without '.0' (INN and OKTMO are often stored as numbers), with the leading zeros a "0000…"
 * number format would show, dates as YYYY-MM-DD, booleans as 'true'/'false', errors (#N/A…) as ''.
 */
export function cellText(value: unknown, numFmt?: string): string {
  return rawCellText(value, numFmt).trim();
}

function rawCellText(value: unknown, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) {
      return value.richText
        .map((r: unknown) => (isObject(r) && typeof r.text === 'string' ? r.text : ''))
        .join('');
    }
    if ('formula' in value || 'sharedFormula' in value) {
      return 'result' in value ? rawCellText(value.result, numFmt) : '';
    }
    if ('hyperlink' in value) return 'text' in value ? rawCellText(value.text, numFmt) : '';
    if ('error' in value) return '';
    if ('text' in value) return rawCellText(value.text, numFmt);
  }
  return '';
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function numberText(n: number, numFmt?: string): string {
  if (!Number.isFinite(n)) return '';
  let s: string;
  if (Number.isInteger(n) && Math.abs(n) < 1e21) s = BigInt(n).toString();
  else s = String(Number(n.toPrecision(15))); // 0.1 + 0.2 → '0.3'
  // A "00000000" format shows leading zeros (OKTMO 01701000 stored as the number 1701000).
  const zeros = numFmt && /^0+$/.test(numFmt) ? numFmt.length : 0;
  if (zeros > s.length && /^\d+$/.test(s)) s = s.padStart(zeros, '0');
  return s;
}

function keepRow(cells: string[]): boolean {
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells.length > 0;
}

// ---------- CSV ----------

async function readCsv(data: Uint8Array, maxRows: number): Promise<ParsedTable> {
  if (ZIP_MAGIC.every((b, i) => data[i] === b)) {
    throw new AppError(
      'INVALID_INPUT',
      'Файл не похож на CSV: по содержимому это XLSX — сохраните его с расширением .xlsx',
    );
  }
  if (!encodingOf(data).startsWith('utf-16') && data.subarray(0, CSV_CHUNK).includes(0)) {
    throw new AppError('INVALID_INPUT', 'Файл не похож на CSV: в нём есть двоичные данные');
  }
  const rows: TableRow[] = [];
  let truncated = false;
  const reader = new CsvReader((cells, row) => {
    if (truncated || !keepRow(cells)) return;
    if (rows.length >= maxRows) {
      truncated = true;
      return;
    }
    rows.push({ row, cells });
  });
  // Reading stops at the first record past the limit.
  for (let at = 0; at < data.length && !truncated; at += CSV_CHUNK) {
    reader.write(data.subarray(at, at + CSV_CHUNK));
  }
  await reader.end();
  return { format: 'csv', rows, truncated };
}
