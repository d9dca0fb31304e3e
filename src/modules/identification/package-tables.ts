import type { ConfirmationTable, ContextTable, ResultTable } from '../assessment-data/types.js';
import type { FloatColumns, IntColumns } from './package-columns.js';

// The columns a run read from the database, cut and renumbered into the tables of a DataPackage
// (load-package-from-db.ts): the same shapes the package files give.

export function resultTable(c: { length: number; cols: Int32Array[] }, onlyMark2: boolean): ResultTable {
  const col = (k: number) => c.cols[k] as Int32Array;
  // The rules never read marks 3–5 when only «2» were read: zeros, as the package format allows.
  const zeros = () => new Int32Array(c.length);
  return {
    length: c.length,
    school: col(0),
    year: col(1),
    procedure: col(2),
    participants: col(3),
    mark2: col(4),
    mark3: onlyMark2 ? zeros() : col(5),
    mark4: onlyMark2 ? zeros() : col(6),
    mark5: onlyMark2 ? zeros() : col(7),
  };
}

export function contextTable(
  c: IntColumns,
  values: FloatColumns,
  indicators: string[],
  remap: Int32Array,
): ContextTable {
  const kept = c.compact(0, remap, values.cols);
  return {
    length: kept.length,
    school: kept.cols[0] as Int32Array,
    year: kept.cols[1] as Int32Array,
    indicators,
    values: values.cols.map((v) => v.slice(0, kept.length)),
  };
}

export function confirmationTable(c: { length: number; cols: Int32Array[] }): ConfirmationTable {
  const col = (k: number) => c.cols[k] as Int32Array;
  return {
    length: c.length,
    school: col(0),
    year: col(1),
    procedure: col(2),
    participants: col(3),
    lowered: col(4),
    confirmed: col(5),
    raised: col(6),
  };
}

export function yearsOf(t: ResultTable): number[] {
  const years = new Set<number>();
  for (let i = 0; i < t.length; i++) years.add(t.year[i] as number);
  return [...years].sort((a, b) => a - b);
}
