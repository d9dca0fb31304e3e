// Lines that end a roadmap: the signature of the official who approved or prepared it («Начальник
// управления образования ____ И.И. Иванов») and the contact of the executor («Исполнитель: …, тел. …»).
// Whatever follows them is not a row of the table.

const POSITION =
  /^(начальник|директор|заместитель|руководитель|глава|председатель|заведующ|министр|исполняющий обязанности|и\.\s?о\.)/i;
const NAME = /([А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(-[А-ЯЁ][а-яё]+)?|[А-ЯЁ][а-яё]+\s[А-ЯЁ]\.\s?[А-ЯЁ]\.)\s*$/;
const CONTACT = /^(исп\.|исполнитель\s*:|исполнитель\s+[А-ЯЁ]).*(тел|\d{2}-\d{2})/i;

/** A signature or an executor's contact line (text of a paragraph, or a row's cells joined). */
export function isSignatureLine(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t || t.length > 250) return false;
  if (CONTACT.test(t)) return true;
  if (!POSITION.test(t)) return false;
  return NAME.test(t) || /_{3,}/.test(t);
}

/** A page number alone on a line of a copied document: «2», «- 2 -», «Страница 2 из 5». */
export function isPageNumber(text: string): boolean {
  return /^([-–—]\s*)?\d{1,3}(\s*[-–—])?$|^(стр\.?|страница)\s*\d{1,3}(\s*из\s*\d{1,3})?$/i.test(text.trim());
}
