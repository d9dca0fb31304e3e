// Reads the deadline wording of roadmap items («Февраль – март 2023 г.», «1 квартал 2023»,
// «Ежегодно до 10.09.») into a period. The original text is always kept by the caller.

export type Recurrence = 'monthly' | 'quarterly' | 'yearly' | 'throughout' | 'on-schedule';

export type ParsedDeadline = {
  from: string | null; // 'YYYY-MM'
  to: string | null; // 'YYYY-MM'
  date: string | null; // 'YYYY-MM-DD' when an exact last day is written
  recurrence: Recurrence | null;
  understood: boolean; // false when nothing could be read from a non-empty text
};

export type RoadmapPeriod = { periodKind: 'school_year' | 'calendar_year'; periodYear: number };

/** Month names, January first: nominative, genitive, prepositional. */
const MONTH_FORMS = [
  ['январь', 'января', 'январе'],
  ['февраль', 'февраля', 'феврале'],
  ['март', 'марта', 'марте'],
  ['апрель', 'апреля', 'апреле'],
  ['май', 'мая', 'мае'],
  ['июнь', 'июня', 'июне'],
  ['июль', 'июля', 'июле'],
  ['август', 'августа', 'августе'],
  ['сентябрь', 'сентября', 'сентябре'],
  ['октябрь', 'октября', 'октябре'],
  ['ноябрь', 'ноября', 'ноябре'],
  ['декабрь', 'декабря', 'декабре'],
] as const;
const MONTHS = new Map<string, number>(
  MONTH_FORMS.flatMap((forms, i) => forms.map((f) => [f, i + 1] as const)),
);

/** Most specific first: «ежемесячно в течение года» is monthly. */
const RECURRENCE_WORDS: readonly (readonly [RegExp, Recurrence])[] = [
  [/^ежемесячн/, 'monthly'],
  [/^ежекварталь/, 'quarterly'],
  [/^ежегодн/, 'yearly'],
  [/^(график|план)(а|у|ом|ам|ами)?$/, 'on-schedule'],
  [/^(течени|постоянн|круглогодичн|регулярн|ежедневн|еженедельн)/, 'throughout'],
];

const ROMAN = new Map(Object.entries({ i: 1, ii: 2, iii: 3, iv: 4 }));
const ORDINAL_WORDS: readonly (readonly [RegExp, number])[] = [
  [/^перв/, 1],
  [/^втор/, 2],
  [/^трет/, 3],
  [/^четверт(?!(ь|и|ью|ей|ям|ями|ях)$)/, 4],
];
const QUARTER_WORD = /^кв(артал[а-я]*)?$/;
/** A school term («II четверть», «по итогам четверти»): a noun form, not the ordinal «четвёртый». */
const TERM_WORD = /^четверт(ь|и|ью|ей|ям|ями|ях)$/;
/** The months of the school terms: I September–October, II November–December, III January–March, IV April–May. */
const TERM_MONTHS: Record<number, readonly [number, number]> = {
  1: [9, 10],
  2: [11, 12],
  3: [1, 3],
  4: [4, 5],
};
const HALF_WORD = /^полугод/;
const SCHOOL_WORD = /^уч(ебн[а-я]*)?$/;
const END_WORD = /^(конц|конец|окончани)/;

type Token =
  | { kind: 'date'; day: number; month: number; year: number | null }
  | { kind: 'num'; value: number }
  | { kind: 'word' | 'punct'; text: string };

const TOKEN = /(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2}))?|\d+|[a-zа-я]+|[-,()]/g;

function tokenize(text: string): Token[] {
  const normalized = text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replaceAll('і', 'i') // Cyrillic «І» typed for a Roman one
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/(\d)-?(?:ый|ой|й|го|ое|е|м|ом)(?![а-я])/g, '$1'); // «1-й квартал», «2-е полугодие»
  return [...normalized.matchAll(TOKEN)].map(([s, day, month, year]): Token => {
    if (day !== undefined && month !== undefined) {
      const y = year === undefined ? null : Number(year) + (year.length === 2 ? 2000 : 0);
      return { kind: 'date', day: Number(day), month: Number(month), year: y };
    }
    if (/^\d/.test(s)) return { kind: 'num', value: Number(s) };
    return { kind: /^[-,()]$/.test(s) ? 'punct' : 'word', text: s };
  });
}

const isPunct = (tok: Token | undefined, text: string): boolean => tok?.kind === 'punct' && tok.text === text;
const isWord = (tok: Token | undefined, re: RegExp): boolean => tok?.kind === 'word' && re.test(tok.text);
const monthOf = (tok: Token | undefined): number | undefined =>
  tok?.kind === 'word' ? MONTHS.get(tok.text) : undefined;

function ordinalOf(tok: Token | undefined): number | null {
  if (tok?.kind === 'num') return tok.value >= 1 && tok.value <= 4 ? tok.value : null;
  if (tok?.kind !== 'word') return null;
  return ROMAN.get(tok.text) ?? ORDINAL_WORDS.find(([re]) => re.test(tok.text))?.[1] ?? null;
}

type Until = 'before' | 'through' | null;
/** `school`: `year` is the first year of a school year (Sept–Aug), as in «2022-2023 уч. года». */
type YearCtx = { year: number; school: boolean };
type Item = {
  unit: 'month' | 'quarter' | 'half' | 'term' | 'year';
  n: number; // month 1–12, quarter or school term 1–4, half 1–2; unused for a year
  day: number | null;
  ctx: YearCtx | null; // null: no year written, the roadmap period decides
  until: Until;
  borrowed: boolean; // took its year from a later word, as «февраль» in «февраль – март 2023»
};

function readItems(toks: Token[], spansAreSchoolYears: boolean): Item[] {
  const items: Item[] = [];
  let pending: Item[] = []; // items written before their year
  let until: Until = null;
  const add = (unit: Item['unit'], n: number, day: number | null = null, ctx: YearCtx | null = null) => {
    const item: Item = { unit, n, day, ctx, until, borrowed: false };
    until = null;
    items.push(item);
    if (!ctx) pending.push(item);
  };

  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i];
    const next = toks[i + 1];
    const nextMonth = monthOf(next);
    if (!tok) continue;
    if (tok.kind === 'date') {
      if (tok.month >= 1 && tok.month <= 12 && tok.day >= 1) {
        add('month', tok.month, tok.day, tok.year === null ? null : { year: tok.year, school: false });
      }
    } else if (tok.kind === 'num' && tok.value >= 1990 && tok.value <= 2099) {
      const after = toks[i + 2];
      const span =
        spansAreSchoolYears && isPunct(next, '-') && after?.kind === 'num' && after.value === tok.value + 1;
      if (span) i += 2;
      const ctx = { year: tok.value, school: span };
      if (pending.length === 0) add('year', 0, null, ctx);
      pending.forEach((item, k) => {
        item.ctx = ctx;
        item.borrowed = !span && k < pending.length - 1;
      });
      pending = [];
    } else if (tok.kind === 'num' && nextMonth !== undefined) {
      if (tok.value >= 1) add('month', nextMonth, tok.value);
      i++;
    } else if (ordinalOf(tok) !== null) {
      // «2 квартал», «I-II квартал», «1, 2 полугодие»: numbers first, then the unit word.
      const ords: number[] = [];
      let j = i;
      for (let n = ordinalOf(toks[j]); n !== null; n = ordinalOf(toks[j])) {
        ords.push(n);
        const joined = isPunct(toks[j + 1], '-') || isPunct(toks[j + 1], ',');
        j += joined && ordinalOf(toks[j + 2]) !== null ? 2 : 1;
      }
      const unit = isWord(toks[j], QUARTER_WORD)
        ? 'quarter'
        : isWord(toks[j], HALF_WORD)
          ? 'half'
          : isWord(toks[j], TERM_WORD)
            ? 'term'
            : null;
      if (unit) {
        // «1 квартал (февраль) 2023»: the month in brackets is the real deadline.
        if (!isPunct(toks[j + 1], '(')) for (const n of ords) if (unit !== 'half' || n <= 2) add(unit, n);
        i = j;
      }
    } else if (tok.kind === 'word') {
      const month = MONTHS.get(tok.text);
      if (month !== undefined) add('month', month);
      else if (tok.text === 'до' || tok.text === 'позднее') until = 'before';
      else if (until === 'before' && END_WORD.test(tok.text)) until = 'through';
    }
  }
  return items;
}

// Months are counted as year * 12 + (month - 1), so ranges are plain integer arithmetic.
const ym = (idx: number): string => `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
const ymd = (idx: number, day: number): string => `${ym(idx)}-${String(day).padStart(2, '0')}`;
const ymIndex = (s: string): number => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
const daysIn = (idx: number): number =>
  new Date(Date.UTC(Math.floor(idx / 12), (idx % 12) + 1, 0)).getUTCDate();

type Point = { from: number | null; to: number; day: number | null; borrowed: boolean };

function resolve(item: Item, period: RoadmapPeriod): Point | null {
  const ctx = item.ctx ?? { year: period.periodYear, school: period.periodKind === 'school_year' };
  // In a school year, September–December belong to its first calendar year, January–August to the next.
  const monthIdx = (m: number) => (ctx.school && m < 9 ? ctx.year + 1 : ctx.year) * 12 + m - 1;
  let from: number;
  let to: number;
  if (item.unit === 'month') [from, to] = [monthIdx(item.n), monthIdx(item.n)];
  else if (item.unit === 'quarter') [from, to] = [monthIdx(item.n * 3 - 2), monthIdx(item.n * 3 - 2) + 2];
  else if (item.unit === 'term') {
    const [first, last] = TERM_MONTHS[item.n] ?? [9, 5];
    [from, to] = [monthIdx(first), monthIdx(last)];
  } else if (item.unit === 'year')
    [from, to] = [monthIdx(ctx.school ? 9 : 1), monthIdx(ctx.school ? 9 : 1) + 11];
  else if (ctx.school) [from, to] = item.n === 1 ? [monthIdx(9), monthIdx(12)] : [monthIdx(1), monthIdx(8)];
  else [from, to] = [ctx.year * 12 + (item.n - 1) * 6, ctx.year * 12 + (item.n - 1) * 6 + 5];

  if (item.day !== null && item.day > daysIn(to)) return null;
  if (item.until === null) return { from, to, day: item.day, borrowed: item.borrowed };
  // «до января» ends in December; «до 10.09» and «до конца января» keep their own month.
  const end = item.until === 'before' && item.day === null ? from - 1 : to;
  return { from: null, to: end, day: item.day, borrowed: item.borrowed };
}

/**
 * «1 раз в четверть», «по итогам четверти», «каждую четверть»: a school term named without its number recurs
 * every term — quarterly, as «ежеквартально» («II четверть» is one term, read as months by readItems).
 */
function termRecurrence(toks: Token[]): Recurrence | null {
  return toks.some(
    (t, i) => isWord(t, TERM_WORD) && ordinalOf(toks[i - 1]) === null && !isPunct(toks[i - 1], '-'),
  )
    ? 'quarterly'
    : null;
}

export function periodBounds(period: RoadmapPeriod): { from: string; to: string } {
  const y = period.periodYear;
  return period.periodKind === 'school_year'
    ? { from: `${y}-09`, to: `${y + 1}-08` }
    : { from: `${y}-01`, to: `${y}-12` };
}

export function parseDeadline(text: string | null | undefined, period: RoadmapPeriod): ParsedDeadline {
  const none: ParsedDeadline = { from: null, to: null, date: null, recurrence: null, understood: false };
  if (!text?.trim()) return none;
  const toks = tokenize(text);
  const words = toks.flatMap((t) => (t.kind === 'word' ? [t.text] : []));
  const recurrence =
    RECURRENCE_WORDS.find(([re]) => words.some((w) => re.test(w)))?.[1] ?? termRecurrence(toks);
  const schoolYear = words.some((w) => SCHOOL_WORD.test(w));

  const items = readItems(toks, schoolYear || period.periodKind === 'school_year');
  const points = items.flatMap((item) => resolve(item, period) ?? []);
  if (points.length === 0) {
    if (recurrence === null && !schoolYear) return none;
    const whole = schoolYear || recurrence === 'throughout';
    const bounds = periodBounds(period);
    return {
      ...none,
      from: whole ? bounds.from : null,
      to: whole ? bounds.to : null,
      recurrence,
      understood: true,
    };
  }

  // «сентябрь – май 2023»: September took 2023 from the end but must come before May.
  points.forEach((p, k) => {
    const q = points[k + 1];
    if (p.borrowed && q && p.to > q.to) {
      p.to -= 12;
      if (p.from !== null) p.from -= 12;
    }
  });
  const to = Math.max(...points.map((p) => p.to));
  const froms = points.flatMap((p) => (p.from === null ? [] : [p.from]));
  const last = points.filter((p) => p.to === to);
  const days = last.flatMap((p) => (p.day === null ? [] : [p.day]));
  return {
    from: froms.length > 0 ? ym(Math.min(...froms)) : null,
    to: ym(to),
    date: days.length === last.length ? ymd(to, Math.max(...days)) : null,
    recurrence,
    understood: true,
  };
}

/** Last day on which an item may be done: `date`, else the last day of `to`, else the period's end. */
export function dueDateOf(parsed: ParsedDeadline, period: RoadmapPeriod): string {
  if (parsed.date) return parsed.date;
  const idx = ymIndex(parsed.to ?? periodBounds(period).to);
  return ymd(idx, daysIn(idx));
}
