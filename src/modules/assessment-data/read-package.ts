import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { AppError } from '../../lib/errors.js';
import { loadExcelJs } from '../../lib/exceljs.js';
import { forEachCsvRecord, forEachCsvRecordOfFile, type OnRecord } from '../files/csv.js';
import { checkWorkbook, type WorkbookLimits } from '../files/xlsx-check.js';
import { cellText } from '../orgs/parse-table.js';
import {
  countMessage,
  EMPTY,
  flagMessage,
  gradeMessage,
  INVALID,
  parseCount,
  parseFlag,
  parseGrade,
  parseShare,
  parseYear,
  shareMessage,
  yearMessage,
} from './cells.js';
import { fileName, PackageBuilder } from './package-builder.js';
import {
  CONFIRMATION_COLUMNS,
  CONTEXT_KEY_COLUMNS,
  type DataPackage,
  PACKAGE_FILES,
  type PackageFile,
  RESULT_COLUMNS,
  SCHOOL_COLUMNS,
} from './types.js';

// Reads a data package: a directory of CSV files, one XLSX workbook with a sheet per file, or files
// already in memory (an upload). Every row is checked; any error rejects the whole package with the
// row-by-row report (AppError INVALID_INPUT, details.rows: row, field «file: column», message).

const REQUIRED: readonly PackageFile[] = ['schools', 'results', 'context'];

/** `target`: a directory with schools.csv, results.csv, context.csv [, confirmation.csv], or an .xlsx file. */
export async function readPackage(target: string): Promise<DataPackage> {
  const info = await stat(target).catch(() => null);
  if (!info) throw new AppError('INVALID_INPUT', `Пакет данных не найден: ${target}`);
  if (info.isFile()) {
    if (!/\.xlsx$/i.test(target)) {
      throw new AppError(
        'INVALID_INPUT',
        'Укажите папку с CSV-файлами пакета или файл XLSX с листом на каждый файл',
      );
    }
    return readPackageXlsx(target);
  }
  const names = await readdir(target);
  const lower = new Map(names.map((n) => [n.toLowerCase(), n]));
  if (!lower.has('schools.csv')) {
    const books = names.filter((n) => /\.xlsx$/i.test(n) && !n.startsWith('~$'));
    if (books.length === 1 && books[0]) return readPackageXlsx(path.join(target, books[0]));
  }
  const files: Partial<Record<PackageFile, string>> = {};
  for (const f of PACKAGE_FILES) {
    const n = lower.get(fileName(f));
    if (n) files[f] = path.join(target, n);
  }
  return readTables(files, (file, p, onRecord) =>
    forEachCsvRecordOfFile(p, onRecord, `Файл ${fileName(file)}`),
  );
}

/** CSV files already in memory, keyed by file (schools, results, context, confirmation). */
export async function readPackageCsvData(
  files: Partial<Record<PackageFile, Uint8Array>>,
): Promise<DataPackage> {
  return readTables(files, (file, data, onRecord) =>
    forEachCsvRecord(data, onRecord, `Файл ${fileName(file)}`),
  );
}

const MB = 1024 * 1024;
/**
 * The bounded pass over an uploaded workbook: exceljs holds an object per cell, so a workbook package is
 * for a region's data; a national package comes as CSV files in a ZIP.
 */
export const PACKAGE_XLSX_LIMITS: WorkbookLimits = {
  maxEntries: 2000,
  maxEntryBytes: 200 * MB,
  maxTotalBytes: 300 * MB,
  maxRows: 1_048_576,
  maxCells: 4_000_000,
};

/** A workbook with sheets «schools», «results», «context» [, «confirmation»] (a «.csv» suffix is allowed). */
export async function readPackageXlsx(source: string | Uint8Array): Promise<DataPackage> {
  if (typeof source !== 'string') checkWorkbook(source, 'книгу XLSX', PACKAGE_XLSX_LIMITS);
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  try {
    if (typeof source === 'string') await wb.xlsx.readFile(source);
    // exceljs declares its own Buffer type; at run time it takes a Node Buffer.
    else
      await wb.xlsx.load(
        Buffer.from(source.buffer, source.byteOffset, source.byteLength) as unknown as ExcelJS.Buffer,
      );
  } catch (e) {
    const reason = e instanceof Error && e.message ? e.message : String(e);
    throw new AppError('INVALID_INPUT', `Не удалось прочитать файл XLSX: файл повреждён (${reason})`);
  }
  const sheets: Partial<Record<PackageFile, ExcelJS.Worksheet>> = {};
  for (const ws of wb.worksheets) {
    const name = ws.name
      .trim()
      .toLowerCase()
      .replace(/\.csv$/, '');
    const file = PACKAGE_FILES.find((f) => f === name);
    if (file) sheets[file] = ws;
  }
  return readTables(
    sheets,
    async (_file, ws, onRecord) => {
      ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        const cells: string[] = [];
        for (let c = 1; c <= row.cellCount; c++) {
          const cell = row.getCell(c);
          cells.push(cellText(cell.value, cell.numFmt));
        }
        onRecord(cells, rowNumber);
      });
    },
    'лист',
  );
}

type Reader<S> = (file: PackageFile, source: S, onRecord: OnRecord) => Promise<void>;

async function readTables<S>(
  sources: Partial<Record<PackageFile, S>>,
  read: Reader<S>,
  what: 'файл' | 'лист' = 'файл',
): Promise<DataPackage> {
  const missing = REQUIRED.filter((f) => !sources[f]);
  if (missing.length > 0) {
    const list = missing.map((f) => (what === 'лист' ? `«${f}»` : fileName(f))).join(', ');
    throw new AppError(
      'INVALID_INPUT',
      `В пакете данных нет ${what === 'лист' ? 'листов' : 'файлов'}: ${list}`,
    );
  }
  const b = new PackageBuilder();
  // schools first: the other files are checked against it.
  for (const file of PACKAGE_FILES) {
    const source = sources[file];
    if (source === undefined) continue;
    if (file === 'confirmation') b.withConfirmation();
    const consumer = consumers[file](b);
    await read(file, source, (cells, row) => {
      if (cells.every((c) => c === '')) return;
      consumer(cells, row);
    });
  }
  return b.build();
}

type Consumer = (cells: string[], row: number) => void;

/** Column positions from the header row; reports missing columns (then every data row is skipped). */
function header(
  b: PackageBuilder,
  file: PackageFile,
  cells: string[],
  row: number,
  required: readonly string[],
): Map<string, number> | null {
  const at = new Map<string, number>();
  cells.forEach((c, i) => {
    const name = c
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase();
    if (name !== '' && !at.has(name)) at.set(name, i);
  });
  const missing = required.filter((c) => !at.has(c));
  if (missing.length === 0) return at;
  b.error(file, row, undefined, `Нет столбцов: ${missing.join(', ')} (первая строка — заголовки столбцов)`);
  return null;
}

const col = (at: Map<string, number>, name: string) => at.get(name) ?? -1;
const cell = (cells: string[], i: number) => (i >= 0 ? (cells[i] ?? '') : '');

function schoolsConsumer(b: PackageBuilder): Consumer {
  let at: Map<string, number> | null | undefined;
  let c = { id: -1, name: -1, mid: -1, mname: -1, rural: -1, small: -1 };
  return (cells, row) => {
    if (at === undefined) {
      at = header(b, 'schools', cells, row, SCHOOL_COLUMNS.slice(0, 4));
      if (at) {
        c = {
          id: col(at, 'school_id'),
          name: col(at, 'name'),
          mid: col(at, 'municipality_id'),
          mname: col(at, 'municipality_name'),
          rural: col(at, 'rural'),
          small: col(at, 'small'),
        };
      }
      return;
    }
    if (at === null) return;
    const id = cell(cells, c.id);
    const name = cell(cells, c.name);
    const municipalityId = cell(cells, c.mid);
    const rural = parseFlag(cell(cells, c.rural));
    const small = parseFlag(cell(cells, c.small));
    let ok = true;
    const fail = (column: string, message: string) => {
      b.error('schools', row, column, message);
      ok = false;
    };
    if (id === '') fail('school_id', 'Не указан идентификатор школы');
    if (name === '') fail('name', 'Не указано наименование школы');
    if (municipalityId === '') fail('municipality_id', 'Не указан идентификатор муниципалитета');
    if (rural === null) fail('rural', flagMessage(cell(cells, c.rural)));
    if (small === null) fail('small', flagMessage(cell(cells, c.small)));
    if (!ok) return;
    b.addSchool(
      {
        id,
        name,
        municipalityId,
        municipalityName: cell(cells, c.mname) || municipalityId,
        rural: rural === true,
        small: small === true,
      },
      row,
    );
  };
}

/** The key columns shared by results.csv and confirmation.csv, and the count columns after them. */
function procedureRowConsumer(
  b: PackageBuilder,
  file: 'results' | 'confirmation',
  columns: readonly string[],
  add: (school: number, key: RowKey, counts: number[], row: number) => void,
): Consumer {
  let at: Map<string, number> | null | undefined;
  let idx: number[] = [];
  const countColumns = columns.slice(5);
  const optional = new Set(file === 'results' ? ['mark3', 'mark4', 'mark5'] : []);
  const counts = new Array<number>(countColumns.length).fill(0);
  return (cells, row) => {
    if (at === undefined) {
      at = header(b, file, cells, row, columns);
      if (at) {
        const m = at;
        idx = columns.map((name) => col(m, name));
      }
      return;
    }
    if (at === null) return;
    const schoolId = cell(cells, idx[0] ?? -1);
    const yearText = cell(cells, idx[1] ?? -1);
    const assessment = cell(cells, idx[2] ?? -1);
    const subject = cell(cells, idx[3] ?? -1);
    const gradeText = cell(cells, idx[4] ?? -1);
    const year = parseYear(yearText);
    const grade = parseGrade(gradeText);
    let ok = year >= 0 && grade >= 0 && assessment !== '' && subject !== '';
    for (let k = 0; k < countColumns.length; k++) {
      const v = parseCount(cell(cells, idx[k + 5] ?? -1));
      counts[k] = v === EMPTY && optional.has(countColumns[k] as string) ? 0 : v;
      if ((counts[k] as number) < 0) ok = false;
    }
    const school = schoolId === '' ? -1 : b.schoolOf(file, row, schoolId);
    if (schoolId === '') b.error(file, row, 'school_id', 'Не указан идентификатор школы');
    if (!ok) {
      if (year < 0) b.error(file, row, 'year', yearMessage(yearText));
      if (assessment === '') b.error(file, row, 'assessment', 'Не указана оценочная процедура');
      if (subject === '') b.error(file, row, 'subject', 'Не указан предмет');
      if (grade < 0) b.error(file, row, 'grade', gradeMessage(gradeText));
      for (let k = 0; k < countColumns.length; k++) {
        if ((counts[k] as number) < 0) {
          b.error(file, row, countColumns[k], countMessage(cell(cells, idx[k + 5] ?? -1)));
        }
      }
      return;
    }
    if (school < 0) return;
    add(school, { year, assessment, subject, grade }, counts, row);
  };
}

type RowKey = { year: number; assessment: string; subject: string; grade: number };

const consumers: Record<PackageFile, (b: PackageBuilder) => Consumer> = {
  schools: schoolsConsumer,
  results: (b) =>
    procedureRowConsumer(b, 'results', RESULT_COLUMNS, (school, k, v, row) =>
      b.addResult(
        school,
        {
          year: k.year,
          assessment: k.assessment,
          subject: k.subject,
          grade: k.grade,
          participants: v[0] as number,
          mark2: v[1] as number,
          mark3: v[2] as number,
          mark4: v[3] as number,
          mark5: v[4] as number,
        },
        row,
      ),
    ),
  confirmation: (b) =>
    procedureRowConsumer(b, 'confirmation', CONFIRMATION_COLUMNS, (school, k, v, row) =>
      b.addConfirmation(
        school,
        {
          year: k.year,
          assessment: k.assessment,
          subject: k.subject,
          grade: k.grade,
          participants: v[0] as number,
          lowered: v[1] as number,
          confirmed: v[2] as number,
          raised: v[3] as number,
        },
        row,
      ),
    ),
  context: contextConsumer,
};

function contextConsumer(b: PackageBuilder): Consumer {
  let at: Map<string, number> | null | undefined;
  let iSchool = -1;
  let iYear = -1;
  const columns: { name: string; index: number }[] = [];
  let values = new Float64Array(0);
  return (cells, row) => {
    if (at === undefined) {
      at = header(b, 'context', cells, row, CONTEXT_KEY_COLUMNS);
      if (!at) return;
      iSchool = col(at, 'school_id');
      iYear = col(at, 'year');
      const seen = new Set<string>();
      cells.forEach((c, i) => {
        // Column names do not depend on case, as in the other files.
        const name = c
          .replace(/^\uFEFF/, '')
          .trim()
          .toLowerCase();
        if (i === iSchool || i === iYear) return;
        if (name === '') {
          if (cells.slice(i).some((x) => x.trim() !== '')) {
            b.error('context', row, undefined, `Столбец ${i + 1} без названия показателя`);
          }
          return;
        }
        if (seen.has(name)) {
          b.error('context', row, name, `Показатель ${name} указан дважды`);
          return;
        }
        seen.add(name);
        columns.push({ name, index: i });
      });
      b.setContextIndicators(columns.map((c) => c.name));
      values = new Float64Array(columns.length);
      return;
    }
    if (at === null) return;
    const schoolId = cell(cells, iSchool);
    const yearText = cell(cells, iYear);
    const year = parseYear(yearText);
    let ok = year >= 0;
    if (schoolId === '') {
      b.error('context', row, 'school_id', 'Не указан идентификатор школы');
      ok = false;
    }
    if (year < 0) b.error('context', row, 'year', yearMessage(yearText));
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k] as { name: string; index: number };
      const text = cell(cells, c.index);
      const v = parseShare(text);
      if (v === INVALID) {
        b.error('context', row, c.name, shareMessage(text));
        ok = false;
      }
      values[k] = v;
    }
    const school = schoolId === '' ? -1 : b.schoolOf('context', row, schoolId);
    if (ok && school >= 0) b.addContext(school, year, values, row);
  };
}
