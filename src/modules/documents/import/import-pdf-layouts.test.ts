import { describe, expect, it } from 'vitest';
import { cyrillicPdf, type PdfLine, type PdfRule } from '../../../../tests/helpers/cyrillic-pdf.js';
import { parseRoadmapDocumentInThread } from './parse-roadmap-document.js';
import type { PdfText } from './pdf-pages.js';
import { cutAt } from './pdf-positions.js';
import { cellOf } from './pdf-text.js';
import { readPdf } from './reader-pdf.js';
import type { RowBlock } from './types.js';

// Printer layouts reproduced at the smallest scale (tests/helpers/cyrillic-pdf.ts): text at the points a
// printer put it, ruling lines where it drew them.

/**
 * A table with horizontal rules only (Chromium printing `border-top/bottom` cells): rows of several lines,
 * 9 pt at a 10.5 pt pitch, 2 pt padding — the gap between two rows (15 pt) is under 1.5 pitches, only the
 * rule tells the rows apart (the slightly wider gaps under section rows make the table «padded», so the
 * numbers do not start rows either). Columns: № | Сроки | Мероприятие | Результат | Ответственные.
 */
function rulesOnlyTable(): Buffer {
  const xs = [67, 104, 206, 491, 681];
  const lines: PdfLine[] = [];
  const rules: PdfRule[] = [];
  const rule = (y: number) => {
    // Chromium draws the border of every cell: one segment per column
    const edges = [63, 100, 202, 487, 677, 794];
    for (let k = 0; k + 1 < edges.length; k++)
      rules.push({ x1: edges[k] as number, y1: y, x2: edges[k + 1] as number, y2: y });
  };
  lines.push({ x: 150, y: 100, text: 'План мероприятий («дорожная карта») по поддержке школ' });
  let top = 126;
  rule(top);
  const row = (cells: string[][]) => {
    cells.forEach((cell, k) => {
      cell.forEach((text, i) => {
        lines.push({ x: xs[k] as number, y: top + 11 + 10.5 * i, text });
      });
    });
    const height = Math.max(...cells.map((c) => c.length));
    top += 11 + 10.5 * (height - 1) + 4;
    rule(top);
  };
  row([['№'], ['Сроки'], ['Мероприятие'], ['Результат'], ['Ответственные']]);
  lines.push({ x: 67, y: top + 11, text: 'Раздел 1. Нормативное обеспечение' });
  top += 15;
  rule(top);
  top += 0.8; // a section row is a little taller (Chromium: 15.8 pt from its line to the next)
  row([
    ['1.'],
    ['январь, апрель'],
    ['Организация внеурочной деятельности', 'по функциональной грамотности'],
    ['Доля обучающихся не менее', '70 %'],
    ['Методический центр'],
  ]);
  // an underlined word (a rule under part of one cell) is not a row border
  rules.push({ x1: 206, y1: top + 12.5, x2: 320, y2: top + 12.5 });
  row([
    ['2.'],
    ['не позднее 15 числа', 'месяца, следующего', 'за отчётным'],
    ['Посещение уроков в школах', 'с последующим анализом'],
    ['Проанализировано 10 уроков'],
    ['Ермакова С. П.,', 'главный специалист'],
  ]);
  row([
    ['3.'],
    ['до 20.12.2026'],
    ['Анкетирование обучающихся'],
    ['Получены анкеты'],
    ['Управление образования'],
  ]);
  lines.push({ x: 67, y: top + 11, text: 'Раздел 2. Кадровый потенциал' });
  top += 15;
  rule(top);
  top += 0.8; // a section row is a little taller (Chromium: 15.8 pt from its line to the next)
  row([
    ['1.'],
    ['ежеквартально'],
    ['Проведение консилиума'],
    ['Определены группы риска'],
    ['Руководители ОО'],
  ]);
  return cyrillicPdf([{ lines, rules }]);
}

describe('PDF: a table with horizontal rules only', () => {
  it('a rule between two lines ends a row, however small the gap', async () => {
    const rows = (await readPdf(rulesOnlyTable())).filter((b): b is RowBlock => b.kind === 'row');
    expect(rows.map((r) => r.cells[0]?.text)).toEqual([
      '№',
      'Раздел 1. Нормативное обеспечение',
      '1.',
      '2.',
      '3.',
      'Раздел 2. Кадровый потенциал',
      '1.',
    ]);
    expect(rows[3]?.cells.map((c) => c.text)).toEqual([
      '2.',
      'не позднее 15 числа\nмесяца, следующего\nза отчётным',
      'Посещение уроков в школах\nс последующим анализом',
      'Проанализировано 10 уроков',
      'Ермакова С. П.,\nглавный специалист',
    ]);
  });

  it('every measure is found with its own deadline, executors and result', async () => {
    const result = await parseRoadmapDocumentInThread('rules-only.pdf', rulesOnlyTable());
    const items = result.roadmaps[0]?.sections.flatMap((s) => s.items) ?? [];
    expect(items.map((i) => [i.measure, i.responsible, i.deadline?.text])).toEqual([
      [
        'Организация внеурочной деятельности по функциональной грамотности',
        'Методический центр',
        'январь, апрель',
      ],
      [
        'Посещение уроков в школах с последующим анализом',
        'Ермакова С. П., главный специалист',
        'не позднее 15 числа месяца, следующего за отчётным',
      ],
      ['Анкетирование обучающихся', 'Управление образования', 'до 20.12.2026'],
      ['Проведение консилиума', 'Руководители ОО', 'ежеквартально'],
    ]);
  });
});

describe('PDF: a dash at the start of a line in a cell', () => {
  const piece = (x: number, y: number, text: string): PdfText => ({
    text,
    x,
    y,
    width: 5 * text.length,
    size: 10,
    bold: false,
    italic: false,
  });
  it('a Word dash bullet (its list hangs: a wrapped item goes on under the text) is a marker, not text', () => {
    const cell = cellOf([
      piece(100, 10, 'по вопросам:'),
      piece(100, 22, '–'),
      piece(114, 22, 'повышения учебной'),
      piece(114, 34, 'мотивации;'),
      piece(100, 46, '–'),
      piece(114, 46, 'объективности'),
    ]);
    expect(cell.text).toBe('по вопросам:\nповышения учебной\nмотивации;\nобъективности');
  });

  it('typed dashes stay: the text wraps back under the dash, or nothing shows a hanging list', () => {
    const typed = cellOf([
      piece(100, 10, 'Работа:'),
      piece(100, 22, '–'),
      piece(112, 22, 'проведение дополнительных'),
      piece(100, 34, 'занятий;'),
      piece(100, 46, '– контроль динамики'),
    ]);
    expect(typed.text).toBe('Работа:\n– проведение дополнительных\nзанятий;\n– контроль динамики');
    const short = cellOf([piece(100, 10, 'Этапы:'), piece(100, 22, '–'), piece(114, 22, 'анализ;')]);
    expect(short.text).toBe('Этапы:\n– анализ;');
  });
});

describe('PDF: one text piece running over a column line (LibreOffice joins the texts of two cells)', () => {
  // «ежемесячно» ends a cell, «ЦППМСП ММС УО» starts the next one, written as one piece; every glyph is 0.5 em
  // wide, so the guessed letter widths put the space a few points left of where it is, before the line.
  const text = 'ежемесячно ЦППМСП ММС УО';
  const x = 283;
  const line = 330; // in the space between the two words: 283 + 10 × 4.5 … 283 + 11 × 4.5

  it('cutAt keeps each piece on its side of the drawn line it was cut at', () => {
    const piece: PdfText = { text, x, y: 100, width: 4.5 * text.length, size: 9, bold: false, italic: false };
    const [a, b] = cutAt(piece, [line], true);
    expect([a?.text, b?.text]).toEqual(['ежемесячно', 'ЦППМСП ММС УО']);
    expect((a?.x ?? 0) + (a?.width ?? 0)).toBeLessThanOrEqual(line);
    expect(b?.x).toBeGreaterThanOrEqual(line);
  });

  it('a bordered table: the second word goes to the cell right of the line', async () => {
    const xs = [40, 70, 250, line, 470, 600];
    const rules: PdfRule[] = [40, 60, 90].map((y) => ({ x1: 40, y1: y, x2: 600, y2: y }));
    for (const vx of xs) rules.push({ x1: vx, y1: 40, x2: vx, y2: 90 });
    const lines: PdfLine[] = [
      { x: 43, y: 52, text: '№' },
      { x: 73, y: 52, text: 'Мероприятие' },
      { x: 253, y: 52, text: 'Срок' },
      { x: 333, y: 52, text: 'Ответственные' },
      { x: 473, y: 52, text: 'Результат' },
      { x: 43, y: 72, text: '1.' },
      { x: 73, y: 72, text: 'Анализ ВПР' },
      { x, y: 72, text },
      { x: 473, y: 72, text: 'Справка' },
    ];
    const blocks = await readPdf(cyrillicPdf([{ lines, rules }]));
    const rows = blocks.filter((b): b is RowBlock => b.kind === 'row');
    expect(rows.at(-1)?.cells.map((c) => c.text)).toEqual([
      '1.',
      'Анализ ВПР',
      'ежемесячно',
      'ЦППМСП ММС УО',
      'Справка',
    ]);
  });
});

/**
 * A bordered table without numbers where one row lost its empty «№» cell (a PDF→Word conversion): the row is
 * drawn from the table's left edge with cells of their own widths, so its column lines cross it alone.
 */
function shiftedRowTable(): Buffer {
  const lines: PdfLine[] = [];
  const rules: PdfRule[] = [];
  lines.push({ x: 200, y: 60, text: 'План мероприятий по поддержке школ на 2026/2027 учебный год' });
  let top = 80;
  const row = (edges: number[], cells: string[]) => {
    const bottom = top + 16;
    rules.push({ x1: 40, y1: top, x2: 640, y2: top });
    rules.push({ x1: 40, y1: bottom, x2: 640, y2: bottom });
    for (const x of edges) rules.push({ x1: x, y1: top, x2: x, y2: bottom });
    cells.forEach((text, k) => {
      if (text) lines.push({ x: (edges[k] as number) + 3, y: top + 12, text });
    });
    top = bottom;
  };
  const full = [40, 80, 300, 400, 520, 640];
  row(full, ['№', 'Мероприятия', 'Сроки', 'Ответственные', 'Ожидаемый результат']);
  row(full, ['', 'Совещание директоров школ', 'март 2027 г.', 'Управление образования', 'Протокол']);
  row(
    [40, 260, 360, 480, 600],
    ['Семинар для заместителей директоров', 'апрель 2027 г.', 'ИМЦ', 'Программа'],
  );
  row(full, ['', 'Курсы для учителей математики', 'май 2027 г.', 'ИРО', 'Удостоверения']);
  row(full, ['', 'Анкетирование родителей', 'сентябрь 2026 г.', 'Руководители ОО', 'Справка']);
  return cyrillicPdf([{ lines, rules, width: 700 }]);
}

describe('PDF: a row shifted one column left', () => {
  it('keeps the table columns (no spans); the shifted row has its own cells, as in Word', async () => {
    const rows = (await readPdf(shiftedRowTable())).filter((b): b is RowBlock => b.kind === 'row');
    expect(rows.map((r) => r.cells.map((c) => [c.text, c.span ?? 1]))).toEqual([
      [
        ['№', 1],
        ['Мероприятия', 1],
        ['Сроки', 1],
        ['Ответственные', 1],
        ['Ожидаемый результат', 1],
      ],
      [
        ['', 1],
        ['Совещание директоров школ', 1],
        ['март 2027 г.', 1],
        ['Управление образования', 1],
        ['Протокол', 1],
      ],
      [
        ['Семинар для заместителей директоров', 1],
        ['апрель 2027 г.', 1],
        ['ИМЦ', 1],
        ['Программа', 1],
        ['', 1], // the strip under the last column the shorter row does not reach
      ],
      [
        ['', 1],
        ['Курсы для учителей математики', 1],
        ['май 2027 г.', 1],
        ['ИРО', 1],
        ['Удостоверения', 1],
      ],
      [
        ['', 1],
        ['Анкетирование родителей', 1],
        ['сентябрь 2026 г.', 1],
        ['Руководители ОО', 1],
        ['Справка', 1],
      ],
    ]);
  });

  it('puts the shifted row back under its columns', async () => {
    const result = await parseRoadmapDocumentInThread('shifted.pdf', shiftedRowTable());
    const items = result.roadmaps[0]?.sections.flatMap((s) => s.items) ?? [];
    expect(items.map((i) => [i.measure, i.deadline?.text, i.responsible, i.indicator])).toEqual([
      ['Совещание директоров школ', 'март 2027 г.', 'Управление образования', 'Протокол'],
      ['Семинар для заместителей директоров', 'апрель 2027 г.', 'ИМЦ', 'Программа'],
      ['Курсы для учителей математики', 'май 2027 г.', 'ИРО', 'Удостоверения'],
      ['Анкетирование родителей', 'сентябрь 2026 г.', 'Руководители ОО', 'Справка'],
    ]);
  });
});

describe('PDF: running heads of a landscape page with wide margins', () => {
  it('a head and a foot repeated on every page are dropped though they lie outside the top tenth / bottom twelfth', async () => {
    // A4 landscape (595 pt high): the head at 65 pt (a tenth is 59.5), the foot at 541 pt (0.92 is 547.7).
    const xs = [40, 70, 330, 470, 600];
    const page = (n: number) => {
      const top = 90;
      const rows = [top, top + 20, top + 40];
      const rules: PdfRule[] = rows.map((y) => ({ x1: 40, y1: y, x2: 600, y2: y }));
      for (const vx of xs) rules.push({ x1: vx, y1: top, x2: vx, y2: top + 40 });
      const lines: PdfLine[] = [
        { x: 40, y: 65, text: 'Приказ от 28.09.2026 № 74/1-п' },
        { x: 43, y: top + 12, text: '№' },
        { x: 73, y: top + 12, text: 'Мероприятие' },
        { x: 333, y: top + 12, text: 'Срок' },
        { x: 473, y: top + 12, text: 'Ответственные' },
        { x: 43, y: top + 32, text: `${n}.` },
        { x: 73, y: top + 32, text: `Семинар ${n}` },
        { x: 333, y: top + 32, text: 'октябрь 2026 г.' },
        { x: 473, y: top + 32, text: 'ММС' },
        { x: 40, y: 541, text: `Рег. номер: 74/1-п стр. ${n} из 3` },
      ];
      return { lines, rules };
    };
    const blocks = await readPdf(cyrillicPdf([page(1), page(2), page(3)]));
    const texts = blocks.map((b) =>
      b.kind === 'paragraph' ? b.text : b.cells.map((c) => c.text).join(' | '),
    );
    expect(texts.filter((t) => /Приказ от|Рег\. номер/.test(t))).toEqual([]);
    expect(texts.filter((t) => /Семинар/.test(t))).toHaveLength(3);
  });
});

describe('PDF: a bold section row opening a page under the repeated header', () => {
  function twoPages(): Buffer {
    const full = [40, 80, 300, 400, 520, 640];
    const page = (rows: { cells: string[]; bold?: boolean }[], title?: string) => {
      const lines: PdfLine[] = [];
      const rules: PdfRule[] = [];
      if (title) lines.push({ x: 200, y: 60, text: title });
      let top = 80;
      for (const r of rows) {
        const bottom = top + 16;
        rules.push({ x1: 40, y1: top, x2: 640, y2: top }, { x1: 40, y1: bottom, x2: 640, y2: bottom });
        // the section row keeps all its cells, empty but for the measure (as a Word table gives it)
        for (const x of full) rules.push({ x1: x, y1: top, x2: x, y2: bottom });
        r.cells.forEach((text, k) => {
          if (text) lines.push({ x: (full[k] as number) + 3, y: top + 12, text, bold: r.bold ?? false });
        });
        top = bottom;
      }
      return { lines, rules, width: 700 };
    };
    const header = { cells: ['№', 'Мероприятия', 'Сроки', 'Ответственные', 'Результат'], bold: true };
    return cyrillicPdf([
      page(
        [
          header,
          { cells: ['', 'Совещание директоров школ', 'март 2027 г.', 'Управление образования', 'Протокол'] },
          { cells: ['', 'Курсы для учителей', 'май 2027 г.', 'ИРО', 'Удостоверения'] },
        ],
        'План мероприятий по поддержке школ на 2026/2027 учебный год',
      ),
      page([
        header,
        { cells: ['', 'Работа с родителями', '', '', ''], bold: true },
        { cells: ['', 'Родительский всеобуч', 'ежеквартально', 'Руководители ОО', 'Протоколы'] },
      ]),
    ]);
  }

  it('is a section, not the rest of the last row of the page before', async () => {
    const result = await parseRoadmapDocumentInThread('sections.pdf', twoPages());
    expect(result.roadmaps).toHaveLength(1);
    const sections = result.roadmaps[0]?.sections ?? [];
    expect(sections.map((s) => [s.title, s.items.map((i) => i.measure)])).toEqual([
      [null, ['Совещание директоров школ', 'Курсы для учителей']],
      ['Работа с родителями', ['Родительский всеобуч']],
    ]);
  });
});
