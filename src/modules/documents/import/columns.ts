// What a column of a roadmap table means, by its header. Real documents name the same column in many
// ways («Сроки» / «Сроки исполнения (месяц, год)» / «Срок реализации» …); the first words decide, then any
// word of the header. A header row is a row where the measure column and at least one more are recognised.

export type ColumnMeaning =
  | 'number'
  | 'level'
  | 'measure'
  | 'direction'
  | 'description'
  | 'deadline'
  | 'responsible'
  | 'indicator';

/**
 * `covered`: a grid column under a header cell spanning several (its text repeats the spanning one).
 * `described`: a known column that goes to the description under its own header («Базовое значение (2025): 29»,
 * «Источник финансирования: …»), without the «not recognised» warning and without empty «—» values.
 */
export type Column = {
  header: string;
  meaning: ColumnMeaning | null;
  covered?: boolean;
  described?: boolean;
  /** A sub-column «начало» / «окончание» under one «Срок…» header: the two are one period «начало – окончание». */
  range?: 'start' | 'end';
};

/** «Начало», «Срок начала», «Плановая дата начала реализации» — not «Значение на начало года». */
const PAIR_WHAT = '(?:\\s+(?:реализации|исполнения|проведения|выполнения|работ|работы|мероприятия))?$';
const PAIR_HEAD = '^(?:(?:планов|фактическ)\\S*\\s+)?(?:(?:срок|сроки|дата|время)\\s+)?';
const PAIR_START = new RegExp(`${PAIR_HEAD}начал[оа]${PAIR_WHAT}`);
const PAIR_END = new RegExp(`${PAIR_HEAD}(?:окончани[ея]|завершени[ея]|конец)${PAIR_WHAT}`);

/**
 * Two labels under a spanning «Срок…» that name the start and the end of one period: «начало | окончание»,
 * «с | по», «от | до», and the pair's own words («Срок начала | Срок завершения», held-out set 18).
 */
export function namesPeriod(start: string | undefined, end: string | undefined): boolean {
  const label = (t: string | undefined) => normalizeHeader((t ?? '').replace(/-\s*/g, ''));
  const [a, b] = [label(start), label(end)];
  return (/^(с|от)$/.test(a) || PAIR_START.test(a)) && (/^(по|до)$/.test(b) || PAIR_END.test(b));
}

/**
 * «Срок исполнения» spanning «начало | окончание»: the two deadline sub-columns are marked as the start and the
 * end of one period. `top` are the texts of the spanning header row, `sub` the labels under them.
 */
export function markDeadlineRange(columns: Column[], top: string[], sub: string[]): Column[] {
  const out = columns.map((c) => ({ ...c }));
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i] as Column;
    const b = out[i + 1] as Column;
    if (a.meaning !== 'deadline' || b.meaning !== 'deadline') continue;
    if (!top[i]?.trim() || top[i]?.trim() !== top[i + 1]?.trim()) continue;
    if (!namesPeriod(sub[i], sub[i + 1])) continue;
    a.range = 'start';
    b.range = 'end';
  }
  return out;
}

/**
 * «Срок начала | Срок окончания», «Дата начала | Дата окончания», «Начало | Окончание» side by side in one
 * header row: one period «начало – окончание», as the same pair under a spanning «Срок…» (markDeadlineRange).
 * A bare «Начало» names no column by itself; next to «Окончание» it is a deadline. «Срок начала | Срок отчёта»
 * stays two deadlines.
 */
function markDeadlinePair(columns: Column[]): void {
  for (let i = 0; i + 1 < columns.length; i++) {
    const a = columns[i] as Column;
    const b = columns[i + 1] as Column;
    const free = (c: Column) => c.meaning === null || c.meaning === 'deadline';
    if (!free(a) || !free(b) || a.range || b.range) continue;
    if (!PAIR_START.test(normalizeHeader(a.header)) || !PAIR_END.test(normalizeHeader(b.header))) continue;
    a.meaning = b.meaning = 'deadline';
    a.range = 'start';
    b.range = 'end';
  }
}

/** Header words → meaning; tried in this order on the header's beginning, then anywhere in it. */
const RULES: readonly (readonly [ColumnMeaning, RegExp])[] = [
  // «№ п.п.» reads «№ п п» once its dots are gone (held-out set 19).
  ['number', /^(№|n|no|номер|п\/п|№ ?п\/п|n ?п\/п|№ ?п\.п|пп|№ ?п ?п|п п)$/],
  ['level', /^(уровень управления|уровень реализации|уровень)(?![а-я])/],
  // «Планируемые сроки», «Контрольные сроки»: an adjective before «срок» does not make it a result.
  ['deadline', /^([а-я]+(ые|ый|ая|ой|ие) )?(срок|сроки|дата|даты|период|периодичность|время|когда|месяц)/],
  ['responsible', /^(ответствен|исполнител|соисполнител|кто )/],
  [
    'description',
    /^(описание|целевая аудитория|целевые группы|участник|категори|специфика|форм[аы] (проведени|работ|участи|организаци))/,
  ],
  [
    'indicator',
    /^(показател|индикатор|индикативн|результат|ожидаем|управленческ\S* решени\S*\s*\/|форм[аы] |отчетн|итогов|планируем|контрольн|продукт|выход|что (получим|получаем|получится|должно получиться)|документ|механизм|способ контрол|критери|целев\S* (показател|индикатор|значени)|эффект)/,
  ],
  [
    'measure',
    /^(мероприяти|меры|мера|наименование|содержание|действи|вид(ы)? (работ|деятельност)|деятельность|что (делаем|делать|сделать|будем делать)|название|мероприятие\/)/,
  ],
  ['direction', /^(направлени|задач|раздел)/],
];
const ANYWHERE: readonly (readonly [ColumnMeaning, RegExp])[] = [
  ['measure', /мероприяти/],
  ['deadline', /(^|[^а-я])срок/],
  ['responsible', /ответствен|исполнител/],
  ['indicator', /показател|индикатор|результат|критери|итоговый документ|продукт/],
  ['level', /уровень управлен/],
  ['description', /описание|аудитори|участник/],
];

export function normalizeHeader(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[«»"'.,:;()]/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
}

export function columnMeaning(header: string): ColumnMeaning | null {
  if (header.length > 150) return null;
  const h = normalizeHeader(header);
  if (!h || h.length > 120) return null;
  const known = meaningOf(h);
  if (known) return known;
  // A word broken in a narrow header cell («Исполни-/тели», copied as «Исполни- тели»): the word joined.
  const joined = h.replace(/(\p{L})-\s*(\p{Ll})/gu, '$1$2');
  return joined === h ? null : meaningOf(joined);
}

function meaningOf(h: string): ColumnMeaning | null {
  for (const [meaning, re] of RULES) if (re.test(h)) return meaning;
  for (const [meaning, re] of ANYWHERE) if (re.test(h)) return meaning;
  return null;
}

/**
 * The columns of a header row, or null when the row is not a header. A second measure-like column turns
 * the first into `direction` («Направление | Мероприятие | …»); a lone `direction` column is the measure.
 */
export function readHeader(texts: string[]): Column[] | null {
  if (texts.length < 2 || texts.length > 30) return null;
  // A data row that mentions «мероприятия» and «сроки» is not a header: headers are short.
  if (texts.some((t) => t.length > 150)) return null;
  const columns: Column[] = texts.map((header) => ({ header, meaning: columnMeaning(header) }));
  const measures = columns.filter((c) => c.meaning === 'measure');
  const directions = columns.filter((c) => c.meaning === 'direction');
  if (measures.length === 0 && directions[0]) directions[0].meaning = 'measure';
  else if (new Set(measures.map((c) => normalizeHeader(c.header))).size > 1) {
    // «Направление деятельности | Наименование мероприятия»: the one naming measures wins.
    const main = measures.find((c) => /мероприяти/.test(normalizeHeader(c.header))) ?? measures.at(-1);
    const mainHeader = normalizeHeader(main?.header ?? '');
    for (const c of measures) if (normalizeHeader(c.header) !== mainHeader) c.meaning = 'direction';
  }
  markDeadlinePair(columns);
  const recognised = columns.filter((c) => c.meaning !== null && c.meaning !== 'number');
  const hasMeasure = columns.some((c) => c.meaning === 'measure');
  const others = recognised.filter((c) => c.meaning !== 'measure').length;
  if (!hasMeasure || others < 1) return null;
  if (texts.some((t) => /^\d+(\.\d+)*\.?$/.test(t.trim()))) return null;
  // «Раздел 1. …», «Направление 2. …»: a section title (numbered or with its words), not a column's name.
  if (texts.some(isSectionHeading)) return null;
  const filled = columns.filter((c) => c.header.trim());
  if (recognised.length + columns.filter((c) => c.meaning === 'number').length < filled.length / 2)
    return null;
  keepResultAsIndicator(columns);
  describeValues(columns);
  return columns;
}

/**
 * «Раздел 1. Нормативное обеспечение», «Направление II: …», «Блок 3 …»: a section row of the table, even when it
 * names words of a column («Направление») — a column's name has no number after it.
 */
export function isSectionHeading(text: string): boolean {
  return /^(раздел|направление|блок|часть|этап|модуль)\s+(\d{1,2}|[ivxlcіх]{1,7})(?![\p{L}\d])/iu.test(
    text.trim(),
  );
}

/** What proves a measure done, from the most to the least result-like: the product, then the form of the report. */
const PRODUCT = /^(итогов|продукт|документ)/;
const REPORT_FORM = /^(форм[аы] |отчетн)/;

/**
 * «Ожидаемый результат» and «Форма отчётности» in one table: the result (what changes) is the indicator;
 * the form of the report (which paper proves it) goes into the description under its own header, as any
 * other column. So does the form beside a «Продукт» (held-out set 19): the product is the result then. Two
 * result-like columns («Показатель» and «Индикатор») stay joined.
 */
function keepResultAsIndicator(columns: Column[]): void {
  const indicators = columns.filter((c) => c.meaning === 'indicator');
  const tier = (c: Column) => {
    const h = normalizeHeader(c.header);
    return REPORT_FORM.test(h) ? 2 : PRODUCT.test(h) ? 1 : 0;
  };
  const best = Math.min(...indicators.map(tier));
  for (const c of indicators) if (tier(c) > best) c.meaning = null;
}

/** «Базовое значение (2025)», «Целевое значение (2027)», «Плановое значение», «Значение показателя на 2027 год». */
const INDICATOR_VALUE =
  /^((базов|целев|планов|фактическ|исходн|ожидаем)\S* значени|значени\S* (целевого |базового )?(показател|индикатор))/;
const FINANCING = /^(источник\S* финансир|финансирован|объем финансир)/;

/**
 * A text indicator («Показатель») with value columns beside it («Базовое значение (2025)», «Целевое значение
 * (2027)»): the values are not the indicator — they go to the description as «<header>: <value>», as does
 * «Источник финансирования». A table whose only indicator-like column is a value keeps it as the indicator.
 */
function describeValues(columns: Column[]): void {
  for (const c of columns) {
    if (c.meaning === null && FINANCING.test(normalizeHeader(c.header))) c.described = true;
  }
  const values = columns.filter(
    (c) =>
      (c.meaning === 'indicator' || c.meaning === null) && INDICATOR_VALUE.test(normalizeHeader(c.header)),
  );
  const text = columns.some(
    (c) => c.meaning === 'indicator' && !INDICATOR_VALUE.test(normalizeHeader(c.header)),
  );
  if (!text) return;
  for (const c of values) {
    c.meaning = null;
    c.described = true;
  }
}

export const MEANING_LABELS: Record<ColumnMeaning, string> = {
  number: '№',
  level: 'Уровень управления',
  measure: 'Мероприятие',
  direction: 'Направление',
  description: 'Описание',
  deadline: 'Сроки',
  responsible: 'Ответственные',
  indicator: 'Показатель',
};
