import { describe, expect, it } from 'vitest';
import { parseRoadmapDocument } from './parse-roadmap-document.js';
import type { ImportResult } from './types.js';

// A roadmap kept in Excel and given as text: the clipboard, «Текст Unicode», «CSV» (reader-delimited.ts).

const rows = (r: ImportResult) =>
  r.roadmaps
    .flatMap((m) => m.sections.flatMap((s) => s.items))
    .map((i) => [i.measure, i.deadline.text, i.responsible?.replace(/\s+/g, ' '), i.indicator]);

const TITLE = 'Дорожная карта по поддержке школ с низкими результатами на 2026/2027 учебный год';
const HEADER =
  '№ п/п\tНаименование мероприятия\tСрок исполнения\tОтветственные\tОжидаемый результат\tПримечание';
// As Excel puts a range on the clipboard: TAB between cells, CRLF between rows, a cell with a line break
// (Alt+Enter) in quotes with its quotes doubled, a cell with quotes only as it is.
const CLIPBOARD = [
  `${TITLE}\t\t\t\t\t`,
  HEADER,
  '1\tСовещание с руководителями ШНОР\tсентябрь 2026 г.\t"Управление образования,\nруководители ШНОР"\tПротокол\t',
  '2\tЗакрепление кураторов МКУ "ИМЦ" за школами\tоктябрь 2026 г.\t"МКУ ""ИМЦ""\nКураторы ШНОР"\tПриказ\t',
  '3\tКурсы для учителей\tпо графику ИРО\tИРО\t"Удостоверения;\nне менее 80 % педагогов"\tбюджет',
].join('\r\n');
const EXPECTED = [
  [
    'Совещание с руководителями ШНОР',
    'сентябрь 2026 г.',
    'Управление образования, руководители ШНОР',
    'Протокол',
  ],
  ['Закрепление кураторов МКУ "ИМЦ" за школами', 'октябрь 2026 г.', 'МКУ "ИМЦ" Кураторы ШНОР', 'Приказ'],
  ['Курсы для учителей', 'по графику ИРО', 'ИРО', 'Удостоверения; не менее 80 % педагогов'],
];

/** Windows-1251 bytes of Russian text (Excel's «CSV» on Russian Windows). */
function cp1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const c = ch.charCodeAt(0);
      if (c < 128) return c;
      if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
      if (ch === 'Ё') return 0xa8;
      if (ch === 'ё') return 0xb8;
      if (ch === '№') return 0xb9;
      throw new Error(`no cp1251 byte for ${ch}`);
    }),
  );
}

describe('text of a spreadsheet', () => {
  it('the clipboard: a quoted cell over several lines is one cell of its row', async () => {
    const r = await parseRoadmapDocument('plan.txt', Buffer.from(CLIPBOARD, 'utf8'));
    expect(r.roadmaps).toHaveLength(1);
    expect(r.roadmaps[0]?.title).toBe(TITLE);
    expect(rows(r)).toEqual(EXPECTED);
  });

  it('«Текст Unicode»: UTF-16 LE with a BOM', async () => {
    const data = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLIPBOARD, 'utf16le')]);
    expect(rows(await parseRoadmapDocument('plan.txt', data))).toEqual(EXPECTED);
  });

  it('«CSV (разделители — точки с запятой)» in Windows-1251, named .txt', async () => {
    const csv = CLIPBOARD.replace(/\t/g, ';').replace('"Удостоверения;\nне', '"Удостоверения,\nне');
    const r = await parseRoadmapDocument('plan.txt', cp1251(csv));
    expect(rows(r).map((x) => x.slice(0, 3))).toEqual(EXPECTED.map((x) => x.slice(0, 3)));
  });

  it('text copied from Word is read by lines: a cell opening with a quoted name is not a quoted cell', async () => {
    const text = [
      TITLE,
      HEADER,
      '1\t"Точка роста" — открытые уроки\tмарт 2027 г.\tРуководители ОО\tПлан уроков\t',
      '2\tСеминар "Объективность оценки"\tапрель 2027 г.\tИМЦ\tПрограмма\t',
    ].join('\n');
    const r = await parseRoadmapDocument('plan.txt', Buffer.from(text, 'utf8'));
    expect(rows(r).map((x) => x[0])).toEqual([
      '"Точка роста" — открытые уроки',
      'Семинар "Объективность оценки"',
    ]);
  });

  it('a header cell merged across comes as its text and an empty cell: «Срок» over «начало | окончание»', async () => {
    const text = [
      `${TITLE}\t\t\t\t\t`,
      '№\tМероприятие\tСрок исполнения\t\tОтветственный\tРезультат',
      '\t\tначало\tокончание\t\t',
      '1\tСовещание с руководителями ШНОР\t01.09.2026\t30.09.2026\tУправление образования\tПротокол',
      '2\tКурсы для учителей\tв течение учебного года\t\tИРО\tУдостоверения',
    ].join('\r\n');
    const r = await parseRoadmapDocument('plan.txt', Buffer.from(text, 'utf8'));
    expect(rows(r)).toEqual([
      ['Совещание с руководителями ШНОР', '01.09.2026 – 30.09.2026', 'Управление образования', 'Протокол'],
      ['Курсы для учителей', 'в течение учебного года', 'ИРО', 'Удостоверения'],
    ]);
  });

  it('a merged section row read as text: «1.» / «2.» numbered apart from the items «1», «2», «3»', async () => {
    const text = [
      `${TITLE}\t\t\t\t\t`,
      HEADER,
      '1.\tОрганизационно-управленческие мероприятия\t\t\t\t',
      '1\tСовещание с руководителями ШНОР\tсентябрь 2026 г.\tУправление образования\tПротокол\t',
      '2\tЗакрепление кураторов\tоктябрь 2026 г.\tИМЦ\tПриказ\t',
      '2.\tРабота с педагогическими кадрами\t\t\t\t',
      '3\tКурсы для учителей\tпо графику ИРО\tИРО\tУдостоверения\t',
    ].join('\r\n');
    const r = await parseRoadmapDocument('plan.txt', Buffer.from(text, 'utf8'));
    expect(r.roadmaps[0]?.sections.map((s) => [s.number, s.title, s.items.map((i) => i.number)])).toEqual([
      ['1', 'Организационно-управленческие мероприятия', ['1', '2']],
      ['2', 'Работа с педагогическими кадрами', ['3']],
    ]);
  });

  it("Word's text with stray quotes (a quote left open, a title in quotes over two lines) stays read by lines", async () => {
    const text = [
      '"Дорожная карта',
      'по повышению качества образования на 2026 год"',
      '№\tМероприятие\tСрок\tОтветственный',
      '1\t"Билет в будущее\tмарт 2026\tИванова А. А.',
      '2\tКонкурс\t"апрель 2026"\tПетров П. П.',
      '3\tСеминар для учителей\tмай 2026\tСидорова С. С.',
    ].join('\n');
    const r = await parseRoadmapDocument('plan.txt', Buffer.from(text, 'utf8'));
    expect(rows(r).map((x) => x.slice(0, 2))).toEqual([
      ['"Билет в будущее', 'март 2026'],
      ['Конкурс', '"апрель 2026"'],
      ['Семинар для учителей', 'май 2026'],
    ]);
  });

  it('a ";" file of more rows than a document may have is refused with the usual message', async () => {
    const data = Buffer.from('а;б;в\n'.repeat(150_000), 'utf8');
    await expect(parseRoadmapDocument('plan.txt', data)).rejects.toThrow(
      /слишком много строк \(больше 100000\)/,
    );
  });
});
