import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, type RowError } from '../../lib/errors.js';
import { CsvReader, forEachCsvRecord, forEachCsvRecordOfFile } from '../files/csv.js';
import { packageFromRows } from './from-rows.js';
import { readPackage, readPackageCsvData, readPackageXlsx } from './read-package.js';
import type { DataPackage } from './types.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'opora-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SCHOOLS = `school_id,name,municipality_id,municipality_name,rural,small
S1,"МБОУ ""СОШ № 1"", г. Озёрск",M1,Городской округ Озёрск,0,0
S2,МКОУ «ООШ с. Липовка»,M2,Лесной муниципальный район,1,1
`;
const RESULTS = `school_id,year,assessment,subject,grade,participants,mark2,mark3,mark4,mark5
S1,2024,ВПР,русский язык,5,25,3,10,8,4
S1,2024,ВПР,математика,5,25,8,10,5,2
S2,2024,ЕГЭ,математика (профильный уровень),11,4,1,,,
S2,2023,ВПР,русский язык,5,6,2,2,1,1
`;
const CONTEXT = `school_id,year,parents_higher_ed_share,ovz_share,distance_km_share
S1,2024,0.42,"0,05",
S2,2024,0.1,,0.9
`;
const CONFIRMATION = `school_id,year,assessment,subject,grade,participants,lowered,confirmed,raised
S1,2024,ВПР,математика,5,25,5,18,2
`;

async function writePackage(name: string, files: Record<string, string | Uint8Array>): Promise<string> {
  const d = path.join(dir, name);
  const { mkdir } = await import('node:fs/promises');
  await mkdir(d, { recursive: true });
  for (const [f, text] of Object.entries(files)) await writeFile(path.join(d, f), text);
  return d;
}

async function rowsOfError(p: Promise<unknown>): Promise<RowError[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError && e.code === 'INVALID_INPUT') return e.details?.rows ?? [];
    throw e;
  }
  throw new Error('the package was accepted');
}

function summary(pkg: DataPackage) {
  const r = pkg.results;
  return {
    schools: pkg.schools,
    years: pkg.years,
    results: Array.from({ length: r.length }, (_, i) => {
      const p = pkg.procedures[r.procedure[i] as number];
      return [
        pkg.schools[r.school[i] as number]?.id,
        r.year[i],
        p?.assessment,
        p?.subject,
        p?.grade,
        r.participants[i],
        r.mark2[i],
        r.mark3[i],
        r.mark4[i],
        r.mark5[i],
      ];
    }),
    context: {
      indicators: pkg.context.indicators,
      rows: Array.from({ length: pkg.context.length }, (_, i) => [
        pkg.schools[pkg.context.school[i] as number]?.id,
        pkg.context.year[i],
        ...pkg.context.values.map((v) => v[i]),
      ]),
    },
    confirmation: pkg.confirmation && Array.from(pkg.confirmation.raised),
  };
}

describe('readPackage: CSV directory', () => {
  it('reads schools, results, context and confirmation (BOM, quotes, CRLF, empty marks, decimal comma)', async () => {
    const d = await writePackage('ok', {
      'schools.csv': `\uFEFF${SCHOOLS.replace(/\n/g, '\r\n')}`,
      'results.csv': `${RESULTS}\n`, // a blank line at the end
      'context.csv': CONTEXT,
      'confirmation.csv': CONFIRMATION,
    });
    const pkg = await readPackage(d);
    const s = summary(pkg);
    expect(s.schools).toEqual([
      {
        id: 'S1',
        name: 'МБОУ "СОШ № 1", г. Озёрск',
        municipalityId: 'M1',
        municipalityName: 'Городской округ Озёрск',
        rural: false,
        small: false,
      },
      {
        id: 'S2',
        name: 'МКОУ «ООШ с. Липовка»',
        municipalityId: 'M2',
        municipalityName: 'Лесной муниципальный район',
        rural: true,
        small: true,
      },
    ]);
    expect(s.years).toEqual([2023, 2024]);
    expect(s.results).toEqual([
      ['S1', 2024, 'ВПР', 'русский язык', 5, 25, 3, 10, 8, 4],
      ['S1', 2024, 'ВПР', 'математика', 5, 25, 8, 10, 5, 2],
      ['S2', 2024, 'ЕГЭ', 'математика (профильный уровень)', 11, 4, 1, 0, 0, 0],
      ['S2', 2023, 'ВПР', 'русский язык', 5, 6, 2, 2, 1, 1],
    ]);
    expect(s.context).toEqual({
      indicators: ['parents_higher_ed_share', 'ovz_share', 'distance_km_share'],
      rows: [
        ['S1', 2024, 0.42, 0.05, Number.NaN],
        ['S2', 2024, 0.1, Number.NaN, 0.9],
      ],
    });
    expect(s.confirmation).toEqual([2]);
  });

  it('works without confirmation.csv and finds a single workbook in the directory', async () => {
    const d = await writePackage('no-confirmation', {
      'schools.csv': SCHOOLS,
      'results.csv': RESULTS,
      'context.csv': CONTEXT,
    });
    expect((await readPackage(d)).confirmation).toBeNull();
  });

  it('reports every wrong row with file, row, column and a Russian message, and loads nothing', async () => {
    const d = await writePackage('bad', {
      'schools.csv': `${SCHOOLS}S1,Дубль,M1,Город,0,0\nS3,,M1,Город,2,0\n`,
      'results.csv': `${RESULTS}S9,2024,ВПР,математика,5,10,1,1,1,1
S1,2024,ВПР,математика,5,25,8,10,5,2
S1,1999,ВПР,математика,5,25,8,10,5,2
S1,2024,,математика,12,25,-1,x,5,2
S1,2024,ВПР,история,5,10,11,0,0,0
S1,2024,ВПР,биология,5,10,3,3,3,3
S1,2024,ВПР,география,5,10.5,3,3,3,0
`,
      'context.csv': `${CONTEXT}S2,2024,1.5,abc,\nS2,2023,,,\nS2,2023,0.1,,\n`,
      'confirmation.csv': `${CONFIRMATION}S1,2024,ВПР,история,5,10,5,5,5\n`,
    });
    const rows = await rowsOfError(readPackage(d));
    expect(rows).toEqual([
      { row: 4, field: 'schools.csv: school_id', message: 'Школа S1 уже есть в файле выше' },
      { row: 5, field: 'schools.csv: name', message: 'Не указано наименование школы' },
      { row: 5, field: 'schools.csv: rural', message: '«2» — нужно 1 (да) или 0 (нет)' },
      { row: 6, field: 'results.csv: school_id', message: 'Школы S9 нет в schools.csv' },
      { row: 8, field: 'results.csv: year', message: 'Год «1999» — нужен год от 2000 до 2100' },
      { row: 9, field: 'results.csv: assessment', message: 'Не указана оценочная процедура' },
      { row: 9, field: 'results.csv: grade', message: 'Класс «12» — нужно целое число от 1 до 11' },
      { row: 9, field: 'results.csv: mark2', message: '«-1» — не целое число не меньше 0' },
      { row: 9, field: 'results.csv: mark3', message: '«x» — не целое число не меньше 0' },
      { row: 10, field: 'results.csv: mark2', message: 'Число «2» (11) больше числа участников (10)' },
      {
        row: 11,
        field: 'results.csv: participants',
        message: 'Сумма отметок mark2–mark5 (12) больше числа участников (10)',
      },
      { row: 12, field: 'results.csv: participants', message: '«10.5» — не целое число не меньше 0' },
      {
        row: 4,
        field: 'context.csv: parents_higher_ed_share',
        message: 'Доля «1.5» вне диапазона от 0 до 1',
      },
      { row: 4, field: 'context.csv: ovz_share', message: '«abc» — не число (нужна доля от 0 до 1)' },
      { row: 6, field: 'context.csv', message: 'Повтор: данные школы S2 за 2023 год уже есть в строке 5' },
      {
        row: 3,
        field: 'confirmation.csv: participants',
        message: 'Сумма lowered + confirmed + raised (15) больше числа участников (10)',
      },
      {
        row: 7,
        field: 'results.csv',
        message:
          'Повтор: строка школы S1 за 2024 год по процедуре «ВПР, математика, 5 класс» уже есть в строке 3',
      },
    ]);
  });

  it('names missing files and columns', async () => {
    const d = await writePackage('missing', { 'schools.csv': SCHOOLS, 'results.csv': RESULTS });
    await expect(readPackage(d)).rejects.toThrow('В пакете данных нет файлов: context.csv');
    const e = await writePackage('columns', {
      'schools.csv': SCHOOLS,
      'results.csv':
        'school_id,year,assessment,subject,grade,participants,mark2\nS1,2024,ВПР,математика,5,10,1\n',
      'context.csv': CONTEXT,
    });
    expect(await rowsOfError(readPackage(e))).toEqual([
      {
        row: 1,
        field: 'results.csv',
        message: 'Нет столбцов: mark3, mark4, mark5 (первая строка — заголовки столбцов)',
      },
    ]);
    await expect(readPackage(path.join(dir, 'nowhere'))).rejects.toThrow('Пакет данных не найден');
  });

  it('reads the same package from bytes in memory (an upload) and from a workbook', async () => {
    const enc = new TextEncoder();
    const fromCsv = await readPackageCsvData({
      schools: enc.encode(SCHOOLS),
      results: enc.encode(RESULTS),
      context: enc.encode(CONTEXT),
      confirmation: enc.encode(CONFIRMATION),
    });
    const wb = new ExcelJS.Workbook();
    for (const [name, text] of [
      ['schools', SCHOOLS],
      ['results.csv', RESULTS],
      ['Context', CONTEXT],
      ['confirmation', CONFIRMATION],
    ] as const) {
      const ws = wb.addWorksheet(name);
      const rows: string[][] = [];
      await forEachCsvRecord(enc.encode(text), (cells) => rows.push(cells));
      for (const cells of rows) {
        // Numbers as numbers, as Excel keeps them.
        ws.addRow(cells.map((c) => (/^\d+(\.\d+)?$/.test(c) ? Number(c) : c === '' ? null : c)));
      }
    }
    const file = path.join(dir, 'book.xlsx');
    await wb.xlsx.writeFile(file);
    const fromXlsx = await readPackageXlsx(file);
    expect(summary(fromXlsx)).toEqual(summary(fromCsv));
    expect(summary(await readPackage(file))).toEqual(summary(fromCsv));
  });
});

describe('CSV records across chunks', () => {
  it('gives the same records whatever the chunk size (quotes, line breaks in values, CRLF, UTF-8)', async () => {
    const text =
      'a,b,c\r\n"x, ""y""",2,"много\nстрок"\n\nабв,"",ё\r"q",1,2\nпоследняя,"без перевода строки",3';
    const expected: [number, string[]][] = [
      [1, ['a', 'b', 'c']],
      [2, ['x, "y"', '2', 'много\nстрок']],
      [3, ['']],
      [4, ['абв', '', 'ё']],
      [5, ['q', '1', '2']],
      [6, ['последняя', 'без перевода строки', '3']],
    ];
    const bytes = new TextEncoder().encode(text);
    for (const chunk of [3, 5, 7, 16, 1024]) {
      const got: [number, string[]][] = [];
      const reader = new CsvReader((cells, row) => got.push([row, cells]));
      for (let at = 0; at < bytes.length; at += chunk) reader.write(bytes.subarray(at, at + chunk));
      await reader.end();
      expect(got, `chunk ${chunk}`).toEqual(expected);
    }
    const plain = path.join(dir, 'plain.csv');
    await writeFile(plain, 'a,b\n1,2\r\n\n3,4');
    const got: [number, string[]][] = [];
    await forEachCsvRecordOfFile(plain, (cells, row) => got.push([row, cells]));
    expect(got).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [3, ['']],
      [4, ['3', '4']],
    ]);
  });
});

describe('packageFromRows', () => {
  it('applies the same checks to typed rows', () => {
    const school = {
      id: 'S1',
      name: 'Школа',
      municipalityId: 'M',
      municipalityName: 'М',
      rural: false,
      small: false,
    };
    const row = {
      schoolId: 'S1',
      year: 2024,
      assessment: 'ВПР',
      subject: 'математика',
      grade: 5,
      participants: 10,
      mark2: 1,
      mark3: 1,
      mark4: 1,
      mark5: 1,
    };
    expect(packageFromRows({ schools: [school], results: [row] }).results.length).toBe(1);
    let rows: RowError[] = [];
    try {
      packageFromRows({
        schools: [school],
        results: [row, row, { ...row, schoolId: 'X' }, { ...row, subject: 'история', mark2: 2.5 }],
        context: [{ schoolId: 'S1', year: 2024, values: { ovz_share: 2 } }],
      });
    } catch (e) {
      rows = e instanceof AppError ? (e.details?.rows ?? []) : [];
    }
    expect(rows.map((r) => `${r.field} ${r.row}`)).toEqual([
      'results.csv: school_id 3',
      'results.csv: mark2 4',
      'context.csv 1',
      'results.csv 2',
    ]);
  });
});
