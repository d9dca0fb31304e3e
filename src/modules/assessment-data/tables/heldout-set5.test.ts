import { describe, expect, it } from 'vitest';
import { type Cell, workbook } from '../../../../tests/helpers/assessment-tables.js';
import { readAssessmentTableInThread } from './index.js';

// What the fifth held-out set of tables (bench/assessment-heldout/set5) showed was not read. Small
// reproductions, not copies of that set.

const read = (rows: Cell[][]) =>
  workbook('Лист1', rows).then((b) => readAssessmentTableInThread('отчёт.xlsx', b, null));

describe('a count with its share in one cell', () => {
  it('«12 (24,5%)» is the count 12; the share is checked against the participants', async () => {
    const r = await read([
      ['ВПР 2026. География, 8 класс'],
      ['Количество и доля обучающихся, получивших отметку'],
      ['Код ОО', 'Всего участников', '«2»', '«3»', '«4»', '«5»'],
      ['K1', 49, '12 (24,5%)', '22 (44,9%)', '15 (30,6%)', '0 (0,0%)'],
      ['K2', 8, '1 (12,5%)', '3 (37,5%)', '2 (25%)', '2 (25%)'],
    ]);
    expect(r.conversion.errors).toEqual([]);
    expect(r.conversion.results.map((x) => [x.participants, x.mark2, x.mark3, x.mark4, x.mark5])).toEqual([
      [49, 12, 22, 15, 0],
      [8, 1, 3, 2, 2],
    ]);
  });

  it('a share that is not the count’s share of the participants is an error with the row', async () => {
    const r = await read([
      ['ВПР 2026. География, 8 класс'],
      ['Код ОО', 'Всего участников', '«2»', '«3»', '«4»', '«5»'],
      ['K1', 49, '12 (30,0%)', '22 (44,9%)', '15 (30,6%)', '0 (0,0%)'],
    ]);
    expect(r.conversion.results).toEqual([]);
    expect(r.conversion.errors).toEqual([
      expect.objectContaining({ row: 3, message: expect.stringContaining('не сходится') }),
    ]);
  });
});

describe('a table per subject one under another on one sheet', () => {
  const head = [
    'Код ОО',
    'Наименование ОО',
    'Сдавали',
    'Получили «2»',
    'Получили «3»',
    'Получили «4»',
    'Получили «5»',
  ];
  it('each block gives its subject; repeated headers are headers; «Сдавали» is the participants', async () => {
    const r = await read([
      ['Результаты ОГЭ 2026 года, 9 класс'],
      ['Предмет: РУССКИЙ ЯЗЫК'],
      head,
      ['K1', 'МБОУ СОШ № 1', 10, 1, 3, 4, 2],
      ['K2', 'МБОУ СОШ № 2', 5, 0, 1, 2, 2],
      ['', 'Итого по предмету', 15, 1, 4, 6, 4],
      [],
      ['Предмет: МАТЕМАТИКА', 'Предмет: МАТЕМАТИКА', 'Предмет: МАТЕМАТИКА'],
      head,
      ['K1', 'МБОУ СОШ № 1', 9, 2, 3, 2, 2],
      ['', 'Итого по предмету', 9, 2, 3, 2, 2],
    ]);
    expect(r.conversion.errors).toEqual([]);
    expect(
      r.conversion.results.map((x) => [x.row, x.school.code, x.subject, x.participants, x.mark2]),
    ).toEqual([
      [4, 'K1', 'русский язык', 10, 1],
      [5, 'K2', 'русский язык', 5, 0],
      [10, 'K1', 'математика', 9, 2],
    ]);
  });
});

describe('rows per class of one school', () => {
  it('the classes of a school are summed into the school’s row, with a note', async () => {
    const r = await read([
      ['Результаты ВПР-2026 по математике в 6 классах (по классам)'],
      [
        'Муниципалитет',
        'Код ОО',
        'Образовательная организация',
        'Класс',
        'Кол-во участников',
        '«2»',
        '«3»',
        '«4»',
        '«5»',
      ],
      ['Кедровый МР', 'K1', 'МБОУ СОШ № 1', '6а', 20, 1, 5, 10, 4],
      ['Кедровый МР', 'K1', 'МБОУ СОШ № 1', '6б', 18, 2, 6, 7, 3],
      ['Кедровый МР', 'K2', 'МБОУ СОШ № 2', '6а', 12, 0, 4, 5, 3],
    ]);
    expect(r.conversion.errors).toEqual([]);
    expect(
      r.conversion.results.map((x) => [
        x.school.code,
        x.grade,
        x.participants,
        x.mark2,
        x.mark3,
        x.mark4,
        x.mark5,
      ]),
    ).toEqual([
      ['K1', 6, 38, 3, 11, 17, 7],
      ['K2', 6, 12, 0, 4, 5, 3],
    ]);
    expect(r.conversion.notes.map((n) => n.message)).toContainEqual(expect.stringContaining('классов'));
  });
});
