import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { parseRoadmapDocument } from './parse-roadmap-document.js';
import { items } from './test-documents.js';
import { cell, docxOf, p, row } from './test-word.js';

// Word layouts beyond the seeds: automatic list numbers, merged cells over rows, sub-columns.

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
    expect(items(r)[0]?.deadline.text).toBe('01.02.2023 – 31.03.2023');
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
  it('an order from a document system: «Продолжение таблицы» is no section, «Лист согласования» and the e-signature stamp no measures', async () => {
    const head = ['№ п/п', 'Мероприятие', 'Срок', 'Ответственные', 'Ожидаемый результат'];
    const numbers = () => row(['1', '2', '3', '4', '5'].map((t) => cell(t)));
    const doc = await docxOf([
      p('Дорожная карта на 2026-2027 учебный год', true),
      new Table({
        rows: [
          row(
            head.map((t) => cell(t, { bold: true })),
            true,
          ),
          numbers(),
          row([cell('1.', { bold: true }), cell('Организационные меры', { bold: true, span: 4 })]),
          row([cell('1.1.'), cell('Совещание'), cell('сентябрь 2026 г.'), cell('УО'), cell('Протокол')]),
        ],
      }),
      p('Продолжение таблицы'),
      new Table({
        rows: [
          numbers(),
          row([cell('1.2.'), cell('Семинар'), cell('октябрь 2026 г.'), cell('ММС'), cell('Программа')]),
          row([cell('2.', { bold: true }), cell('Мониторинг', { bold: true, span: 4 })]),
          row([cell('2.1.'), cell('Анализ ВПР'), cell('май 2027 г.'), cell('ЦОКО'), cell('Справка')]),
        ],
      }),
      p('ЛИСТ СОГЛАСОВАНИЯ', true),
      p('к приказу от 14.09.2026 № 512-о'),
      new Table({
        rows: [
          row(['Должность', 'Ф.И.О.', 'Дата', 'Результат согласования'].map((t) => cell(t, { bold: true }))),
          row([cell('Юрист'), cell('Шубин Р. А.'), cell('15.09.2026'), cell('Согласовано')]),
        ],
      }),
      new Table({
        rows: [
          row([cell('ДОКУМЕНТ ПОДПИСАН\nЭЛЕКТРОННОЙ ПОДПИСЬЮ\nСертификат 01A2F3C4\nВладелец Гусева Т. Н.')]),
        ],
      }),
    ]);
    const r = await parseRoadmapDocument('order.docx', doc);
    expect(r.roadmaps).toHaveLength(1);
    expect(r.roadmaps[0]?.sections.map((s) => [s.number, s.title, s.items.map((i) => i.measure)])).toEqual([
      ['1', 'Организационные меры', ['Совещание', 'Семинар']],
      ['2', 'Мониторинг', ['Анализ ВПР']],
    ]);
  });
  it('a row naming a sheet in its measure stays a measure; the sheet heading alone in a row ends the table', async () => {
    const doc = await docxOf([
      p('План мероприятий на 2026 год', true),
      new Table({
        rows: [
          row(
            ['Мероприятие', 'Срок', 'Ответственный'].map((t) => cell(t, { bold: true })),
            true,
          ),
          row([cell('Совещание'), cell('сентябрь 2026 г.'), cell('директор')]),
          row([
            cell('Лист ознакомления педагогов с дорожной картой'),
            cell('сентябрь'),
            cell('заместитель директора'),
          ]),
          row([cell('Семинар'), cell('октябрь 2026 г.'), cell('ММС')]),
          row([cell('ЛИСТ ОЗНАКОМЛЕНИЯ', { bold: true, span: 3 })]),
          row([cell('Иванова И. И.'), cell('учитель'), cell('')]),
        ],
      }),
    ]);
    const r = await parseRoadmapDocument('plan.docx', doc);
    expect(items(r).map((i) => i.measure)).toEqual([
      'Совещание',
      'Лист ознакомления педагогов с дорожной картой',
      'Семинар',
    ]);
  });
});
