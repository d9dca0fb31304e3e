import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { preparedRead } from '../../db/prepared-read.js';

// Answers of the hot reads (roadmap card, roadmap list, item lists, dashboard) kept in memory and served
// only while the database says nothing they show has changed (docs/decisions/0015-read-cache.md).
//
// The stamp is the sum of `card_generation`, moved by deferred triggers at the commit of every change
// to the tables these reads use (roadmaps, sections, items and their responsibles, evidence and
// comments, cascade tasks, org units), whoever the writer — plus the database's date, on which
// «просрочено» and «ближайшие» depend. A read is kept only if the stamp is the same before and after
// it: then every statement of the read saw one committed state, the one of that stamp. A later
// request with the same key and the same stamp gets exactly what the read would return now, for the
// price of one tiny query. The key holds every input of the read (the actor as loaded, the filters),
// so an answer is only ever served for the very same question.

const readStamp = preparedRead(
  'read_cache_stamp',
  { stamp: sql<string>`stamp` },
  sql`(select sum(n)::text || '|' || current_date::text as stamp from card_generation) s`,
);

async function stampOf(db: Db): Promise<string | undefined> {
  return (await readStamp(db, {}))[0]?.stamp;
}

type Entry<T> = { value: T; stamp: string; bytes: number };

/** Bytes kept per cache and database handle; the least recently used go first. */
const MAX_BYTES = 32 * 1024 * 1024;

export class ReadCache<T> {
  private readonly byDb = new WeakMap<Db, { entries: Map<string, Entry<T>>; bytes: number }>();

  /** @param sizeOf the approximate bytes of a kept answer (for the memory bound). */
  constructor(private readonly sizeOf: (value: T) => number) {}

  /**
   * The answer of `key` from memory if the database is unchanged since it was read, else from `read`.
   * Inside a transaction nothing is kept or served: its own uncommitted changes do not move the stamp.
   */
  async get(db: Db, key: string, read: () => Promise<T>): Promise<T> {
    if (db instanceof PgTransaction) return read();
    let store = this.byDb.get(db);
    if (!store) {
      store = { entries: new Map(), bytes: 0 };
      this.byDb.set(db, store);
    }
    const before = await stampOf(db);
    const hit = store.entries.get(key);
    if (hit) {
      store.entries.delete(key);
      if (hit.stamp === before) {
        store.entries.set(key, hit); // re-inserted: Map order is the order of use
        return hit.value;
      }
      store.bytes -= hit.bytes;
    }
    const value = await read();
    if (before === undefined || (await stampOf(db)) !== before) return value;
    const bytes = this.sizeOf(value) + key.length;
    store.entries.set(key, { value, stamp: before, bytes });
    store.bytes += bytes;
    for (const [k, e] of store.entries) {
      if (store.bytes <= MAX_BYTES) break;
      store.entries.delete(k);
      store.bytes -= e.bytes;
    }
    return value;
  }
}

/** Size of an answer by its JSON (computed once, when it is kept). */
export const jsonBytes = (value: unknown) => JSON.stringify(value)?.length ?? 0;
