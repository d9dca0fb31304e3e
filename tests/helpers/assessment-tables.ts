import ExcelJS from 'exceljs';
import { packageFromRows } from '../../src/modules/assessment-data/from-rows.js';
import { confirmationRows, resultRows } from '../../src/modules/assessment-data/rows.js';
import type { ConfirmationRow, ResultRow, School } from '../../src/modules/assessment-data/types.js';

// A small Opora package (counts) and the same data as region spreadsheets of other layouts: what the
// equivalence tests of the assessment-table recogniser read back.

export const YEAR = 2025;
export const MUNICIPALITIES = ['Первый район', 'Город Озёрск'];

export const SCHOOLS: School[] = Array.from({ length: 6 }, (_, i) => ({
  id: `S${String(i + 1).padStart(4, '0')}`,
  name: `МБОУ «СОШ № ${i + 1}»`,
  municipalityId: `M${i % 2}`,
  municipalityName: MUNICIPALITIES[i % 2] as string,
  rural: false,
  small: false,
}));

export const PROCEDURES = [
  { assessment: 'ВПР', subject: 'русский язык', grade: 4 },
  { assessment: 'ВПР', subject: 'математика', grade: 4 },
  { assessment: 'ВПР', subject: 'окружающий мир', grade: 4 },
];

/** A deterministic spread of marks; school 6 did not write «окружающий мир» (an empty wide group). */
function buildRows(): { results: ResultRow[]; confirmation: ConfirmationRow[] } {
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const results: ResultRow[] = [];
  const confirmation: ConfirmationRow[] = [];
  for (const s of SCHOOLS) {
    for (const p of PROCEDURES) {
      if (s.id === 'S0006' && p.subject === 'окружающий мир') continue;
      const participants = 7 + next(90);
      const mark2 = next(Math.ceil(participants / 5));
      const mark3 = next(participants - mark2 + 1);
      const mark4 = next(participants - mark2 - mark3 + 1);
      const mark5 = participants - mark2 - mark3 - mark4;
      results.push({ schoolId: s.id, year: YEAR, ...p, participants, mark2, mark3, mark4, mark5 });
      const lowered = next(Math.ceil(participants / 4));
      const raised = next(Math.ceil(participants / 5));
      const confirmed = participants - lowered - raised;
      confirmation.push({ schoolId: s.id, year: YEAR, ...p, participants, lowered, confirmed, raised });
    }
  }
  return { results, confirmation };
}

/** The package, read back through the package's own rows (what an import of it would store). */
export function samplePackage() {
  const pkg = packageFromRows({ schools: SCHOOLS, ...buildRows() });
  return { results: [...resultRows(pkg)], confirmation: [...confirmationRows(pkg)] };
}

export const schoolOf = (id: string) => SCHOOLS.find((s) => s.id === id) as School;

/** Share in percent with `decimals` (as a report prints it). */
export const pct = (count: number, of: number, decimals: number) =>
  of === 0 ? 0 : Number(((count * 100) / of).toFixed(decimals));

export type Cell = string | number | null;

/** A workbook of one sheet from rows of cells, with merges ('A1:C1') applied. */
export async function workbook(name: string, rows: Cell[][], merges: string[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  for (const r of rows) ws.addRow(r);
  for (const m of merges) ws.mergeCells(m);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The column letter of a 1-based index. */
export function letter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Windows-1251 for the characters the tests use (ASCII, А–я, Ё/ё, «», №). */
export function cp1251(s: string): Buffer {
  const bytes: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) bytes.push(c);
    else if (c >= 0x410 && c <= 0x44f) bytes.push(c - 0x410 + 0xc0);
    else if (c === 0x401) bytes.push(0xa8);
    else if (c === 0x451) bytes.push(0xb8);
    else if (c === 0xab) bytes.push(0xab);
    else if (c === 0xbb) bytes.push(0xbb);
    else if (c === 0x2116) bytes.push(0xb9);
    else throw new Error(`no cp1251 byte for ${ch}`);
  }
  return Buffer.from(bytes);
}
