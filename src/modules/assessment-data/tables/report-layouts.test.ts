import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type Cell, workbook } from '../../../../tests/helpers/assessment-tables.js';
import { readAssessmentTableInThread } from './index.js';

// Report layouts that regions export from the federal and exam systems and that the first held-out set of
// tables (bench/assessment-heldout/set1) showed were not read: a row of units under the header, shares
// said by the title or only by the numbers, ФИС ОКО's block report, schools grouped under district rows,
// marks named «Неуд.»…«Отл.». Small reproductions, not copies of that set.

const read = (rows: Cell[][], merges: string[] = []) =>
  workbook('Лист1', rows, merges).then((b) => readAssessmentTableInThread('отчёт.xlsx', b, null));

describe('report layouts', () => {
  it('a row of units («чел.», «%») under a three-row header: counts from «чел.», the «%» columns left aside', async () => {
    const r = await read(
      [
        ['Результаты ОГЭ 2026'],
        ['Код ОО', 'Наименование ОО', 'Математика', 'Математика', 'Математика', 'Математика', 'Математика'],
        ['Код ОО', 'Наименование ОО', 'Кол-во участников', '«2»', '«2»', '«5»', '«5»'],
        ['Код ОО', 'Наименование ОО', 'Кол-во участников', 'чел.', '%', 'чел.', '%'],
        ['K1', 'СОШ № 1', 40, 4, 10, 8, 20],
      ],
      ['A2:A4', 'B2:B4', 'C2:G2', 'C3:C4', 'D3:E3', 'F3:G3'],
    );
    expect(r.analysis.mapping.headerRows).toEqual([2, 3, 4]);
    expect(r.analysis.mapping.columns.map((c) => c.field)).toEqual([
      'school_code',
      'school_name',
      'participants',
      'mark2',
      'pct2',
      'mark5',
      'pct5',
    ]);
    expect(r.conversion.errors).toEqual([]);
    expect(r.conversion.results).toEqual([
      expect.objectContaining({ subject: 'математика', grade: 9, participants: 40, mark2: 4, mark5: 8 }),
    ]);
  });

  it('bare «2»…«5» are shares when the title says «%», or when each row’s four add up to 100', async () => {
    const head = ['Код ОО', 'Участников', '2', '3', '4', '5'];
    const byTitle = await read([
      ['ВПР 2026, математика, 4 класс'],
      ['Распределение отметок, % от числа участников'],
      head,
      ['K1', 20, 10, 40, 30, 20],
    ]);
    const bySum = await read([
      ['ВПР 2026, математика, 4 класс'],
      head,
      ['K1', 20, 10, 40, 30, 20],
      ['K2', 8, 12.5, 37.5, 25, 25],
    ]);
    for (const r of [byTitle, bySum]) {
      expect(r.analysis.mapping.columns.map((c) => c.field).slice(2)).toEqual([
        'pct2',
        'pct3',
        'pct4',
        'pct5',
      ]);
      expect(r.conversion.results[0]).toMatchObject({
        participants: 20,
        mark2: 2,
        mark3: 8,
        mark4: 6,
        mark5: 4,
      });
    }
    expect(bySum.conversion.results[1]).toMatchObject({
      participants: 8,
      mark2: 1,
      mark3: 3,
      mark4: 2,
      mark5: 2,
    });
    // Counts that happen not to add up to 100 stay counts.
    const counts = await read([['ВПР 2026, математика, 4 класс'], head, ['K1', 20, 2, 8, 6, 4]]);
    expect(counts.conversion.results[0]).toMatchObject({ mark2: 2, mark3: 8 });
  });

  it('ФИС ОКО’s report in blocks (a group’s row, then «Понизили»…«Всего») is read as a row per group', async () => {
    const block = (name: string, lowered: number, confirmed: number, raised: number): Cell[][] => [
      [name],
      ['Понизили (Отметка < Отметка по журналу) %', lowered, 0],
      ['Подтвердили (Отметка = Отметке по журналу) %', confirmed, 0],
      ['Повысили (Отметка > Отметка по журналу) %', raised, 0],
      ['Всего*', lowered + confirmed + raised, 100],
    ];
    const r = await read([
      ['Всероссийские проверочные работы 2026 (8 класс)'],
      ['Предмет: Математика'],
      ['Сравнение отметок с отметками по журналу'],
      ['Группы участников', 'Кол-во участников', '%'],
      ...block('Первый муниципальный район', 9, 40, 1),
      ...block('(sch000123) МБОУ СОШ № 1', 3, 20, 1),
      ...block('(sch000124) МБОУ СОШ № 2', 6, 20, 0),
      ['* Всего — число участников, у которых есть отметка по журналу'],
    ]);
    expect(r.conversion.errors).toEqual([]);
    expect(r.conversion.confirmations).toEqual([
      expect.objectContaining({ row: 10, school: expect.objectContaining({ login: 'sch000123' }) }),
      expect.objectContaining({ row: 15 }),
    ]);
    expect(r.conversion.confirmations[0]).toMatchObject({
      year: 2026,
      subject: 'математика',
      grade: 8,
      participants: 24,
      lowered: 3,
      confirmed: 20,
      raised: 1,
    });
    expect(r.conversion.notes.map((n) => n.message).join('\n')).toMatch(/блоками.*групп — 3/s);
  });

  it('schools grouped under their district’s row are looked for in that district; «Неуд.»…«Отл.» are marks', async () => {
    const head = [
      '№ п/п',
      'ОО',
      'Кол-во уч-ся по списку',
      'Писали',
      'Неуд.',
      'Удовл.',
      'Хор.',
      'Отл.',
      'Ср. балл',
    ];
    const district = (name: string): Cell[] => Array(9).fill(name);
    const r = await read(
      [
        ['Итоги ВПР по математике, 4 класс, 2025 год'],
        head,
        district('Первый муниципальный район'),
        [1, 'СОШ с. Липовка', 22, 21, 6, 6, 5, 4, 3.3],
        [null, 'Итого по району', 22, 21, 6, 6, 5, 4, 3.3],
        district('Второй муниципальный район'),
        [1, 'СОШ с. Липовка', 9, 8, 0, 4, 0, 4, 4],
      ],
      ['A3:I3', 'A6:I6'],
    );
    expect(r.analysis.sure).toBe(true);
    expect(r.analysis.mapping.headerRows).toEqual([2]);
    expect(r.conversion.errors).toEqual([]);
    expect(
      r.conversion.results.map((x) => [x.school.municipality, x.participants, x.mark2, x.mark5]),
    ).toEqual([
      ['Первый муниципальный район', 21, 6, 4],
      ['Второй муниципальный район', 8, 0, 4],
    ]);
  });

  it('an exam report without marks and a journal comparison without marks are read without questions', async () => {
    const exam = await read(
      [
        ['Результаты ЕГЭ-2026 по образовательным организациям'],
        [
          '№',
          'Код ОО',
          'Предмет',
          'Количество участников',
          'Не преодолели минимальный порог',
          'Не преодолели минимальный порог',
          'Средний тестовый балл',
          'Получили 81–99 баллов, чел.',
          'Получили 100 баллов, чел.',
        ],
        [
          '№',
          'Код ОО',
          'Предмет',
          'Количество участников',
          'чел.',
          '%',
          'Средний тестовый балл',
          'Получили 81–99 баллов, чел.',
          'Получили 100 баллов, чел.',
        ],
        [1, 'K1', 'Русский язык', 27, 1, 3.7, 72.9, 6, 1],
      ],
      ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:F2', 'G2:G3', 'H2:H3', 'I2:I3'],
    );
    expect(exam.analysis.doubts).toEqual([]);
    expect(exam.conversion.results).toEqual([
      expect.objectContaining({ assessment: 'ЕГЭ', grade: 11, participants: 27, mark2: 1 }),
    ]);
    const journal = await read([
      ['ВПР 2026, математика, 6 класс'],
      ['Код ОО', 'Кол-во участников', 'Понизили, %', 'Подтвердили, %', 'Повысили, %'],
      ['K1', 20, 10, 85, 5],
    ]);
    expect(journal.analysis.doubts).toEqual([]);
    expect(journal.conversion.confirmations[0]).toMatchObject({ lowered: 2, confirmed: 17, raised: 1 });
  });

  it('two years side by side are two groups; a book with a sheet per subject is read whole', async () => {
    const years = await read(
      [
        ['Результаты ОГЭ по русскому языку в 2025 и 2026 годах'],
        ['Код ОО', '2025', '2025', '2025', '2025', '2025', '2026', '2026', '2026', '2026', '2026'],
        [
          'Код ОО',
          'Кол-во участников',
          '«2»',
          '«3»',
          '«4»',
          '«5»',
          'Кол-во участников',
          '«2»',
          '«3»',
          '«4»',
          '«5»',
        ],
        ['K1', 20, 1, 5, 10, 4, 22, 2, 6, 10, 4],
      ],
      ['A2:A3', 'B2:F2', 'G2:K2'],
    );
    expect(years.analysis.doubts).toEqual([]);
    expect(
      years.conversion.results.map((r) => [r.year, r.assessment, r.subject, r.grade, r.participants]),
    ).toEqual([
      [2025, 'ОГЭ', 'русский язык', 9, 20],
      [2026, 'ОГЭ', 'русский язык', 9, 22],
    ]);

    const wb = new ExcelJS.Workbook();
    for (const [subject, n] of [
      ['Русский язык', 20],
      ['Математика', 30],
    ] as const) {
      const ws = wb.addWorksheet(subject);
      ws.addRow(['Национальные исследования качества образования — 2025']);
      ws.addRow([`Учебный предмет: ${subject}`]);
      ws.addRow(['Параллель: 6 класс']);
      ws.addRow(['Логин ОО', 'Число участников', '«2»', '«3»', '«4»', '«5»']);
      ws.addRow(['K1', n, 1, 1, 1, n - 3]);
    }
    const book = await readAssessmentTableInThread(
      'нико.xlsx',
      Buffer.from(await wb.xlsx.writeBuffer()),
      null,
    );
    expect(book.conversion.errors).toEqual([]);
    expect(
      book.conversion.results.map((r) => [r.assessment, r.subject, r.grade, r.year, r.participants]),
    ).toEqual([
      ['НИКО', 'русский язык', 6, 2025, 20],
      ['НИКО', 'математика', 6, 2025, 30],
    ]);
    expect(book.conversion.notes[0]?.message).toBe(
      'Листы одного вида читаются вместе: «Русский язык», «Математика»',
    );
  });

  it('a title sheet says what the data sheet does not; one column «МО / ОО» names territories and their schools', async () => {
    const wb = new ExcelJS.Workbook();
    const title = wb.addWorksheet('Титульный лист');
    title.addRow([null, 'Региональный центр обработки информации']);
    title.addRow([null, 'Отчёт о результатах единого государственного экзамена']);
    title.addRow([null, '2026 год']);
    const data = wb.addWorksheet('Результаты по ОО');
    data.addRow(['Код ОО', 'Предмет', 'Кол-во\nучастников', 'Не преодолели\nминимальный порог, чел.']);
    data.addRow(['K1', 'Русский язык', 21, 1]);
    const ege = await readAssessmentTableInThread('егэ.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), null);
    expect(ege.analysis.doubts).toEqual([]);
    expect(ege.conversion.results[0]).toMatchObject({
      year: 2026,
      assessment: 'ЕГЭ',
      grade: 11,
      participants: 21,
      mark2: 1,
    });

    const shared = await read([
      ['ВПР 2026, 6 класс, математика'],
      ['Наименование\nМО / ОО', 'Кол-во участников', '2', '3', '4', '5'],
      ['Второй муниципальный район', 30, 3, 10, 12, 5],
      ['СОШ с. Липовка', 10, 1, 4, 4, 1],
    ]);
    expect(shared.analysis.doubts).toEqual([]);
    expect(shared.conversion.results.map((r) => r.school)).toEqual([
      { code: null, login: null, name: 'СОШ с. Липовка', municipality: 'Второй муниципальный район' },
    ]);
  });
});
