import { and, eq, inArray, sql } from 'drizzle-orm';
import { assessmentPacks } from '../../db/schema/assessment.js';
import { Int32Columns } from '../../lib/int-columns.js';
import { regionPath } from '../access/region-level.js';
import { forEachRow, literal, type Row } from '../identification/copy-rows.js';
import type { BulkSession } from './store.js';

// A region's results of one year, packed as columns (docs/decisions/0016). A national year is about a
// million rows; an identification run used to scan them and receive them row by row (≈ 1 s of server
// time and 1.2 million protocol messages for Node to take apart). The import — which already holds the
// region's data lock and rewrites the year — writes the same rows once more as a few megabytes of
// integer columns, and a run reads those in a handful of messages. The rows stay the source: a pack is
// rebuilt from them inside the import's transaction, and any other write drops the packs (triggers of
// migration 0006), so a run falls back to the rows rather than read a stale copy.

const MAGIC = 0x314b504f; // "OPK1"
const VERSION = 1;
const HEADER_INTS = 8;
/** The value columns of a result row, in pack order (the names of `assessment_results`). */
export const PACK_COLUMNS = ['procedure_id', 'participants', 'mark2', 'mark3', 'mark4', 'mark5'] as const;
export type PackColumnName = (typeof PACK_COLUMNS)[number];
/** A column whose values all fit 16 bits is stored as Uint16. */
export type PackColumn = Uint16Array | Int32Array;
/** Pieces of a pack in the table: a few megabytes each, so no single value is huge for the driver. */
const PART_BYTES = 4 << 20;

/** One year of a region's results: rows grouped by school, schools as uuid keys (copy-rows.ts). */
export type ResultPack = {
  /** School uuids as 32 hex digits (`Row.uuidKey`), in pack order. */
  schools: string[];
  /** Rows of each school: school i has rows [start[i], start[i + 1]). */
  start: Int32Array;
  cols: Record<PackColumnName, PackColumn>;
  length: number;
};

const pad4 = (n: number) => (n + 3) & ~3;

/** The pack as bytes: a header, the schools' uuids, the row offsets, then each column. */
export function encodePack(p: ResultPack): Buffer {
  const m = p.schools.length;
  const cols = PACK_COLUMNS.map((name) => p.cols[name]);
  let widthMask = 0;
  cols.forEach((c, k) => {
    if (c instanceof Uint16Array) widthMask |= 1 << k;
  });
  const sizes = cols.map((c) => pad4(c.length * c.BYTES_PER_ELEMENT));
  const total = HEADER_INTS * 4 + m * 16 + (m + 1) * 4 + sizes.reduce((a, b) => a + b, 0);
  const out = Buffer.alloc(total);
  const header = new Int32Array(out.buffer, out.byteOffset, HEADER_INTS);
  header.set([MAGIC, VERSION, m, p.length, widthMask, cols.length]);
  let at = HEADER_INTS * 4;
  for (const key of p.schools) {
    out.write(key, at, 16, 'hex');
    at += 16;
  }
  out.set(new Uint8Array(p.start.buffer, p.start.byteOffset, (m + 1) * 4), at);
  at += (m + 1) * 4;
  cols.forEach((c, k) => {
    out.set(new Uint8Array(c.buffer, c.byteOffset, c.length * c.BYTES_PER_ELEMENT), at);
    at += sizes[k] as number;
  });
  return out;
}

/** The pack of `bytes` (one allocation of its own: typed arrays need aligned offsets). */
export function decodePack(bytes: Uint8Array): ResultPack {
  const own = new Uint8Array(bytes.length);
  own.set(bytes);
  const buf = own.buffer;
  if (own.length < HEADER_INTS * 4) throw new Error('Пакет результатов повреждён: нет заголовка');
  const [magic, version, m = 0, n = 0, widthMask = 0, count] = new Int32Array(buf, 0, HEADER_INTS);
  if (magic !== MAGIC || version !== VERSION || count !== PACK_COLUMNS.length) {
    throw new Error('Пакет результатов: неизвестный формат');
  }
  const widths = PACK_COLUMNS.map((_, k) => ((widthMask & (1 << k)) !== 0 ? 2 : 4));
  const size = HEADER_INTS * 4 + m * 16 + (m + 1) * 4 + widths.reduce((a, w) => a + pad4(n * w), 0);
  if (m < 0 || n < 0 || size !== own.length) throw new Error('Пакет результатов повреждён: не та длина');
  let at = HEADER_INTS * 4;
  const hex = Buffer.from(buf).toString('hex', at, at + m * 16);
  const schools = Array.from({ length: m }, (_, i) => hex.slice(i * 32, i * 32 + 32));
  at += m * 16;
  const start = new Int32Array(buf, at, m + 1);
  at += (m + 1) * 4;
  const cols = {} as Record<PackColumnName, PackColumn>;
  PACK_COLUMNS.forEach((name, k) => {
    cols[name] = widths[k] === 2 ? new Uint16Array(buf, at, n) : new Int32Array(buf, at, n);
    at += pad4(n * (widths[k] as number));
  });
  if (start[m] !== n) throw new Error('Пакет результатов повреждён: не те строки');
  return { schools, start, cols, length: n };
}

/** Packs rows that arrive in any order: `school` numbers them by first appearance (0, 1, 2 …). */
class PackBuilder {
  private readonly rows = new Int32Columns(1 + PACK_COLUMNS.length, 1 << 16);
  readonly schools: string[] = [];
  private readonly numberOf = new Map<string, number>();
  private lastKey = '';
  private lastNumber = -1;

  /** A row of `row`: the school's uuid in column 0, the PACK_COLUMNS from column `first` on. */
  add(row: Row, first: number): void {
    const schoolKey = row.uuidKey(0);
    // Rows of one school come one after another: compare the key object before a map look-up.
    if (schoolKey !== this.lastKey) {
      let n = this.numberOf.get(schoolKey);
      if (n === undefined) {
        n = this.schools.length;
        this.schools.push(schoolKey);
        this.numberOf.set(schoolKey, n);
      }
      this.lastKey = schoolKey;
      this.lastNumber = n;
    }
    const i = this.rows.add();
    const cols = this.rows.cols;
    (cols[0] as Int32Array)[i] = this.lastNumber;
    for (let k = 0; k < PACK_COLUMNS.length; k++) (cols[k + 1] as Int32Array)[i] = row.int(first + k);
  }

  /** The rows grouped by school (a counting sort: the server sorts nothing). */
  build(): ResultPack {
    const m = this.schools.length;
    const n = this.rows.length;
    const [school, ...values] = this.rows.cols as [Int32Array, ...Int32Array[]];
    const start = new Int32Array(m + 1);
    for (let i = 0; i < n; i++) (start[(school[i] as number) + 1] as number)++;
    for (let s = 0; s < m; s++) start[s + 1] = (start[s + 1] as number) + (start[s] as number);
    const next = start.slice(0, m);
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[(next[school[i] as number] as number)++] = i;
    const cols = {} as Record<PackColumnName, PackColumn>;
    values.forEach((v, k) => {
      let max = 0;
      let min = 0;
      for (let i = 0; i < n; i++) {
        const x = v[i] as number;
        if (x > max) max = x;
        if (x < min) min = x;
      }
      const col = min >= 0 && max <= 0xffff ? new Uint16Array(n) : new Int32Array(n);
      for (let j = 0; j < n; j++) col[j] = v[order[j] as number] as number;
      cols[PACK_COLUMNS[k] as PackColumnName] = col;
    });
    return { schools: this.schools, start, cols, length: n };
  }
}

/**
 * Rebuilds the packs of the region's `years` from the stored rows. Runs inside the import's transaction,
 * after its writes and under its write lock; `markPacking` must have been called first in it.
 */
export async function buildResultPacks(s: BulkSession, regionId: string, years: number[]): Promise<void> {
  if (years.length === 0) return;
  // One pass over the table for all the years (it has no index by year: docs/decisions/0004).
  const builders = new Map(years.map((y) => [y, new PackBuilder()]));
  await forEachRow(
    s,
    `select r.school_id as c0, r.year as c1, ${PACK_COLUMNS.map((c, k) => `r.${c} as c${k + 2}`).join(', ')}
     from assessment_results r
     where r.year in (${yearList(years)}) and exists (select 1 from org_units o where o.id = r.school_id
       and o.path like ${literal(`${regionPath(regionId)}%`)})`,
    (row) => builders.get(row.int(1))?.add(row, 2),
  );
  await s.db
    .delete(assessmentPacks)
    .where(and(eq(assessmentPacks.regionId, regionId), inArray(assessmentPacks.year, years)));
  for (const [year, builder] of builders) {
    const bytes = encodePack(builder.build());
    // A row per part: a multi-row INSERT would send every part in one message.
    for (let at = 0, part = 0; at < bytes.length; at += PART_BYTES, part++) {
      await s.db
        .insert(assessmentPacks)
        .values({ regionId, year, part, data: bytes.subarray(at, at + PART_BYTES) });
    }
  }
}

/** Years for an SQL list (COPY takes no parameters): integers only. */
function yearList(years: number[]): string {
  for (const y of years) if (!Number.isInteger(y)) throw new Error(`Не целый год: ${y}`);
  return years.join(', ');
}

/** Marks the transaction as the one that rebuilds the packs: its own writes to the rows keep them. */
export async function markPacking(s: BulkSession): Promise<void> {
  await s.db.execute(sql`select set_config('opora.packing', 'on', true)`);
}

/** The packs of the region's `years` that exist (a year without one is read from the rows). */
export async function readResultPacks(
  s: BulkSession,
  regionId: string,
  years: number[],
): Promise<Map<number, ResultPack>> {
  const out = new Map<number, ResultPack>();
  if (years.length === 0) return out;
  const pieces = new Map<number, Buffer[]>();
  // By COPY where the session has it: bytea as raw bytes, not as hex text to decode.
  await forEachRow(
    s,
    `select p.year as c0, p.data as c1 from assessment_packs p
     where p.region_id = ${literal(regionId)}::uuid and p.year in (${yearList(years)})
     order by p.year, p.part`,
    (row) => {
      const year = row.int(0);
      const list = pieces.get(year) ?? [];
      list.push(Buffer.from(row.bytes(1)));
      pieces.set(year, list);
    },
  );
  for (const [year, list] of pieces) out.set(year, decodePack(Buffer.concat(list)));
  return out;
}
