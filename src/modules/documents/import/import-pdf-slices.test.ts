import { describe, expect, it } from 'vitest';
import { cyrillicPdf, type PdfLine, type PdfRule } from '../../../../tests/helpers/cyrillic-pdf.js';
import { parseRoadmapDocumentInThread } from './parse-roadmap-document.js';

// A sheet wider than the page printed by a spreadsheet (tests/helpers/cyrillic-pdf.ts): the left columns on
// some pages, the columns further right on others, the same rows at the same heights on each slice.

/** A bordered table from x = 40: rows of one line, 16 pt high, from y = 80 (a title above at y = 60). */
function page(widths: number[], rows: string[][], title?: string) {
  const edges = widths.reduce((xs, w) => xs.concat((xs[xs.length - 1] as number) + w), [40]);
  const right = edges[edges.length - 1] as number;
  const lines: PdfLine[] = [];
  const rules: PdfRule[] = [];
  if (title) lines.push({ x: 60, y: 60, text: title });
  let top = 80;
  for (const cells of rows) {
    const bottom = top + 16;
    rules.push({ x1: 40, y1: top, x2: right, y2: top }, { x1: 40, y1: bottom, x2: right, y2: bottom });
    for (const x of edges) rules.push({ x1: x, y1: top, x2: x, y2: bottom });
    cells.forEach((text, k) => {
      if (text) lines.push({ x: (edges[k] as number) + 3, y: top + 12, text });
    });
    top = bottom;
  }
  return { lines, rules, width: 720 };
}

const TITLE = 'План мероприятий по поддержке школ на 2026/2027 учебный год';
const LEFT = [30, 280, 120, 200];
const RIGHT = [30, 260, 150];
const MEASURES = [
  ['1', 'Совещание директоров школ', 'март 2027 г.', 'Управление образования', 'Протокол совещания', ''],
  ['2', 'Закрепление кураторов', 'ежеквартально', 'Руководители ОО', 'Приказ о кураторах', 'см. прил. 2'],
  ['3', 'Курсы для учителей', 'май 2027 г.', 'ИРО', 'Удостоверения', ''],
  ['4', 'Разработка дорожной карты', 'до 15.11.2026', 'ММС', 'Приказ об утверждении', ''],
  ['5', 'Анализ результатов ВПР', 'октябрь 2026 г.', 'МКУ «ИМЦ»', 'Аналитическая справка', ''],
  ['6', 'Семинар для заместителей', 'апрель 2027 г.', 'ИРО', 'Участие всех школ', 'по плану ИРО'],
];
const HEAD_LEFT = ['№', 'Мероприятие', 'Срок', 'Ответственные'];
const HEAD_RIGHT = ['Ожидаемый результат', 'Примечание'];

/** The two slices of a band of rows: the left columns, and the right ones after column A printed again. */
function band(rows: string[][], first: boolean, repeatA = true) {
  const left = page(LEFT, [HEAD_LEFT, ...rows.map((r) => r.slice(0, 4))], first ? TITLE : undefined);
  const right = repeatA
    ? page(RIGHT, [['№', ...HEAD_RIGHT], ...rows.map((r) => [r[0] as string, ...r.slice(4)])])
    : page(RIGHT.slice(1), [HEAD_RIGHT, ...rows.map((r) => r.slice(4))]);
  return { left, right };
}

async function read(pdf: Buffer) {
  const result = await parseRoadmapDocumentInThread('wide-sheet.pdf', pdf);
  const items = result.roadmaps.flatMap((r) => r.sections.flatMap((s) => s.items));
  return {
    roadmaps: result.roadmaps.length,
    items: items.map((i) => [i.measure, i.deadline?.text, i.responsible, i.indicator]),
    warnings: result.warnings.filter((w) => /частями по ширине/.test(w.message)),
  };
}

const EXPECTED = MEASURES.map((m) => [m[1], m[2], m[3], m[4]]);

describe('PDF: a sheet printed wider than the page comes in slices of columns', () => {
  it('«left to right, then down» with column A repeated: each right slice joins the rows of the page before', async () => {
    const a = band(MEASURES.slice(0, 3), true);
    const b = band(MEASURES.slice(3), false);
    const r = await read(cyrillicPdf([a.left, a.right, b.left, b.right]));
    expect(r.roadmaps).toBe(1);
    expect(r.items).toEqual(EXPECTED);
    expect(r.warnings.map((w) => w.location)).toEqual(['стр. 1', 'стр. 3']);
    expect(r.warnings[0]?.message).toContain(
      'столбцы «Ожидаемый результат», «Примечание» со стр. 2 приставлены справа к строкам стр. 1',
    );
  });

  it('«top to bottom, then right»: the right slices follow all the left ones and join them in order', async () => {
    const a = band(MEASURES.slice(0, 3), true);
    const b = band(MEASURES.slice(3), false);
    const r = await read(cyrillicPdf([a.left, b.left, a.right, b.right]));
    expect(r.items).toEqual(EXPECTED);
    expect(r.warnings).toHaveLength(2);
  });

  it('without a repeated column (Excel) the rows align by their heights, an empty row of the slice too', async () => {
    const a = band(MEASURES.slice(0, 3), true, false);
    // a measure with nothing in the right columns: the right slice has no row there
    const b = band([[...(MEASURES[3] as string[]).slice(0, 4), '', ''], ...MEASURES.slice(3)], false, false);
    // «top to bottom»: the first right slice stands at heights both left pages have — it joins the first one
    const r = await read(cyrillicPdf([a.left, b.left, a.right, b.right]));
    expect(r.items).toEqual([
      ...EXPECTED.slice(0, 3),
      [...(EXPECTED[3] as (string | undefined)[]).slice(0, 3), null],
      ...EXPECTED.slice(3),
    ]);
    expect(r.warnings.map((w) => w.location)).toEqual(['стр. 1', 'стр. 2']);
    expect(r.warnings[0]?.message).toContain('по их положению на странице');
  });

  it('an ordinary table over two pages (rows at the same heights, header repeated) is not joined', async () => {
    const all = MEASURES.map((m) => m.slice(0, 5));
    const head = [...HEAD_LEFT, 'Ожидаемый результат'];
    const widths = [30, 200, 100, 140, 180];
    const pdf = cyrillicPdf([
      page(widths, [head, ...all.slice(0, 3)], TITLE),
      page(widths, [head, ...all.slice(3)]),
    ]);
    const r = await read(pdf);
    expect(r.items).toEqual(EXPECTED);
    expect(r.warnings).toEqual([]);
  });

  it('a page of other columns under rows of other numbers is not a slice (another table)', async () => {
    const first = page(LEFT, [HEAD_LEFT, ...MEASURES.slice(0, 3).map((r) => r.slice(0, 4))], TITLE);
    const other = page(RIGHT, [
      ['№', ...HEAD_RIGHT],
      ...MEASURES.slice(3).map((r) => [r[0] as string, ...r.slice(4)]),
    ]);
    const r = await read(cyrillicPdf([first, other]));
    expect(r.warnings).toEqual([]);
    expect(r.items.map((i) => i[3])).not.toContain('Приказ о кураторах');
  });

  it('a shorter table of other columns on the next page (rows at the same fixed height) is not a slice', async () => {
    const roadmap = page(LEFT, [HEAD_LEFT, ...MEASURES.slice(0, 5).map((r) => r.slice(0, 4))], TITLE);
    const targets = page(
      [250, 120, 90, 90],
      [
        ['Целевой показатель', 'Единица', '2026', '2027'],
        ['Доля школ с положительной динамикой', '%', '40', '60'],
        ['Число учителей на курсах', 'чел.', '50', '80'],
        ['Доля кураторов', '%', '70', '100'],
      ],
    );
    const r = await read(cyrillicPdf([roadmap, targets]));
    expect(r.items.map((i) => i[0])).toEqual(EXPECTED.slice(0, 5).map((e) => e[0]));
    expect(r.warnings.filter((w) => /по ширине/.test(w.message))).toEqual([]);
  });
});
