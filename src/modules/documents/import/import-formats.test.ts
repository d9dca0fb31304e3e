import {
  AlignmentType,
  DeletedTextRun,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { normalizeBlocks, parseRoadmapDocument } from './parse-roadmap-document.js';
import { readDocx } from './reader-docx.js';
import { readTxt } from './reader-txt.js';
import { readXlsx } from './reader-xlsx.js';
import { contextsOf, readSeed, writeDocx, writeXlsx } from './test-documents.js';
import type { ImportedItem, ImportResult } from './types.js';

// The same roadmaps saved as Word and Excel import to the same result as the text; Word specifics.

const SEEDS = [
  ['penza-district-2022-2023', { sectionInOneCell: false, repeatHeader: true, numberingRow: true }],
  ['sharan-district-2022-2023', { sectionInOneCell: true, repeatHeader: false, numberingRow: false }],
  ['smolensk-region-2022-2023', { sectionInOneCell: false, repeatHeader: true, numberingRow: false }],
] as const;

/** Warning texts without the places they mention (a line of the text, a row of a Word table). */
const messages = (r: ImportResult) =>
  r.warnings.map((w) => w.message.replace(/\(первый — [^)]*\)/, '')).sort();

describe.each(SEEDS)('%s saved as .docx and .xlsx', async (name, style) => {
  const data = readSeed(`${name}.txt`);
  const fromText = await parseRoadmapDocument(`${name}.txt`, data);
  const contexts = contextsOf(normalizeBlocks(readTxt(data)).blocks);
  const docx = await writeDocx(contexts, fromText.roadmaps, style);
  const xlsx = await writeXlsx(contexts, fromText.roadmaps, style);

  it('the Word document imports to the same roadmaps', async () => {
    const blocks = readDocx(docx);
    const tables = new Set(blocks.flatMap((b) => (b.kind === 'row' ? [b.table] : [])));
    expect(tables.size).toBe(fromText.roadmaps.length * 2); // each table split in two
    if (name.startsWith('smolensk')) {
      expect(blocks.some((b) => b.kind === 'row' && b.cells.some((c) => c.merged))).toBe(true);
      expect(blocks.some((b) => b.kind === 'row' && b.cells.some((c) => (c.span ?? 1) > 1 && c.bold))).toBe(
        true,
      );
    }
    const fromDocx = await parseRoadmapDocument(`${name}.docx`, docx);
    expect(fromDocx.roadmaps).toEqual(fromText.roadmaps);
    // Warnings about the content are the same; only places differ (and page-break joins exist in text only).
    const textOnly = (m: string) => /из строки без номера|присоединена/.test(m);
    expect(messages(fromDocx)).toEqual(messages(fromText).filter((m) => !textOnly(m)));
  });

  it('the Excel book imports to the same roadmaps', async () => {
    const blocks = await readXlsx(xlsx);
    if (name.startsWith('smolensk'))
      expect(blocks.some((b) => b.kind === 'row' && b.cells.some((c) => c.merged))).toBe(true);
    const fromXlsx = await parseRoadmapDocument(`${name}.xlsx`, xlsx);
    expect(fromXlsx.roadmaps).toEqual(fromText.roadmaps);
    expect(fromXlsx.warnings.every((w) => w.location.startsWith('лист «Дорожные карты», строка '))).toBe(
      true,
    );
  });
});

// ---------- Word documents people make ----------

const p = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });
const cell = (text: string, opts: { bold?: boolean; span?: number; merge?: 'restart' | 'continue' } = {}) =>
  new TableCell({
    children: text.split('\n').map((line) => p(line, opts.bold)),
    ...(opts.span && { columnSpan: opts.span }),
    ...(opts.merge && {
      verticalMerge: opts.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE,
    }),
  });
const row = (cells: TableCell[], header = false) => new TableRow({ children: cells, tableHeader: header });
const docxOf = (children: (Paragraph | Table)[]) =>
  Packer.toBuffer(new Document({ sections: [{ children }] }));
const items = (r: ImportResult): ImportedItem[] =>
  r.roadmaps.flatMap((m) => m.sections.flatMap((s) => s.items));

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
});

describe('Word layouts beyond the seeds', () => {
  it('automatic list numbers in the «№» column', async () => {
    const numbered = (level: number) =>
      new TableCell({
        children: [new Paragraph({ children: [], numbering: { reference: 'roadmap', level } })],
      });
    const doc = await Packer.toBuffer(
      new Document({
        numbering: {
          config: [
            {
              reference: 'roadmap',
              levels: [
                { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT },
                { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2.', alignment: AlignmentType.LEFT },
              ],
            },
          ],
        },
        sections: [
          {
            children: [
              p('Дорожная карта на 2022-2023 учебный год', true),
              new Table({
                rows: [
                  row(
                    ['№', 'Мероприятие', 'Срок', 'Ответственный'].map((t) => cell(t, { bold: true })),
                    true,
                  ),
                  row([numbered(0), cell('Организационная работа', { bold: true, span: 3 })]),
                  row([numbered(1), cell('Совещание'), cell('сентябрь'), cell('УО')]),
                  row([numbered(1), cell('Семинар'), cell('октябрь'), cell('ММЦ')]),
                  row([numbered(0), cell('Работа с педагогами', { bold: true, span: 3 })]),
                  row([numbered(1), cell('Курсы'), cell('ноябрь'), cell('ИРО')]),
                ],
              }),
            ],
          },
        ],
      }),
    );
    const r = await parseRoadmapDocument('plan.docx', doc);
    expect(r.roadmaps[0]?.sections.map((s) => [s.number, s.title, s.items.map((i) => i.number)])).toEqual([
      ['1', 'Организационная работа', ['1.1', '1.2']],
      ['2', 'Работа с педагогами', ['2.1']],
    ]);
  });

  it('a bullet list inside a cell: no glyph for a bullet (a dash bullet too), numbers kept, typed dashes kept', async () => {
    const item = (text: string, reference: string) =>
      new Paragraph({ children: [new TextRun(text)], numbering: { reference, level: 0 } });
    const doc = await Packer.toBuffer(
      new Document({
        numbering: {
          config: [
            {
              reference: 'dash',
              levels: [{ level: 0, format: LevelFormat.BULLET, text: '–', alignment: AlignmentType.LEFT }],
            },
            {
              reference: 'dot',
              levels: [
                { level: 0, format: LevelFormat.BULLET, text: '\uf0b7', alignment: AlignmentType.LEFT },
              ],
            },
            {
              reference: 'steps',
              levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1)', alignment: AlignmentType.LEFT }],
            },
          ],
        },
        sections: [
          {
            children: [
              p('Дорожная карта на 2026-2027 учебный год', true),
              new Table({
                rows: [
                  row(
                    ['№', 'Мероприятие', 'Срок', 'Ответственный'].map((t) => cell(t, { bold: true })),
                    true,
                  ),
                  row([
                    cell('1.'),
                    new TableCell({
                      children: [
                        new Paragraph('Педагогические советы по вопросам:'),
                        item('повышения мотивации;', 'dash'),
                        item('объективности оценивания', 'dash'),
                      ],
                    }),
                    cell('ноябрь'),
                    cell('УО'),
                  ]),
                  row([
                    cell('2.'),
                    new TableCell({
                      children: [
                        new Paragraph('Семинары:'),
                        item('для учителей;', 'dot'),
                        item('для завучей', 'dot'),
                      ],
                    }),
                    cell('декабрь'),
                    cell('ИМЦ'),
                  ]),
                  row([
                    cell('3.'),
                    new TableCell({
                      children: [new Paragraph('Этапы:'), item('анализ;', 'steps'), item('план', 'steps')],
                    }),
                    cell('январь'),
                    cell('ММС'),
                  ]),
                  row([
                    cell('4.'),
                    new TableCell({
                      children: [
                        new Paragraph('Работа:'),
                        new Paragraph('– с родителями;'),
                        new Paragraph('– с детьми'),
                      ],
                    }),
                    cell('февраль'),
                    cell('ОО'),
                  ]),
                ],
              }),
            ],
          },
        ],
      }),
    );
    const r = await parseRoadmapDocument('plan.docx', doc);
    expect(r.roadmaps[0]?.sections.flatMap((s) => s.items.map((i) => i.measure))).toEqual([
      'Педагогические советы по вопросам: повышения мотивации; объективности оценивания',
      'Семинары: для учителей; для завучей',
      'Этапы: 1) анализ; 2) план',
      'Работа: – с родителями; – с детьми',
    ]);
  });

  it('merged number and measure over rows with their own deadlines; a merged number over sub-rows', async () => {
    const doc = await docxOf([
      p('План мероприятий на 2022-2023 учебный год', true),
      new Table({
        rows: [
          row(
            ['№', 'Мероприятие', 'Срок', 'Ответственный'].map((t) => cell(t, { bold: true })),
            true,
          ),
          row([
            cell('1', { merge: 'restart' }),
            cell('Мониторинг', { merge: 'restart' }),
            cell('Апрель'),
            cell('УО'),
          ]),
          row([
            cell('', { merge: 'continue' }),
            cell('', { merge: 'continue' }),
            cell('Январь, июнь'),
            cell('ОО'),
          ]),
          row([
            cell('2', { merge: 'restart' }),
            cell('Этапы олимпиады:'),
            cell('ноябрь'),
            cell('УО', { merge: 'restart' }),
          ]),
          row([
            cell('', { merge: 'continue' }),
            cell('Олимпиада младших школьников'),
            cell('апрель'),
            cell('', { merge: 'continue' }),
          ]),
          row([cell('3'), cell('Педсовет'), cell('май'), cell('ОО')]),
        ],
      }),
    ]);
    const r = await parseRoadmapDocument('plan.docx', doc);
    const got = items(r).map((i) => ({
      n: i.number,
      m: i.measure,
      d: i.deadline.text,
      from: i.deadline.from,
      to: i.deadline.to,
      resp: i.responsible,
      subs: i.subItems.map((s) => [s.measure, s.deadline.text, s.responsible]),
    }));
    expect(got).toEqual([
      {
        n: '1',
        m: 'Мониторинг',
        d: 'Апрель; Январь, июнь',
        from: '2023-01',
        to: '2023-06',
        resp: 'УО; ОО',
        subs: [],
      },
      {
        n: '2',
        m: 'Этапы олимпиады:',
        d: 'ноябрь',
        from: '2022-11',
        to: '2022-11',
        resp: 'УО',
        subs: [['Олимпиада младших школьников', 'апрель', 'УО']],
      },
      { n: '3', m: 'Педсовет', d: 'май', from: '2023-05', to: '2023-05', resp: 'ОО', subs: [] },
    ]);
  });

  it('a header cell spanning two sub-columns; a «Направление» column merged down gives the sections', async () => {
    const doc = await docxOf([
      p('Дорожная карта на 2023 год', true),
      new Table({
        rows: [
          row(
            [
              cell('Направление', { bold: true, merge: 'restart' }),
              cell('Мероприятие', { bold: true, merge: 'restart' }),
              cell('Сроки', { bold: true, span: 2 }),
              cell('Ответственные', { bold: true, merge: 'restart' }),
            ],
            true,
          ),
          row(
            [
              cell('', { merge: 'continue' }),
              cell('', { merge: 'continue' }),
              cell('начало', { bold: true }),
              cell('окончание', { bold: true }),
              cell('', { merge: 'continue' }),
            ],
            true,
          ),
          row([
            cell('Кадры', { merge: 'restart' }),
            cell('Курсы'),
            cell('01.02.2023'),
            cell('31.03.2023'),
            cell('ИРО'),
          ]),
          row([
            cell('', { merge: 'continue' }),
            cell('Наставничество'),
            cell('01.03.2023'),
            cell('31.05.2023'),
            cell('ОО'),
          ]),
          row([
            cell('Мониторинг', { merge: 'restart' }),
            cell('Анализ ВПР'),
            cell('01.06.2023'),
            cell('30.06.2023'),
            cell('УО'),
          ]),
        ],
      }),
    ]);
    const r = await parseRoadmapDocument('plan.docx', doc);
    const [m] = r.roadmaps;
    expect(m?.columns).toEqual([
      'Направление',
      'Мероприятие',
      'Сроки начало',
      'Сроки окончание',
      'Ответственные',
    ]);
    expect(
      m?.sections.map((s) => [s.title, s.items.map((i) => [i.measure, i.deadline.from, i.deadline.to])]),
    ).toEqual([
      [
        'Кадры',
        [
          ['Курсы', '2023-02', '2023-03'],
          ['Наставничество', '2023-03', '2023-05'],
        ],
      ],
      ['Мониторинг', [['Анализ ВПР', '2023-06', '2023-06']]],
    ]);
    expect(items(r)[0]?.deadline.text).toBe('01.02.2023; 31.03.2023');
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

// ---------- Excel specifics ----------

describe('Excel specifics', () => {
  it('merged level cells carry their value; a title merged across; several sheets', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('План');
    ws.addRow(['Дорожная карта поддержки ШНСУ на 2023 год']);
    ws.mergeCells('A1:E1');
    ws.getCell('A1').font = { bold: true };
    ws.addRow(['№', 'Уровень управления', 'Мероприятие', 'Сроки', 'Ответственные']);
    ws.addRow(['1', 'Региональный', 'Первое', 'март', 'Министерство']);
    ws.addRow(['2', '', 'Второе', 'апрель', 'ИРО']);
    ws.addRow(['3', 'Институциональный', 'Третье', new Date(Date.UTC(2023, 4, 15)), 'ОО']);
    ws.mergeCells('B3:B4');
    wb.addWorksheet('Скрытый').state = 'hidden';
    const r = await parseRoadmapDocument('plan.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.roadmaps[0]?.title).toBe('Дорожная карта поддержки ШНСУ на 2023 год');
    expect(r.roadmaps[0]?.meta.kind).toBe('shnsu');
    expect(items(r).map((i) => [i.number, i.level, i.deadline.text, i.deadline.from])).toEqual([
      ['1', 'региональный', 'март', '2023-03'],
      ['2', 'региональный', 'апрель', '2023-04'],
      ['3', 'институциональный', '15.05.2023', '2023-05'],
    ]);
  });
});

// ---------- Speed ----------

describe('a 300-row document', () => {
  const header = '№ п/п\tМероприятие\tСроки\tОтветственные\tПоказатель';
  const lines = ['Дорожная карта на 2022-2023 учебный год', '', header];
  for (let s = 1; s <= 10; s++) {
    lines.push(`${s}\t<b>Направление ${s}</b>\t\t\t`);
    for (let i = 1; i <= 30; i++) {
      lines.push(
        `${s}.${i}\tМероприятие ${s}.${i} по поддержке школ\tоктябрь-ноябрь 2022\tОтдел образования\tПриказ`,
      );
    }
  }
  const text = Buffer.from(lines.join('\n'), 'utf8');

  it('imports in well under a second (text and Word)', async () => {
    let started = performance.now();
    const fromText = await parseRoadmapDocument('big.txt', text);
    const textMs = performance.now() - started;
    const contexts = contextsOf(normalizeBlocks(readTxt(text)).blocks);
    const docx = await writeDocx(contexts, fromText.roadmaps, {
      sectionInOneCell: false,
      repeatHeader: true,
      numberingRow: false,
    });
    started = performance.now();
    const fromDocx = await parseRoadmapDocument('big.docx', docx);
    const docxMs = performance.now() - started;
    console.log(`300 строк: текст ${textMs.toFixed(1)} мс, Word ${docxMs.toFixed(1)} мс`);
    expect(items(fromText)).toHaveLength(300);
    expect(fromDocx.roadmaps).toEqual(fromText.roadmaps);
  });
});
