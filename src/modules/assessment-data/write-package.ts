import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GEN_WORDS } from '../../lib/counted.js';
import { AppError } from '../../lib/errors.js';
import { loadExcelJs } from '../../lib/exceljs.js';
import { countLabel } from '../../lib/plural.js';
import { GENERATED_INDICATORS, type GenerateOptions, generatePackage, type PackageSink } from './generate.js';
import { fileName } from './package-builder.js';
import { CONFIRMATION_COLUMNS, type PackageFile, RESULT_COLUMNS, SCHOOL_COLUMNS } from './types.js';

// Writes a generated package: CSV files streamed in 1 MB pieces (a national package is ~250 MB), or one
// XLSX workbook with a sheet per file (for small packages: a sheet holds at most 1 048 575 data rows).

export type PackageFormat = 'csv' | 'xlsx';

export const HEADERS: Record<PackageFile, readonly string[]> = {
  schools: SCHOOL_COLUMNS,
  results: RESULT_COLUMNS,
  context: ['school_id', 'year', ...GENERATED_INDICATORS],
  confirmation: CONFIRMATION_COLUMNS,
};

const XLSX_MAX_ROWS = 1_048_575;
const BUFFER_BYTES = 1 << 20;

/** A CSV value: quoted when it holds a comma, a quote or a line break. */
export function csvValue(v: string | number): string {
  if (typeof v === 'number') return String(v);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Lines encoded straight into a 1 MB buffer and written when it fills: no big strings to collect. */
class CsvWriter {
  private readonly fd: number;
  private readonly buf = Buffer.allocUnsafe(BUFFER_BYTES);
  private at = 0;
  rows = 0;
  constructor(file: string, header: readonly string[]) {
    this.fd = openSync(file, 'w');
    this.line(header.join(','));
  }
  row(cells: (string | number)[]): void {
    let line = csvValue(cells[0] ?? '');
    for (let i = 1; i < cells.length; i++) line += `,${csvValue(cells[i] ?? '')}`;
    this.line(line);
    this.rows++;
  }
  private line(text: string): void {
    if (this.at + text.length * 3 + 1 > BUFFER_BYTES) this.flush();
    if (text.length * 3 + 1 > BUFFER_BYTES) {
      writeSync(this.fd, `${text}\n`);
      return;
    }
    this.at += this.buf.write(text, this.at, 'utf8');
    this.buf[this.at++] = 10;
  }
  flush(): void {
    if (this.at > 0) writeSync(this.fd, this.buf, 0, this.at);
    this.at = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export type WrittenPackage = { files: string[]; rows: Record<PackageFile, number> };

/** Generates a package into `dir` as CSV files (UTF-8, comma, header row, \n line ends). */
export function writeGeneratedCsv(opts: GenerateOptions, dir: string): WrittenPackage {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const open = (f: PackageFile) => {
    const file = path.join(dir, fileName(f));
    files.push(file);
    return new CsvWriter(file, HEADERS[f]);
  };
  const w = {
    schools: open('schools'),
    results: open('results'),
    context: open('context'),
    confirmation: open('confirmation'),
  };
  try {
    generatePackage(opts, {
      school: (c) => w.schools.row(c),
      result: (c) => w.results.row(c),
      context: (c) => w.context.row(c),
      confirmation: (c) => w.confirmation.row(c),
    });
  } finally {
    for (const x of Object.values(w)) x.close();
  }
  return {
    files,
    rows: {
      schools: w.schools.rows,
      results: w.results.rows,
      context: w.context.rows,
      confirmation: w.confirmation.rows,
    },
  };
}

/** A small synthetic package as an XLSX workbook in memory: the example of the format in the import dialog. */
export async function examplePackageXlsx(): Promise<Buffer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'opora-example-'));
  try {
    const file = path.join(dir, 'example.xlsx');
    await writeGeneratedXlsx({ schools: 4, years: 2, seed: 1, lastYear: 2025 }, file);
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Generates a package as one XLSX workbook with sheets schools, results, context, confirmation. */
export async function writeGeneratedXlsx(opts: GenerateOptions, file: string): Promise<WrittenPackage> {
  const rows: Record<PackageFile, (string | number)[][]> = {
    schools: [],
    results: [],
    context: [],
    confirmation: [],
  };
  const sink: PackageSink = {
    school: (c) => rows.schools.push(c),
    result: (c) => {
      if (rows.results.length >= XLSX_MAX_ROWS) {
        throw new AppError(
          'TOO_LARGE',
          `Лист XLSX вмещает не больше ${countLabel(XLSX_MAX_ROWS, GEN_WORDS.row)}: для такого пакета выберите формат CSV`,
        );
      }
      rows.results.push(c);
    },
    context: (c) => rows.context.push(c),
    confirmation: (c) => rows.confirmation.push(c),
  };
  generatePackage(opts, sink);
  mkdirSync(path.dirname(file), { recursive: true });
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: false,
    useSharedStrings: false,
  });
  // Fixed document dates, so that the same options give the same workbook content.
  const date = new Date(Date.UTC(opts.lastYear, 11, 31));
  wb.created = date;
  wb.modified = date;
  for (const f of ['schools', 'results', 'context', 'confirmation'] as const) {
    const ws = wb.addWorksheet(f);
    ws.addRow([...HEADERS[f]]).commit();
    for (const r of rows[f]) ws.addRow(r.map((v) => (v === '' ? null : v))).commit();
    ws.commit();
  }
  await wb.commit();
  return {
    files: [file],
    rows: {
      schools: rows.schools.length,
      results: rows.results.length,
      context: rows.context.length,
      confirmation: rows.confirmation.length,
    },
  };
}
