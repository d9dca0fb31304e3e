import type { PdfPage, PdfText } from './pdf-pages.js';
import { inkEnd } from './pdf-positions.js';
import type { Block } from './types.js';

// Footnotes of a PDF printed from Word or Writer. The reference is a small digit raised right after a word
// («команд ШНОР¹ по программе»): in the text layer it is a piece of its own, a few points above the line, so
// read by its position it would fall between two lines of the cell («Организация обучения 1 команд ШНОР»).
// A person typing the measure leaves it out, and so does the reader. The footnote itself, at the foot of the
// page («¹ Перечень школ … определяется ежегодно»), belongs to no row: its lines are left out too.

const MARK = /^(\d{1,2}|[*†‡]{1,3})$/;
/** A word ends before the mark: a letter, a closing quote or bracket, a full stop. */
const WORD_END = /[\p{L}»")\].]$/u;
/** «50 м²», «10 см³»: a unit's power, not a footnote. */
const UNIT = /(^|[\s\d])(м|см|мм|дм|км)$/;

/** `mark` is smaller than `body`, raised above its baseline and within its line. */
const raisedBy = (mark: PdfText, body: PdfText) =>
  mark.size <= 0.8 * body.size && mark.y < body.y - 0.15 * body.size && mark.y > body.y - body.size;

/** A small raised mark glued to the end of a word on its left (a footnote reference): the piece of that word. */
function referenceOf(mark: PdfText, texts: PdfText[]): PdfText | undefined {
  return texts.find((w) => {
    if (w === mark || !raisedBy(mark, w)) return false;
    const gap = mark.x - inkEnd(w);
    const text = w.text.trimEnd();
    return gap > -0.5 && gap < 0.25 * w.size && WORD_END.test(text) && !UNIT.test(text);
  });
}

/** The text a footnote's own mark opens: the piece glued to its right, with nothing on that line to its left. */
function footnoteStart(mark: PdfText, texts: PdfText[]): PdfText | undefined {
  return texts.find((f) => {
    if (f === mark || !raisedBy(mark, f)) return false;
    const gap = f.x - (mark.x + mark.width);
    if (gap < -0.5 || gap > 0.6 * f.size) return false;
    const onLine = (t: PdfText) => Math.abs(t.y - f.y) <= 0.3 * f.size;
    return !texts.some((t) => t !== mark && onLine(t) && t.x < mark.x);
  });
}

/**
 * The page's text without footnote references and without the footnotes they point to (a footnote is left out
 * only when its mark is referred to on the same page; its lines go on down in its own size of type). The word
 * a mark followed gets `tag(messages)` glued to its end: the warnings go with the cell it lands in
 * (`takeFootnoteTags`).
 */
export function withoutFootnotes(page: PdfPage, tag: (messages: string[]) => string): PdfText[] {
  const texts = page.texts;
  const marks = texts.filter((t) => MARK.test(t.text.trim()));
  if (marks.length === 0) return texts;
  const dropped = new Set<PdfText>();
  const referred = new Map<string, { word: PdfText; messages: string[] }>();
  for (const m of marks) {
    const word = referenceOf(m, texts);
    if (word === undefined) continue;
    const mark = m.text.trim();
    dropped.add(m);
    const last = word.text.trim().split(/\s+/).pop() ?? '';
    referred.set(mark, {
      word,
      messages: [`Знак сноски «${mark}» после «${last}» убран из текста — проверьте`],
    });
  }
  for (const m of marks) {
    const mark = m.text.trim();
    const ref = referred.get(mark);
    if (dropped.has(m) || ref === undefined) continue;
    const start = footnoteStart(m, texts);
    if (!start) continue;
    dropped.add(m);
    const lines = footnoteLines(start, texts, m);
    for (const t of lines) dropped.add(t);
    const text = lines.map((t) => t.text.trim()).join(' ');
    ref.messages.push(
      `Текст сноски «${mark} ${text.length > 60 ? `${text.slice(0, 59)}…` : text}» внизу страницы пропущен`,
    );
  }
  if (dropped.size === 0) return texts;
  const tagged = new Map([...referred.values()].map((r) => [r.word, tag(r.messages)]));
  return texts.flatMap((t) => {
    if (dropped.has(t)) return [];
    const mark = tagged.get(t);
    if (mark === undefined) return [t];
    const end = t.text.trimEnd();
    return [{ ...t, text: end + mark + t.text.slice(end.length) }];
  });
}

/** Tags for `withoutFootnotes`: one private-use character per footnote reference of the document. */
export class FootnoteTags {
  private readonly messages: string[][] = [];
  readonly tag = (messages: string[]): string => {
    this.messages.push(messages);
    return String.fromCharCode(TAG + this.messages.length - 1);
  };

  /** The blocks with the tags taken out of their texts; a cell that had one gets its warnings. */
  takeFrom(blocks: Block[]): Block[] {
    if (this.messages.length === 0) return blocks;
    const found = (text: string) =>
      [...text.matchAll(TAGS)].flatMap((m) => this.messages[(m[0].codePointAt(0) ?? 0) - TAG] ?? []);
    return blocks.map((b): Block => {
      if (b.kind === 'paragraph') return { ...b, text: b.text.replace(TAGS, '') };
      return {
        ...b,
        cells: b.cells.map((c) => {
          const messages = found(c.text);
          if (messages.length === 0) return c;
          return { ...c, text: c.text.replace(TAGS, ''), warnings: [...(c.warnings ?? []), ...messages] };
        }),
      };
    });
  }
}
const TAG = 0xe100;
const TAGS = /[\ue100-\ue8ff]/g;

/** The footnote's lines: from its first one down, in its size of type, each close below the one before. */
function footnoteLines(start: PdfText, texts: PdfText[], mark: PdfText): PdfText[] {
  const size = start.size;
  const same = (t: PdfText) => Math.abs(t.size - size) <= 0.5 && t.x >= mark.x - 1;
  const out = texts.filter((t) => same(t) && Math.abs(t.y - start.y) <= 0.3 * size);
  let y = start.y;
  for (;;) {
    const below = texts.filter((t) => same(t) && t.y > y + 0.3 * size && t.y <= y + 1.8 * size);
    if (below.length === 0) break;
    const next = Math.min(...below.map((t) => t.y));
    const line = below.filter((t) => Math.abs(t.y - next) <= 0.3 * size);
    out.push(...line);
    y = next;
  }
  return out;
}
