import type { TableRow } from '../../orgs/parse-table.js';
import { normaliseHeader } from './header-vocabulary.js';
import type { TableField, TableMapping } from './mapping.js';
import { countAndShare } from './measures.js';

// Columns headed like counts that hold shares (issue 16 §1, held-out tables): decided per column group from
// the title above the table, the rows' sums and the cells' fractions. The recogniser calls it once per sheet.

const PERCENT_OF: Partial<Record<TableField, TableField>> = {
  mark2: 'pct2',
  mark3: 'pct3',
  mark4: 'pct4',
  mark5: 'pct5',
  below_min: 'pct_below_min',
  lowered: 'pct_lowered',
  confirmed: 'pct_confirmed',
  raised: 'pct_raised',
};
const PERCENT_FIELDS = new Set(Object.values(PERCENT_OF));
const COUNT_WORDS = /(?:^| )(?:чел|человек|кол во|количество|число|абс)(?: |$)/;
const FRACTION = /^\d+[.,]\d*[1-9]\d*$/;
const MARK_SHARES: TableField[] = ['mark2', 'mark3', 'mark4', 'mark5'];

const numberIn = (r: TableRow, column: number) => {
  const t = (r.cells[column - 1] ?? '').trim().replace(/\s/g, '').replace(',', '.');
  return t === '' || !/^\d+(?:\.\d+)?$/.test(t) ? null : Number(t);
};

/**
 * Columns headed «2»…«5» that hold shares, not counts: the title above the table says so («Распределение
 * отметок, % от числа участников»), or the rows' four marks add up to 100 (and not to the participants),
 * or many cells have fractions (a count never has; a lone fraction is a typo, reported as such). Per group,
 * and only when the group has no percent column of its own (then the plain ones are counts).
 */
export function sharesAsPercent(
  columns: TableMapping['columns'],
  titleSaysPercent: boolean,
  data: TableRow[],
  headerOf: (column: number) => string,
) {
  const sample = data.slice(0, 200);
  for (const g of new Set(columns.map((c) => c.group))) {
    const own = columns.filter((c) => c.group === g);
    // A column whose own header says it counts people («чел.», «кол-во») is a count whatever the title says.
    const counts = own.filter(
      (c) => PERCENT_OF[c.field] && !COUNT_WORDS.test(normaliseHeader(headerOf(c.column))),
    );
    if (counts.length === 0 || own.some((c) => PERCENT_FIELDS.has(c.field))) continue;
    const marks = counts.filter((c) => MARK_SHARES.includes(c.field));
    const participants =
      own.find((c) => c.field === 'participants') ??
      columns.find((c) => c.field === 'participants' && c.group === null);
    let full = 0;
    let hundred = 0;
    let whole = 0;
    for (const r of marks.length === 4 ? sample : []) {
      const values = marks.map((c) => numberIn(r, c.column));
      if (values.some((v) => v === null)) continue;
      const sum = values.reduce((s: number, v) => s + (v as number), 0);
      full++;
      const p = participants ? numberIn(r, participants.column) : null;
      if (Math.abs(sum - 100) <= 1.5 && (p === null || Math.abs(p - 100) > 1.5)) hundred++;
      if (p !== null && sum === p) whole++;
    }
    const cells = counts
      .flatMap((c) => sample.map((r) => (r.cells[c.column - 1] ?? '').trim()))
      .filter(Boolean);
    const fractions = cells.filter((t) => FRACTION.test(t)).length;
    // «12 (24,5%)» is a count with its share (measures.ts), whatever the title says («Количество и доля…»).
    if (cells.filter((t) => countAndShare(t)).length >= 0.5 * cells.length && cells.length > 0) continue;
    const shares =
      (full >= 2 && hundred >= 0.8 * full) || (cells.length >= 4 && fractions >= 0.3 * cells.length);
    // The title alone turns only the four marks, and not when the rows' marks add up to the participants.
    const byTitle = titleSaysPercent && marks.length > 0 && !(full > 0 && whole >= 0.8 * full);
    if (shares) for (const c of counts) c.field = PERCENT_OF[c.field] as TableField;
    else if (byTitle) for (const c of marks) c.field = PERCENT_OF[c.field] as TableField;
  }
}
