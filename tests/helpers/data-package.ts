import ExcelJS from 'exceljs';
import { makeZip, type ZipPart } from './zip.js';

// Small assessment data packages for the import tests (docs/data-formats.md): the files as CSV text,
// written as a ZIP of CSV files or as an XLSX workbook with a sheet per file.

export type Pkg = { schools: string; results: string; context: string; confirmation?: string };

/** The package's files in a folder of a ZIP, with any extra parts. */
export const zipOfPackage = (p: Pkg, extra: ZipPart[] = []) =>
  makeZip([
    ...Object.entries(p).map(([file, text]) => ({ name: `пакет/${file}.csv`, data: Buffer.from(text) })),
    ...extra,
  ]);

export async function xlsxOfPackage(p: Pkg): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, text] of Object.entries(p)) {
    const ws = wb.addWorksheet(name);
    for (const line of text.trim().split('\n')) ws.addRow(line.split(','));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const RESULTS_HEADER =
  'school_id,year,assessment,subject,grade,participants,mark2,mark3,mark4,mark5\n';

export const schoolsCsv = (codes: string[]) =>
  `school_id,name,municipality_id,municipality_name\n${codes.map((c) => `${c},Школа ${c},M1,Район\n`).join('')}`;

/** Two procedures (ВПР, grade 5) per school and year, each line ending with a newline. */
export const resultRows = (year: number, codes: string[], mark2 = 3) =>
  codes
    .flatMap((c) => [
      `${c},${year},ВПР,русский язык,5,25,${mark2},${13 - mark2},8,4\n`,
      `${c},${year},ВПР,математика,5,25,${mark2},${13 - mark2},8,4\n`,
    ])
    .join('');

export const SCHOOLS = `school_id,name,municipality_id,municipality_name,rural,small
C1,Школа 1,M1,Первый район,0,0
C2,Школа 2,M1,Первый район,1,0
C3,Школа 3,M2,Второй район,1,1
`;
const C = ['C1', 'C2', 'C3'];

/** 3 schools × 2 years: 12 results, 7 context values (2 in 2023, 5 in 2024), 2 confirmations. */
export const GOOD: Pkg = {
  schools: SCHOOLS,
  results: RESULTS_HEADER + resultRows(2023, C) + resultRows(2024, C),
  context:
    'school_id,year,parents_higher_ed_share,ovz_share\n' +
    'C1,2023,0.4,0.05\nC1,2024,0.42,\nC2,2024,0.2,0.1\nC3,2024,0.1,0.2\n',
  confirmation:
    'school_id,year,assessment,subject,grade,participants,lowered,confirmed,raised\n' +
    'C1,2024,ВПР,математика,5,25,5,18,2\nC2,2024,ВПР,математика,5,25,5,18,2\n',
};
