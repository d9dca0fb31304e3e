import { continuesTitle } from './title.js';
import type { ImportedApproval, ImportPeriodKind, ImportRoadmapKind } from './types.js';

// What the text around a table says about its roadmap: the title, the period, the approving order.

export type Para = { text: string; bold: boolean; location: string };

// ---------- Title ----------

const TITLE_START =
  /^(дорожн[а-я]* карт|план(?![а-я])|план-график|комплекс[а-я]* (мер|план)|перечень мероприятий|мероприятия по|программа(?![а-я])|(муниципальн|региональн|школьн|антирисков|среднесрочн|целев)[а-я]* (дорожн|план|программ))/;
const NOT_TITLE = /^(об утверждении|утвердить|утверждаю|утвержден|приложени|согласован|\d+[.)])/;

/** A table caption before the title («Таблица 1 – План мероприятий…»): not part of the roadmap's name. */
const CAPTION = /^таблица\s*(№\s*)?\d+(\.\d+)*\.?\s*[–—.:-]\s*/i;
const withoutCaption = (t: string) => t.trim().replace(CAPTION, '');

const plain = (t: string) =>
  withoutCaption(t)
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/^[«"„\s]+/, '');

export function isTitleLike(p: Para): boolean {
  const t = plain(p.text);
  return TITLE_START.test(t) && !NOT_TITLE.test(t) && p.text.length <= 1000;
}

/** Paragraphs that say a new roadmap starts (not just a page break inside the same table). */
export function startsNewRoadmap(p: Para): boolean {
  const t = plain(p.text);
  if (isTitleLike(p) || /^(приложени|утвержден|утверждаю)/.test(t)) return true;
  return p.bold && p.text.split(/\s+/).length >= 3 && !/:$/.test(p.text.trim());
}

const isApprovalLine = (p: Para) => /^(приложени|утвержд|согласован|приказ|п р и к а з)/i.test(p.text.trim());

/**
 * The title: the paragraph closest above the table that starts like one («Дорожная карта…», «План
 * мероприятий…»), bold ones first, with the lines that continue it («Дорожная карта» + «по направлению…»).
 */
export function readTitle(paras: Para[]): string | null {
  const candidates = paras.map((p, i) => ({ p, i })).filter(({ p }) => isTitleLike(p));
  const chosen = candidates.filter(({ p }) => p.bold).pop() ?? candidates.pop();
  if (chosen) {
    let title = withoutCaption(chosen.p.text).trim();
    for (let j = chosen.i + 1, added = 0; j < paras.length && added < 4; j++, added++) {
      const q = paras[j];
      if (!q || isApprovalLine(q) || q.text.length > 600) break;
      if (!continuesTitle(title, q.text, q.bold === chosen.p.bold, title.length < 40)) break;
      title = `${title} ${q.text.trim()}`;
    }
    return title.slice(0, 1000);
  }
  // No «Дорожная карта…»: the last bold paragraph of a few words that is not a heading like «Цели:».
  const bold = paras.filter(
    (p) => p.bold && p.text.split(/\s+/).length >= 3 && !/:$/.test(p.text.trim()) && !isApprovalLine(p),
  );
  return bold.pop()?.text.trim().slice(0, 1000) ?? null;
}

// ---------- Period ----------

export type Period = { kind: ImportPeriodKind; year: number; text: string; multiYear: boolean };

const SPAN = /(?<!\d)((?:19|20)\d{2})\s*[-–—/]\s*((?:19|20)?\d{2})(?![\d.])/g;
const SINGLE = /(?:^|[^\d.])((?:19|20)\d{2})\s*(?:год|году|года|г\.|гг)(?![а-я])/i;

function spanPeriod(m: RegExpExecArray): Period | null {
  const y1 = Number(m[1]);
  const raw = m[2] ?? '';
  const y2 = raw.length === 2 ? Math.floor(y1 / 100) * 100 + Number(raw) : Number(raw);
  if (y2 === y1 + 1) return { kind: 'school_year', year: y1, text: `${y1}-${y2}`, multiYear: false };
  if (y2 > y1 && y2 - y1 <= 10)
    return { kind: 'calendar_year', year: y1, text: `${y1}-${y2}`, multiYear: true };
  return null;
}

/**
 * In a title: «на 2022-2023 учебный год», «в 2022/2023 учебном году», «2022-23» → school year
 * «2022-2023»; «на 2023 год» → calendar year «2023»; «на 2022-2026 годы» → «2022-2026» (several years).
 */
export function periodInTitle(title: string): Period | null {
  for (const m of title.matchAll(SPAN)) {
    const p = spanPeriod(m);
    if (p) return p;
  }
  const single = SINGLE.exec(title);
  if (single?.[1]) {
    const y = Number(single[1]);
    return { kind: 'calendar_year', year: y, text: String(y), multiYear: false };
  }
  return null;
}

/** Near the table only an explicit «…учебный год» or «на 2023 год» counts, not any year in the text. */
export function periodInText(paras: Para[]): Period | null {
  for (const p of [...paras].reverse()) {
    if (isApprovalLine(p)) continue;
    for (const m of p.text.matchAll(SPAN)) {
      const after = p.text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 12);
      const p1 = spanPeriod(m);
      if (p1 && !p1.multiYear && /^\s*(гг?\.?\s*)?(уч|учебн)/i.test(after)) return p1;
    }
    const single = /(?:^|\s)(?:на|в)\s+((?:19|20)\d{2})\s*(?:год|году)(?![а-я])/i.exec(p.text);
    if (single?.[1]) {
      const y = Number(single[1]);
      return { kind: 'calendar_year', year: y, text: String(y), multiYear: false };
    }
  }
  return null;
}

// ---------- Approval ----------

const MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const DATE =
  '(?:«\\s*\\d{1,2}\\s*»\\s*(?:\\d{1,2}|[а-я]+)\\s*\\d{4}|"\\s*\\d{1,2}\\s*"\\s*(?:\\d{1,2}|[а-я]+)\\s*\\d{4}|\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}|\\d{1,2}\\s+[а-я]+\\s+\\d{4})';
const NUMBER = '(?:№|N|No)\\s*([0-9A-Za-zА-Яа-яЁё][0-9A-Za-zА-Яа-яЁё\\-/.]*)';
const ACT = '(?:приказ|постановлени|распоряжени|решени)[а-я]*';
const APPENDIX = new RegExp(
  `приложени[ея][^]{0,30}?к\\s+(${ACT})\\s+([^]{0,300}?)\\s*от\\s+(${DATE})\\s*(?:г\\.?|года)?\\s*(?:${NUMBER})?`,
  'gi',
);
const APPROVED = new RegExp(
  `утвержден[аоы]?\\s+(${ACT})\\s+([^]{0,300}?)\\s*от\\s+(${DATE})\\s*(?:г\\.?|года)?\\s*(?:${NUMBER})?`,
  'gi',
);
const ORDER_WORD =
  /^(п\s*р\s*и\s*к\s*а\s*з|р\s*а\s*с\s*п\s*о\s*р\s*я\s*ж\s*е\s*н\s*и\s*е|постановление|приказ)$/i;

/** «18.10.2022», ««18» 10 2022 г.», «18 октября 2022 г.» → '2022-10-18'. */
export function parseRuDate(text: string): string | null {
  const t = text.toLowerCase().replace(/[«»"]/g, ' ').replace(/\s+/g, ' ').trim();
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/.exec(t);
  let day: number;
  let month: number;
  let year: number;
  if (m?.[1] && m[2] && m[3]) {
    [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (year < 100) year += 2000;
  } else {
    m = /^(\d{1,2}) (\d{1,2}|[а-я]+) (\d{4})$/.exec(t);
    if (!m?.[1] || !m[2] || !m[3]) return null;
    day = Number(m[1]);
    month = /^\d+$/.test(m[2]) ? Number(m[2]) : MONTHS_GENITIVE.indexOf(m[2]) + 1;
    year = Number(m[3]);
  }
  const d = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || d.getUTCDate() !== day || year < 1990 || year > 2100) return null;
  return d.toISOString().slice(0, 10);
}

/** Genitive first words of the bodies that approve roadmaps → nominative. */
const NOMINATIVE: readonly (readonly [RegExp, string])[] = [
  [/^главного управления/i, 'Главное управление'],
  [/^муниципального казенного учреждения/i, 'Муниципальное казенное учреждение'],
  [/^муниципального казённого учреждения/i, 'Муниципальное казённое учреждение'],
  [/^муниципального учреждения/i, 'Муниципальное учреждение'],
  [/^департамента/i, 'Департамент'],
  [/^министерства/i, 'Министерство'],
  [/^управления/i, 'Управление'],
  [/^комитета/i, 'Комитет'],
  [/^отдела/i, 'Отдел'],
  [/^администрации/i, 'Администрация'],
  [/^правительства/i, 'Правительство'],
  [/^учреждения/i, 'Учреждение'],
  [/^центра/i, 'Центр'],
  [/^института/i, 'Институт'],
];

function nominative(body: string): string {
  for (const [re, word] of NOMINATIVE) if (re.test(body)) return body.replace(re, word);
  return body;
}

const isCaps = (t: string) => {
  const letters = t.replace(/[^А-Яа-яЁёA-Za-z]/g, '');
  return letters.length >= 4 && letters === letters.toUpperCase();
};

/** «ДЕПАРТАМЕНТ СМОЛЕНСКОЙ ОБЛАСТИ ПО ОБРАЗОВАНИЮ И НАУКЕ» → as the document writes it elsewhere. */
function recase(caps: string, documentText: string): string {
  const words = caps.trim().split(/\s+/);
  const [first = '', ...rest] = words;
  const head = first.charAt(0) + first.slice(1).toLowerCase();
  if (rest.length === 0) return head;
  const pattern = new RegExp(rest.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'i');
  const found = pattern.exec(documentText.replace(/\s+/g, ' '));
  if (found && !isCaps(found[0])) return `${head} ${found[0]}`;
  const cased = rest.map((w) => {
    const lower = w.toLowerCase();
    const capital = lower.charAt(0).toUpperCase() + lower.slice(1);
    const re = new RegExp(`(?<![.!?]\\s|[А-Яа-яЁё])${capital}(?![А-Яа-яЁё])`, 'u');
    return re.test(documentText) && lower.length > 3 ? capital : lower;
  });
  return [head, ...cased].join(' ');
}

function cleanBody(raw: string): string | null {
  const body = raw
    .replace(/\s+/g, ' ')
    .replace(/^[\s,:]+|[\s,:]+$/g, '')
    .trim();
  return body.length >= 3 && body.length <= 500 ? nominative(body) : null;
}

function cleanNumber(raw: string | undefined): string | null {
  const n = raw?.replace(/[.,;]+$/, '').trim();
  return n ? n : null;
}

export type ApprovalReading = { approval: ImportedApproval | null; orderNumber: string | null };

/** The order header of the document itself: «ДЕПАРТАМЕНТ … / П Р И К А З / «18» 10 2022 г. / № 859-098». */
export function readOrderHeader(paras: Para[], documentText: string): ImportedApproval | null {
  const at = paras.findIndex((p) => ORDER_WORD.test(p.text.trim()));
  if (at < 0) return null;
  const bodyParts: string[] = [];
  for (let k = at - 1; k >= 0 && k >= at - 3; k--) {
    const p = paras[k];
    if (!p || !isCaps(p.text)) break;
    bodyParts.unshift(p.text.trim());
  }
  const caps = bodyParts.join(' ');
  const body = caps ? nominative(recase(caps, documentText)) : null;
  let date: string | null = null;
  let orderNumber: string | null = null;
  for (const p of paras.slice(at + 1, at + 5)) {
    const d = new RegExp(DATE, 'i').exec(p.text);
    if (!date && d) date = parseRuDate(d[0].replace(/\s*г\.?$/, ''));
    const n = new RegExp(NUMBER).exec(p.text);
    if (!orderNumber && n) orderNumber = cleanNumber(n[1]);
  }
  if (!body && !date && !orderNumber) return null;
  return { body, orderNumber, date };
}

/**
 * The approval of one roadmap: «Приложение № 1 к приказу Департамента … от «18» 10 2022 г. № 859-07» or
 * «Утверждена приказом … от 18.10.2022 № 45» closest above the table; what it lacks comes from the order
 * header of the document (`order`).
 */
export function readApproval(paras: Para[], order: ImportedApproval | null): ImportedApproval | null {
  const text = paras.map((p) => p.text).join('\n');
  const matches = [...text.matchAll(APPENDIX), ...text.matchAll(APPROVED)].sort(
    (a, b) => (a.index ?? 0) - (b.index ?? 0),
  );
  const last = matches.pop();
  if (!last) return order;
  const body = cleanBody(last[2] ?? '');
  const date = parseRuDate((last[3] ?? '').replace(/\s*г\.?$/, ''));
  const orderNumber = cleanNumber(last[4]);
  return {
    body: body ?? order?.body ?? null,
    orderNumber: orderNumber ?? order?.orderNumber ?? null,
    date: date ?? order?.date ?? null,
  };
}

// ---------- Kind ----------

export function guessKind(title: string): ImportRoadmapKind {
  const t = title.toLowerCase().replaceAll('ё', 'е');
  if (/неуспешн/.test(t)) return 'failure_prevention';
  if (/зон[аеуы]? риска|риск[а-я]* снижени|рисками низких|шсрнр/.test(t)) return 'risk_zone';
  if (/низк[а-я]* (образовательн[а-я]* )?результат|шнор|шнро|500\+/.test(t)) return 'shnor_support';
  if (/неблагоприятн|шнсу/.test(t)) return 'shnsu';
  return 'other';
}
