import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

// One advisory lock per region's assessment data, held to the end of the transaction: an import takes it
// exclusively; whatever must not see a half-written package or act on data being replaced takes it
// shared — loading a run's data (so a run reads a package whole, and an import starting later is seen as
// newer than the run), building and approving lists on a run. Take it before any row lock of the region:
// the import locks the region's schools (their foreign keys) under it.

const key = (regionId: string) => sql`hashtext(${`assessment-data:${regionId}`})`;

export async function lockRegionDataForWrite(db: Db, regionId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${key(regionId)})`);
}

export async function lockRegionDataForRead(db: Db, regionId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock_shared(${key(regionId)})`);
}
