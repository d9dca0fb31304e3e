/**
 * Int32 columns sharing one length, doubled when full: rows of numbers kept as an array of typed
 * arrays, which a hot loop reads far faster than an array of objects.
 */
export class Int32Columns {
  length = 0;
  cols: Int32Array[];
  constructor(count: number, capacity = 1024) {
    this.cols = Array.from({ length: count }, () => new Int32Array(capacity));
  }

  /** Index of a new row; the caller fills the columns at it. */
  add(): number {
    const capacity = (this.cols[0] as Int32Array).length;
    if (this.length === capacity) {
      this.cols = this.cols.map((c) => {
        const grown = new Int32Array(capacity * 2);
        grown.set(c);
        return grown;
      });
    }
    return this.length++;
  }
}
