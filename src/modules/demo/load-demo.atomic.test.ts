import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import type { Database, Db } from '../../db/client.js';
import { databaseStorage } from '../files/storage.js';
import { loadDemo } from './load-demo.js';

// The demo is one transaction: a load that fails at its very end leaves nothing behind.

type Query = Parameters<Db['execute']>[0];
const rowsOf = async <T>(db: Db, q: Query) => ((await db.execute(q)) as unknown as { rows: T[] }).rows;

/** Rows in every table of the public schema, by table (empty ones left out). */
async function rowsLeft(db: Db): Promise<Record<string, number>> {
  const tables = await rowsOf<{ name: string }>(
    db,
    sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const out: Record<string, number> = {};
  for (const { name } of tables) {
    const [r] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(name)}`);
    if (r && r.n > 0) out[name] = r.n;
  }
  return out;
}

describe.each(DB_KINDS)('loadDemo failing midway (%s)', (kind) => {
  let database: Database;
  let before: Record<string, number>;
  let reached = false;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    before = await rowsLeft(database.db);
  }, 60_000);
  afterAll(() => database.close());

  it('rolls back everything it wrote', async () => {
    await expect(
      loadDemo(database.db, {
        storage: databaseStorage,
        beforeCommit: async (tx) => {
          // The whole demo is there, seen from inside the transaction…
          const [r] = await rowsOf<{ n: number }>(tx, sql`select count(*)::int as n from file_blobs`);
          reached = (r?.n ?? 0) > 0;
          throw new Error('сбой в последнем шаге');
        },
      }),
    ).rejects.toThrow('сбой в последнем шаге');
    expect(reached).toBe(true);
    // …and none of it outside.
    expect(await rowsLeft(database.db)).toEqual(before);
  }, 180_000);
});
