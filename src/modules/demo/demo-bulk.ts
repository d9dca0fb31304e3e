import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { BulkLoader, BulkSession, BulkTable, Cell } from '../assessment-data/store.js';

// The demo's assessment data go into the demo's own transaction. A COPY loader works on a connection
// (PostgreSQL) or a PGlite transaction of its own and cannot join it, and the generic insert loader
// builds one bound parameter per cell through the query builder, which is most of its time. Here the
// rows are written as SQL literals, a few thousand per statement: text the server parses at once.

const ROWS_PER_STATEMENT = 5_000;

/** One value as an SQL literal; strings are quoted (standard_conforming_strings: a backslash is literal). */
function literal(v: Cell): string {
  if (v === null) return 'null';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`Демо-данные: не число (${v})`);
    return String(v);
  }
  if (v.includes('\0')) throw new Error('Демо-данные: нулевой символ в строке');
  return `'${v.replace(/'/g, "''")}'`;
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** A bulk loader whose every write is a savepoint of `tx`: a failure of the demo rolls it back too. */
export function transactionLoader(tx: Db): BulkLoader {
  // Savepoints of one connection cannot overlap: callers that open several side by side (a run reads
  // its package in parallel on a pool) take turns here. None opens one inside another.
  let turn: Promise<unknown> = Promise.resolve();
  return {
    method: 'insert',
    transaction: (fn) => {
      const mine = turn.then(() => savepoint(fn));
      turn = mine.catch(() => {});
      return mine;
    },
  };

  function savepoint<T>(fn: (session: BulkSession) => Promise<T>): Promise<T> {
    return tx.transaction(async (sp) => {
      const db = sp as unknown as Db;
      const session: BulkSession = {
        db,
        referencesChecked: (f) => f(),
        copy: async (t: BulkTable, o) => {
          const head = `insert into ${ident(o?.into ?? t.table)} (${t.columns.map(ident).join(', ')}) values `;
          const cells: Cell[] = new Array(t.columns.length);
          for (let start = 0; start < t.length; start += ROWS_PER_STATEMENT) {
            const end = Math.min(t.length, start + ROWS_PER_STATEMENT);
            const rows: string[] = [];
            for (let i = start; i < end; i++) rows.push(`(${t.row(i, cells).map(literal).join(', ')})`);
            await db.execute(sql.raw(head + rows.join(', ')));
          }
          return t.length;
        },
      };
      return fn(session);
    });
  }
}
