import { afterAll, describe, expect, it } from 'vitest';
import { workbook } from '../../../../tests/helpers/assessment-tables.js';
import { manyRowsWorkbook, repeatedDeflate, withTicker } from '../../../../tests/helpers/hostile-files.js';
import { makeZip } from '../../../../tests/helpers/zip.js';
import { AppError } from '../../../lib/errors.js';
import { closeParsePools } from '../../files/parse-pool.js';
import { convertTable } from './convert-table.js';
import { readAssessmentTable, readAssessmentTableInThread } from './index.js';
import { countsOfShares, toleranceOf } from './percent.js';

afterAll(() => closeParsePools());

const HEAD = ['Код ОО', 'Год', 'Процедура', 'Предмет', 'Класс', 'Кол-во участников'];
const pctTable = async (...rows: (string | number | null)[][]) =>
  (
    await readAssessmentTableInThread(
      't.xlsx',
      await workbook('Лист1', [[...HEAD, '% "2"', '% "3"', '% "4"', '% "5"'], ...rows]),
      null,
    )
  ).conversion;
const countTable = async (...rows: (string | number | null)[][]) =>
  (
    await readAssessmentTableInThread(
      't.xlsx',
      await workbook('Лист1', [[...HEAD, '2', '3', '4', '5'], ...rows]),
      null,
    )
  ).conversion;
const KEY = ['K1', 2025, 'ВПР', 'математика', 5];

describe('percent → counts', () => {
  it('rounds each share and fixes the sum to the participants by the largest remainder', () => {
    // 33.3 % of 10 = 3.33 each: three counts of 3 and one lost; the first largest remainder gets it.
    expect(countsOfShares([33.3, 33.3, 33.4, 0], 10, true)).toEqual([3, 3, 4, 0]);
    // Rounding gives 1 + 1 + 1 = 3 of 2: the count that gained most in rounding gives one back.
    expect(countsOfShares([50, 25, 25], 2, true)).toEqual([1, 0, 1]);
    expect(countsOfShares([12.5], 40, false)).toEqual([5]);
    expect(countsOfShares([16.7, 16.7, 33.3, 33.3], 6, true)).toEqual([1, 1, 2, 2]);
    // A large difference is spread in whole rounds, not one person at a time.
    expect(countsOfShares([50, 0, 0, 0], 1000, true)).toEqual([625, 125, 125, 125]);
    expect(countsOfShares([100, 0, 0, 0], 1000, true)).toEqual([1000, 0, 0, 0]);
    const big = countsOfShares([99.5, 0.5, 0, 0], 100_000, true);
    expect(big.reduce((a, b) => a + b, 0)).toBe(100_000);
    // Part of the shares: rounding up may not exceed the participants.
    expect(countsOfShares([50.5, 49.5], 1, false)).toEqual([1, 0]);
  });

  it('allows ±1 point with decimals and ±0.5 a share for whole percentages', () => {
    expect(toleranceOf([10.5, 20, 30, 40], 1)).toBe(1);
    expect(toleranceOf([10, 20, 30, 40], 0)).toBe(2);
    expect(toleranceOf([10, 20, 70], 0)).toBe(1.5);
  });
});

describe('confirmation of marks in percent', () => {
  it('three shares are a distribution: rounded, checked, fixed to the participants', async () => {
    const head = [
      ...HEAD,
      'Понизили (Отметка < Отметка по журналу) %',
      'Подтвердили (Отметка = Отметке по журналу) %',
      'Повысили (Отметка > Отметка по журналу) %',
    ];
    const data = await workbook('Лист1', [head, [...KEY, 7, 14.29, 71.43, 14.29], [...KEY, 7, 10, 80, 5]]);
    const c = (await readAssessmentTableInThread('t.xlsx', data, null)).conversion;
    expect(c.confirmations.map((r) => [r.participants, r.lowered, r.confirmed, r.raised])).toEqual([
      [7, 1, 5, 1],
    ]);
    expect(c.results).toEqual([]);
    expect(c.errors).toEqual([
      {
        row: 3,
        column: 'Понизили (Отметка < Отметка по журналу) %',
        message:
          'Сумма долей (понизили, подтвердили, повысили) — 95 %, а должна быть 100 % (допускается ±1,5)',
      },
    ]);
  });
});

describe('row errors name the row and the column', () => {
  it('percentages that do not add up to 100', async () => {
    const c = await pctTable([...KEY, 20, 10, 30, 40, 18.5], [...KEY, 20, 10, 30, 40, 19.5]);
    expect(c.errors).toEqual([
      {
        row: 2,
        column: '% "2"',
        message: 'Сумма долей (отметки «2»–«5») — 98,5 %, а должна быть 100 % (допускается ±1)',
      },
    ]);
    expect(c.results.map((r) => r.row)).toEqual([3]);
  });

  it('text in a number, a negative number, a share over 100, a fraction of a count', async () => {
    const c = await countTable(
      [...KEY, 'двадцать', 1, 2, 3, 4],
      [...KEY, 20, -1, 2, 3, 4],
      [...KEY, 20, 1.5, 2, 3, 4],
    );
    expect(c.errors).toEqual([
      { row: 2, column: 'Кол-во участников', message: '«двадцать» — не число' },
      { row: 3, column: '2', message: 'Отрицательное число «-1»' },
      { row: 4, column: '2', message: '«1.5» — не целое число' },
    ]);
    const p = await pctTable([...KEY, 20, 120, 0, 0, 0]);
    expect(p.errors).toEqual([{ row: 2, column: '% "2"', message: 'Доля «120» больше 100 %' }]);
  });

  it('participants missing for percentages, and counts over the participants', async () => {
    const p = await pctTable([...KEY, '', 10, 30, 40, 20]);
    expect(p.errors).toEqual([
      {
        row: 2,
        column: '% "2"',
        message: 'Не указано число участников: без него доли в процентах не пересчитать в количество',
      },
    ]);
    const c = await countTable([...KEY, 20, 5, 10, 5, 1], [...KEY, '', 5, 10, 5, 1]);
    expect(c.errors).toEqual([
      { row: 2, column: '2', message: 'Сумма (21: отметки «2»–«5») больше числа участников (20)' },
      { row: 3, column: 'Кол-во участников', message: 'Не указано число участников' },
    ]);
  });

  it('participants 0 or only participants: skipped with a note, not an error', async () => {
    const c = await countTable(
      [...KEY, 0, 0, 0, 0, 0],
      [...KEY, 20, '', '', '', ''],
      [...KEY, 20, 1, 5, 10, 4],
    );
    expect(c.errors).toEqual([]);
    expect(c.notes).toEqual([
      { row: 2, column: null, message: 'Пропущено: участников 0' },
      { row: 3, column: null, message: 'Пропущено: указано только число участников, отметок нет' },
    ]);
    expect(c.results.map((r) => r.row)).toEqual([4]);
    const only = (
      await readAssessmentTableInThread('t.xlsx', await workbook('Лист1', [HEAD, [...KEY, 20]]), null)
    ).conversion;
    expect(only.errors).toEqual([]);
    expect(only.notes).toEqual([
      { row: 2, column: null, message: 'Пропущено: указано только число участников, отметок нет' },
    ]);
  });

  it('more participants than a school has, and part of the shares over 100 %', async () => {
    const c = await countTable([...KEY, 1_000_000, 1, 5, 10, 4]);
    expect(c.errors).toEqual([
      {
        row: 2,
        column: 'Кол-во участников',
        message: expect.stringContaining('больше 100'),
      },
    ]);
    const part = (
      await readAssessmentTableInThread(
        't.xlsx',
        await workbook('Лист1', [
          [...HEAD, '% "2"', '% "3"'],
          [...KEY, 20, 60, 50],
          [...KEY, 20, 10, 30],
        ]),
        null,
      )
    ).conversion;
    expect(part.errors).toEqual([
      { row: 2, column: '% "2"', message: 'Сумма долей (отметки «2»–«5») — 110 %, больше 100 %' },
    ]);
    expect(part.results.map((r) => [r.row, r.mark2, r.mark3])).toEqual([[3, 2, 6]]);
  });

  it('«н/д», «—» and «x» are empty cells: a group of them is a procedure the school did not write', async () => {
    const c = await countTable([...KEY, 'н/д', '—', 'x', '-', ''], [...KEY, 20, '—', 5, 10, 5]);
    expect(c.errors).toEqual([]);
    expect(c.notes).toEqual([{ row: 2, column: null, message: 'Строка пропущена: в ней нет результатов' }]);
    expect(c.results.map((r) => [r.row, r.mark2, r.mark3])).toEqual([[3, 0, 5]]);
  });

  it('a bad year or grade, and an empty cell of a needed column', async () => {
    const c = await countTable(
      ['K1', 1999, 'ВПР', 'математика', 5, 20, 1, 5, 10, 4],
      ['K1', 2025, 'ВПР', '', 5, 20, 1, 5, 10, 4],
      ['K1', 2025, 'ВПР', 'математика', 12, 20, 1, 5, 10, 4],
    );
    expect(c.errors).toEqual([
      { row: 2, column: 'Год', message: 'Год «1999» — нужен год от 2000 до 2100' },
      { row: 3, column: 'Предмет', message: 'Не указан предмет' },
      { row: 4, column: 'Класс', message: 'Класс «12» — нужно целое число от 1 до 11' },
    ]);
  });
});

async function rejected(run: () => Promise<unknown>, label: string) {
  const started = performance.now();
  const { result, maxGapMs } = await withTicker(run);
  console.log(
    `${label}: rejected in ${(performance.now() - started).toFixed(0)} ms, longest event-loop gap ${maxGapMs.toFixed(0)} ms`,
  );
  expect(result).toBeInstanceOf(AppError);
  return result as AppError;
}

describe('hostile assessment tables are rejected by the import limits', () => {
  it('an XLSX whose sheet inflates to 1 GiB while declaring 1000 bytes', async () => {
    const bomb = makeZip([
      {
        name: 'xl/worksheets/sheet1.xml',
        data: Buffer.alloc(0),
        declaredSize: 1000,
        packed: repeatedDeflate(Buffer.alloc(1 << 20, 0x20), 1024),
      },
    ]);
    const e = await rejected(() => readAssessmentTable('bomb.xlsx', bomb, null), 'xlsx bomb');
    expect(e.message).toMatch(/размер части «xl\/worksheets\/sheet1\.xml» не совпадает с заявленным/);
  });

  it('a workbook of too many rows', async () => {
    const book = manyRowsWorkbook(2, 30_000);
    const e = await rejected(() => readAssessmentTable('big.xlsx', book, null), 'xlsx of 2 × 30 000 rows');
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toBe(
      'В книге слишком много строк (больше 50\u00a0000): разделите её на несколько файлов',
    );
  });

  it('a 50 MB CSV stops at the row limit', async () => {
    const csv = Buffer.from(`Код ОО;Участников\n${'K1;20\n'.repeat((50 * 1024 * 1024) / 6)}`);
    const e = await rejected(() => readAssessmentTable('big.csv', csv, null), 'csv of 50 MB');
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toBe(
      'В файле слишком много строк (больше 50\u00a0000): разделите его на несколько файлов',
    );
  });
});

describe('real schools are not taken for territory rows', () => {
  it('«Прогимназия г. Кирова», «Академия г. Сочи», «РФ лицей»… are schools; «Итого по району» is not', () => {
    const names = [
      'Прогимназия г. Кирова',
      'Образовательная организация № 5 г. Кемерово',
      'Академия г. Сочи',
      'Детский дом г. Орла',
      'РФ лицей',
      'Кадетский корпус г. Омска',
      'Школа-интернат № 1 г. Перми',
      'Муниципальное автономное учреждение «Центр образования» г. Тулы',
    ];
    const totals = ['Итого по району', 'г. Киров', 'Российская Федерация'];
    const rows = [
      { row: 1, cells: ['Наименование ОО', 'Муниципалитет', 'Участники', '2', '3', '4', '5'] },
      ...[...names, ...totals].map((n, i) => ({
        row: i + 2,
        cells: [n, 'г. Киров', '10', '1', '2', '3', '4'],
      })),
    ];
    const c = convertTable(
      { name: null, rows },
      {
        sheet: null,
        headerRows: [1],
        layout: 'long',
        groups: [],
        fixed: { year: 2024, assessment: 'ВПР', subject: 'математика', grade: 5 },
        columns: (
          ['school_name', 'municipality', 'participants', 'mark2', 'mark3', 'mark4', 'mark5'] as const
        ).map((field, i) => ({ column: i + 1, field, group: null })),
      },
    );
    expect(c.results.map((r) => r.school.name)).toEqual(names);
    expect(c.notes).toHaveLength(totals.length);
  });
});
