import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../../tests/helpers/db.js';
import { buildRegion } from '../../../../tests/helpers/fixture.js';
import type { Database } from '../../../db/client.js';
import { roleAssignments, users } from '../../../db/schema/auth.js';
import { appointCoordinator, listCoordinators, removeCoordinator } from './coordinators.js';
import { code, order, TODAY, YEAR } from './people-setup.js';

// The organisation's people: municipal coordinators, appointed with their role by the region.

describe.each(DB_KINDS)('people of the organisation on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
  }, 60_000);
  afterAll(async () => database?.close());

  it('appoints a coordinator with the role, once; lists by scope; removes by version', async () => {
    const db = database.db;
    const r = await appointCoordinator(db, {
      actor: f.as('region'),
      today: TODAY,
      input: { municipalityId: f.M2.id, year: YEAR, login: 'teacher', position: 'Главный специалист', order },
    });
    expect(r.roleAdded).toBe(true);
    const [teacherUser] = await db.select().from(users).where(eq(users.login, 'teacher'));
    const granted = await db
      .select()
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.userId, teacherUser?.id ?? ''),
          eq(roleAssignments.role, 'municipal_coordinator'),
        ),
      );
    expect(granted.map((g) => g.orgUnitId)).toEqual([f.M2.id]);
    expect(
      await code(
        appointCoordinator(db, {
          actor: f.as('region'),
          today: TODAY,
          input: { municipalityId: f.M2.id, year: YEAR, login: 'teacher', order },
        }),
      ),
    ).toMatch(/^CONFLICT/);
    expect(
      await code(
        appointCoordinator(db, {
          actor: f.as('mun1'),
          today: TODAY,
          input: { municipalityId: f.M1.id, year: YEAR, login: 'teacher', order },
        }),
      ),
    ).toMatch(/^FORBIDDEN/);
    expect(
      await code(
        appointCoordinator(db, {
          actor: f.as('region'),
          today: TODAY,
          input: {
            municipalityId: f.M1.id,
            year: YEAR,
            login: 'teacher',
            order: { number: '1', date: '2027-01-01' },
          },
        }),
      ),
    ).toMatch(/^INVALID_INPUT Приказ не может быть датирован будущим днём/);
    expect((await listCoordinators(db, { actor: f.as('region'), year: YEAR })).length).toBe(1);
    expect(await listCoordinators(db, { actor: f.as('mun1'), year: YEAR })).toEqual([]);
    const [row] = await listCoordinators(db, { actor: f.as('mun2'), year: YEAR });
    expect(row?.order?.number).toBe('12-р');
    expect(await code(removeCoordinator(db, { actor: f.as('mun2'), id: row?.id ?? '', version: 1 }))).toMatch(
      /^FORBIDDEN/,
    );
    await removeCoordinator(db, { actor: f.as('region'), id: row?.id ?? '', version: row?.version ?? 0 });
    expect(await listCoordinators(db, { actor: f.as('region'), year: YEAR })).toEqual([]);
  });
});
