import { sql } from 'drizzle-orm';
import { WORDS } from '../../lib/counted.js';
import { countLabel } from '../../lib/plural.js';
import type { BulkSession } from '../assessment-data/store.js';

// Rows of a query read field by field without an object per row: a run reads about a million result rows,
// and a row object per row from the driver costs more than the whole computation. Where the bulk session
// has COPY, the rows come as PostgreSQL's binary COPY format — integers and floats as bytes, uuids as 16
// bytes, read in place; otherwise (the insert loaders: tests, small regions) as a plain SELECT.

/** The current row of a query. `k`: the column's position in the select list. */
export interface Row {
  int(k: number): number;
  float(k: number): number;
  bool(k: number): boolean;
  text(k: number): string | null;
  /**
   * A uuid as 32 lowercase hex digits (no dashes). The same string object while consecutive rows carry
   * the same uuid: rows come school after school, so callers compare with `!==` before any map look-up.
   */
  uuidKey(k: number): string;
  /** A bytea's bytes: valid only until the callback returns (copy what you keep). */
  bytes(k: number): Uint8Array;
  isNull(k: number): boolean;
}

/** Runs `query` (a SELECT as plain text: no parameters) and calls `onRow` for each row, in order. */
export async function forEachRow(s: BulkSession, query: string, onRow: (r: Row) => void): Promise<void> {
  if (s.copyOut) {
    const reader = new BinaryCopyReader(onRow);
    await s.copyOut(query, (chunk) => reader.push(chunk));
    reader.end();
    return;
  }
  const result = (await s.db.execute(sql.raw(query))) as unknown as { rows: Record<string, unknown>[] };
  const rows = result.rows;
  if (rows.length === 0) return;
  const row = new ObjectRow(Object.keys(rows[0] as object));
  for (const values of rows) {
    row.values = values;
    onRow(row);
  }
}

/** 16-byte uuid from its hex digits (lowercase, no dashes) to the usual text form. */
export const uuidOfKey = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

/** A uuid's key as `Row.uuidKey` gives it. */
export const keyOfUuid = (uuid: string) => uuid.replaceAll('-', '').toLowerCase();

/** An SQL string literal: E'…' escapes the same whatever standard_conforming_strings says. */
export function literal(s: string): string {
  if (s.includes('\0')) throw new Error('Нулевой символ в строке запроса');
  return `E'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/**
 * Parses the binary COPY format (https://www.postgresql.org/docs/current/sql-copy.html, «Binary Format»):
 * a header, then per row a 16-bit field count and per field a 32-bit length (−1: NULL) and the bytes,
 * then −1 as the trailer. Pieces may end anywhere; an incomplete row waits for the next piece.
 */
export class BinaryCopyReader implements Row {
  private buf: Buffer = Buffer.alloc(0);
  private waiting: Buffer[] = [];
  private waitingLength = 0;
  /** Bytes of `waiting` needed before the next row can be read (0: any piece). */
  private need = 0;
  // DataView reads are inlined by the compiler; Buffer's readInt32BE checks its argument on every call.
  private view: DataView = new DataView(new ArrayBuffer(0));
  private started = false;
  private finished = false;
  private start = new Int32Array(16);
  private len = new Int32Array(16);
  private readonly lastUuid = new Int32Array(4);
  private lastKey = '';

  constructor(private readonly onRow: (r: Row) => void) {}

  push(chunk: Buffer): void {
    // A row longer than a piece (a bytea of megabytes) waits until all its bytes are here and is joined
    // once; otherwise only the unread tail of the previous piece (less than a row) is copied.
    this.waiting.push(chunk);
    this.waitingLength += chunk.length;
    if (this.waitingLength < this.need) return;
    const buf =
      this.waiting.length === 1
        ? (this.waiting[0] as Buffer)
        : Buffer.concat(this.waiting, this.waitingLength);
    this.waiting = [];
    this.waitingLength = 0;
    this.need = 0;
    const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    const end = buf.length;
    let at = 0;
    if (!this.started) {
      if (end < 19 || end < 19 + view.getInt32(15)) {
        this.wait(buf, end < 19 ? 19 : 19 + view.getInt32(15));
        return;
      }
      if (!buf.subarray(0, 11).equals(SIGNATURE)) throw new Error('COPY: не двоичный формат');
      at = 19 + view.getInt32(15);
      this.started = true;
    }
    this.buf = buf;
    this.view = view;
    const start = this.start;
    const len = this.len;
    while (!this.finished && at + 2 <= end) {
      const fields = view.getInt16(at);
      if (fields === -1) {
        this.finished = true;
        at += 2;
        break;
      }
      if (fields > start.length) throw new Error(`COPY: ${countLabel(fields, WORDS.field)} в строке`);
      let p = at + 2;
      let k = 0;
      for (; k < fields && p + 4 <= end; k++) {
        const n = view.getInt32(p);
        start[k] = p + 4;
        len[k] = n;
        p += 4 + (n > 0 ? n : 0);
      }
      if (k < fields || p > end) {
        // The row goes on in the next piece: wait for at least the bytes known to be missing.
        this.wait(buf.subarray(at), (k < fields ? p + 4 : p) - at);
        return;
      }
      this.onRow(this);
      at = p;
    }
    // Bytes after the trailer are never read: end() reports them.
    if (at < end) this.wait(buf.subarray(at), this.finished ? Number.POSITIVE_INFINITY : end - at + 1);
  }

  private wait(tail: Buffer, need: number): void {
    this.waiting = [tail];
    this.waitingLength = tail.length;
    this.need = need;
  }

  /** Throws when the output stopped before its trailer (a broken stream, not an empty result). */
  end(): void {
    if (!this.finished || this.waitingLength > 0) throw new Error('COPY: вывод оборван');
  }

  isNull(k: number): boolean {
    return (this.len[k] as number) < 0;
  }

  int(k: number): number {
    const at = this.start[k] as number;
    const n = this.len[k] as number;
    if (n === 4) return this.view.getInt32(at);
    if (n === 2) return this.view.getInt16(at);
    if (n === 8) return Number(this.view.getBigInt64(at));
    throw new Error(`COPY: поле ${k} — не целое число`);
  }

  float(k: number): number {
    const at = this.start[k] as number;
    if (this.len[k] === 8) return this.view.getFloat64(at);
    if (this.len[k] === 4) return this.view.getFloat32(at);
    throw new Error(`COPY: поле ${k} — не число с плавающей точкой`);
  }

  bool(k: number): boolean {
    if (this.len[k] !== 1) throw new Error(`COPY: поле ${k} — не логическое значение`);
    return this.buf[this.start[k] as number] === 1;
  }

  text(k: number): string | null {
    const n = this.len[k] as number;
    if (n < 0) return null;
    const at = this.start[k] as number;
    return this.buf.toString('utf8', at, at + n);
  }

  bytes(k: number): Uint8Array {
    const n = this.len[k] as number;
    if (n < 0) throw new Error(`COPY: поле ${k} — пусто`);
    const at = this.start[k] as number;
    return this.buf.subarray(at, at + n);
  }

  uuidKey(k: number): string {
    if (this.len[k] !== 16) throw new Error(`COPY: поле ${k} — не uuid`);
    const v = this.view;
    const at = this.start[k] as number;
    const a = v.getInt32(at);
    const b = v.getInt32(at + 4);
    const c = v.getInt32(at + 8);
    const d = v.getInt32(at + 12);
    const last = this.lastUuid;
    if (this.lastKey !== '' && a === last[0] && b === last[1] && c === last[2] && d === last[3]) {
      return this.lastKey;
    }
    last[0] = a;
    last[1] = b;
    last[2] = c;
    last[3] = d;
    this.lastKey = this.buf.toString('hex', at, at + 16);
    return this.lastKey;
  }
}

/** The same interface over the row objects of a plain SELECT (columns in select-list order). */
class ObjectRow implements Row {
  values: Record<string, unknown> = {};
  private lastUuid = '';
  private lastKey = '';
  constructor(private readonly columns: string[]) {}
  private at(k: number): unknown {
    return this.values[this.columns[k] as string];
  }
  isNull(k: number): boolean {
    return this.at(k) === null || this.at(k) === undefined;
  }
  int(k: number): number {
    return Number(this.at(k));
  }
  float(k: number): number {
    return Number(this.at(k));
  }
  bool(k: number): boolean {
    return this.at(k) === true;
  }
  text(k: number): string | null {
    const v = this.at(k);
    return v === null || v === undefined ? null : String(v);
  }
  bytes(k: number): Uint8Array {
    const v = this.at(k);
    if (v instanceof Uint8Array) return v;
    throw new Error(`Поле ${k} — не bytea`);
  }
  uuidKey(k: number): string {
    const v = String(this.at(k));
    if (v !== this.lastUuid) {
      this.lastUuid = v;
      this.lastKey = keyOfUuid(v);
    }
    return this.lastKey;
  }
}
