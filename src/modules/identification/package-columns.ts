import { Int32Columns } from '../../lib/int-columns.js';

// Growable columns for the rows a run reads from the database. Rows arrive before the list of schools
// (the queries run side by side), so they carry a provisional school number — the order in which the
// school was first seen — and are renumbered once the package's schools are known (`compact`).

/** The Int32 columns of one kind of row, renumbered by school at the end. */
export class IntColumns extends Int32Columns {
  constructor(count: number, capacity = 1 << 16) {
    super(count, capacity);
  }

  /**
   * Renumbers column `school` by `remap` (provisional → final; −1: not in the package, the row is dropped)
   * and returns the columns cut to the rows kept (copies: the spare capacity is freed).
   */
  compact(
    school: number,
    remap: Int32Array,
    extra: Float64Array[] = [],
  ): { length: number; cols: Int32Array[] } {
    const cols = this.cols;
    const s = cols[school] as Int32Array;
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      const to = remap[s[i] as number] as number;
      if (to < 0) continue;
      for (const c of cols) c[kept] = c[i] as number;
      for (const c of extra) c[kept] = c[i] as number;
      s[kept] = to;
      kept++;
    }
    return { length: kept, cols: cols.map((c) => c.slice(0, kept)) };
  }
}

/** Float64 columns (context indicators) beside an IntColumns; new rows start as NaN (no value). */
export class FloatColumns {
  cols: Float64Array[];
  constructor(count: number, capacity = 1 << 12) {
    this.cols = Array.from({ length: count }, () => new Float64Array(capacity).fill(Number.NaN));
  }
  /** Makes room for row `i`. */
  ensure(i: number): void {
    const capacity = this.cols[0]?.length ?? 0;
    if (i < capacity) return;
    this.cols = this.cols.map((c) => {
      const grown = new Float64Array(capacity * 2).fill(Number.NaN);
      grown.set(c);
      return grown;
    });
  }
}

/** Provisional numbers of schools by their uuid key, with whether each has data in the run's year. */
export class SchoolNumbers {
  private readonly byKey = new Map<string, number>();
  private lastKey = '';
  private last = -1;
  readonly inYear: number[] = [];

  /** The school's number; consecutive rows of one school cost a string comparison. */
  of(key: string): number {
    if (key === this.lastKey) return this.last;
    let n = this.byKey.get(key);
    if (n === undefined) {
      n = this.byKey.size;
      this.byKey.set(key, n);
      this.inYear.push(0);
    }
    this.lastKey = key;
    this.last = n;
    return n;
  }

  get(key: string): number | undefined {
    return this.byKey.get(key);
  }

  get size(): number {
    return this.byKey.size;
  }
}
