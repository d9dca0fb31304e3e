import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { Database, Db } from '../../db/client.js';
import * as schema from '../../db/schema/index.js';

// Bulk loading of assessment data. A national year is about a million result rows: row-by-row INSERTs
// through the ORM would take minutes, so the rows go in with COPY — `COPY … FROM STDIN` on the
// PostgreSQL connection, `COPY … FROM '/dev/blob'` in PGlite. Operations only know `Db`, so a loader is
// passed in from where the database was opened (API, CLI, benchmark); without one, multi-row INSERTs in
// batches (tests, the demo) do the same job slower.

/** The rows of one table in the column order of `columns`. */
export type BulkTable<Name extends string = string> = {
  table: Name;
  columns: readonly string[];
  length: number;
  /**
   * Writes the cells of row i — strings (any text), finite numbers and nulls — into `out` (length: the
   * columns) and returns it: a million rows are written through one array, without a million allocations.
   */
  row(i: number, out: Cell[]): Cell[];
};

export type Cell = string | number | null;

export type BulkSession = {
  /** The transaction: ordinary queries of the same unit of work. */
  db: Db;
  /**
   * Writes all rows of the table inside the transaction (into `into`, a table of the same columns, when
   * given: a temporary table to merge from); resolves to the number of rows written.
   */
  copy(t: BulkTable, opts?: { into?: string }): Promise<number>;
  /**
   * Runs `fn` without the per-row foreign-key triggers where the database user may switch them off
   * (session_replication_role = replica: PGlite always, PostgreSQL for a superuser). Only for writes whose
   * references the caller has verified in this transaction under a lock (FOR KEY SHARE): a row-by-row FK
   * check is most of the time of a COPY in PGlite.
   */
  referencesChecked<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * `COPY (query) TO STDOUT (FORMAT binary)` inside the transaction: the output is handed to `onChunk` piece
   * by piece as it arrives (rows may span pieces). Absent where the driver has no COPY (the insert loaders):
   * the caller then runs the query as a plain SELECT. The query is plain text: COPY takes no parameters.
   */
  copyOut?(query: string, onChunk: (chunk: Buffer) => void): Promise<void>;
};

export type BulkLoader = {
  method: 'copy-postgres' | 'copy-pglite' | 'insert';
  /** Runs `fn` in one transaction: everything or nothing is written (`readOnly`: a transaction that only reads). */
  transaction<T>(fn: (s: BulkSession) => Promise<T>, opts?: { readOnly?: boolean }): Promise<T>;
};

/** The fastest loader the opened database allows. */
export function bulkLoader(database: Pick<Database, 'db' | 'raw'>): BulkLoader {
  const raw = database.raw;
  if (raw?.kind === 'postgres') return postgresCopyLoader(raw.pool);
  if (raw?.kind === 'pglite') return pgliteCopyLoader(raw.client);
  return insertLoader(database.db);
}

/** Parameters of one statement at most (PostgreSQL's limit is 65 535). */
const MAX_PARAMETERS = 60_000;

/** Works on any `Db` (both drivers): multi-row INSERTs in one drizzle transaction. */
export function insertLoader(db: Db): BulkLoader {
  return {
    method: 'insert',
    transaction: (fn, opts) =>
      db.transaction(
        async (tx) => {
          const session: BulkSession = {
            db: tx as unknown as Db,
            referencesChecked: (f) => f(),
            copy: async (t, o) => {
              const columns = sql.join(
                t.columns.map((c) => sql.identifier(c)),
                sql`, `,
              );
              const batch = Math.floor(MAX_PARAMETERS / t.columns.length);
              for (let start = 0; start < t.length; start += batch) {
                const end = Math.min(t.length, start + batch);
                const tuples: ReturnType<typeof sql>[] = [];
                for (let i = start; i < end; i++) {
                  tuples.push(
                    sql`(${sql.join(
                      t.row(i, new Array(t.columns.length)).map((v) => sql`${v}`),
                      sql`, `,
                    )})`,
                  );
                }
                await tx.execute(
                  sql`insert into ${sql.identifier(o?.into ?? t.table)} (${columns}) values ${sql.join(tuples, sql`, `)}`,
                );
              }
              return t.length;
            },
          };
          return fn(session);
        },
        opts?.readOnly ? { accessMode: 'read only' } : undefined,
      ),
  };
}

/** One COPY text-format field. */
function copyField(v: Cell): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`COPY: не число (${v})`);
    return String(v);
  }
  return /[\\\t\n\r]/.test(v)
    ? v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : v;
}

/** COPY text-format data of rows [start, end) in chunks of about `chunkBytes`. */
function* copyChunks(t: BulkTable, start = 0, end = t.length, chunkBytes = 1 << 20): Generator<Buffer> {
  const cells: Cell[] = new Array(t.columns.length);
  let chunk = '';
  for (let i = start; i < end; i++) {
    t.row(i, cells);
    for (let k = 0; k < cells.length; k++) {
      if (k > 0) chunk += '\t';
      chunk += copyField(cells[k] as Cell);
    }
    chunk += '\n';
    if (chunk.length >= chunkBytes) {
      yield Buffer.from(chunk, 'utf8');
      chunk = '';
    }
  }
  if (chunk.length > 0) yield Buffer.from(chunk, 'utf8');
}

const copySql = (t: BulkTable, into: string | undefined, source: string) =>
  `copy ${quoteIdent(into ?? t.table)} (${t.columns.map(quoteIdent).join(', ')}) from ${source}`;
const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Rows per PGlite COPY: each is one Blob in memory (≈ 7 MB for results). */
const PGLITE_COPY_ROWS = 100_000;

export function pgliteCopyLoader(client: PGlite): BulkLoader {
  return {
    method: 'copy-pglite',
    transaction: (fn, opts) =>
      client.transaction(async (ptx: Transaction) => {
        if (opts?.readOnly) await ptx.exec('set transaction read only');
        // drizzle runs its queries on the PGlite transaction: the same unit of work as the COPY.
        const db = drizzlePglite({ client: ptx as unknown as PGlite, schema }) as unknown as Db;
        return fn({
          db,
          copy: async (t, o) => {
            for (let start = 0; start < t.length; start += PGLITE_COPY_ROWS) {
              const end = Math.min(t.length, start + PGLITE_COPY_ROWS);
              // Node's Buffer is a Uint8Array; its ArrayBufferLike typing is what BlobPart rejects.
              const blob = new Blob([...copyChunks(t, start, end)] as unknown as BlobPart[]);
              await ptx.query(copySql(t, o?.into, `'/dev/blob'`), [], { blob });
            }
            return t.length;
          },
          referencesChecked: async (f) => {
            await ptx.exec('set local session_replication_role = replica');
            const out = await f();
            await ptx.exec('set local session_replication_role = origin');
            return out;
          },
          copyOut: async (query, onChunk) => {
            // PGlite writes the whole output into one Blob.
            const r = await ptx.query(`copy (${query}) to '/dev/blob' with (format binary)`);
            if (r.blob) onChunk(Buffer.from(await r.blob.arrayBuffer()));
          },
        });
      }),
  };
}

export function postgresCopyLoader(pool: pg.Pool): BulkLoader {
  return {
    method: 'copy-postgres',
    transaction: async (fn, opts) => {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query(opts?.readOnly ? 'begin read only' : 'begin');
        const db = drizzlePg(client, { schema }) as unknown as Db;
        const out = await fn({
          db,
          copy: async (t, o) => {
            try {
              return await copyFromStdin(client, copySql(t, o?.into, 'stdin'), copyChunks(t));
            } catch (e) {
              broken = e instanceof CopyStreamError;
              throw e;
            }
          },
          referencesChecked: async (f) => {
            const skipTriggers = await replicaRole(client, 'replica');
            try {
              return await f();
            } finally {
              if (skipTriggers && !broken) await replicaRole(client, 'origin').catch(() => false);
            }
          },
          copyOut: async (query, onChunk) => {
            try {
              await copyToStdout(client, `copy (${query}) to stdout with (format binary)`, onChunk);
            } catch (e) {
              broken = e instanceof CopyStreamError;
              throw e;
            }
          },
        });
        await client.query('commit');
        return out;
      } catch (e) {
        if (!broken) await client.query('rollback').catch(() => {});
        throw e;
      } finally {
        // A connection whose COPY stream failed on our side is not returned to the pool.
        client.release(broken ? true : undefined);
      }
    },
  };
}

class CopyStreamError extends Error {}

/** Sets session_replication_role for the rest of the transaction; false where the user may not. */
async function replicaRole(client: pg.PoolClient, role: 'replica' | 'origin'): Promise<boolean> {
  await client.query('savepoint bulk_replica_role');
  try {
    await client.query(`set local session_replication_role = ${role}`);
    await client.query('release savepoint bulk_replica_role');
    return true;
  } catch {
    await client.query('rollback to savepoint bulk_replica_role');
    return false;
  }
}

/** `COPY … FROM STDIN` with pg-copy-streams: the chunks are piped with the socket's back-pressure. */
async function copyFromStdin(client: pg.PoolClient, text: string, chunks: Iterable<Buffer>): Promise<number> {
  const stream = client.query(copyFrom(text));
  try {
    await pipeline(Readable.from(chunks), stream);
  } catch (e) {
    // The server's refusal (a constraint, a bad value) leaves the connection usable for the rollback;
    // a failure on our side (a chunk that could not be made or written) does not.
    if (e instanceof Error && 'severity' in e) throw e;
    throw new CopyStreamError(e instanceof Error ? e.message : String(e), { cause: e });
  }
  return stream.rowCount;
}

/**
 * `COPY … TO STDOUT` with pg-copy-streams: each piece goes to `onChunk` as it arrives (the socket's
 * back-pressure holds the server while `onChunk` works).
 */
async function copyToStdout(
  client: pg.PoolClient,
  text: string,
  onChunk: (chunk: Buffer) => void,
): Promise<void> {
  const stream = client.query(copyTo(text));
  try {
    await pipeline(
      stream,
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          try {
            onChunk(chunk);
            done();
          } catch (e) {
            done(e as Error);
          }
        },
      }),
    );
  } catch (e) {
    // As for COPY FROM: the server's error leaves the connection usable; a failure on our side (the reader
    // refused a piece) leaves the rest of the output unread on the socket.
    if (e instanceof Error && 'severity' in e) throw e;
    throw new CopyStreamError(e instanceof Error ? e.message : String(e), { cause: e });
  }
}
