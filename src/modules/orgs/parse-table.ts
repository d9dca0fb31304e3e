import ExcelJS from 'exceljs';
import { AppError } from '../../lib/errors.js';

// Reads the tables users bring from Excel: XLSX (first sheet) or CSV in whatever encoding and
// delimiter Excel happened to save. Every cell comes out as a trimmed string; fully empty rows are dropped.

export type TableFormat = 'xlsx' | 'csv';

/** One non-empty row. `row` is 1-based as the user sees it: the sheet row in XLSX, the record in CSV. */
export type TableRow = { row: number; cells: string[] };

export type ParsedTable = {
  format: TableFormat;
  rows: TableRow[];
  /** More than `maxRows` non-empty rows: reading stopped there. */
  truncated: boolean;
};

export const UNSUPPORTED_TABLE_MESSAGE = 'Поддерживаются файлы XLSX и CSV';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function tableFormat(fileName: string): TableFormat | null {
  const m = /\.([^./\\]+)$/.exec(fileName.trim().toLowerCase());
  const ext = m?.[1];
  return ext === 'xlsx' || ext === 'csv' ? ext : null;
}

/** Throws AppError: UNSUPPORTED_TYPE for other extensions, INVALID_INPUT for an empty or unreadable file. */
export async function parseTable(
  fileName: string,
  data: Uint8Array,
  opts: { maxRows?: number } = {},
): Promise<ParsedTable> {
  const format = tableFormat(fileName);
  if (!format) throw new AppError('UNSUPPORTED_TYPE', UNSUPPORTED_TABLE_MESSAGE);
  if (data.length === 0) throw new AppError('INVALID_INPUT', 'Файл пустой');
  const maxRows = opts.maxRows ?? Number.POSITIVE_INFINITY;
  return format === 'xlsx' ? readXlsx(data, maxRows) : readCsv(data, maxRows);
}

// ---------- XLSX ----------

async function readXlsx(data: Uint8Array, maxRows: number): Promise<ParsedTable> {
  if (!ZIP_MAGIC.every((b, i) => data[i] === b)) {
    throw new AppError(
      'INVALID_INPUT',
      'Не удалось прочитать файл XLSX: файл повреждён или имеет другой формат (файл старого формата XLS сохраните в Excel как XLSX)',
    );
  }
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
    if (rows.length >= maxRows) {
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
  const text = decodeText(data);
  if (text.includes('\u0000'))
    throw new AppError('INVALID_INPUT', 'Файл не похож на CSV: в нём есть двоичные данные');
  const rows: TableRow[] = [];
  let truncated = false;
  parseCsv(text, {
    delimiter: detectDelimiter(text),
    onRecord: (fields, record) => {
      const cells = fields.map((f) => f.trim());
      if (!keepRow(cells)) return true;
      if (rows.length >= maxRows) {
        truncated = true;
        return false;
      }
      rows.push({ row: record, cells });
      return true;
    },
  });
  return { format: 'csv', rows, truncated };
}

/** UTF-8 (with or without BOM), UTF-16 with a BOM, otherwise Windows-1251 (Excel's "CSV" on Russian Windows). */
export function decodeText(data: Uint8Array): string {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(data.subarray(3));
  }
  if (data[0] === 0xff && data[1] === 0xfe)
    return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff)
    return new TextDecoder('utf-16be', { ignoreBOM: true }).decode(data.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('windows-1251').decode(data);
  }
}

export const CSV_DELIMITERS = [';', ',', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** The candidate met most often outside quotes in the first 20 records (';' wins a tie, then ','). */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let records = 0;
  for (let i = 0; i < text.length && records < 20; i++) {
    const ch = text[i];
    if (ch === '"')
      quoted = !quoted; // an escaped "" toggles twice
    else if (!quoted && (ch === '\n' || ch === '\r')) records++;
    else if (!quoted && ch !== undefined && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: CsvDelimiter = ';';
  for (const d of CSV_DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/**
 * RFC 4180 with Excel's leniency: quoted fields may hold delimiters, line breaks and "" for a quote;
 * a quote inside an unquoted field is an ordinary character; \r\n, \n and \r all end a record.
 * `onRecord` gets the fields and the 1-based record number (blank lines count, as in a spreadsheet);
 * returning false stops the parsing.
 */
export function parseCsv(
  text: string,
  opts: { delimiter?: string; onRecord?: (fields: string[], record: number) => boolean } = {},
): string[][] {
  const delimiter = opts.delimiter ?? detectDelimiter(text);
  const out: string[][] = [];
  const emit =
    opts.onRecord ??
    ((fields: string[]) => {
      out.push(fields);
      return true;
    });
  let record = 0;
  let fields: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  const endRecord = (): boolean => {
    fields.push(field);
    field = '';
    record++;
    const go = emit(fields, record);
    fields = [];
    return go;
  };
  while (i < n) {
    const ch = text[i];
    if (ch === '"' && field === '') {
      // Quoted field: up to the closing quote; what follows it up to the delimiter is kept as is.
      i++;
      while (i < n) {
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += c;
        i++;
      }
      continue;
    }
    if (ch === delimiter) {
      fields.push(field);
      field = '';
      i++;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      if (!endRecord()) return out;
      continue;
    }
    field += ch;
    i++;
  }
  if (field !== '' || fields.length > 0) endRecord(); // no line break after the last record
  return out;
}
