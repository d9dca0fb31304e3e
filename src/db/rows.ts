import type { SQL } from 'drizzle-orm';
import type { Db } from './client.js';

/** The rows of a hand-written query: the drivers' `execute` results differ in type but both carry `rows`. */
export async function queryRows<T>(db: Db, q: SQL): Promise<T[]> {
  return ((await db.execute(q)) as unknown as { rows: T[] }).rows;
}
