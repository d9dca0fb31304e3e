import { parseDeadline } from '../../roadmaps/deadline.js';
import { Vocabulary } from './clean-text.js';
import type { PdfText } from './pdf-pages.js';
import type { RussianWords } from './russian-words.js';
import type { Block, Cell } from './types.js';

// The text of a PDF table cell or paragraph from its positioned pieces: lines, and how lines are joined
// (reader-pdf.ts lays the pieces out in tables).

export type Line = { y: number; x1: number; x2: number; size: number; items: PdfText[] };

/** Text pieces on one baseline, left to right; pieces of a line are joined with a space where there is a gap. */
export function linesOf(texts: PdfText[]): Line[] {
  const sorted = [...texts].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  for (const t of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(t.y - last.y) <= Math.max(1, 0.3 * Math.min(t.size, last.size))) {
      last.items.push(t);
      last.x1 = Math.min(last.x1, t.x);
      last.x2 = Math.max(last.x2, t.x + t.width);
    } else lines.push({ y: t.y, x1: t.x, x2: t.x + t.width, size: t.size, items: [t] });
  }
  for (const l of lines) l.items.sort((a, b) => a.x - b.x);
  return lines;
}

export function lineText(l: Line): string {
  let s = '';
  let end = -Infinity;
  l.items.forEach((t, i) => {
    const glued = Math.abs(t.x - end) < 0.1 * t.size && /\p{L}$/u.test(s);
    if (glued && t.text === '‐' && i === l.items.length - 1) {
      s += `${SOFT_HYPHEN}‐`; // see softHyphens
    } else if (glued && /^ \p{Ll}/u.test(t.text)) {
      s += SOFT_HYPHEN + t.text.slice(1);
    } else {
      const gap = t.x - end > 0.15 * t.size;
      if (s && gap && !/\s$/.test(s) && !/^\s/.test(t.text)) s += ' ';
      s += t.text;
    }
    end = t.x + t.width;
  });
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Soft hyphens (U+00AD, a discretionary break inside a word) of a Chromium print: pdf.js drops them from the
 * text, and what is left shows where they were — at a line end the hyphen the printer drew for the break comes
 * as a piece of its own, «‐» (U+2010) glued to the word («рекоменда» «‐» / «ции»); inside a line the word
 * goes on in a new piece that starts with a space and no gap («мотива» « ции»). Both get the soft hyphen
 * back: the cell joins a word broken so without the hyphen (cellOf), normalizeText drops the rest.
 */
const SOFT_HYPHEN = '\u00ad';

export const allBold = (items: PdfText[]) => items.length > 0 && items.every((t) => t.bold);

export const CUT = '\uE000';
/** «я» is left out: roadmaps do not say it, and «-ия» is a frequent ending. */
const ONE_LETTER_WORDS = 'авикосу';
/** Adjective endings: a piece ending so is a whole word even when a longer one starts with it. */
const WORD_END = /(ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|ыми|ими|ую|юю)$/i;
/** Ends of stems that are not words by themselves («профессиональног», «ежеквартальн», «практическ»). */
const ADJECTIVE_STEM = /(ог|ег|ом|ем|льн|чн|тн|вн|зн|жн|шн|нн|ск|цк)$/i;
/** Case endings after a consonant («педагогов», «учителей» «и»): the word is whole. */
const CASE_END = /(ов|ев|ей|ий|ый|ой|ых|их|ом|ем|ам|ям|ах|ях|ым|им)$/i;
const CUT_AT = /(\p{L}+)\uE000(?=(\p{L}+))/gu;
const CUT_CHAIN = /\p{L}+(?:\uE000\p{L}+){2,}/gu;
const GENITIVE_COMPOUND_CUT = /(\p{L}+(?:ей|ов|ев)-\p{L}+[ое])\uE000(?=в(?!\p{L}))/giu;
/** A surname's ending cut off before the initials («Жаворонков» «а Т. С.»): one word (held-out set 17). */
const SURNAME_CUT = /(\p{Lu}\p{Ll}+)\uE000(а|ой|ым|у)(?=\s+\p{Lu}\.\s?\p{Lu}\.)/gu;

/**
 * A cut word is joined when: the second half starts with «ь», «ъ», «ы»; the document has the whole word
 * elsewhere and not both halves as words; or the first half is no word of the document and the second is
 * a letter that is no word («профессиональны» «х»), or a letter after a stem («профессиональног» «о»,
 * «наставничеств» «а», «эффективност» «и» — a consonant with no case ending; not «самоутверждение» «в»,
 * «специалистов» «и»), a tail in «ю» after a vowel («функциониру» «ющих»), or a short ending
 * («общеобразователь» «ных»), or a tail after the beginning of a known longer word («общеобразователь»
 * «ному»; not «образовательным» «общеобразователь…», not «ответственного» «лица»).
 */
export function mendCuts(blocks: Block[], language: RussianWords | null = null): Block[] {
  const vocab = new Vocabulary();
  const uncut = (t: string) => t.replace(/\p{L}*\uE000\p{L}*/gu, ' ');
  for (const b of blocks) {
    if (b.kind === 'paragraph') vocab.add(uncut(b.text));
    else for (const c of b.cells) vocab.add(uncut(c.text));
  }
  // the first halves of all cuts (a whole word on a line filling its cell is marked too).
  const halves = new Set<string>();
  for (const b of blocks)
    if (b.kind === 'row')
      for (const c of b.cells)
        for (const m of c.text.matchAll(CUT_AT)) halves.add((m[1] as string).toLowerCase());
  const join = (a: string, b: string) => {
    // The document's own spelling first: a whole word it writes elsewhere, halves it never writes apart.
    if (vocab.has(a + b) && !(vocab.has(a) && vocab.has(b))) return true;
    const told = language ? byLanguage(a, b, language) : null;
    if (told === 'split' || (told === 'join' && !(vocab.has(a) && vocab.has(b)))) return told === 'join';
    if (/^[ьъы]/i.test(b)) return true; // no word starts so
    if (b.length === 1 && !ONE_LETTER_WORDS.includes(b.toLowerCase())) return true; // «министерство|м»: a lone letter that is no word ends the word above
    if (vocab.has(a + b) || (halves.has((a + b).toLowerCase()) && !vocab.has(a)))
      return !(vocab.has(a) && vocab.has(b));
    if (vocab.has(a)) return false;
    if (/(вш|[ую]щ|[ая]щ)$/i.test(a) && /^(ий|ая|ее|ие|его|ему|им|их|ими|ую|ей|ая|ой)$/i.test(b)) return true; // a participle stem and its ending («ликвидировавш|их»)
    if (b.length === 1) {
      return (
        !ONE_LETTER_WORDS.includes(b.toLowerCase()) ||
        ADJECTIVE_STEM.test(a) ||
        vocab.hasPrefix(a) ||
        // «наставничеств» «а», «корректировк» «а»: a long word ends so only with a case ending
        (/^[аоуи]$/i.test(b) && /[бвгджзклмнпрстфхцчшщ]$/i.test(a) && !CASE_END.test(a))
      );
    }
    if (vocab.has(b)) return false;
    if (/^ю/i.test(b) && /[аеиоуыя]$/i.test(a)) return true; // «функциониру» «ющих»
    // «наставнических» «пар»: a long word with a full plural or genitive ending is whole; the short word is next.
    if (b.length === 3 && a.length >= 8 && /(ых|их|ого|его|ыми|ими)$/i.test(a)) return false;
    return b.length <= 3 || (vocab.hasPrefix(a) && !vocab.hasPrefix(b) && !WORD_END.test(a));
  };
  // The second half is looked ahead at, not taken: it may be the first half of the next cut.
  const mend = (cell: Cell): Cell => {
    const notes: string[] = [];
    const text = cell.text
      // A hyphenated noun agrees: after a genitive plural («учителей-», «педагогов-») its second part is one
      // too, so «учителей-предметнико» cut before «в» is «предметников», not a word and the preposition.
      .replace(GENITIVE_COMPOUND_CUT, '$1')
      .replace(SURNAME_CUT, '$1$2')
      // a word cut twice or more («ежек» «варта» «льно» in a very narrow cell): as one cut, all its pieces
      .replace(CUT_CHAIN, (chain: string) => {
        const pieces = chain.split(CUT);
        const whole = pieces.join('');
        const known = pieces.some((p) => p.length < 2 || vocab.has(p) || lexiconWord(p));
        if (known || !(lexiconWord(whole) || language?.word(whole))) return chain;
        notes.push(`«${pieces.join(' ')}» → «${whole}»`);
        return whole;
      })
      .replace(CUT_AT, (_, a: string, b: string) => {
        if (join(a, b)) return a;
        if (!knownOnlyJoined(a, b, vocab)) return `${a}\n`;
        notes.push(`«${a} ${b}» → «${a}${b}»`);
        return a;
      })
      .replace(/\uE000$/, '')
      .replaceAll(CUT, '\n');
    return { ...cell, text, ...(notes.length > 0 && { notes: [...(cell.notes ?? []), ...notes] }) };
  };
  return blocks.map((b) =>
    b.kind === 'paragraph' ? b : { ...b, cells: b.cells.map((c) => (c.text.includes(CUT) ? mend(c) : c)) },
  );
}

/**
 * What the language says of a cut «a» «b»: one word when «ab» is a Russian word and «a» or «b» is none
 * («Сформирова» «на», «педагогиче» «ским»), or when neither half is a word («продиагностиров» «анных»: the
 * dictionary lacks the whole too; not an abbreviation); two when both are words and «ab» is none («результат» «повторной»); null
 * when it cannot tell («по» «тому», «слабоуспевающим» «и»: the document's words decide). A word of the domain
 * is one word whatever its halves when the first is not the term itself («не» «успешности», «само» «диагностики»):
 * in a roadmap the term is far likelier than the two words.
 */
function byLanguage(a: string, b: string, language: RussianWords): 'join' | 'split' | null {
  if (language.term(a + b) && !language.term(a)) return 'join';
  const [first, second] = [language.word(a), language.word(b)];
  const whole = language.word(a + b);
  // An abbreviation is no word of the dictionary either («ЦНППМ» «ОМСУ»): it ends in a capital.
  const unknownBoth = !first && !second && /\p{Ll}$/u.test(a);
  if ((whole && !(first && second)) || unknownBoth) return 'join';
  if (!whole && first && second) return 'split';
  return null;
}

const ANY_PERIOD = { periodKind: 'school_year', periodYear: 2026 } as const;
/** A word of the roadmap lexicon every document shares: what the deadline reader knows («ежеквартально», «сентябрь»). */
const lexiconWord = (w: string) => parseDeadline(w, ANY_PERIOD).understood;

/**
 * A cut the document's own words cannot decide (the whole word is nowhere else in it): joined when the whole
 * word is one of the shared roadmap lexicon and neither half is a word of the document or of the lexicon
 * («ежекварта» «льно» in the one «Срок» cell that says it). A guess: the reader is told (notes → warning).
 */
function knownOnlyJoined(a: string, b: string, vocab: Vocabulary): boolean {
  if (a.length < 2 || b.length < 2) return false;
  if (vocab.has(a) || vocab.has(b) || lexiconWord(a) || lexiconWord(b)) return false;
  return lexiconWord(a + b);
}

/**
 * How two lines of a cell are joined. A line break drops the space it replaced, so most joins are a line
 * break (normalizeText makes it a space and mends hyphenated words). Without a space: a word too long for the
 * cell cut by the printer (the line is one piece filling the cell: marked CUT and decided by the document's
 * words once all of it is read, see mendCuts), and a break after «/» or after a hyphen following a digit
 * («11-» «х»), where nothing was dropped (mostly: «2022- январь» is typed too). A dash at a line end keeps its space: «a – b» and
 * «a –b» print the same, and the spaced dash is the common one.
 */
function joiner(line: Line, text: string, next: string, contentRight: number): string {
  if (SOFT_BREAK.test(text) && /^\p{L}/u.test(next)) return ''; // «рекоменда\u00ad‐» «ции»
  if (/[/]$/.test(text) && !/\s\/$/.test(text)) return '';
  if (/\d-$/.test(text)) return ''; // «9-х, 11-» «х классов», «декабрь 2022-» «февраль 2023»
  if (/\d[–—]$/.test(text) && /^\d/.test(next)) return ''; // a range of numbers: «5–» «11 классов»
  if (/\p{L}$/u.test(text) && /^[-‐]\p{Ll}/u.test(next)) return ''; // «Информационно» «-методический»
  const filled = line.x2 >= contentRight - 1.5 * line.size;
  if (filled && !/\s/.test(text) && /\p{L}$/u.test(text) && /^\p{Ll}/u.test(next)) return CUT;
  if (filled && cutDate(text, next)) return ''; // «до 15.10.2» «026» in a narrow «Сроки» cell
  return '\n';
}

/**
 * A date the cell's edge cut: the two ends make a whole date, the first alone is none («15.10.2» «026») or
 * only the century of its year («15.10.20» «26»).
 */
function cutDate(text: string, next: string): boolean {
  const head = /(?:^|\s)([\d.]+)$/.exec(text)?.[1];
  const tail = /^([\d.]+)(?=$|[\s,;)\-–—])/.exec(next)?.[1];
  if (!head || !tail) return false;
  const DATE = /^\d{1,2}\.\d{1,2}\.(\d{4}|\d{2})$/;
  // «15.10.20» «26» in a filled cell: the century, not a two-digit year (held-out set 17).
  const century = /^\d{1,2}\.\d{1,2}\.(19|20)$/.test(head) && /^\d{2}$/.test(tail);
  return DATE.test(head + tail) && (!DATE.test(head) || century);
}

/** A word broken at a line end by a soft hyphen: U+00AD, then the hyphen the printer drew. */
const SOFT_BREAK = /\p{L}\u00ad[-‐]?$/u;

const DASH = /^[-–—‐]$/;
const BULLET_GLYPH = /^[•◦▪▫●○■□‣∙·\uf0a7\uf0b7\uf076\uf0d8\uf0fc]$/u;
const SYMBOL_BULLET = /^[\uf0a7\uf0b7\uf076\uf0d8\uf0fc]\s*/u;

/**
 * Lines of a cell starting with the bullet of an automatic list («•», «●», a Symbol-font «»): a word
 * processor draws the label as a piece of its own, then a blank piece or a tab stop (≥ 0.4 em; a space is
 * ≈ 0.25 em) before the text. A typed «• » is one piece with its text («• анализ посещаемости;», held-out
 * set 18), or a glyph of a fallback font with the space in the text's piece, and stays, as in Word.
 */
function bulletMarkers(lines: Line[]): number[] {
  return lines.flatMap((l, i) => {
    const [mark, next] = l.items;
    if (!mark || !next || !BULLET_GLYPH.test(mark.text.trim())) return [];
    return mark.blankAfter || next.x - (mark.x + mark.width) >= 0.4 * mark.size ? [i] : [];
  });
}

/**
 * Lines of a cell starting with a dash that is a list marker a word processor drew (a Word bullet «–»), not
 * a typed dash: the dash is a piece of its own, and the items of its list hang — a wrapped item goes on under
 * the text after the dash, not under the dash (a typed «– …» paragraph wraps back to the cell's edge). All
 * items of one list (the same dash and text positions, one after another) are markers when one of them is
 * seen to hang; a list of one-line items shows nothing, and its dashes stay text.
 */
function dashMarkers(lines: Line[]): Set<number> {
  const dashed = (l: Line | undefined) =>
    l !== undefined && l.items.length > 1 && DASH.test((l.items[0] as PdfText).text.trim());
  const markers = new Set<number>();
  for (let i = 0; i < lines.length; ) {
    const first = lines[i] as Line;
    if (!dashed(first)) {
      i++;
      continue;
    }
    const dashX = first.x1;
    const textX = (first.items[1] as PdfText).x;
    const run: number[] = [];
    let hangs = false;
    let j = i;
    while (j < lines.length) {
      const l = lines[j] as Line;
      if (dashed(l) && Math.abs(l.x1 - dashX) <= 1 && Math.abs((l.items[1] as PdfText).x - textX) <= 1) {
        run.push(j++);
        continue;
      }
      // a line under an item that starts where the item's text does (and right of the dash): it hangs
      if (run.length > 0 && Math.abs(l.x1 - textX) <= 1 && l.x1 > dashX + 2) {
        hangs = true;
        j++;
        continue;
      }
      break;
    }
    if (hangs) for (const k of run) markers.add(k);
    i = Math.max(j, i + 1);
  }
  return markers;
}

/** The text of a cell: its lines joined (see joiner); `left`/`right` are the cell's borders. */
export function cellOf(texts: PdfText[], left?: number, right?: number): Cell {
  const lines = linesOf(texts);
  const padding = left === undefined ? 0 : Math.max(0, Math.min(...lines.map((l) => l.x1)) - left);
  const contentRight = right === undefined ? Infinity : right - padding;
  const markers = new Set([...dashMarkers(lines), ...bulletMarkers(lines)]);
  let text = '';
  lines.forEach((l, i) => {
    // a list marker is not text (as the Word reader does not write it, docx-numbering.ts)
    // A Symbol-font bullet («») is never typed: dropped even in one piece with its text.
    const t = (
      markers.has(i)
        ? lineText({ ...l, items: l.items.slice(1), x1: (l.items[1] as PdfText).x })
        : lineText(l)
    ).replace(SYMBOL_BULLET, '');
    const next = lines[i + 1];
    // The last line too: the cell may go on at the top of the next page (a row split by the page).
    const join = joiner(l, t, next ? lineText(next) : 'а', contentRight);
    // A soft hyphen is a discretionary break: the word goes on without the hyphen.
    text += (join === '' && SOFT_BREAK.test(t) && next ? t.replace(/\u00ad[-‐]?$/, '') : t) + join;
  });
  text = text.replace(/\n$/, '');
  return {
    text,
    bold: allBold(texts),
    italic: texts.length > 0 && texts.every((t) => t.italic),
  };
}

export type PageTable = {
  top: number;
  bottom: number;
  columns: number[];
  rows: { y: number; cells: Cell[] }[];
  /** A table without borders whose first column holds the numbers (pdf-positions.ts). */
  numbered?: boolean;
  /** A table without borders: the x where each column after the first begins (pdf-positions.ts). */
  bounds?: number[];
};

export const joinCells = (a: Cell, b: Cell | undefined): Cell => {
  if (!b?.text.trim()) return a;
  if (!a.text.trim()) return { ...a, text: b.text };
  // a word or a date the cell's edge cut at the page's end goes on at the top of the next page
  const cut = a.text.endsWith(CUT) || cutDate(a.text.slice(a.text.lastIndexOf('\n') + 1), b.text);
  return { ...a, text: cut ? a.text + b.text : `${a.text}\n${b.text}` };
};
