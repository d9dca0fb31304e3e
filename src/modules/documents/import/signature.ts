import type { Column } from './columns.js';
import { looksLikeDeadline } from './realign.js';
import type { RowBlock } from './types.js';

// Lines that end a roadmap: the signature of the official who approved or prepared it («Начальник
// управления образования ____ И.И. Иванов») and the contact of the executor («Исполнитель: …, тел. …»).
// Whatever follows them is not a row of the table.

const POSITION =
  /^(начальник|директор|заместитель|руководитель|глава|председатель|заведующ|министр|исполняющий обязанности|и\.\s?о\.)/i;
const NAME = /([А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(-[А-ЯЁ][а-яё]+)?|[А-ЯЁ][а-яё]+\s[А-ЯЁ]\.\s?[А-ЯЁ]\.)\s*$/;
/** A name alone after the line for the signature: «____________ О. Н. Петрова». */
const NAME_ALONE = new RegExp(`^${NAME.source}`);
const CONTACT = /^(исп\.|исполнитель\s*:|исполнитель\s+[А-ЯЁ]).*(тел|\d{2}-\d{2})/i;

/** A signature or an executor's contact line (text of a paragraph, or a row's cells joined). */
export function isSignatureLine(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t || t.length > 250) return false;
  if (CONTACT.test(t)) return true;
  if (!POSITION.test(t)) return false;
  return NAME.test(t) || /_{3,}/.test(t);
}

/**
 * A sheet attached after the roadmap («ЛИСТ СОГЛАСОВАНИЯ», «Лист ознакомления», «Лист рассылки») or the stamp of
 * an electronic signature («ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ»): the roadmap's table is over.
 */
export function isAfterRoadmap(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  return SHEET.test(t) || E_SIGNED.test(t);
}

const SHEET = /^лист (согласования|ознакомления|рассылки|визирования|регистрации изменений)(?![а-яё])/i;
const E_SIGNED = /^документ подписан (усиленной )?(квалифицированной )?(электронной|цифровой) подписью/i;
/** The heading alone, or followed by what it is attached to: «Лист согласования к приказу от … № …». */
const SHEET_ALONE =
  /^лист (согласования|ознакомления|рассылки|визирования|регистрации изменений)((\s+[^\s]+){0,4}\s+к\s+(приказу|распоряжению|постановлению)(?![а-яё]).*)?[.:]?$/i;

/**
 * A table row that ends the roadmap: its only filled cell is the sheet's heading and nothing else (optionally
 * «… к приказу …»), or the stamp of an electronic signature. A measure that names such a sheet («Лист
 * ознакомления педагогов с дорожной картой | сентябрь | заместитель директора») is a row of the table.
 */
export function isAfterRoadmapRow(b: RowBlock): boolean {
  const filled = b.cells.map((c) => c.text.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const only = filled.length === 1 ? filled[0] : undefined;
  return only !== undefined && (SHEET_ALONE.test(only) || E_SIGNED.test(only));
}

/** «Продолжение таблицы», «Продолжение приложения 1», «Окончание табл. 2»: a clerk's mark over a continued table. */
export function isContinuationMark(text: string): boolean {
  return /^(продолжение|окончание) (таблицы|табл\.|приложения)( (№ ?)?\d{1,2})?\.?$/i.test(
    text.replace(/\s+/g, ' ').trim(),
  );
}

/** A page number alone on a line of a copied document: «2», «- 2 -», «Страница 2 из 5». */
export function isPageNumber(text: string): boolean {
  return /^([-–—]\s*)?\d{1,3}(\s*[-–—])?$|^(стр\.?|страница)\s*\d{1,3}(\s*из\s*\d{1,3})?$/i.test(text.trim());
}

/**
 * A row «Начальник управления | ____ | И.И. Иванов» (a signature typed as a table, or the signature row of a
 * sheet printed with its table: «Начальник отдела | | ____________ О. Н. Петрова»): no deadline in it. A cell
 * opening with the line for the signature is left out (««__» ______ 2024 г.» is the date of the signature), but
 * the name written after that line («____ О. Н. Петрова») is kept.
 */
export function isSignatureRow(b: RowBlock, columns?: Column[]): boolean {
  const texts = b.cells.map((c) => c.text.trim()).filter(Boolean);
  // ««__» ______ 2024 г.» next to the name is the date of the signature, not a deadline.
  const dated = texts.some((t) => !/_{2,}/.test(t) && looksLikeDeadline(t));
  if (texts.length > 4 || dated) return false;
  if (columns && onlyUnderResponsible(b, columns) && !texts.some((t) => /_{3,}/.test(t))) return false;
  const kept = texts.flatMap((t) => {
    if (!/^[«"]?_/.test(t)) return [t];
    const name = t.replace(/^[«»"_\s]+/, '');
    return NAME_ALONE.test(name) ? [name] : [];
  });
  return isSignatureLine(kept.join(' '));
}

/**
 * Every filled cell of the row stands under «Ответственный»: «Начальник управления образования И. О. Петров»
 * there is the executor of a measure whose row was broken by a page, not a signature under the table.
 */
function onlyUnderResponsible(b: RowBlock, columns: Column[]): boolean {
  let at = 0;
  let filled = 0;
  for (const c of b.cells) {
    const span = c.span ?? 1;
    if (c.text.trim()) {
      if (span !== 1 || columns[at]?.meaning !== 'responsible') return false;
      filled++;
    }
    at += span;
  }
  return filled > 0 && at === columns.length;
}
