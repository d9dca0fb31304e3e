import { describe, expect, it } from 'vitest';
import { type Cell, workbook } from '../../../../tests/helpers/assessment-tables.js';
import { sharesOfOne } from './fractions.js';
import { readAssessmentTableInThread } from './index.js';
import { cellNumber, isEmptyCell } from './measures.js';
import { municipalityInTitle, municipalityNamedBy } from './municipality-text.js';
import { parseProcedure, parseProcedureCell } from './wide-groups.js';

// What the fourth held-out set of tables (bench/assessment-heldout/set4) showed was not read: shares written
// as fractions of one, the subject and grade in one column «Предмет (класс)», a district named only in the
// title. Small reproductions, not copies of that set.

const read = (rows: Cell[][]) =>
  workbook('Лист1', rows).then((b) => readAssessmentTableInThread('отчёт.xlsx', b, null));
const head = [
  'Код ОО',
  'Предмет (класс)',
  'Всего участников',
  'Доля «2»',
  'Доля «3»',
  'Доля «4»',
  'Доля «5»',
];

describe('shares written as fractions of one', () => {
  it('rows whose four shares add up to 1 are fractions: 0,125 of 8 is one pupil', async () => {
    const r = await read([
      ['ВПР 2026, математика, 5 класс'],
      ['Код ОО', 'Всего участников', 'Доля «2»', 'Доля «3»', 'Доля «4»', 'Доля «5»'],
      ['K1', 8, 0.125, 0.375, 0.25, 0.25],
      ['K2', 55, 0, 0.164, 0.527, 0.309],
      ['K3', 3, 0, 0.333, 0.667, 0],
    ]);
    expect(r.conversion.errors).toEqual([]);
    expect(r.conversion.results.map((x) => [x.participants, x.mark2, x.mark3, x.mark4, x.mark5])).toEqual([
      [8, 1, 3, 2, 2],
      [55, 0, 9, 29, 17],
      [3, 0, 1, 2, 0],
    ]);
    expect(r.conversion.notes.map((n) => n.message)).toContainEqual(
      expect.stringContaining('долями единицы'),
    );
  });

  it('bare «2»…«5» holding fractions are shares too', async () => {
    const r = await read([
      ['ВПР 2026, математика, 5 класс'],
      ['Код ОО', 'Участников', '2', '3', '4', '5'],
      ['K1', 8, 0.125, 0.375, 0.25, 0.25],
      ['K2', 20, 0.1, 0.4, 0.3, 0.2],
    ]);
    expect(r.conversion.errors).toEqual([]);
    expect(r.conversion.results.map((x) => x.mark3)).toEqual([3, 8]);
  });

  it('a lone row adding up to 1 among percents is an error, and a lone row of percents among fractions', async () => {
    const percents = await read([
      ['ВПР 2026, математика, 5 класс'],
      ['Код ОО', 'Всего участников', 'Доля «2»', 'Доля «3»', 'Доля «4»', 'Доля «5»'],
      ['K1', 8, 12.5, 37.5, 25, 25],
      ['K2', 20, 10, 40, 30, 20],
      ['K3', 10, 0.1, 0.4, 0.3, 0.2],
    ]);
    expect(percents.conversion.errors).toEqual([
      expect.objectContaining({ row: 5, message: expect.stringContaining('— 1 %, а должна быть 100 %') }),
    ]);
    const fractions = await read([
      ['ВПР 2026, математика, 5 класс'],
      ['Код ОО', 'Всего участников', 'Доля «2»', 'Доля «3»', 'Доля «4»', 'Доля «5»'],
      ['K1', 8, 0.125, 0.375, 0.25, 0.25],
      ['K2', 20, 0.1, 0.4, 0.3, 0.2],
      ['K3', 10, 0.2, 0.3, 0.3, 0.2],
      ['K4', 10, 0.1, 0.4, 0.3, 0.2],
      ['K5', 10, 10, 40, 30, 20],
    ]);
    // Every cell of the row is named.
    expect(fractions.conversion.errors.map((e) => e.row)).toEqual([7, 7, 7, 7]);
    expect(fractions.conversion.errors[0]?.message).toBe(
      'Доля «10» больше единицы (доли записаны долями единицы)',
    );
    const missing = await read([
      ['ВПР 2026, математика, 5 класс'],
      ['Код ОО', 'Всего участников', 'Доля «2»', 'Доля «3»', 'Доля «4»', 'Доля «5»'],
      ['K1', 8, 0.125, 0.375, 0.25, 0.25],
      ['K2', 20, 0.1, 0.4, 0.3, 0.2],
      ['K3', 20, 0.1, 0.4, 0.3, 0.2],
      ['K4', 20, 0.1, 0.4, 0.3, 0.2],
      ['K5', 20, 0.1, 0.4, 0.3, null],
    ]);
    // One decimal of a fraction is a whole percent: four of them may miss by ±2 points.
    expect(missing.conversion.errors.map((e) => e.message)).toEqual([
      'Сумма долей (отметки «2»–«5») — 0,8, а должна быть 1: доли в таблице записаны долями единицы (допускается ±0,02)',
    ]);
  });
});

describe('the fractions decision reads a cell as the measures do (one parser, one «empty»)', () => {
  const columns = new Map([
    ['pct2', 1],
    ['pct3', 2],
    ['pct4', 3],
    ['pct5', 4],
  ] as const);
  const of = (cells: string[][]) =>
    sharesOfOne(
      cells.map((c, i) => ({ row: i + 1, cells: c })),
      columns,
    );

  it('every text the measures read as a number counts, every text they leave empty is 0', () => {
    // «+0,125» is a number to the measures (measures.ts), so it is a fraction here too.
    expect(cellNumber('+0,125')).toBe(0.125);
    expect(of([['+0,125', '+0,375', '0,25', '0,25']])).toEqual(new Set(['marks']));
    for (const empty of ['', '-', '—', 'н/д', 'нет данных', 'х', '*']) {
      expect(isEmptyCell(empty)).toBe(true);
      expect(of([[empty, '0,5', '0,25', '0,25']])).toEqual(new Set(['marks']));
    }
    // A «%» says percent: no sum of one is read from it.
    expect(of([['12,5 %', '0,375', '0,25', '0,25']])).toEqual(new Set());
  });
});

describe('the subject and the grade in one column', () => {
  it('«История (7)», «История, 7 класс», «История 7 кл.», «Астрономия (11)» give both', () => {
    for (const t of ['История (7)', 'История, 7 класс', 'История 7 кл.', 'история 7']) {
      expect(parseProcedureCell(t)).toMatchObject({ subject: 'история', grade: 7 });
    }
    expect(parseProcedureCell('Астрономия (11)')).toMatchObject({ subject: 'астрономия', grade: 11 });
    // Not a grade: a variant's number, a number out of range; a header «Математика 2» is the mark «2».
    expect(parseProcedureCell('Русский язык, вариант 7').grade).toBeNull();
    expect(parseProcedureCell('История (12)').grade).toBeNull();
    expect(parseProcedure('Математика 2').grade).toBeNull();
  });

  it('a long table with «Предмет (класс)» is read without a question', async () => {
    const r = await read([
      ['Всероссийские проверочные работы – 2026'],
      head,
      ['K1', 'История (7)', 8, 0.125, 0.375, 0.25, 0.25],
      ['K1', 'Обществознание (8)', 20, 0.1, 0.4, 0.3, 0.2],
    ]);
    expect(r.analysis.doubts).toEqual([]);
    expect(r.analysis.sure).toBe(true);
    expect(r.conversion.errors).toEqual([]);
    expect(r.conversion.results.map((x) => [x.assessment, x.year, x.subject, x.grade])).toEqual([
      ['ВПР', 2026, 'история', 7],
      ['ВПР', 2026, 'обществознание', 8],
    ]);
  });
});

describe('a district named only in the title', () => {
  it('finds the district’s phrase in a title line, not a regional report’s plural', () => {
    expect(municipalityInTitle(['Результаты ВПР', 'по Родниковскому муниципальному району (демо)'])).toBe(
      'Родниковскому муниципальному району (демо)',
    );
    expect(municipalityInTitle(['ВПР по Лесному району (весна 2026 г.)'])).toBe('Лесному району');
    expect(municipalityInTitle(['Итоги ВПР. Городской округ Новодольск, 2026'])).toBe(
      'Городской округ Новодольск',
    );
    expect(municipalityInTitle(['Итоги ВПР по муниципальным районам и городским округам'])).toBeNull();
    expect(municipalityInTitle(['Уральский федеральный округ'])).toBeNull();
  });

  it('a regional body, a region’s name and an autonomous okrug are not a district', () => {
    // «образования» is a municipality only after «муниципальное».
    expect(
      municipalityInTitle(['Министерство образования Ивановской области', 'Результаты ВПР 2025 года']),
    ).toBeNull();
    expect(municipalityInTitle(['Департамент образования и науки Костромской области'])).toBeNull();
    expect(municipalityInTitle(['Итоги ВПР. Муниципальное образование Новодольск'])).toBe(
      'Муниципальное образование Новодольск',
    );
    expect(municipalityInTitle(['Чукотский автономный округ, ВПР 2026'])).toBeNull();
    // The region's adjective before «области» is not the district's name.
    expect(municipalityInTitle(['ВПР по Лесному району Костромской области'])).toBe('Лесному району');
    expect(municipalityInTitle(['Ивановский муниципальный район Ивановской области'])).toBe(
      'Ивановский муниципальный район',
    );
  });

  it('a ministry’s title gives its schools no municipality', async () => {
    const r = await read([
      ['Министерство образования Ивановской области'],
      ['Результаты ВПР 2026, математика, 5 класс'],
      ['Наименование ОО', 'Всего участников', 'Доля «2»', 'Доля «3»', 'Доля «4»', 'Доля «5»'],
      ['МБОУ СОШ № 3 г. Кинешмы', 8, 12.5, 37.5, 25, 25],
    ]);
    expect(r.conversion.errors).toEqual([]);
    expect(r.conversion.results.map((x) => x.school.municipality)).toEqual([null]);
    expect(r.conversion.notes.map((n) => n.message).join('\n')).not.toContain('из заголовка');
  });

  it('an inflected phrase names the one municipality whose name it has', () => {
    const names = ['Лесной муниципальный район', 'Луговой муниципальный район', 'Городской округ Новодольск'];
    expect(municipalityNamedBy('Лесному муниципальному району', names)).toBe('Лесной муниципальный район');
    expect(municipalityNamedBy('городского округа Новодольска', names)).toBe('Городской округ Новодольск');
    expect(municipalityNamedBy('Степному району', names)).toBeNull();
  });

  it('the title’s district is the municipality of schools named only by name, said in a note', async () => {
    const r = await read([
      ['Результаты ВПР в 6 классах (весна 2026 г.)'],
      ['по Лесному муниципальному району'],
      [],
      ['№', 'Общеобразовательная организация', 'Русский язык', 'Русский язык'],
      ['№', 'Общеобразовательная организация', 'Кол-во участников', '«2»'],
      [1, 'СОШ с. Озерки ', 10, 2],
      [null, 'Итого по району', 10, 2],
    ]);
    expect(r.conversion.errors).toEqual([]);
    expect(r.conversion.results.map((x) => x.school)).toEqual([
      {
        code: null,
        login: null,
        name: 'СОШ с. Озерки',
        municipality: 'Лесному муниципальному району',
        municipalityFromTitle: true,
      },
    ]);
    expect(r.conversion.notes.map((n) => n.message)).toContain(
      'Муниципалитет школ взят из заголовка над таблицей: «Лесному муниципальному району» — школы по названию ищутся в нём',
    );
  });
});
