import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import {
  coordinatorsOf,
  curatorsOf,
  keepersOf,
  recipientsOfUnits,
  regionOperatorsOf,
} from '../notifications/recipients.js';

// The sweep's batch of recipients must be the single-unit definitions of recipients.ts, unit by unit.

describe.each(DB_KINDS)('recipients of many units on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await buildRegion(database.db);
  }, 60_000);
  afterAll(() => database.close());

  it('equals keepersOf, curatorsOf, coordinatorsOf and regionOperatorsOf for every unit', async () => {
    const db = database.db;
    const units = await queryRows<{ id: string }>(db, sql`select id::text as id from org_units`);
    const batch = await recipientsOfUnits(
      db,
      units.map((u) => u.id),
    );
    const sorted = (xs: string[]) => [...xs].sort();
    let someone = 0;
    for (const { id } of units) {
      const got = batch.get(id);
      expect(sorted(got?.keepers ?? [])).toEqual(sorted(await keepersOf(db, id)));
      expect(sorted(got?.curators ?? [])).toEqual(sorted(await curatorsOf(db, id)));
      expect(sorted(got?.coordinators ?? [])).toEqual(sorted(await coordinatorsOf(db, id)));
      expect(sorted(got?.region ?? [])).toEqual(sorted(await regionOperatorsOf(db, id)));
      someone += (got?.keepers.length ?? 0) + (got?.curators.length ?? 0);
    }
    expect(someone).toBeGreaterThan(3);
  });
});
