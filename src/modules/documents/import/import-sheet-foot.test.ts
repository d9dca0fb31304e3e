import { describe, expect, it } from 'vitest';
import { cyrillicPdf, type PdfLine, type PdfRule } from '../../../../tests/helpers/cyrillic-pdf.js';
import type { Column } from './columns.js';
import { parseRoadmapDocumentInThread } from './parse-roadmap-document.js';
import { readPdf } from './reader-pdf.js';
import { isSignatureRow } from './signature.js';
import type { ImportResult, RowBlock } from './types.js';

// What is printed around a roadmap table born in a spreadsheet or in Word (held-out sets 10 and 11): the
// signature typed as a row of the sheet, a foot with its text on the left and the page number on the right,
// a footnote reference raised after a word and the footnote at the foot of the page.

const fields = (r: ImportResult) =>
  r.roadmaps.flatMap((m) =>
    m.sections.flatMap((s) => s.items.map((i) => [i.measure, i.deadline.text, i.responsible, i.indicator])),
  );
const messages = (r: ImportResult) => r.warnings.map((w) => w.message);
const txt = (lines: string[]) =>
  parseRoadmapDocumentInThread('plan.txt', Buffer.from(lines.join('\r\n'), 'utf8'));

describe('a signature typed as a row of the table', () => {
  const head = [
    'План мероприятий по повышению качества образования на 2026/2027 учебный год',
    '№ п/п\tСрок\tМероприятие\tОтветственный\tПоказатель результативности\tПримечание',
    '1.1\tдо 01.10.2026\tСовещание руководителей ШНОР\tОтдел образования\tПротокол совещания\t',
  ];

  it('ends the table when the name is written after the line for the signature', async () => {
    const r = await txt([
      ...head,
      '1.2\tдо 15.11.2026\tВедение реестра мер поддержки\tМКУ "ИМЦ"\tРеестр ведётся\t',
      '\t\t\t\t\t',
      '\t\tНачальник отдела образования\t\t____________ О. Н. Веретенникова\t',
    ]);
    expect(fields(r)).toEqual([
      ['Совещание руководителей ШНОР', 'до 01.10.2026', 'Отдел образования', 'Протокол совещания'],
      ['Ведение реестра мер поддержки', 'до 15.11.2026', 'МКУ "ИМЦ"', 'Реестр ведётся'],
    ]);
    expect(messages(r)).toContain(
      'Строка «Начальник отдела образования ____________ О. Н. Веретенникова» принята за подпись: таблица дорожной карты закончена на ней',
    );
  });

  const columns: Column[] = [
    { header: '№', meaning: 'number' },
    { header: 'Мероприятие', meaning: 'measure' },
    { header: 'Срок', meaning: 'deadline' },
    { header: 'Ответственные', meaning: 'responsible' },
  ];
  const row = (...texts: string[]): RowBlock => ({
    kind: 'row',
    location: 'строка 9',
    cells: texts.map((text) => ({ text, bold: false, italic: false })),
  });

  it('tells a signature from the executor of a measure broken by a page', () => {
    expect(isSignatureRow(row('', 'Председатель комитета', '', '____________ В. Е. Пастухов'), columns)).toBe(
      true,
    );
    expect(isSignatureRow(row('', 'Председатель комитета', '', '«__» ________ 2026 г.'), columns)).toBe(
      false,
    );
    // the rest of the last measure's row on the next page: its executor only
    expect(isSignatureRow(row('', '', '', 'Начальник управления образования И. О. Петров'), columns)).toBe(
      false,
    );
    expect(isSignatureRow(row('Начальник управления образования', '', '', 'И. О. Петров'), columns)).toBe(
      true,
    );
    expect(isSignatureRow(row('', '', '', 'Начальник управления ________ И. О. Петров'), columns)).toBe(true);
  });
});

/** A bordered table of one-line rows: № | Мероприятие | Срок | Ответственные. */
function table(rows: string[][], top: number): { lines: PdfLine[]; rules: PdfRule[] } {
  const xs = [40, 80, 420, 560, 760];
  const lines: PdfLine[] = [];
  const rules: PdfRule[] = [];
  rows.forEach((cells, r) => {
    const y = top + 20 * r;
    rules.push({ x1: 40, y1: y, x2: 760, y2: y }, { x1: 40, y1: y + 20, x2: 760, y2: y + 20 });
    for (const x of xs) rules.push({ x1: x, y1: y, x2: x, y2: y + 20 });
    cells.forEach((text, k) => {
      if (text) lines.push({ x: (xs[k] as number) + 3, y: y + 13, text });
    });
  });
  return { lines, rules };
}
const HEADER = ['№', 'Мероприятие', 'Срок', 'Ответственные'];

describe('PDF: a foot with its text on the left and the page number on the right', () => {
  it('is dropped though the document has two pages: the table goes on, one roadmap', async () => {
    const page = (n: number, rows: string[][], title?: string) => {
      const t = table([HEADER, ...rows], 90);
      const lines: PdfLine[] = [
        ...(title ? [{ x: 200, y: 60, text: title }] : []),
        ...t.lines,
        { x: 40, y: 570, text: 'Дорожная карта ШНОР, Рябиновский МР' },
        { x: 690, y: 570, text: `Страница ${n} из 2` },
      ];
      return { lines, rules: t.rules };
    };
    const pdf = cyrillicPdf([
      page(
        1,
        [['1', 'Совещание директоров', 'март 2027 г.', 'Управление']],
        'Дорожная карта на 2026/2027 год',
      ),
      page(2, [['2', 'Курсы для учителей', 'май 2027 г.', 'ИРО']]),
    ]);
    const r = await parseRoadmapDocumentInThread('foot.pdf', pdf);
    expect(r.roadmaps.map((m) => m.title)).toEqual(['Дорожная карта на 2026/2027 год']);
    expect(fields(r)).toEqual([
      ['Совещание директоров', 'март 2027 г.', 'Управление', null],
      ['Курсы для учителей', 'май 2027 г.', 'ИРО', null],
    ]);
  });

  it('a line of two pieces with another number at its end stays', async () => {
    const t = table([HEADER, ['1', 'Совещание', 'март 2027 г.', 'Управление']], 90);
    const lines = [
      ...t.lines,
      { x: 40, y: 570, text: 'Приложение к приказу' },
      { x: 690, y: 570, text: 'стр. 7' },
    ];
    const blocks = await readPdf(cyrillicPdf([{ lines, rules: t.rules }]));
    expect(blocks.some((b) => b.kind === 'paragraph' && /Приложение к приказу/.test(b.text))).toBe(true);
  });
});

describe('PDF: a footnote reference raised after a word', () => {
  it('is left out of the cell, and the footnote at the foot of the page is no row', async () => {
    const t = table([HEADER], 90);
    const rules: PdfRule[] = [...t.rules];
    // row 1 two lines high (110–140), row 2 one line (140–160)
    for (const [y1, y2] of [
      [110, 140],
      [140, 160],
    ] as const) {
      rules.push({ x1: 40, y1: y2, x2: 760, y2: y2 });
      for (const x of [40, 80, 420, 560, 760]) rules.push({ x1: x, y1, x2: x, y2 });
    }
    const lines: PdfLine[] = [
      { x: 200, y: 60, text: 'Дорожная карта на 2026/2027 год' },
      ...t.lines,
      { x: 43, y: 123, text: '1' },
      { x: 83, y: 123, text: 'Организация обучения' },
      { x: 83, y: 135, text: 'команд ШНОР' },
      { x: 132.5, y: 131, text: '1', size: 5 },
      { x: 423, y: 123, text: 'сентябрь 2026 г.' },
      { x: 563, y: 123, text: 'Кураторы' },
      { x: 43, y: 153, text: '2' },
      { x: 83, y: 153, text: 'Курсы для учителей' },
      { x: 423, y: 153, text: 'май 2027 г.' },
      { x: 563, y: 153, text: 'ИРО' },
      // the footnote: its own mark raised, its text in a smaller size, two lines
      { x: 40, y: 536, text: '1', size: 5 },
      { x: 44, y: 540, text: 'Перечень школ определяется', size: 8 },
      { x: 40, y: 550, text: 'ежегодно (пример)', size: 8 },
    ];
    const r = await parseRoadmapDocumentInThread('footnote.pdf', cyrillicPdf([{ lines, rules }]));
    expect(fields(r)).toEqual([
      ['Организация обучения команд ШНОР', 'сентябрь 2026 г.', 'Кураторы', null],
      ['Курсы для учителей', 'май 2027 г.', 'ИРО', null],
    ]);
    expect(JSON.stringify(r.roadmaps)).not.toMatch(/Перечень школ|ежегодно/);
    expect(r.warnings).toEqual([
      { location: 'стр. 1', message: 'Знак сноски «1» после «ШНОР» убран из текста — проверьте' },
      {
        location: 'стр. 1',
        message: 'Текст сноски «1 Перечень школ определяется ежегодно (пример)» внизу страницы пропущен',
      },
    ]);
  });
});
