import { describe, expect, it } from 'vitest';
import { readHeader } from './columns.js';
import { parseRoadmapDocument } from './parse-roadmap-document.js';
import { looksLikeDeadline, looksLikeExecutor, realignShifted, SHIFTED_MESSAGE } from './realign.js';
import type { ImportedItem, ImportResult } from './types.js';

// Roadmaps read by their structure (issue 16 §2), worded differently from the test set in
// tests/fixtures/roadmaps so that the rules are not tuned to one set of documents.

const parse = (lines: string[]) => parseRoadmapDocument('plan.txt', Buffer.from(lines.join('\n'), 'utf8'));
const items = (r: ImportResult): ImportedItem[] =>
  r.roadmaps.flatMap((m) => m.sections.flatMap((s) => s.items));
const fields = (r: ImportResult) =>
  items(r).map((i) => [i.measure, i.deadline.text, i.responsible, i.indicator]);
const messages = (r: ImportResult) => r.warnings.map((w) => `${w.location}: ${w.message}`);

const HEADER = '№\tСодержание работы\tСроки\tИсполнители\tРезультат';
const TITLE = 'План работы с ШНОР на 2025 год';

describe('roadmaps without numbers', () => {
  it('re-aligns rows shifted one column to the left by what their texts are', async () => {
    const r = await parse([
      TITLE,
      HEADER,
      '\tСовещание с директорами школ\tфевраль 2025\tКомитет по образованию\tПротокол совещания',
      'Выездной семинар для учителей физики\t3 квартал 2025 г.\tГайдамак Т.В., методист\tне менее 20 участников\t',
      'Анкетирование родителей\tежемесячно\tКлассные руководители ОУ\t',
    ]);
    expect(fields(r)).toEqual([
      ['Совещание с директорами школ', 'февраль 2025', 'Комитет по образованию', 'Протокол совещания'],
      [
        'Выездной семинар для учителей физики',
        '3 квартал 2025 г.',
        'Гайдамак Т.В., методист',
        'не менее 20 участников',
      ],
      ['Анкетирование родителей', 'ежемесячно', 'Классные руководители ОУ', null],
    ]);
    expect(messages(r)).toContain(`строка 4: ${SHIFTED_MESSAGE}`);
    // One cell less (no trailing TAB): placed by the cell-count rule, told the same way.
    expect(messages(r)).toContain(`строка 5: ${SHIFTED_MESSAGE}`);
    expect(messages(r).some((m) => m.startsWith('строка 3: Ячейки'))).toBe(false);
    expect(messages(r)).toContain(
      'строка 2: Пункты без номеров: мероприятия распознаны по срокам и ответственным, номера не заполнены',
    );
  });

  it('moves a row only when its last column is empty and the texts fit better moved', () => {
    const columns = readHeader(HEADER.split('\t')) ?? [];
    const row = (texts: string[]) => ({
      cells: texts.map((text) => ({ text, bold: false, italic: false })),
      extra: [],
      guessed: false,
    });
    const moved = realignShifted(row(['Совещание', 'март 2025', 'Комитет', 'Протокол', '']), columns);
    expect(moved?.cells.map((c) => c?.text ?? null)).toEqual([
      null,
      'Совещание',
      'март 2025',
      'Комитет',
      'Протокол',
    ]);
    expect(
      realignShifted(row(['Совещание', 'март 2025', 'Комитет', 'Протокол', 'Отчёт']), columns),
    ).toBeNull();
    expect(realignShifted(row(['1.2', 'Совещание', 'март 2025', 'Комитет', '']), columns)).toBeNull();
    // Text that does not read as a deadline and an executor one column further: left as written.
    expect(realignShifted(row(['Совещание', 'Протокол', 'Отчёт', 'Справка', '']), columns)).toBeNull();
  });

  it('joins a row of plain measure text to the measure above, even from a capital letter', async () => {
    const r = await parse([
      TITLE,
      HEADER,
      '\tМетодические семинары для учителей начальных классов на базе\tапрель 2025\tМетодический кабинет\tПрограммы семинаров',
      '\tЦентра непрерывного повышения профессионального мастерства\t\t\t',
      '\tПосещение уроков молодых педагогов\tв течение года\tНаставники\tСправка',
      '\tи анализ их результатов\t\t\tс рекомендациями',
      '\tРаздел 2. Работа с родителями\t\t\t',
      '\tРодительский всеобуч\tежеквартально\tАдминистрация ОО\tПротоколы',
    ]);
    expect(fields(r)).toEqual([
      [
        'Методические семинары для учителей начальных классов на базе Центра непрерывного повышения профессионального мастерства',
        'апрель 2025',
        'Методический кабинет',
        'Программы семинаров',
      ],
      [
        'Посещение уроков молодых педагогов и анализ их результатов',
        'в течение года',
        'Наставники',
        'Справка с рекомендациями',
      ],
      ['Родительский всеобуч', 'ежеквартально', 'Администрация ОО', 'Протоколы'],
    ]);
    expect(r.roadmaps[0]?.sections.map((s) => s.title)).toEqual([null, 'Работа с родителями']);
    expect(messages(r)).toContain(
      'строка 4: Строка продолжает мероприятие «Методические семинары для учителей начальных классов на базе»: текст присоединён к нему',
    );
  });

  it('takes a plain capitalised row after a complete measure for a section (a text copy has no bold)', async () => {
    const r = await parse([
      TITLE,
      HEADER,
      '\tСовещание директоров по итогам четверти\tмарт 2025\tКомитет\tПротокол',
      '\tРабота с родителями\t\t\t',
      '\tРодительский всеобуч\tежеквартально\tАдминистрация ОО\tПротоколы',
      '\tДиагностика с использованием ресурсов\tапрель 2025\tИМЦ\tСправка',
      '\tРоссийской электронной школы\t\t\t',
      '\tСеминар по теме\tмай 2025\tИМЦ\tПрограмма',
      '\t«Формирующее оценивание»\t\t\t',
    ]);
    expect(items(r).map((i) => i.measure)).toEqual([
      'Совещание директоров по итогам четверти',
      'Родительский всеобуч',
      'Диагностика с использованием ресурсов Российской электронной школы',
      'Семинар по теме «Формирующее оценивание»',
    ]);
    expect(r.roadmaps[0]?.sections.map((s) => [s.title, s.items.length])).toEqual([
      [null, 1],
      ['Работа с родителями', 3],
    ]);
  });

  it('guesses a section by its wording only in a title-like row: a sentence after a page break goes on', async () => {
    const r = await parse([
      TITLE,
      HEADER,
      '\tРазбор итогов диагностики по математике.\tмарт 2025\tИМЦ\tСправка',
      '\tКорректировка планов уроков учителями по каждому выявленному дефициту обучающихся.\t\t\t',
      '\tОбучение наставников в формате стажировки\tапрель 2025\tИМЦ\tПрограмма',
      '\tПсихолого-педагогическое сопровождение\t\t\t',
      '\tКонсультации педагога-психолога\tмай 2025\tОО\tЖурнал',
    ]);
    expect(items(r).map((i) => i.measure)).toEqual([
      'Разбор итогов диагностики по математике. Корректировка планов уроков учителями по каждому выявленному дефициту обучающихся.',
      'Обучение наставников в формате стажировки',
      'Консультации педагога-психолога',
    ]);
    expect(r.roadmaps[0]?.sections.map((s) => [s.title, s.items.length])).toEqual([
      [null, 2],
      ['Психолого-педагогическое сопровождение', 1],
    ]);
  });

  it('where sections are bold, a plain capitalised row is the measure above continued, not a section', async () => {
    const r = await parse([
      TITLE,
      HEADER,
      '\t**Оценочные процедуры**\t\t\t',
      '\tРазбор итогов диагностики по математике.\tмарт 2025\tИМЦ\tСправка',
      '\tКорректировка планов уроков\t\t\t',
      '\tОбучение наставников в формате стажировки\tапрель 2025\tИМЦ\tПрограмма',
    ]);
    expect(items(r).map((i) => i.measure)).toEqual([
      'Разбор итогов диагностики по математике. Корректировка планов уроков',
      'Обучение наставников в формате стажировки',
    ]);
    expect(r.roadmaps[0]?.sections.map((s) => [s.title, s.items.length])).toEqual([
      ['Оценочные процедуры', 2],
    ]);
  });

  it('keeps a measure row that names a sheet of acquaintance; a row with the sheet heading alone ends the table', async () => {
    const r = await parse([
      TITLE,
      HEADER,
      '\tСовещание директоров по итогам четверти\tмарт 2025\tКомитет\tПротокол',
      '\tЛист ознакомления педагогов с дорожной картой\tсентябрь 2025\tзаместитель директора\tЛист',
      '\tСеминар для учителей математики\tоктябрь 2025\tИМЦ\tПрограмма',
      '\tЛист ознакомления к приказу от 01.09.2025 № 12\t\t\t',
      '\tФ. И. О.\tДолжность\tПодпись\tДата',
      '\tПетрова А. А.\tучитель\t\t02.09.2025',
    ]);
    expect(items(r).map((i) => [i.measure, i.deadline.text])).toEqual([
      ['Совещание директоров по итогам четверти', 'март 2025'],
      ['Лист ознакомления педагогов с дорожной картой', 'сентябрь 2025'],
      ['Семинар для учителей математики', 'октябрь 2025'],
    ]);
    expect(messages(r).some((m) => m.startsWith('строка 6:') && m.includes('таблица закончена'))).toBe(true);
  });

  it('joins a row right under a repeated one-line header to the measure above', async () => {
    const r = await parse([
      TITLE,
      HEADER,
      '\tВзаимопосещение уроков с последующим\tв течение года\tИМЦ\tСправка',
      '',
      HEADER,
      '\tанализом\t\t\tпо итогам',
      '\tРодительский всеобуч\tежеквартально\tАдминистрация ОО\tПротоколы',
    ]);
    expect(fields(r)).toEqual([
      ['Взаимопосещение уроков с последующим анализом', 'в течение года', 'ИМЦ', 'Справка по итогам'],
      ['Родительский всеобуч', 'ежеквартально', 'Администрация ОО', 'Протоколы'],
    ]);
  });

  it('keeps a measure with a result of its own under deadline and executor cells merged in Word', async () => {
    const r = await parse([
      TITLE,
      HEADER,
      '\tСовещание директоров\tв течение года\tКомитет\tПротокол',
      '\tСеминар для завучей\t\t\tПрограмма семинара',
    ]);
    expect(items(r).map((i) => i.measure)).toEqual(['Совещание директоров', 'Семинар для завучей']);
  });

  it('keeps a bold measure-only row a section', async () => {
    const r = await parse([
      TITLE,
      HEADER,
      '\tСовещание\tмарт 2025\tКомитет\tПротокол',
      '\t**Кадры**\t\t\t',
      '\tКурсы\tмай 2025\tИРО\tСертификаты',
    ]);
    expect(r.roadmaps[0]?.sections.map((s) => [s.title, s.items.length])).toEqual([
      [null, 1],
      ['Кадры', 1],
    ]);
  });
});

describe('text types', () => {
  const deadlines = [
    '1 раз в четверть',
    'по мере необходимости',
    'сентябрь-октябрь',
    'в течение 2024-2025 уч.г.',
    'до 01.09',
    'по отдельному графику',
    'IV квартал',
    'в конце каждой четверти',
    'ноябрь, апрель',
    '2 раза в год',
    'декабрь 2024 – май 2025',
  ];
  const executors = [
    'Школы района',
    'РМО учителей математики',
    'ЦОКО',
    'Зам. директора по УВР',
    'Образовательные организации',
    'МОУ СОШ №1',
    'Отдел образования',
    'ММЦ',
    'Иванова М.П.',
    'Рабочая группа',
    'Тьюторы',
  ];

  it('tells deadlines from executors', () => {
    expect(deadlines.filter((t) => !looksLikeDeadline(t) || looksLikeExecutor(t))).toEqual([]);
    expect(executors.filter((t) => !looksLikeExecutor(t) || looksLikeDeadline(t))).toEqual([]);
  });
});

describe('the end of the table and its parts', () => {
  it('stops at a signature: rows after it are not measures', async () => {
    const r = await parse([
      TITLE,
      HEADER,
      '\tСовещание\tмарт 2025\tКомитет\tПротокол',
      'Председатель комитета по образованию\t\tП.П. Петров',
      '\tСогласовано\tмарт 2025\tс профсоюзом\t',
    ]);
    expect(items(r).map((i) => i.measure)).toEqual(['Совещание']);
    expect(messages(r)).toContain(
      'строка 4: Строка «Председатель комитета по образованию П.П. Петров» принята за подпись: таблица дорожной карты закончена на ней',
    );
  });

  it('stops at a signature paragraph with a blank for the signature and at an executor contact', async () => {
    const lines = [
      'Заведующий РМК __________ Л.Н. Соколова',
      'Исп. Кравцова О.Л., тел. 2-45-67',
      'Начальник управления образования\t\tЛ.Н. Соколова\t«__» ________ 2025 г.',
    ];
    for (const line of lines) {
      const r = await parse([
        TITLE,
        HEADER,
        '\tСовещание\tмарт 2025\tКомитет\tПротокол',
        line,
        '\tЕщё строка\tмай 2025\tОО\t',
      ]);
      expect(items(r)).toHaveLength(1);
    }
  });

  it('drops page numbers between the parts of a table and keeps one roadmap', async () => {
    const r = await parse([
      TITLE,
      HEADER,
      '\tСовещание\tмарт 2025\tКомитет\tПротокол',
      '',
      '- 3 -',
      '',
      'Содержание работы\tСроки\tИсполнители\tРезультат',
      '\tКурсы\tмай 2025\tИРО\tСертификаты',
      'Страница 4 из 5',
      '\tСеминар\tиюнь 2025\tИМЦ\tПрограмма',
    ]);
    expect(r.roadmaps).toHaveLength(1);
    expect(items(r).map((i) => i.measure)).toEqual(['Совещание', 'Курсы', 'Семинар']);
    expect(messages(r)).toContain(
      'строка 5: Строка «- 3 -» между частями таблицы принята за номер страницы и пропущена',
    );
  });
});

describe('repeated headers', () => {
  it('does not take a row that mentions «мероприятий» and «результатах» for the header repeated', async () => {
    const r = await parse([
      TITLE,
      HEADER,
      '\tСовещание\tмарт 2025\tКомитет\tПротокол',
      '\tПодготовка справки о результатах мероприятий за полугодие\tиюль 2025\tМетодист Орлова Е.Е.\tОтчёт о результатах',
    ]);
    expect(items(r).map((i) => i.deadline.text)).toEqual(['март 2025', 'июль 2025']);
  });

  it('keeps the end of a measure written just before the header repeated on the next page', async () => {
    const r = await parse([
      TITLE,
      HEADER,
      '\tСеминар для учителей химии по реализации\tмарт 2025\tИМЦ\tПрограмма',
      '\tдорожной карты по подготовке к ВПР\t\t\t',
      'Содержание работы\tСроки\tИсполнители\tРезультат\t',
      '\tКурсы\tмай 2025\tИРО\tСертификаты',
    ]);
    expect(r.roadmaps).toHaveLength(1);
    expect(items(r).map((i) => i.measure)).toEqual([
      'Семинар для учителей химии по реализации дорожной карты по подготовке к ВПР',
      'Курсы',
    ]);
  });
});

describe('titles over several paragraphs', () => {
  it('joins the paragraphs of a title under an appendix line', async () => {
    const r = await parse([
      'Приложение № 2 к постановлению администрации от 01.02.2025 № 12',
      '',
      'ПЛАН',
      'мероприятий по повышению качества образования в школах, показывающих низкие результаты,',
      'Заречного муниципального округа на 2025 год',
      HEADER,
      '\tСовещание\tмарт 2025\tКомитет\tПротокол',
    ]);
    expect(r.roadmaps[0]?.title).toBe(
      'ПЛАН мероприятий по повышению качества образования в школах, показывающих низкие результаты, Заречного муниципального округа на 2025 год',
    );
  });

  it('does not join an aim or a second line after a title that already has its year', async () => {
    const aim = await parse([
      'План работы со школами с низкими результатами',
      'Цель: повышение качества образования в школах района',
      HEADER,
      '\tСовещание\tмарт 2025\tКомитет\tПротокол',
    ]);
    expect(aim.roadmaps[0]?.title).toBe('План работы со школами с низкими результатами');
    const done = await parse([
      'План работы со школами с низкими результатами на 2025 год',
      'Муниципальное образование Северный район',
      HEADER,
      '\tСовещание\tмарт 2025\tКомитет\tПротокол',
    ]);
    expect(done.roadmaps[0]?.title).toBe('План работы со школами с низкими результатами на 2025 год');
  });

  it('does not join a paragraph that is not part of the title', async () => {
    const r = await parse([
      '**Дорожная карта по поддержке школ Заречного округа на 2025 год**',
      '**Цель: повышение качества образования.**',
      HEADER,
      '\tСовещание\tмарт 2025\tКомитет\tПротокол',
    ]);
    expect(r.roadmaps[0]?.title).toBe('Дорожная карта по поддержке школ Заречного округа на 2025 год');
  });
});
