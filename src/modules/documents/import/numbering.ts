// Numbers of sections and items as people write them: «1», «1.», «1.1», «4.1.», «1.1.1», «1)», «I», «II.»,
// «Раздел 2». Output numbers drop the closing dot or bracket: «4.1.» → «4.1», «II.» → «II».

export type ItemNumber = {
  /** As it goes to the result: «4.1», «II». */
  text: string;
  /** Numeric parts: «4.1» → [4, 1]; a Roman number → [its value]. */
  parts: number[];
  roman: boolean;
};

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

function romanValue(s: string): number | null {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i] ?? ''];
    const next = ROMAN_VALUES[s[i + 1] ?? ''] ?? 0;
    if (v === undefined) return null;
    total += v < next ? -v : v;
  }
  return total > 0 && total < 200 ? total : null;
}

/** Cyrillic «І» and «Х» typed for Roman ones. */
const latinRoman = (s: string) => s.replaceAll('І', 'I').replaceAll('Х', 'X');

/** The whole text is a number: «1», «1.», «1.1», «4.1.», «1)», «I», «II.», «№ 3». */
export function parseNumber(text: string): ItemNumber | null {
  const t = text.replace(/\s+/g, '').replace(/^№/, '');
  if (!t) return null;
  const arabic = /^(\d{1,3}(?:\.\d{1,3}){0,4})[.)]?$/.exec(t);
  if (arabic?.[1]) return { text: arabic[1], parts: arabic[1].split('.').map(Number), roman: false };
  const roman = /^([IVXLCІХ]{1,7})[.)]?$/.exec(t);
  if (roman?.[1]) {
    const latin = latinRoman(roman[1]);
    const value = romanValue(latin);
    if (value !== null) return { text: latin, parts: [value], roman: true };
  }
  return null;
}

/**
 * A number written at the start of a text: «1.1 Назначение…», «1. Организационное…», «II. Кадровое…»,
 * «Раздел 2. Работа с обучающимися». A bare «5 классов» is not a number: one level needs a dot or bracket.
 */
export function splitLeadingNumber(text: string): { number: ItemNumber; rest: string } | null {
  const t = text.trim();
  const section = /^(?:раздел|направление|блок)\s+(\d{1,2}|[IVXLCІХ]{1,7})\s*[.:)–—-]?\s+(\S.*)$/i.exec(t);
  if (section?.[1] && section[2]) {
    const number = parseNumber(section[1]);
    if (number) return { number, rest: section[2] };
  }
  const m = /^(\d{1,3}(?:\.\d{1,3}){1,4}\.?|\d{1,3}[.)]|[IVXLCІХ]{1,7}[.)])\s*(?=[\p{L}«"])(.+)$/u.exec(t);
  if (!m?.[1] || !m[2]) return null;
  // «1.Организационное» has no space; «1.1Назначение» neither — but «5.Б» is rare enough to accept.
  const number = parseNumber(m[1]);
  return number ? { number, rest: m[2].trim() } : null;
}

export const depth = (n: ItemNumber): number => n.parts.length;

/** «1.2.1» is a child of «1.2». */
export function isChildOf(child: ItemNumber, parent: ItemNumber): boolean {
  if (child.roman || parent.roman || child.parts.length <= parent.parts.length) return false;
  return parent.parts.every((p, i) => child.parts[i] === p);
}
