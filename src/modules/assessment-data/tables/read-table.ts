import type ExcelJS from 'exceljs';
import { AppError } from '../../../lib/errors.js';
import { loadExcelJs } from '../../../lib/exceljs.js';
import { readOds } from '../../files/ods.js';
import { checkWorkbook } from '../../files/xlsx-check.js';
import {
  cellText,
  parseTableInThread,
  type TableRow,
  tableFormat,
  UNSUPPORTED_TABLE_MESSAGE,
} from '../../orgs/parse-table.js';

// Reads every sheet of an assessment table as rows of cell texts. A merged cell's text is given to every
// cell it covers (a group header «Математика, 5 класс» merged over five columns names all five), so the
// recogniser never needs the merge ranges. CSV goes through the import's CSV reader (encoding, delimiter).

/** `note`: how the reader reshaped the sheet (stacked.ts), reported with the conversion's notes. */
export type Sheet = { name: string | null; rows: TableRow[]; note?: string };

const MB = 1024 * 1024;
/** Rows of one file: a region's long table is ≈ 1000 schools × 30 procedures; the rest is headroom. */
export const MAX_TABLE_ROWS = 50_000;
/** Cells of a book: exceljs keeps an object per cell, and the worker's heap is 256 MB (measured, ADR). */
export const MAX_TABLE_CELLS = 400_000;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** The bounded pass over an uploaded book, XLSX or ODS (files/zip.ts). */
const BOOK_LIMITS = {
  maxEntries: 2000,
  maxEntryBytes: 50 * MB,
  maxTotalBytes: 100 * MB,
  maxRows: MAX_TABLE_ROWS,
  maxCells: MAX_TABLE_CELLS,
};

export async function readSheets(fileName: string, data: Uint8Array): Promise<Sheet[]> {
  const format = tableFormat(fileName);
  if (!format) throw new AppError('UNSUPPORTED_TYPE', UNSUPPORTED_TABLE_MESSAGE);
  if (data.length === 0) throw new AppError('INVALID_INPUT', 'Файл пустой');
  if (format === 'csv') {
    const table = await parseTableInThread(fileName, data, { maxRows: MAX_TABLE_ROWS });
    if (table.truncated) throw tooManyRows();
    return [{ name: null, rows: table.rows }];
  }
  if (format === 'ods') {
    return readOds(data, BOOK_LIMITS);
  }
  return readXlsx(data);
}

const tooManyRows = () =>
  new AppError(
    'TOO_LARGE',
    `В файле слишком много строк (больше ${MAX_TABLE_ROWS.toLocaleString('ru-RU')}): разделите его на несколько файлов`,
  );

async function readXlsx(data: Uint8Array): Promise<Sheet[]> {
  if (!ZIP_MAGIC.every((b, i) => data[i] === b)) {
    throw new AppError(
      'INVALID_INPUT',
      'Не удалось прочитать файл XLSX: файл повреждён или имеет другой формат (файл старого формата XLS сохраните в Excel как XLSX)',
    );
  }
  checkWorkbook(data, 'файл XLSX', BOOK_LIMITS);
  const Excel = await loadExcelJs();
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(
      Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch (e) {
    const reason = e instanceof Error && e.message ? e.message : String(e);
    throw new AppError('INVALID_INPUT', `Не удалось прочитать файл XLSX: файл повреждён (${reason})`);
  }
  if (wb.worksheets.length === 0) {
    throw new AppError('INVALID_INPUT', 'Не удалось прочитать файл XLSX: в книге нет ни одного листа');
  }
  return wb.worksheets.map((ws) => ({ name: ws.name, rows: sheetRows(ws) }));
}

/** A number shown in a percent format: Excel stores 12,5 % as 0.125 — the text is what the user sees. */
function percentText(value: unknown, numFmt: string | undefined): string | null {
  if (!numFmt?.includes('%')) return null;
  const n =
    typeof value === 'number'
      ? value
      : value && typeof value === 'object' && 'result' in value && typeof value.result === 'number'
        ? value.result
        : null;
  return n === null || !Number.isFinite(n) ? null : `${Number((n * 100).toPrecision(12))}%`;
}

function sheetRows(ws: ExcelJS.Worksheet): TableRow[] {
  const rows: TableRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      // A merged cell other than the top-left one reads its master's value in exceljs.
      const source = cell.isMerged ? cell.master : cell;
      cells.push(percentText(source.value, source.numFmt) ?? cellText(source.value, source.numFmt));
    }
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length > 0) rows.push({ row: rowNumber, cells });
  });
  return rows;
}
