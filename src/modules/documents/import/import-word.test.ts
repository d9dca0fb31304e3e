import { DeletedTextRun, Paragraph, Table, TableCell, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { parseRoadmapDocument } from './parse-roadmap-document.js';
import { items } from './test-documents.js';
import { cell, docxOf, p, row } from './test-word.js';

// Word documents people make: two-line headers, numbering in the text, sections, page breaks, several
// tables in one document.

describe('Word specifics', () => {
  it('a header on two rows, a «1 2 3» row, flat numbering «1.», no sections', async () => {
    const doc = await docxOf([
      p('ПЛАН МЕРОПРИЯТИЙ', true),
      p('по поддержке школ с низкими образовательными результатами на 2023 год', true),
      new Table({
        rows: [
          row(
            ['№', 'Наименование', 'Срок', 'Ответственный', 'Ожидаемый'].map((t) => cell(t, { bold: true })),
            true,
          ),
          row(
            ['п/п', 'мероприятия', 'исполнения', 'исполнитель', 'результат'].map((t) =>
              cell(t, { bold: true }),
            ),
            true,
          ),
          row(['1', '2', '3', '4', '5'].map((t) => cell(t))),
          row(
            ['1.', 'Совещание с директорами', 'Февраль', 'Отдел образования', 'Протокол'].map((t) => cell(t)),
          ),
          row(['2.', 'Семинар для учителей', 'ежеквартально', 'ММЦ', 'Программа'].map((t) => cell(t))),
          row(['3.', 'Анализ результатов ВПР', '2 квартал', 'ММЦ', 'Справка'].map((t) => cell(t))),
        ],
      }),
    ]);
    const r = await parseRoadmapDocument('plan.docx', doc);
    const [m] = r.roadmaps;
    expect(m?.title).toBe(
      'ПЛАН МЕРОПРИЯТИЙ по поддержке школ с низкими образовательными результатами на 2023 год',
    );
    expect(m?.period).toBe('2023');
    expect(m?.meta).toMatchObject({ periodKind: 'calendar_year', periodYear: 2023, kind: 'shnor_support' });
    expect(m?.columns).toEqual([
      '№ п/п',
      'Наименование мероприятия',
      'Срок исполнения',
      'Ответственный исполнитель',
      'Ожидаемый результат',
    ]);
    expect(m?.sections).toHaveLength(1);
    expect(m?.sections[0]).toMatchObject({ number: null, title: null });
    expect(items(r).map((i) => [i.number, i.measure, i.deadline.from, i.deadline.to])).toEqual([
      ['1', 'Совещание с директорами', '2023-02', '2023-02'],
      ['2', 'Семинар для учителей', '2023-01', '2023-12'],
      ['3', 'Анализ результатов ВПР', '2023-04', '2023-06'],
    ]);
    expect(items(r)[1]?.deadline.recurrence).toBe('quarterly');
  });

  it('Roman sections, «1.1» subsections with «1.1.1» items, a level merged down, levels as «Р», «М», «ОО»', async () => {
    const doc = await docxOf([
      p(
        'Дорожная карта по работе со школами в зоне риска снижения образовательных результатов на 2023-2024 учебный год',
        true,
      ),
      new Table({
        rows: [
          row(
            ['№', 'Мероприятие', 'Уровень', 'Сроки', 'Ответственные', 'Показатель'].map((t) =>
              cell(t, { bold: true }),
            ),
            true,
          ),
          row([cell('I. Организационно-управленческое направление', { bold: true, span: 6 })]),
          row([cell('1.1'), cell('Нормативное обеспечение', { span: 5 })]),
          row(
            ['1.1.1', 'Приказ о рабочей группе', 'Р', 'сентябрь', 'Министерство', 'Приказ'].map((t) =>
              cell(t),
            ),
          ),
          row(['1.1.2', 'Муниципальные приказы', 'М', 'октябрь', 'ОМСУ', 'Приказы'].map((t) => cell(t))),
          row([
            cell('1.1.3'),
            cell('Школьные дорожные карты'),
            cell('ОО', { merge: 'restart' }),
            cell('ноябрь'),
            cell('ОО'),
            cell('Приказы ОО'),
          ]),
          row([
            cell('1.1.4'),
            cell('Программы антирисковых мер'),
            cell('', { merge: 'continue' }),
            cell('декабрь'),
            cell('ОО'),
            cell('Программы'),
          ]),
          row([cell('II. Кадровое направление', { bold: true, span: 6 })]),
          row(
            [
              '2.1',
              'Курсы повышения квалификации',
              'региональный уровень',
              'По графику',
              'ИРО',
              'Удостоверения',
            ].map((t) => cell(t)),
          ),
        ],
      }),
    ]);
    const r = await parseRoadmapDocument('plan.docx', doc);
    const [m] = r.roadmaps;
    expect(m?.period).toBe('2023-2024');
    expect(m?.meta.kind).toBe('risk_zone');
    expect(m?.sections.map((s) => [s.number, s.title, s.items.map((i) => i.number)])).toEqual([
      ['I', 'Организационно-управленческое направление', []],
      ['1.1', 'Нормативное обеспечение', ['1.1.1', '1.1.2', '1.1.3', '1.1.4']],
      ['II', 'Кадровое направление', ['2.1']],
    ]);
    expect(items(r).map((i) => i.level)).toEqual([
      'региональный',
      'муниципальный',
      'институциональный',
      'институциональный',
      'региональный',
    ]);
    expect(items(r)[0]?.deadline).toMatchObject({ from: '2023-09', to: '2023-09' });
  });

  it('no «№» column: numbers in the measure text; a level row; an unknown column; tracked deletions skipped', async () => {
    const doc = await docxOf([
      p('План мероприятий по профилактике учебной неуспешности на 2022/2023 учебный год', true),
      new Table({
        rows: [
          row(
            ['Мероприятие', 'Срок', 'Ответственный', 'Примечание'].map((t) => cell(t, { bold: true })),
            true,
          ),
          row([cell('Муниципальный уровень', { bold: true, span: 4 })]),
          row(['1.1. Совещание с руководителями', 'октябрь 2022', 'МОУО', 'очно'].map((t) => cell(t))),
          row([
            new TableCell({
              children: [
                new Paragraph({
                  children: [
                    new TextRun('1.2. Семинар для '),
                    new DeletedTextRun({ text: 'всех ', id: 1, author: 'А', date: '2023-01-01T00:00:00Z' }),
                    new TextRun('учителей-'),
                  ],
                }),
                p('предметников и профес-'),
                p('сиональных сообществ'),
              ],
            }),
            cell('1 квартал 2023'),
            cell('ММЦ'),
            cell(''),
          ]),
          row([cell('Институциональный уровень', { bold: true, span: 4 })]),
          row(['1.3. Консультации для родителей', 'ежемесячно', 'ОО', ''].map((t) => cell(t))),
        ],
      }),
      p('Работа профессиональных сообществ учителей-предметников.'),
    ]);
    const r = await parseRoadmapDocument('plan.docx', doc);
    const got = items(r).map((i) => [i.number, i.level, i.measure, i.description]);
    expect(got).toEqual([
      ['1.1', 'муниципальный', 'Совещание с руководителями', 'Примечание: очно'],
      ['1.2', 'муниципальный', 'Семинар для учителей-предметников и профессиональных сообществ', null],
      ['1.3', 'институциональный', 'Консультации для родителей', null],
    ]);
    expect(r.roadmaps[0]?.meta.kind).toBe('failure_prevention');
    expect(r.roadmaps[0]?.period).toBe('2022-2023');
    expect(r.warnings).toContainEqual({
      location: 'таблица 1, строка 1',
      message: 'Столбец «Примечание» не распознан: его текст добавлен к описанию мероприятий',
    });
  });

  it('a table continued after a page break without a header, with the order approving it', async () => {
    const head = row(
      ['№', 'Мероприятия', 'Сроки', 'Исполнители'].map((t) => cell(t, { bold: true })),
      true,
    );
    const doc = await docxOf([
      p('УТВЕРЖДЕНА'),
      p('приказом Управления образования администрации города Энска от 14.02.2023 № 45-од'),
      p('Дорожная карта', true),
      p('по направлению «Поддержка ШНОР» на 2022-2023 учебный год', true),
      new Table({ rows: [head, row(['1', 'Первое', 'Март', 'УО'].map((t) => cell(t)))] }),
      new Paragraph({ children: [], pageBreakBefore: true }),
      new Table({ rows: [row(['2', 'Второе', 'Апрель', 'УО'].map((t) => cell(t)))] }),
      p('Начальник управления образования'),
      new Table({ rows: [row([cell('Подпись'), cell('И.И. Иванов')])] }),
    ]);
    const r = await parseRoadmapDocument('plan.docx', doc);
    expect(r.roadmaps).toHaveLength(1);
    expect(r.roadmaps[0]?.title).toBe(
      'Дорожная карта по направлению «Поддержка ШНОР» на 2022-2023 учебный год',
    );
    expect(r.roadmaps[0]?.approval).toEqual({
      body: 'Управление образования администрации города Энска',
      orderNumber: '45-од',
      date: '2023-02-14',
    });
    expect(items(r).map((i) => [i.number, i.measure, i.deadline.from])).toEqual([
      ['1', 'Первое', '2023-03'],
      ['2', 'Второе', '2023-04'],
    ]);
  });

  // Held-out set 19: the roadmap split into tables by section headings typed between them, «№ п.п.».
  it('tables of one header with «Раздел N. …» paragraphs between them are one roadmap in sections', async () => {
    const head = () =>
      row(
        ['№ п.п.', 'Мероприятия', 'Сроки', 'Исполнители'].map((t) => cell(t, { bold: true })),
        true,
      );
    const doc = await docxOf([
      p('Дорожная карта по поддержке ШНОР на 2026/2027 учебный год', true),
      p('Раздел 1. Управление', true),
      new Table({ rows: [head(), row(['1)', 'Первое', 'сентябрь 2026', 'УО'].map((t) => cell(t)))] }),
      p('Раздел 2. Родители и партнёры', true),
      new Table({ rows: [head(), row(['2)', 'Второе', 'октябрь 2026', 'ИРО'].map((t) => cell(t)))] }),
    ]);
    const r = await parseRoadmapDocument('plan.docx', doc);
    expect(r.roadmaps.map((m) => m.title)).toEqual([
      'Дорожная карта по поддержке ШНОР на 2026/2027 учебный год',
    ]);
    expect(r.roadmaps[0]?.sections.map((s) => [s.title, s.items.map((i) => [i.number, i.measure])])).toEqual([
      ['Управление', [['1', 'Первое']]],
      ['Родители и партнёры', [['2', 'Второе']]],
    ]);
    expect(r.warnings.map((w) => w.message).filter((m) => m.includes('не распознан'))).toEqual([]);
    // A «Раздел N.» that is itself a roadmap's title still starts a roadmap.
    const two = await docxOf([
      p('Дорожная карта по поддержке ШНОР на 2026/2027 учебный год', true),
      new Table({ rows: [head(), row(['1)', 'Первое', 'сентябрь 2026', 'УО'].map((t) => cell(t)))] }),
      p('Раздел 2. Дорожная карта МБОУ «СОШ № 2» на 2026/2027 учебный год', true),
      new Table({ rows: [head(), row(['1)', 'Второе', 'октябрь 2026', 'ИРО'].map((t) => cell(t)))] }),
    ]);
    expect((await parseRoadmapDocument('plan.docx', two)).roadmaps).toHaveLength(2);
  });
});

describe('several tables in one Word document', () => {
  it('a title row inside the table; a second roadmap with other columns; a signature table ignored', async () => {
    const doc = await docxOf([
      p('Приложение 1 к приказу Министерства образования Энской области от 01.09.2022 № 100'),
      new Table({
        rows: [
          row([cell('Дорожная карта по поддержке ШНОР на 2022-2023 учебный год', { bold: true, span: 4 })]),
          row(['№', 'Мероприятие', 'Срок', 'Ответственный'].map((t) => cell(t, { bold: true }))),
          row(['1', 'Совещание', 'сентябрь', 'Министерство'].map((t) => cell(t))),
        ],
      }),
      p('Приложение 2 к приказу Министерства образования Энской области от 01.09.2022 № 100'),
      p('План мероприятий по профилактике учебной неуспешности на 2022-2023 учебный год', true),
      new Table({
        rows: [
          row(
            ['Мероприятие', 'Уровень управления', 'Сроки', 'Ответственные', 'Результат'].map((t) =>
              cell(t, { bold: true }),
            ),
          ),
          row(['Мониторинг неуспевающих', 'Региональный', 'октябрь', 'ИРО', 'Справка'].map((t) => cell(t))),
        ],
      }),
      p('Министр'),
      new Table({ rows: [row([cell('Подпись'), cell('А.А. Петров')])] }),
    ]);
    const r = await parseRoadmapDocument('order.docx', doc);
    expect(
      r.roadmaps.map((m) => [m.title, m.meta.kind, m.approval?.body, m.sections[0]?.items.length]),
    ).toEqual([
      [
        'Дорожная карта по поддержке ШНОР на 2022-2023 учебный год',
        'shnor_support',
        'Министерство образования Энской области',
        1,
      ],
      [
        'План мероприятий по профилактике учебной неуспешности на 2022-2023 учебный год',
        'failure_prevention',
        'Министерство образования Энской области',
        1,
      ],
    ]);
    expect(items(r).map((i) => [i.measure, i.level, i.deadline.from])).toEqual([
      ['Совещание', null, '2022-09'],
      ['Мониторинг неуспевающих', 'региональный', '2022-10'],
    ]);
    expect(r.warnings).toEqual([]);
  });
});
