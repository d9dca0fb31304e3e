import type { Cells } from './convert-table.js';
import type { ShareKind } from './fractions.js';
import type { TableField } from './mapping.js';
import { countsOfShares, decimalsOf, toleranceOf } from './percent.js';

// The numbers of one procedure of one row: participants, marks (counts, percent, or «не преодолели
// минимальный порог» for exams without marks) and the confirmation of marks. Every bad cell is reported
// through `err`; the result is null then.

type Err = (field: TableField | null, message: string) => void;

export type Measures = {
  participants: number;
  marks: { mark2: number; mark3: number | null; mark4: number | null; mark5: number | null } | null;
  confirmation: { lowered: number; confirmed: number; raised: number } | null;
};

/** Cells reports leave for «no data»: a dash, «н/д», «нет данных», «x», «не участвовали» (held-out set 10). */
const EMPTY = /^(?:[-–—]|н\/?д|нет данных|[xх×]|\*|не (?:участвовал|писал|сдавал|выполнял)\p{L}*)?$/iu;
export const isEmptyCell = (text: string) => EMPTY.test(text);
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * A number's text as people type it: '1 234', '12,5', '12.5 %' (`percentSign`: a trailing «%» is allowed);
 * null when it is not a plain number. Shared with fractions.ts, which must read a cell as this does.
 */
export function cellNumber(text: string, percentSign = true): number | null {
  let s = text.replace(/[\s\u00a0]/g, '');
  if (percentSign) s = s.replace(/%$/, '');
  s = s.replace(',', '.');
  return NUMBER.test(s) ? Number(s) : null;
}

/** A cell's number; an EMPTY cell is null, a text that is no number an error (undefined). */
function numberOf(cells: Cells, field: TableField, err: Err): number | null | undefined {
  const raw = cells.text(field);
  if (EMPTY.test(raw)) return null;
  const v = cellNumber(raw);
  if (v === null) {
    err(field, `«${raw}» — не число`);
    return undefined;
  }
  if (v < 0) {
    err(field, `Отрицательное число «${raw}»`);
    return undefined;
  }
  return v;
}

/** «12 (24,5%)»: a count with its share in one cell (held-out set 5); the count, and the share to check. */
const COUNT_AND_SHARE = /^(\d[\d\s\u00a0]*?)\s*\(\s*(\d+(?:[.,]\d+)?)\s*%?\s*\)$/;

export function countAndShare(text: string): { count: number; share: string } | null {
  const m = COUNT_AND_SHARE.exec(text.trim());
  return m ? { count: Number((m[1] as string).replace(/[\s\u00a0]/g, '')), share: m[2] as string } : null;
}

function countOf(cells: Cells, field: TableField, err: Err): number | null | undefined {
  const both = countAndShare(cells.text(field));
  if (both) return both.count;
  const v = numberOf(cells, field, err);
  if (v === null || v === undefined) return v;
  if (!Number.isInteger(v)) {
    err(field, `«${cells.text(field)}» — не целое число`);
    return undefined;
  }
  return v;
}

/** A share in percent; `ofOne`: the table writes fractions of one (fractions.ts), each × 100. */
function shareOf(cells: Cells, field: TableField, err: Err, ofOne: boolean): number | null | undefined {
  const v = numberOf(cells, field, err);
  if (v !== null && v !== undefined && v > (ofOne ? 1 : 100)) {
    err(
      field,
      `Доля «${cells.text(field)}» больше ${ofOne ? 'единицы (доли записаны долями единицы)' : '100 %'}`,
    );
    return undefined;
  }
  // toPrecision: 0.145 × 100 is 14.499999999999998 in floating point.
  return v === null || v === undefined || !ofOne ? v : Number((v * 100).toPrecision(12));
}

/**
 * Counts of `countFields`, or, when none of them is filled, of the shares `pctFields` converted with the
 * participants. Returns null when neither is given, undefined after an error.
 */
function countsOrShares(
  cells: Cells,
  countFields: TableField[],
  pctFields: TableField[],
  participants: number | null,
  what: string,
  err: Err,
  ofOne = false,
): (number | null)[] | null | undefined {
  // «12 (27,27%)» under a share's header («чел. (% от участников)», held-out set 10): the count is there too.
  const paired =
    countFields.every((f) => !cells.has(f)) && pctFields.some((f) => countAndShare(cells.text(f)));
  if (paired) countFields = pctFields;
  const counts = countFields.map((f) => countOf(cells, f, err));
  if (counts.includes(undefined)) return undefined;
  if (counts.some((c) => c !== null)) {
    if (participants === null) {
      err('participants', 'Не указано число участников');
      return undefined;
    }
    // An empty cell next to filled ones is a zero the report did not print; a column that is not there is
    // not known (null).
    const values = counts.map((c, i) => c ?? (cells.has(countFields[i] as TableField) ? 0 : null));
    if (!sharesAgree(cells, countFields, participants, err)) return undefined;
    const sum = values.reduce<number>((a, b) => a + (b ?? 0), 0);
    if (sum > participants) {
      err(countFields[0] as TableField, `Сумма (${sum}: ${what}) больше числа участников (${participants})`);
      return undefined;
    }
    return values;
  }
  const shares = pctFields.map((f) => shareOf(cells, f, err, ofOne));
  if (shares.includes(undefined)) return undefined;
  if (!shares.some((s) => s !== null)) return null;
  const first = pctFields.find((f) => !isEmptyCell(cells.text(f))) as TableField;
  if (participants === null) {
    err(first, 'Не указано число участников: без него доли в процентах не пересчитать в количество');
    return undefined;
  }
  // One share (below the minimum score) is a part, not a distribution: it need not add up to 100.
  const complete = pctFields.length > 1 && pctFields.every((f) => cells.has(f));
  const given = shares.map((s, i) => (s === null && cells.has(pctFields[i] as TableField) ? 0 : s));
  const values = given.filter((s): s is number => s !== null);
  const sum = values.reduce((a, b) => a + b, 0);
  // A fraction's three decimals are a percent's one.
  const decimals = Math.max(0, ...pctFields.map((f) => decimalsOf(cells.text(f)) - (ofOne ? 2 : 0)));
  const tolerance = toleranceOf(values, decimals);
  // Only some of the shares mapped: they may not add up to 100, but never to more.
  if (!complete && sum > 100 + tolerance) {
    const shown = Number(sum.toFixed(4)).toLocaleString('ru-RU');
    err(first, `Сумма долей (${what}) — ${shown} %, больше 100 %`);
    return undefined;
  }
  if (complete && participants > 0) {
    if (Math.abs(sum - 100) > tolerance && ofOne) {
      const shown = Number((sum / 100).toFixed(4)).toLocaleString('ru-RU');
      const within = (tolerance / 100).toLocaleString('ru-RU');
      err(
        first,
        `Сумма долей (${what}) — ${shown}, а должна быть 1: доли в таблице записаны долями единицы (допускается ±${within})`,
      );
      return undefined;
    }
    if (Math.abs(sum - 100) > tolerance) {
      const shown = Number(sum.toFixed(4)).toLocaleString('ru-RU');
      err(
        first,
        `Сумма долей (${what}) — ${shown} %, а должна быть 100 % (допускается ±${tolerance.toLocaleString('ru-RU')})`,
      );
      return undefined;
    }
  }
  const converted = countsOfShares(values, participants, complete && participants > 0);
  let k = 0;
  return given.map((s) => (s === null ? null : (converted[k++] as number)));
}

/**
 * The shares of «12 (24,5%)» cells must be their counts' share of the participants, to the share's printed
 * precision (half a unit of its last digit, and a hair for floating point): a mismatch is a swapped column.
 */
function sharesAgree(cells: Cells, fields: TableField[], participants: number, err: Err): boolean {
  let ok = true;
  for (const f of fields) {
    const both = countAndShare(cells.text(f));
    if (!both) continue;
    const share = Number(both.share.replace(',', '.'));
    const actual = participants > 0 ? (both.count * 100) / participants : 0;
    if (Math.abs(actual - share) > 0.5 * 10 ** -decimalsOf(both.share) + 1e-9) {
      const shown = Number(actual.toFixed(2)).toLocaleString('ru-RU');
      err(
        f,
        `«${cells.text(f)}»: доля ${both.share} % не сходится с количеством ${both.count} из ${participants} участников (${shown} %)`,
      );
      ok = false;
    }
  }
  return ok;
}

/** More participants of one school in one procedure than any school has: a wrong column, or a total. */
export const MAX_PARTICIPANTS = 100_000;

/** A row (or group) with nothing to store: skipped with a note, not an error that blocks the import. */
export type Skip = { skip: string };

/** `ofOne`: the kinds of shares the table writes as fractions of one (fractions.ts). */
export function readMeasures(
  cells: Cells,
  err: Err,
  ofOne: ReadonlySet<ShareKind> = new Set(),
): Measures | Skip | null {
  const participants = countOf(cells, 'participants', err);
  if (participants === undefined) return null;
  if (participants !== null && participants > MAX_PARTICIPANTS) {
    err(
      'participants',
      `Число участников ${participants.toLocaleString('ru-RU')} больше ${MAX_PARTICIPANTS.toLocaleString('ru-RU')}: это не одна школа`,
    );
    return null;
  }
  let marks = countsOrShares(
    cells,
    ['mark2', 'mark3', 'mark4', 'mark5'],
    ['pct2', 'pct3', 'pct4', 'pct5'],
    participants,
    'отметки «2»–«5»',
    err,
    ofOne.has('marks'),
  );
  if (marks === undefined) return null;
  if (marks === null) {
    const below = countsOrShares(cells, ['below_min'], ['pct_below_min'], participants, 'ниже порога', err);
    if (below === undefined) return null;
    if (below !== null) marks = [below[0] ?? 0, null, null, null];
  }
  const conf = countsOrShares(
    cells,
    ['lowered', 'confirmed', 'raised'],
    ['pct_lowered', 'pct_confirmed', 'pct_raised'],
    participants,
    'понизили, подтвердили, повысили',
    err,
    ofOne.has('confirmation'),
  );
  if (conf === undefined) return null;
  if (participants === null) {
    err('participants', 'Не указано число участников');
    return null;
  }
  // A school that had no participants, or a report that printed only the number of them, has no result.
  if (participants === 0) return { skip: 'участников 0' };
  if (!marks && !conf) return { skip: 'указано только число участников, отметок нет' };
  return {
    participants,
    marks: marks
      ? { mark2: marks[0] ?? 0, mark3: marks[1] ?? null, mark4: marks[2] ?? null, mark5: marks[3] ?? null }
      : null,
    confirmation: conf ? { lowered: conf[0] ?? 0, confirmed: conf[1] ?? 0, raised: conf[2] ?? 0 } : null,
  };
}
