import type { z } from 'zod';
import { COMMON_COUNTED } from '../../lib/strings.js';
import { SCHOOL_LEVELS } from './schemas.js';

// Reading the cells of a school list into checked values, with Russian messages per cell.

export function normName(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/["'«»„“”‘’`]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** INN/OKTMO as typed by people and spreadsheets: spaces, a leading apostrophe, a trailing ".0". */
export function normCode(s: string): string {
  return s
    .replace(/^'/, '')
    .replace(/[\s\u00a0\u2009\u202f]+/g, '')
    .replace(/^(\d+)[.,]0+$/, '$1');
}

const YES = new Set(['да', 'д', '1', 'true', 'истина', 'yes', 'y', '+', 'x', 'х', 'v', '✓']);
const NO = new Set(['нет', 'н', '0', 'false', 'ложь', 'no', 'n', '-', '–', '—']);

type Parsed<T> = { value: T } | { error: string };

function parseYesNo(raw: string, rural: boolean): Parsed<boolean> {
  const v = raw.toLowerCase().replace(/ё/g, 'е').replace(/\.$/, '').trim();
  if (YES.has(v)) return { value: true };
  if (NO.has(v)) return { value: false };
  if (rural) {
    if (/^(сел|деревн)/.test(v)) return { value: true };
    if (/^(гор|г$)/.test(v)) return { value: false };
    return { error: 'Ожидается «да» или «нет» («сельская» или «городская»)' };
  }
  if (v.startsWith('малокомплект')) return { value: true };
  return { error: 'Ожидается «да» или «нет»' };
}

type Level = (typeof SCHOOL_LEVELS)[number];
const LEVEL_STOP_WORDS = new Set([
  'общее',
  'общего',
  'образование',
  'образования',
  'и',
  'классы',
  'кл',
  'класс',
]);
// Latin letters that look Cyrillic: «OOO» typed on an English layout.
const LOOKALIKES: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  h: 'н',
  o: 'о',
  p: 'р',
  x: 'х',
  k: 'к',
  m: 'м',
};

function levelOf(token: string): Level[] | null {
  const t = token.replace(/[a-z]/g, (ch) => LOOKALIKES[ch] ?? ch);
  if (t === 'ноо' || t.startsWith('начальн') || t === '1-4') return ['НОО'];
  if (t === 'ооо' || t.startsWith('основн') || t === '5-9') return ['ООО'];
  if (t === 'соо' || t.startsWith('средн') || t === '10-11') return ['СОО'];
  if (t === '1-9') return ['НОО', 'ООО'];
  if (t === '1-11') return ['НОО', 'ООО', 'СОО'];
  if (t === '5-11') return ['ООО', 'СОО'];
  return null;
}

function parseLevels(raw: string): Parsed<Level[]> {
  const tokens = raw
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[–—]/g, '-')
    .split(/[\s,;/+.()]+/)
    .filter((t) => t && !LEVEL_STOP_WORDS.has(t));
  const found = new Set<Level>();
  for (const t of tokens) {
    const levels = levelOf(t);
    if (!levels) return { error: `Непонятный уровень «${t}»: укажите НОО, ООО, СОО через запятую` };
    for (const l of levels) found.add(l);
  }
  return { value: SCHOOL_LEVELS.filter((l) => found.has(l)) };
}

function parseCount(raw: string): Parsed<number> {
  const v = raw.replace(/[\s\u00a0\u2009\u202f]+/g, '');
  if (!/^\d+([.,]0+)?$/.test(v)) return { error: 'Ожидается целое число' };
  return { value: Number.parseInt(v, 10) };
}

/** Код ОО as written: trimmed, a leading apostrophe (Excel's text marker) dropped; spaces inside are an error. */
function parseSchoolCode(raw: string): Parsed<string> {
  const v = raw.trim().replace(/^'/, '');
  if (!v) return { error: 'Код ОО пустой: укажите код или оставьте ячейку пустой' };
  if (/^\d+([.,]\d+)?e\+?\d+$/i.test(v))
    return {
      error: 'Код ОО записан в экспоненциальном виде: задайте столбцу текстовый формат и введите код заново',
    };
  if (/\s/.test(v)) return { error: `Код ОО «${v}» содержит пробел: код пишется без пробелов` };
  return { value: v };
}

/** The cell as the value the zod field expects, or the reason it cannot be one. */
export function parseCell(f: (typeof OPTIONAL_FIELDS)[number], raw: string): Parsed<unknown> {
  if (f === 'oktmo') return { value: normCode(raw) };
  if (f === 'code') return parseSchoolCode(raw);
  if (f === 'isRural' || f === 'isSmall') return parseYesNo(raw, f === 'isRural');
  if (f === 'levels') return parseLevels(raw);
  if (f === 'pupils' || f === 'teachers') return parseCount(raw);
  return { value: raw };
}

// zod messages for the checks orgUnitFields leaves without a Russian text (numbers, lengths).
const ruZod = {
  error: (iss: {
    code?: string;
    origin?: unknown;
    maximum?: unknown;
    minimum?: unknown;
    expected?: unknown;
  }) => {
    if (iss.code === 'too_big')
      return iss.origin === 'string'
        ? COMMON_COUNTED.maxChars.render(Number(iss.maximum))
        : `Не больше ${iss.maximum}`;
    if (iss.code === 'too_small')
      return iss.origin === 'string'
        ? COMMON_COUNTED.minChars.render(Number(iss.minimum))
        : `Не меньше ${iss.minimum}`;
    if (iss.code === 'invalid_type' && (iss.expected === 'int' || iss.expected === 'number'))
      return 'Ожидается целое число';
    return 'Недопустимое значение';
  },
};

export function check<S extends z.ZodType>(schema: S, value: unknown): Parsed<z.output<S>> {
  const r = schema.safeParse(value, ruZod);
  return r.success ? { value: r.data } : { error: r.error.issues[0]?.message ?? 'Недопустимое значение' };
}

// ---------- import ----------

export type Values = {
  name: string;
  inn: string;
  shortName?: string | null;
  code?: string | null;
  oktmo?: string | null;
  address?: string | null;
  isRural?: boolean | null;
  isSmall?: boolean | null;
  levels?: Level[] | null;
  pupils?: number | null;
  teachers?: number | null;
  director?: string | null;
};
export const OPTIONAL_FIELDS = [
  'shortName',
  'code',
  'oktmo',
  'address',
  'isRural',
  'isSmall',
  'levels',
  'pupils',
  'teachers',
  'director',
] as const;
