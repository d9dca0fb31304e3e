// Cell and paragraph text as people read it: without the markup that came with a copy from Word or a PDF,
// without words broken by a hyphen at a line end, with single spaces.

const HTML_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  laquo: '«',
  raquo: '»',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  bull: '•',
  shy: '\u00ad',
};

const BLOCK_TAGS = new Set(['p', 'br', 'li', 'div', 'tr', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const BOLD_TAGS = new Set(['b', 'strong', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const ITALIC_TAGS = new Set(['i', 'em']);
const INLINE_TAGS = new Set(['u', 'span', 'font', 'sup', 'sub', 's', 'strike', 'td', 'th', 'a']);
const TOKEN = /(<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>|\*\*)/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export type Marked = { text: string; bold: boolean; italic: boolean };

/**
 * Removes HTML-like (`<b>`, `<i>`, `<p>`, `<ul><li>`, `<br>`) and markdown (`**bold**`, `# heading`, `\-`)
 * markup. Block boundaries become line breaks (joined later by {@link normalizeText}). The text counts as
 * bold (italic) when every letter and digit in it is bold (italic).
 */
export function stripMarkup(raw: string): Marked {
  let source = raw;
  let headingBold = false;
  const heading = /^\s*#{1,6}\s+/.exec(source);
  if (heading) {
    source = source.slice(heading[0].length);
    headingBold = true;
  }
  let out = '';
  let bold = 0;
  let italic = 0;
  let starBold = false;
  let letters = 0;
  let boldLetters = 0;
  let italicLetters = 0;
  const addText = (s: string) => {
    const t = unescapeMarkdown(decodeHtmlEntities(s));
    for (const ch of t) {
      if (!LETTER_OR_DIGIT.test(ch)) continue;
      letters++;
      if (bold > 0 || starBold || headingBold) boldLetters++;
      if (italic > 0) italicLetters++;
    }
    out += t;
  };
  let last = 0;
  for (const m of source.matchAll(TOKEN)) {
    const token = m[0];
    const tag = m[2]?.toLowerCase();
    const known =
      tag === undefined ||
      BLOCK_TAGS.has(tag) ||
      BOLD_TAGS.has(tag) ||
      ITALIC_TAGS.has(tag) ||
      INLINE_TAGS.has(tag);
    if (!known) continue; // «<50 %» and other text that only looks like a tag
    addText(source.slice(last, m.index));
    last = m.index + token.length;
    if (tag === undefined) {
      starBold = !starBold;
      continue;
    }
    const closing = token.startsWith('</');
    if (BOLD_TAGS.has(tag)) bold = Math.max(0, bold + (closing ? -1 : 1));
    if (ITALIC_TAGS.has(tag)) italic = Math.max(0, italic + (closing ? -1 : 1));
    if (BLOCK_TAGS.has(tag)) out += '\n';
  }
  addText(source.slice(last));
  return {
    text: out,
    bold: letters > 0 && boldLetters === letters,
    italic: letters > 0 && italicLetters === letters,
  };
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The predefined and numeric character references. */
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, ref: string) => {
    const n = ref.startsWith('#x')
      ? Number.parseInt(ref.slice(2), 16)
      : ref.startsWith('#')
        ? Number.parseInt(ref.slice(1), 10)
        : Number.NaN;
    if (Number.isNaN(n)) return XML_ENTITIES[ref] ?? m;
    return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
  });
}

function decodeHtmlEntities(s: string): string {
  if (!s.includes('&')) return s;
  const named = s.replace(/&([a-zA-Z]+);/g, (m, name: string) => HTML_ENTITIES[name.toLowerCase()] ?? m);
  return decodeEntities(named);
}

function unescapeMarkdown(s: string): string {
  return s.includes('\\') ? s.replace(/\\([\\`*_{}[\]()#+\-.!<>|])/g, '$1') : s;
}

// ---------- Words the document itself uses: evidence for joining broken words ----------

/** The first of the sorted strings not below `key` (binary search). */
function lowerBound(list: string[], key: string): string | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] ?? '') < key) lo = mid + 1;
    else hi = mid;
  }
  return list[lo];
}

/** Lower-case words of a document, to tell «профес-/сиональный» (one word) from «учителей-/предметников». */
export class Vocabulary {
  private readonly words = new Set<string>();
  private sorted: string[] | null = null;
  /** How many times each word is written (a word broken at a line end counts its halves once each). */
  private readonly times = new Map<string, number>();
  /** Words without a hyphen, spelt backwards (sorted on demand): to find the words ending in a given tail. */
  private readonly plain = new Set<string>();
  private backwards: string[] | null = null;

  add(text: string): void {
    for (const m of text
      .toLowerCase()
      .replaceAll('ё', 'е')
      .matchAll(/[а-яa-z]+(?:-[а-яa-z]+)*/g)) {
      const w = m[0];
      if (w.length < 2) continue;
      this.words.add(w);
      this.times.set(w, (this.times.get(w) ?? 0) + 1);
      if (!w.includes('-')) this.plain.add([...w].reverse().join(''));
      if (w.includes('-')) for (const part of w.split('-')) if (part.length > 1) this.words.add(part);
      this.sorted = null;
      this.backwards = null;
    }
  }

  /** How many times the document writes `word` as a word of its own (or a part of a hyphenated one). */
  count(word: string): number {
    return this.times.get(word.toLowerCase().replaceAll('ё', 'е')) ?? 0;
  }

  /** Some word of the document starts with `start` and is longer than it (`start` itself may be a word too). */
  beginsLonger(start: string): boolean {
    const p = start.toLowerCase().replaceAll('ё', 'е');
    this.sorted ??= [...this.words].sort();
    return lowerBound(this.sorted, `${p}\u0000`)?.startsWith(p) ?? false;
  }

  /** Some word of the document written without a hyphen ends with `tail` (and is longer than it). */
  hasLongerEnding(tail: string): boolean {
    const t = [...tail.toLowerCase().replaceAll('ё', 'е')].reverse().join('');
    this.backwards ??= [...this.plain].sort();
    // the first string after `t` itself: the shortest longer word with this ending, if there is one
    return lowerBound(this.backwards, `${t}\u0000`)?.startsWith(t) ?? false;
  }

  has(word: string): boolean {
    return this.words.has(word.toLowerCase().replaceAll('ё', 'е'));
  }

  /** Some word of the document starts with `prefix` (and is longer than it). */
  hasPrefix(prefix: string): boolean {
    const p = prefix.toLowerCase().replaceAll('ё', 'е');
    this.sorted ??= [...this.words].sort();
    const found = lowerBound(this.sorted, p);
    return (found?.startsWith(p) ?? false) && (found?.length ?? 0) > p.length;
  }
}

const EMPTY_VOCABULARY = new Vocabulary();

/** Whether «a-» at a line end and «b…» on the next line are one word broken by hyphenation. */
function isBrokenWord(a: string, b: string, vocab: Vocabulary): boolean {
  const left = /([А-Яа-яЁё]+)$/.exec(a)?.[1];
  const right = /^([а-яё]+)/.exec(b)?.[1];
  if (!left || !right) return false;
  if (vocab.has(`${left}-${right}`)) return false; // «учителей-предметников» is written so elsewhere
  if (vocab.has(left + right)) return true;
  if (vocab.hasPrefix(left + right.slice(0, Math.min(3, right.length)))) return true;
  // No Russian word starts with «нн», «ь», «ъ» or «ы»: the line goes on inside a word («обществе-|нного»).
  if (/^(нн|[ьъы])/.test(right)) return true;
  // The right part is the end of a longer word the document writes whole («взаимопо-|сещения»: «посещения»)
  // and the left part is no word elsewhere nor the start of one («взаимопо…»). Both halves of a compound are
  // whole words: the left one is written elsewhere, or inflected («педагог-|психолог»: «педагога»), or the
  // right one ends no other word («учителей-|предметников», «школ-|партнёров» and 60 more line-end compounds
  // of the test documents and held-out sets keep their hyphen).
  return (
    right.length >= 4 && vocab.hasLongerEnding(right) && vocab.count(left) <= 1 && !vocab.beginsLonger(left)
  );
}

const ENDINGS = 'ого|ому|ыми|ых|ым|ая|ое|ые|ую|ий|ой';
const SPLIT_ENDING = new RegExp(`([А-Яа-яЁё]{3,}[бвгджзклмнпрстфхцчшщ]) (${ENDINGS})(?![а-яё])`, 'g');

/**
 * One line of clean text: hyphenated line ends joined («профес-\nсиональный» → «профессиональный» when the
 * document knows the word, «учителей-\nпредметников» keeps its hyphen), soft hyphens and zero-width
 * characters removed, a word ending split off by a narrow column rejoined («профессиональн ого» when the
 * document has «профессионального»), runs of whitespace made one space, no space before , ; : ) and after (.
 */
export function normalizeText(text: string, vocab: Vocabulary = EMPTY_VOCABULARY): string {
  let s = text
    .replace(/\r\n?/g, '\n')
    // A soft hyphen at a line end is a discretionary break: the word goes on without the hyphen.
    .replace(/(\p{L})\u00ad[-‐]?[ \t]*\n[ \t\n]*(?=\p{Ll})/gu, '$1')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u00a0\u2007\u202f\t\v\f]/g, ' ');
  if (s.includes('\n')) {
    s = s.replace(/([А-Яа-яЁё]+)[-‐] *\n[ \n]*(?=[а-яё])/g, (m, left: string, offset: number) => {
      const rest = s.slice(offset + m.length);
      return isBrokenWord(left, rest, vocab) ? left : `${left}-`;
    });
  }
  s = s.replace(/\s+/g, ' ').trim();
  s = s.replace(SPLIT_ENDING, (m, stem: string, ending: string) =>
    vocab.has(stem + ending) ? stem + ending : m,
  );
  return s.replace(/ ([,;:!?)])/g, '$1').replace(/\( /g, '(');
}

/**
 * Joins the text of a row broken by a page break to its beginning: with a space, or without one when the
 * break cut a word («…профессиональн» + «ого образования»), or without the hyphen of a hyphenated word.
 */
export function joinText(a: string, b: string, vocab: Vocabulary = EMPTY_VOCABULARY): string {
  if (!a) return b;
  if (!b) return a;
  const overlap = overlapJoin(a, b);
  if (overlap) return overlap;
  if (/\p{L}\u00ad[-‐]?$/u.test(a) && /^\p{Ll}/u.test(b)) return a.replace(/\u00ad[-‐]?$/, '') + b;
  if (/[-‐]$/.test(a) && /^[а-яё]/.test(b)) {
    return isBrokenWord(a.slice(0, -1), b, vocab) ? a.slice(0, -1) + b : a + b;
  }
  const stem = /([А-Яа-яЁё]{3,}[бвгджзклмнпрстфхцчшщ])$/.exec(a)?.[1];
  const ending = new RegExp(`^(${ENDINGS})(?![а-яё])`).exec(b)?.[1];
  if (stem && ending && vocab.has(stem + ending)) return a + b;
  return normalizeText(`${a} ${b}`, vocab);
}

/**
 * A copy from a PDF sometimes repeats the end of a cell at the start of its continuation: «…общего и
 * профессионального образования)» + «ого образования, ЦНППМ), …». The repeated piece is kept once.
 */
function overlapJoin(a: string, b: string): string | null {
  if (!/^[а-яё]/.test(b)) return null;
  const tail = a.replace(/[\s).,;:»"]+$/, '');
  const words = b.split(' ');
  for (let n = Math.min(words.length, 6); n >= 2; n--) {
    const piece = words
      .slice(0, n)
      .join(' ')
      .replace(/[\s).,;:»"]+$/, '');
    if (piece.length >= 10 && tail.endsWith(piece)) return a.slice(0, tail.length - piece.length) + b;
  }
  return null;
}

/** The first letter decides: a lower-case start, a bracket, a dash or a comma continue the text above. */
export function looksLikeContinuation(text: string): boolean {
  const t = text.trim();
  if (!t) return false;
  if (/^[-–—•·●◦▪,;:)(]/.test(t)) return true;
  const first = t.replace(/^[«"'„“\s]+/, '').charAt(0);
  return /\p{L}/u.test(first) && first === first.toLowerCase() && first !== first.toUpperCase();
}
