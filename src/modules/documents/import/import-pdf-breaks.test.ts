import { describe, expect, it } from 'vitest';
import { cyrillicPdf, type PdfLine, type PdfRule } from '../../../../tests/helpers/cyrillic-pdf.js';
import { parseRoadmapDocumentInThread } from './parse-roadmap-document.js';
import { carryOverBreak } from './pdf-merges.js';

// Rows at a page break of a bordered table printed with its header repeated (tests/helpers/cyrillic-pdf.ts).

/** A page of a bordered table: rows of one line each, 16 pt high, columns № | Мероприятия | Сроки | … */
function page(rows: string[][], title?: string) {
  const edges = [40, 200, 330, 430, 550, 680];
  const lines: PdfLine[] = [];
  const rules: PdfRule[] = [];
  if (title) lines.push({ x: 200, y: 60, text: title });
  let top = 80;
  for (const cells of rows) {
    const bottom = top + 16;
    rules.push({ x1: 40, y1: top, x2: 680, y2: top }, { x1: 40, y1: bottom, x2: 680, y2: bottom });
    for (const x of edges) rules.push({ x1: x, y1: top, x2: x, y2: bottom });
    cells.forEach((text, k) => {
      if (text) lines.push({ x: (edges[k] as number) + 3, y: top + 12, text });
    });
    top = bottom;
  }
  return { lines, rules, width: 720 };
}
const HEADER = ['№', 'Мероприятия', 'Сроки', 'Ответственные', 'Результат'];

describe('PDF: a row shifted one column left ends a page of a table without numbers', () => {
  it('the first row of the next page (its «№» empty too) is a measure of its own, not the rest of it', async () => {
    const pdf = cyrillicPdf([
      page(
        [
          HEADER,
          ['', 'Совещание директоров школ', 'март 2027 г.', 'Управление образования', 'Протокол'],
          // the page break dropped this row's empty «№»: every cell one column to the left
          ['Закрепление кураторов за школами', 'ежеквартально', 'Руководители ОО', 'Приказ', ''],
        ],
        'План мероприятий по поддержке школ на 2026/2027 учебный год',
      ),
      page([
        HEADER,
        ['', 'Разработка дорожной карты', 'до 15.11.2026', 'ММС', 'Приказ об утверждении'],
        ['', 'Курсы для учителей', 'май 2027 г.', 'ИРО', 'Удостоверения'],
      ]),
    ]);
    const result = await parseRoadmapDocumentInThread('shifted-at-break.pdf', pdf);
    expect(result.roadmaps).toHaveLength(1);
    const items = result.roadmaps[0]?.sections.flatMap((s) => s.items) ?? [];
    expect(items.map((i) => [i.measure, i.deadline?.text, i.responsible, i.indicator])).toEqual([
      ['Совещание директоров школ', 'март 2027 г.', 'Управление образования', 'Протокол'],
      ['Закрепление кураторов за школами', 'ежеквартально', 'Руководители ОО', 'Приказ'],
      ['Разработка дорожной карты', 'до 15.11.2026', 'ММС', 'Приказ об утверждении'],
      ['Курсы для учителей', 'май 2027 г.', 'ИРО', 'Удостоверения'],
    ]);
  });
});

describe('PDF: a row cut by the page end inside a date', () => {
  it('«15.01.202» at the foot and «7» on the next page make one date of one measure', async () => {
    const pdf = cyrillicPdf([
      page(
        [
          HEADER,
          ['', 'Совещание директоров школ', 'март 2027 г.', 'Управление образования', 'Протокол'],
          ['', 'Обновление материально-', '15.01.202', 'Муниципальный', 'Оснащено не'],
        ],
        'План мероприятий по поддержке школ на 2026/2027 учебный год',
      ),
      page([HEADER, ['', 'технической базы кабинетов', '7', 'координатор', 'менее 2 кабинетов']]),
    ]);
    const result = await parseRoadmapDocumentInThread('date-at-break.pdf', pdf);
    const items = result.roadmaps[0]?.sections.flatMap((s) => s.items) ?? [];
    expect(items.map((i) => [i.measure, i.deadline?.text, i.responsible, i.indicator])).toEqual([
      ['Совещание директоров школ', 'март 2027 г.', 'Управление образования', 'Протокол'],
      [
        'Обновление материально-технической базы кабинетов',
        '15.01.2027',
        'Муниципальный координатор',
        'Оснащено не менее 2 кабинетов',
      ],
    ]);
  });
});

// Held-out set 19 (Chromium): the last row goes on at the top of the next page under no line of its own —
// the column lines run from the page's top to the one line under it.
describe('PDF: the end of a row alone on the next page', () => {
  it('is read as the row continued, not as paragraphs after the table', async () => {
    const edges = [40, 80, 300, 420, 560];
    const columnLines = (top: number, bottom: number): PdfRule[] =>
      edges.map((x) => ({ x1: x, y1: top, x2: x, y2: bottom }));
    const ruleAt = (y: number): PdfRule => ({ x1: 40, y1: y, x2: 560, y2: y });
    const at = (y: number, cells: string[]): PdfLine[] =>
      cells.flatMap((text, i) => (text ? [{ x: (edges[i] as number) + 3, y, text, size: 9 }] : []));
    const first = {
      lines: [
        { x: 40, y: 50, text: 'План мероприятий по поддержке школ на 2026/2027 учебный год', size: 10 },
        ...at(82, ['№', 'Мероприятие', 'Срок', 'Ответственные']),
        ...at(102, ['1.', 'Семинар для учителей', 'октябрь 2026', 'методист ИМЦ']),
        ...at(122, ['2.', 'Заключение соглашений о партнёрстве', 'январь 2027', 'ректор ИРО,']),
        ...at(132, ['', 'со школами с высокими', '', 'консультант отдела']),
      ],
      rules: [...columnLines(70, 140), ruleAt(70), ruleAt(90), ruleAt(110)],
    };
    const second = {
      lines: [
        ...at(52, ['', 'результатами', '', 'общего образования']),
        { x: 40, y: 90, text: 'Начальник отдела', size: 9 },
      ],
      rules: [...columnLines(40, 60), ruleAt(60)],
    };
    const r = await parseRoadmapDocumentInThread('split.pdf', cyrillicPdf([first, second]));
    const items = r.roadmaps.flatMap((m) => m.sections.flatMap((s) => s.items));
    expect(items.map((i) => [i.measure, i.responsible])).toEqual([
      ['Семинар для учителей', 'методист ИМЦ'],
      [
        'Заключение соглашений о партнёрстве со школами с высокими результатами',
        'ректор ИРО, консультант отдела общего образования',
      ],
    ]);
  });
});

// Held-out set 20: a section row at the top of a page under a merged executors cell of the page before.
describe('PDF: a merged cell at a page end does not run into a section row', () => {
  it('a bold title and its number stay a section; a measure row takes the merged text', () => {
    const cell = (text: string, bold = false, merged = false) => ({
      text,
      bold,
      italic: false,
      ...(merged && { merged }),
    });
    const above = [
      cell('3.6'),
      cell('Дни открытых дверей'),
      cell('май 2027'),
      cell('Чернобаева Л. Г.', false, true),
    ];
    const section = [cell('4'), cell('Работа с педагогическими кадрами', true), cell(''), cell('')];
    expect(carryOverBreak(section, above)).toEqual(section);
    const measure = [cell('3.7'), cell('Родительский клуб'), cell('июнь 2027'), cell('')];
    expect(carryOverBreak(measure, above)[3]?.text).toBe('Чернобаева Л. Г.');
  });
});
