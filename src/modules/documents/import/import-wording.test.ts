import { describe, expect, it } from 'vitest';
import { columnMeaning, readHeader } from './columns.js';
import { parseRoadmapDocument } from './parse-roadmap-document.js';
import type { ImportedItem, ImportResult } from './types.js';

// The wording real roadmaps use for their columns, their broken rows and their titles (issue 16 §2),
// written differently from the held-out documents so that the rules are not tuned to one set.

const parse = (lines: string[]) => parseRoadmapDocument('plan.txt', Buffer.from(lines.join('\n'), 'utf8'));
const items = (r: ImportResult): ImportedItem[] =>
  r.roadmaps.flatMap((m) => m.sections.flatMap((s) => s.items));
const fields = (r: ImportResult) =>
  items(r).map((i) => [i.measure, i.deadline.text, i.responsible, i.indicator]);

describe('column headers', () => {
  it.each([
    ['Содержание работы', 'measure'],
    // the words of school teams and of other office suites' templates
    ['Вид деятельности', 'measure'],
    ['Виды работ', 'measure'],
    ['Что делаем', 'measure'],
    ['Что сделать', 'measure'],
    ['Кто отвечает', 'responsible'],
    ['Когда', 'deadline'],
    ['Что получим', 'indicator'],
    ['Выход (продукт)', 'indicator'],
    ['Наименование мероприятий', 'measure'],
    ['Срок выполнения', 'deadline'],
    ['Сроки реализации', 'deadline'],
    ['Период', 'deadline'],
    ['Дата проведения', 'deadline'],
    ['Планируемые сроки', 'deadline'],
    ['Контрольный срок', 'deadline'],
    ['Ответственные лица', 'responsible'],
    ['Ответственный исполнитель', 'responsible'],
    ['Соисполнители', 'responsible'],
    ['Исполнители', 'responsible'],
    ['Форма завершения', 'indicator'],
    ['Форма отчётности', 'indicator'],
    ['Форма представления результата', 'indicator'],
    ['Итоговый документ', 'indicator'],
    ['Продукт', 'indicator'],
    ['Показатель результативности', 'indicator'],
    ['Целевой показатель', 'indicator'],
    ['Критерии эффективности', 'indicator'],
    ['Планируемый результат', 'indicator'],
    ['Индикатор', 'indicator'],
    ['Формы работы', 'description'],
    ['Форма проведения', 'description'],
    ['Примечание', null],
  ])('«%s» is %s', (header, meaning) => {
    expect(columnMeaning(header)).toBe(meaning);
  });

  it('takes the result for the indicator when the table also has a form of report', () => {
    const columns = readHeader([
      '№',
      'Мероприятие',
      'Форма отчётности',
      'Срок',
      'Ответственный',
      'Результат',
    ]);
    expect(columns?.map((c) => c.meaning)).toEqual([
      'number',
      'measure',
      null,
      'deadline',
      'responsible',
      'indicator',
    ]);
    // Alone, the form of the report is the indicator.
    const alone = readHeader(['№', 'Мероприятие', 'Сроки', 'Исполнители', 'Итоговый документ']);
    expect(alone?.at(-1)?.meaning).toBe('indicator');
  });

  it('reads a table whose result column is a form of completion, the form kept in the description', async () => {
    const r = await parse([
      'План-график работы со школами Северного округа на 2026 год',
      '№\tМероприятия\tСрок\tОтветственный\tФорма завершения',
      '1)\tСеминар для заместителей директоров\tмарт 2026\tМетодист ИМЦ\tПрограмма семинара',
      '2)\tМониторинг посещаемости\tежемесячно\tСоциальные педагоги\tСправка',
    ]);
    expect(fields(r)).toEqual([
      ['Семинар для заместителей директоров', 'март 2026', 'Методист ИМЦ', 'Программа семинара'],
      ['Мониторинг посещаемости', 'ежемесячно', 'Социальные педагоги', 'Справка'],
    ]);
    const both = await parse([
      'План-график работы со школами Северного округа на 2026 год',
      '№\tМероприятия\tОжидаемый результат\tСрок\tОтветственный\tФорма отчётности',
      '1)\tСеминар для заместителей директоров\tОхват 90 % школ\tмарт 2026\tМетодист ИМЦ\tПротокол',
    ]);
    expect(fields(both)).toEqual([
      ['Семинар для заместителей директоров', 'март 2026', 'Методист ИМЦ', 'Охват 90 % школ'],
    ]);
    expect(items(both)[0]?.description).toBe('Форма отчётности: Протокол');
    // Held-out set 19: beside a «Продукт» the form of the report is no indicator either, wherever it stands.
    const product = await parse([
      'План-график работы со школами Северного округа на 2026 год',
      'Мероприятия\tПродукт\tОтветственный\tСрок\tФорма отчётности',
      '1. Семинар для заместителей директоров\tПрограмма семинара\tМетодист ИМЦ\tмарт 2026\tотчёт',
    ]);
    expect(fields(product)[0]?.[3]).toBe('Программа семинара');
    expect(items(product)[0]?.description).toBe('Форма отчётности: отчёт');
  });
});

describe('a measure broken over a page', () => {
  const HEADER = '№ п/п\tНаименование мероприятия\tСрок\tИсполнитель\tРезультат';

  it('joins text starting with a capital abbreviation between two neighbouring numbers', async () => {
    const r = await parse([
      'Дорожная карта сопровождения школ Северного округа на 2026 год',
      HEADER,
      '2\tРабота с педагогами\t\t\t',
      '2.1\tКурсы повышения квалификации для педагогов\tапрель 2026\tЦНППМ\tУдостоверения',
      '2.2\tСтажировки на базе школ-партнёров для\tмай 2026\tИМЦ\tОтчёт',
      '',
      '\tМО учителей начальных классов\t\t\t',
      '2.3\tВебинары по функциональной грамотности\tежеквартально\tИМЦ\tЗаписи вебинаров',
    ]);
    expect(items(r).map((i) => i.measure)).toEqual([
      'Курсы повышения квалификации для педагогов',
      'Стажировки на базе школ-партнёров для МО учителей начальных классов',
      'Вебинары по функциональной грамотности',
    ]);
    expect(r.roadmaps[0]?.sections.map((s) => s.title)).toEqual(['Работа с педагогами']);
  });

  it('joins it between flat numbers only when the measure above is cut mid-sentence', async () => {
    const r = await parse([
      'Дорожная карта сопровождения школ Северного округа на 2026 год',
      HEADER,
      '1)\tКурсы повышения квалификации для\tапрель 2026\tЦНППМ\tУдостоверения',
      '\tРМО учителей математики\t\t\t',
      '2)\tСтажировки на базе школ-партнёров\tмай 2026\tИМЦ\tОтчёт',
      '\tРабота с родителями\t\t\t',
      '3)\tВебинары по функциональной грамотности\tежеквартально\tИМЦ\tЗаписи вебинаров',
    ]);
    expect(items(r).map((i) => i.measure)).toEqual([
      'Курсы повышения квалификации для РМО учителей математики',
      'Стажировки на базе школ-партнёров',
      'Вебинары по функциональной грамотности',
    ]);
    expect(r.roadmaps[0]?.sections.map((s) => s.title)).toContain('Работа с родителями');
  });

  it('keeps a text between a number and the next section a section', async () => {
    const r = await parse([
      'Дорожная карта сопровождения школ Северного округа на 2026 год',
      HEADER,
      '1.1\tКурсы повышения квалификации\tапрель 2026\tЦНППМ\tУдостоверения',
      '\tМониторинг и контроль\t\t\t',
      '2.1\tВебинары по функциональной грамотности\tежеквартально\tИМЦ\tЗаписи вебинаров',
    ]);
    expect(items(r).map((i) => i.measure)).toEqual([
      'Курсы повышения квалификации',
      'Вебинары по функциональной грамотности',
    ]);
    expect(r.roadmaps[0]?.sections.map((s) => s.title)).toContain('Мониторинг и контроль');
  });
});

describe('titles whose later paragraphs start with a capital', () => {
  const TABLE = [
    '№\tМероприятие\tСроки\tОтветственные\tРезультат',
    '1\tСовещание\tмарт 2026\tДиректор\tПротокол',
  ];

  it('joins a school name and the year', async () => {
    const r = await parse([
      'Дорожная карта по преодолению рисков низких образовательных результатов',
      'МАОУ «Гимназия № 7» города Северска',
      'на 2025–2026 учебный год',
      ...TABLE,
    ]);
    expect(r.roadmaps[0]?.title).toBe(
      'Дорожная карта по преодолению рисков низких образовательных результатов МАОУ «Гимназия № 7» города Северска на 2025–2026 учебный год',
    );
  });

  it("takes a school's anti-risk or medium-term programme for the title", async () => {
    const r = await parse([
      'Антирисковая программа',
      'МБОУ «СОШ № 2 с. Озёрное»',
      'на 2026/2027 учебный год',
      ...TABLE,
    ]);
    expect(r.roadmaps[0]?.title).toBe(
      'Антирисковая программа МБОУ «СОШ № 2 с. Озёрное» на 2026/2027 учебный год',
    );
  });

  it('joins the name of a district written on a line of its own', async () => {
    const r = await parse([
      'Комплекс мер по повышению качества общего образования в школах',
      'Северного муниципального района',
      'На 2026 год',
      ...TABLE,
    ]);
    expect(r.roadmaps[0]?.title).toBe(
      'Комплекс мер по повышению качества общего образования в школах Северного муниципального района На 2026 год',
    );
  });

  it('joins the name of a school written by its abbreviation only', async () => {
    const r = await parse([
      'Программа антирисковых мер по направлению «Низкое качество преподавания»',
      'МКОУ «ООШ № 12 им. В.И. Петрова с. Каменка»',
      ...TABLE,
    ]);
    expect(r.roadmaps[0]?.title).toBe(
      'Программа антирисковых мер по направлению «Низкое качество преподавания» МКОУ «ООШ № 12 им. В.И. Петрова с. Каменка»',
    );
  });

  it('does not join an aim, a note or a sentence after the title', async () => {
    const r = await parse([
      'Дорожная карта по преодолению рисков низких образовательных результатов',
      'МАОУ «Гимназия № 7» города Северска',
      'Цель: повышение качества образования.',
      ...TABLE,
    ]);
    expect(r.roadmaps[0]?.title).toBe(
      'Дорожная карта по преодолению рисков низких образовательных результатов МАОУ «Гимназия № 7» города Северска',
    );
  });
});
