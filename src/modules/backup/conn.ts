import type { Writable } from 'node:stream';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { Database } from '../../db/client.js';

/*
 * One connection in one transaction, the same for both engines: the backup reads every table inside
 * ONE snapshot, the restore writes every table inside ONE transaction. drizzle's handle cannot do COPY,
 * so this talks to the driver's own client (`Database.raw`).
 */
export interface Conn {
  rows<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** `COPY … TO` of `copySql` (without its target) into `sink`. */
  copyOut(copySql: string, sink: Writable): Promise<void>;
  /** `COPY … FROM` of `copySql` (without its source) from the chunks; rows never span two COPYs. */
  copyIn(copySql: string, chunks: AsyncIterable<Buffer>): Promise<void>;
}

export type Mode = 'snapshot' | 'write';

export async function inTransaction<T>(
  database: Database,
  mode: Mode,
  fn: (c: Conn) => Promise<T>,
): Promise<T> {
  const raw = database.raw;
  if (raw?.kind === 'postgres') return postgresTransaction(raw.pool, mode, fn);
  if (raw?.kind === 'pglite') return pgliteTransaction(raw.client, mode, fn);
  throw new Error('Резервное копирование требует прямого подключения к базе (PGlite или PostgreSQL)');
}

// COPY's text of dates, times and numbers follows the session's settings: the same ones on both sides
// make it unambiguous whatever the server's or the database's defaults are.
const SESSION =
  "set local datestyle = 'ISO, YMD'; set local timezone = 'UTC'; set local intervalstyle = 'postgres'; " +
  "set local extra_float_digits = 1; set local client_encoding = 'UTF8'";

// A snapshot that sees one moment of the whole database, and takes no lock that blocks writers.
const SNAPSHOT = 'begin isolation level repeatable read read only';

async function postgresTransaction<T>(pool: pg.Pool, mode: Mode, fn: (c: Conn) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query(mode === 'snapshot' ? SNAPSHOT : 'begin');
    await client.query(SESSION);
    const conn: Conn = {
      rows: async (text, params) => (await client.query(text, params)).rows,
      copyOut: async (text, sink) => {
        try {
          await pipeline(client.query(copyTo(`${text} to stdout`)), sink);
        } catch (e) {
          broken = !(e instanceof Error && 'severity' in e);
          throw e;
        }
      },
      copyIn: async (text, chunks) => {
        try {
          await pipeline(Readable.from(chunks), client.query(copyFrom(`${text} from stdin`)));
        } catch (e) {
          // The server's refusal leaves the connection usable for the rollback; our own failure does not.
          broken = !(e instanceof Error && 'severity' in e);
          throw e;
        }
      },
    };
    const out = await fn(conn);
    await client.query('commit');
    return out;
  } catch (e) {
    if (!broken) await client.query('rollback').catch(() => {});
    throw e;
  } finally {
    client.release(broken ? true : undefined);
  }
}

/** PGlite's COPY goes through one Blob: input is cut into pieces of about this size at a row's end. */
const PGLITE_PIECE = 8 << 20;

async function pgliteTransaction<T>(client: PGlite, mode: Mode, fn: (c: Conn) => Promise<T>): Promise<T> {
  return client.transaction(async (tx: Transaction) => {
    if (mode === 'snapshot') await tx.exec('set transaction isolation level repeatable read read only');
    await tx.exec(SESSION);
    const conn: Conn = {
      rows: async <R>(text: string, params?: unknown[]) => (await tx.query<R>(text, params)).rows,
      copyOut: async (text, sink) => {
        // PGlite writes a whole COPY into one Blob: one table at a time is held in memory.
        const r = await tx.query(`${text} to '/dev/blob'`);
        const data = r.blob ? Buffer.from(await r.blob.arrayBuffer()) : Buffer.alloc(0);
        await pipeline(Readable.from([data]), sink);
      },
      copyIn: async (text, chunks) => {
        for await (const piece of rowPieces(chunks, PGLITE_PIECE)) {
          await tx.query(`${text} from '/dev/blob'`, [], { blob: new Blob([new Uint8Array(piece)]) });
        }
      },
    };
    return fn(conn);
  });
}

/** Re-cuts a byte stream of COPY text rows into pieces of about `size` bytes, each ending with a row. */
export async function* rowPieces(chunks: AsyncIterable<Buffer>, size: number): AsyncGenerator<Buffer> {
  let held: Buffer[] = [];
  let heldBytes = 0;
  for await (const chunk of chunks) {
    held.push(chunk);
    heldBytes += chunk.length;
    if (heldBytes < size) continue;
    const all = Buffer.concat(held);
    const end = all.lastIndexOf(0x0a) + 1;
    if (end === 0) continue;
    yield all.subarray(0, end);
    held = [all.subarray(end)];
    heldBytes = all.length - end;
  }
  if (heldBytes > 0) yield Buffer.concat(held);
}

export { quoteIdent } from '../archive/catalog.js';
