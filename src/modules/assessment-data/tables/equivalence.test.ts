import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Cell,
  cp1251,
  letter,
  MUNICIPALITIES,
  PROCEDURES,
  pct,
  SCHOOLS,
  samplePackage,
  schoolOf,
  workbook,
  YEAR,
} from '../../../../tests/helpers/assessment-tables.js';
import { closeParsePools } from '../../files/parse-pool.js';
import type { ResultRow } from '../types.js';
import { readAssessmentTable, readAssessmentTableInThread } from './index.js';
import type { ConvertedResult } from './mapping.js';

// The same small package (counts) written as region spreadsheets of several layouts: every layout must give
// back exactly the package's rows, with the subtotal rows skipped and noted.

afterAll(() => closeParsePools());

const pkg = samplePackage();
const byKey = (r: { schoolId: string; subject: string; grade: number }) =>
  `${r.schoolId}|${r.subject}|${r.grade}`;
const sorted = <T extends { schoolId: string; subject: string; grade: number }>(rows: T[]) =>
  [...rows].sort((a, b) => byKey(a).localeCompare(byKey(b)));

/** Converted rows in the package's terms (an exam's unknown marks 3–5 are stored as 0). */
const asPackageRows = (rows: ConvertedResult[]): ResultRow[] =>
  sorted(
    rows.map((r) => ({
      schoolId: (r.school.code ?? r.school.login) as string,
      year: r.year,
      assessment: r.assessment,
      subject: r.subject,
      grade: r.grade,
      participants: r.participants,
      mark2: r.mark2,
      mark3: r.mark3 ?? 0,
      mark4: r.mark4 ?? 0,
      mark5: r.mark5 ?? 0,
    })),
  );

async function read(fileName: string, data: Uint8Array) {
  const out = await readAssessmentTableInThread(fileName, data, null);
  expect(out.conversion.errors).toEqual([]);
  expect(out.analysis.doubts).toEqual([]);
  expect(out.analysis.sure).toBe(true);
  expect(asPackageRows(out.conversion.results)).toEqual(sorted(pkg.results));
  return out;
}

const marks = (r: ResultRow) => [r.mark2, r.mark3, r.mark4, r.mark5];

describe('assessment tables equal to the package', () => {
  it('long, counts, one header row', async () => {
    const rows: Cell[][] = [
      [
        'Код ОО',
        'Наименование ОО',
        'Муниципалитет',
        'Год',
        'Процедура',
        'Предмет',
        'Класс',
        'Кол-во участников',
        'Отметка "2"',
        'Отметка "3"',
        'Отметка "4"',
        'Отметка "5"',
      ],
      ...pkg.results.map((r) => {
        const s = schoolOf(r.schoolId);
        return [
          r.schoolId,
          s.name,
          s.municipalityName,
          r.year,
          r.assessment,
          r.subject,
          r.grade,
          r.participants,
          ...marks(r),
        ];
      }),
    ];
    const out = await read('результаты.xlsx', await workbook('Результаты', rows));
    expect(out.analysis.mapping.layout).toBe('long');
    expect(out.conversion.notes).toMatchObject([]);
  });

  it('long, percentages with one decimal, the year and assessment in a title row, subtotal rows', async () => {
    const rows: Cell[][] = [
      [`Результаты ВПР ${YEAR} года`],
      ['МО', 'Логин ОО', 'ОО', 'Предмет', 'Класс', 'Участников, чел.', '% "2"', '% "3"', '% "4"', '% "5"'],
      ['Вся выборка', '', '', '', '', 1000, 10, 30, 40, 20],
    ];
    for (const m of MUNICIPALITIES) {
      rows.push([m, '', '', '', '', 100, 10, 30, 40, 20]);
      for (const r of pkg.results.filter((x) => schoolOf(x.schoolId).municipalityName === m)) {
        rows.push([
          m,
          r.schoolId,
          schoolOf(r.schoolId).name,
          r.subject,
          r.grade,
          r.participants,
          ...marks(r).map((k) => pct(k, r.participants, 1)),
        ]);
      }
    }
    const out = await read('впр.xlsx', await workbook('Лист1', rows));
    expect(out.analysis.mapping.fixed).toEqual({ assessment: 'ВПР', subject: null, grade: null, year: YEAR });
    const first = pkg.results.filter(
      (x) => schoolOf(x.schoolId).municipalityName === MUNICIPALITIES[0],
    ).length;
    expect(out.conversion.notes.map((n) => n.row)).toEqual([3, 4, 5 + first]);
    expect(out.conversion.notes[0]?.message).toBe('Строка пропущена: итоговая строка («Вся выборка»)');
    expect(out.conversion.notes[1]?.message).toBe(
      'Строка пропущена: строка муниципалитета без школы («Первый район»)',
    );
  });

  it('long, percentages with two decimals under a merged «Распределение отметок (%)»', async () => {
    const head = ['Код ОО', 'Год', 'Процедура', 'Предмет', 'Класс', 'Количество участников'];
    const rows: Cell[][] = [
      [...head, 'Распределение отметок (%)', null, null, null],
      [...head, '2', '3', '4', '5'],
      ...pkg.results.map((r) => [
        r.schoolId,
        r.year,
        r.assessment,
        r.subject,
        r.grade,
        r.participants,
        ...marks(r).map((k) => pct(k, r.participants, 2)),
      ]),
    ];
    const merges = [...head.map((_, i) => `${letter(i + 1)}1:${letter(i + 1)}2`), 'G1:J1'];
    const out = await read('впр.xlsx', await workbook('ВПР', rows, merges));
    expect(out.analysis.mapping.headerRows).toEqual([1, 2]);
    expect(out.analysis.mapping.columns.slice(6).map((c) => c.field)).toEqual([
      'pct2',
      'pct3',
      'pct4',
      'pct5',
    ]);
  });

  it('wide, merged group headers with the grade, a title row and a region subtotal', async () => {
    const groupTitles = PROCEDURES.map(
      (p) => `${p.subject[0]?.toUpperCase()}${p.subject.slice(1)}, ${p.grade} класс`,
    );
    const sub = ['Кол-во участников', 'Получили "2"', 'Получили "3"', 'Получили "4"', 'Получили "5"'];
    const rows: Cell[][] = [
      [`Всероссийские проверочные работы — ${YEAR}`],
      ['Код ОО', 'Наименование ОО', 'АТЕ', ...groupTitles.flatMap((t) => [t, null, null, null, null])],
      ['Код ОО', 'Наименование ОО', 'АТЕ', ...PROCEDURES.flatMap(() => sub)],
      ['', 'Итого по региону', '', ...PROCEDURES.flatMap(() => [500, 50, 150, 200, 100])],
    ];
    for (const s of SCHOOLS) {
      const row: Cell[] = [s.id, s.name, s.municipalityName];
      for (const p of PROCEDURES) {
        const r = pkg.results.find((x) => x.schoolId === s.id && x.subject === p.subject);
        row.push(...(r ? [r.participants, ...marks(r)] : [null, null, null, null, null]));
      }
      rows.push(row);
    }
    const merges = [
      'A2:A3',
      'B2:B3',
      'C2:C3',
      ...PROCEDURES.map((_, g) => `${letter(4 + g * 5)}2:${letter(8 + g * 5)}2`),
    ];
    const out = await read('впр-4.xlsx', await workbook('4 класс', rows, merges));
    expect(out.analysis.mapping.layout).toBe('wide');
    expect(out.analysis.mapping.groups).toEqual(
      PROCEDURES.map((p) => ({ assessment: null, subject: p.subject, grade: 4 })),
    );
    expect(out.analysis.mapping.fixed.assessment).toBe('ВПР');
    expect(out.conversion.notes).toMatchObject([
      { row: 4, column: null, message: 'Строка пропущена: итоговая строка («Итого по региону»)' },
    ]);
  });

  it('wide, the procedure inside each header («Русский язык 4 кл. — % «2»»), percentages', async () => {
    const short = {
      'русский язык': 'Русский язык',
      математика: 'Математика',
      'окружающий мир': 'Окружающий мир',
    };
    const head: Cell[] = ['Код ОО', 'Год'];
    for (const p of PROCEDURES) {
      const name = `ВПР ${short[p.subject as keyof typeof short]} ${p.grade} кл.`;
      head.push(`${name} — участников`, ...[2, 3, 4, 5].map((m) => `${name} — % «${m}»`));
    }
    const rows: Cell[][] = [head];
    for (const s of SCHOOLS) {
      const row: Cell[] = [s.id, YEAR];
      for (const p of PROCEDURES) {
        const r = pkg.results.find((x) => x.schoolId === s.id && x.subject === p.subject);
        row.push(
          ...(r ? [r.participants, ...marks(r).map((k) => pct(k, r.participants, 1))] : ['', '', '', '', '']),
        );
      }
      rows.push(row);
    }
    const out = await read('wide.xlsx', await workbook('Sheet1', rows));
    expect(out.analysis.mapping.groups).toEqual(
      PROCEDURES.map((p) => ({ assessment: 'ВПР', subject: p.subject, grade: 4 })),
    );
  });

  it('CSV in Windows-1251 with «;», counts and confirmation of marks', async () => {
    const lines = [
      'Код ОО;Наименование ОО;Муниципалитет;Год;Процедура;Предмет;Класс;Количество участников;"2";"3";"4";"5";Понизили (отметка < отметки по журналу);Подтвердили;Повысили',
      'Всего;;;;;;;;;;;;;;',
    ];
    for (const r of pkg.results) {
      const s = schoolOf(r.schoolId);
      const c = pkg.confirmation.find((x) => byKey(x) === byKey(r));
      lines.push(
        [
          r.schoolId,
          `"${s.name.replace(/"/g, '""')}"`,
          s.municipalityName,
          r.year,
          r.assessment,
          r.subject,
          r.grade,
          r.participants,
          ...marks(r),
          c?.lowered,
          c?.confirmed,
          c?.raised,
        ].join(';'),
      );
    }
    const out = await read('результаты.csv', cp1251(`${lines.join('\r\n')}\r\n`));
    expect(out.analysis.mapping.sheet).toBeNull();
    expect(
      sorted(
        out.conversion.confirmations.map((c) => ({
          schoolId: c.school.code as string,
          year: c.year,
          assessment: c.assessment,
          subject: c.subject,
          grade: c.grade,
          participants: c.participants,
          lowered: c.lowered,
          confirmed: c.confirmed,
          raised: c.raised,
        })),
      ),
    ).toEqual(sorted(pkg.confirmation));
  });

  it('a ФИС ОКО report: title rows, «Группы участников» with the login in the name, percent-formatted cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Статистика по отметкам');
    ws.addRow([`Всероссийские проверочные работы ${YEAR} (4 класс)`]);
    ws.addRow([`Дата: 12.05.${YEAR}`]);
    ws.addRow(['Предмет: Математика']);
    ws.addRow(['Статистика по отметкам']);
    ws.addRow(['Максимальный первичный балл: 20']);
    ws.addRow(['Группы участников', 'Кол-во ОО', 'Кол-во участников', 'Распределение групп баллов в %']);
    ws.addRow([null, null, null, '2', '3', '4', '5']);
    ws.mergeCells('A6:A7');
    ws.mergeCells('B6:B7');
    ws.mergeCells('C6:C7');
    ws.mergeCells('D6:G6');
    ws.addRow(['Вся выборка', 35000, 1200000, 10.5, 35.2, 38.1, 16.2]);
    ws.addRow(['Пензенская обл.', 300, 12000, 9.5, 36.2, 38.1, 16.2]);
    const maths = pkg.results.filter((r) => r.subject === 'математика');
    for (const m of MUNICIPALITIES) {
      ws.addRow([m, 3, 100, 9.5, 36.2, 38.1, 16.2]);
      for (const r of maths.filter((x) => schoolOf(x.schoolId).municipalityName === m)) {
        const row = ws.addRow([
          `(${r.schoolId.replace('S', 'sch')}) ${schoolOf(r.schoolId).name}`,
          1,
          r.participants,
          ...marks(r).map((k) => pct(k, r.participants, 4) / 100),
        ]);
        for (let c = 4; c <= 7; c++) row.getCell(c).numFmt = '0.00%';
      }
    }
    const out = await readAssessmentTableInThread(
      'отчёт.xlsx',
      Buffer.from(await wb.xlsx.writeBuffer()),
      null,
    );
    expect(out.analysis.doubts).toEqual([]);
    expect(out.analysis.mapping.fixed).toEqual({
      assessment: 'ВПР',
      subject: 'математика',
      grade: 4,
      year: YEAR,
    });
    expect(out.conversion.errors).toEqual([]);
    expect(out.conversion.notes.map((n) => n.row)).toEqual([8, 9, 10, 14]);
    expect(out.conversion.results.map((r) => r.school)).toContainEqual({
      code: null,
      login: 'sch0001',
      name: 'МБОУ «СОШ № 1»',
      // The report names no municipality per row: the row of the district above the schools gives it.
      municipality: 'Первый район',
    });
    const back = out.conversion.results.map((r) => ({
      ...r,
      school: { ...r.school, code: (r.school.login as string).replace('sch', 'S') },
    }));
    expect(asPackageRows(back)).toEqual(sorted(maths));
  });

  it('through the worker thread: a long file of 300 schools × 10 procedures', async () => {
    const rows: Cell[][] = [
      ['Код ОО', 'Год', 'Процедура', 'Предмет', 'Класс', 'Участников', '2', '3', '4', '5'],
    ];
    for (let s = 0; s < 300; s++) {
      for (let p = 0; p < 10; p++)
        rows.push([`K${s}`, YEAR, 'ВПР', `предмет ${p}`, 4 + (p % 5), 40, 4, 10, 16, 10]);
    }
    const data = await workbook('Лист1', rows);
    const started = performance.now();
    const out = await readAssessmentTable('region.xlsx', data, null);
    const ms = performance.now() - started;
    console.log(
      `region file ${(data.length / 1024).toFixed(0)} KB, ${rows.length} rows: read in the worker in ${ms.toFixed(0)} ms`,
    );
    expect(out.conversion.errors).toEqual([]);
    expect(out.conversion.results).toHaveLength(3000);
  });
});
