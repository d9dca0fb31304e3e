import { MAX_GRADE, MAX_YEAR, MIN_GRADE, MIN_YEAR } from './types.js';

// Cell syntax of the package files. The parsers return a number or a negative code, so that the reader's
// loop over a million rows allocates nothing for valid cells; messages are built only for errors.

export const EMPTY = -1;
export const INVALID = -2;
/** Largest count accepted (keeps every count in an Int32 column). */
export const MAX_COUNT = 1_000_000_000;

/** A whole number ≥ 0: digits, optionally with a zero fraction ('25.0', as some tools write integers). */
export function parseCount(s: string): number {
  const n = s.length;
  if (n === 0) return EMPTY;
  if (n <= 9) {
    let v = 0;
    for (let i = 0; i < n; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return parseCountSlow(s);
      v = v * 10 + d;
    }
    return v;
  }
  return parseCountSlow(s);
}

function parseCountSlow(s: string): number {
  const m = /^(\d+)(?:[.,]0+)?$/.exec(s);
  if (!m?.[1]) return INVALID;
  const v = Number(m[1]);
  return v <= MAX_COUNT ? v : INVALID;
}

export const countMessage = (s: string) =>
  s === '' ? 'Пустое значение: нужно целое число не меньше 0' : `«${s}» — не целое число не меньше 0`;

export function parseYear(s: string): number {
  const v = parseCount(s);
  if (v === EMPTY) return EMPTY;
  return v >= MIN_YEAR && v <= MAX_YEAR ? v : INVALID;
}

export const yearMessage = (s: string) =>
  s === '' ? 'Не указан год' : `Год «${s}» — нужен год от ${MIN_YEAR} до ${MAX_YEAR}`;

export function parseGrade(s: string): number {
  const v = parseCount(s);
  if (v === EMPTY) return EMPTY;
  return v >= MIN_GRADE && v <= MAX_GRADE ? v : INVALID;
}

export const gradeMessage = (s: string) =>
  s === '' ? 'Не указан класс' : `Класс «${s}» — нужно целое число от ${MIN_GRADE} до ${MAX_GRADE}`;

const DECIMAL = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;

/** A share in 0..1 ('0.35', '0,35', '3.5E-01'); NaN for an empty cell, INVALID otherwise. */
export function parseShare(s: string): number {
  if (s === '') return Number.NaN;
  if (!DECIMAL.test(s)) return INVALID;
  const v = Number(s.replace(',', '.'));
  return v >= 0 && v <= 1 ? v : INVALID;
}

export const shareMessage = (s: string) =>
  DECIMAL.test(s) ? `Доля «${s}» вне диапазона от 0 до 1` : `«${s}» — не число (нужна доля от 0 до 1)`;

/** 0/1 flags of schools.csv; «да»/«нет» and true/false are accepted too, an empty cell means 0. */
export function parseFlag(s: string): boolean | null {
  switch (s.toLowerCase()) {
    case '1':
    case 'да':
    case 'true':
      return true;
    case '':
    case '0':
    case 'нет':
    case 'false':
      return false;
    default:
      return null;
  }
}

export const flagMessage = (s: string) => `«${s}» — нужно 1 (да) или 0 (нет)`;

/** For typed input (packageFromRows): the same range as parseCount. */
export const isCount = (v: number) => Number.isInteger(v) && v >= 0 && v <= MAX_COUNT;
