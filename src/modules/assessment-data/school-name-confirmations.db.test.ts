import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import { TEST_SYSTEM } from '../../../tests/helpers/system.js';
import type { Database, Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { loadActor } from '../auth/load-actor.js';
import { addAssignment, createUser } from '../auth/users.js';
import { createOrgUnit } from '../orgs/org-units.js';
import { forgetSchoolNames, listSchoolNameConfirmations } from './school-name-confirmations.js';
import { matchSchools, rememberConfirmedNames } from './tables/match-schools.js';

const key = (name: string, municipality: string | null = null) => ({
  code: null,
  login: null,
  name,
  municipality,
});

describe.each(DB_KINDS)('remembered school names: list and forget (%s)', (kind) => {
  let database: Database;
  let db: Db;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let other: { regionId: string; schoolId: string; operator: Actor };

  const remember = (
    regionId: string,
    userId: string,
    confirmed: { key: ReturnType<typeof key>; schoolId: string }[],
  ) => rememberConfirmedNames(db, { regionId, userId, confirmed });
  const events = async () =>
    (
      (await db.execute(
        sql`select type, entity_id, org_unit_id, actor_id, payload from audit_events
            where entity_type = 'school_name_confirmation' order by id`,
      )) as unknown as {
        rows: { type: string; entity_id: string; org_unit_id: string; actor_id: string; payload: unknown }[];
      }
    ).rows;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    db = database.db;
    f = await buildRegion(db);
    // Another region with its own operator and a remembered name of its own.
    const unit = (parentId: string | null, k: 'region' | 'municipality' | 'school', name: string) =>
      createOrgUnit(db, { actor: TEST_SYSTEM, audit: false, input: { parentId, kind: k, name } });
    const R2 = await unit(null, 'region', 'Соседняя область');
    const M = await unit(R2.id, 'municipality', 'Дальний район');
    const S = await unit(M.id, 'school', 'Лицей № 7');
    const u = await createUser(db, {
      actor: TEST_SYSTEM,
      input: { login: 'region2', fullName: 'Оператор Соседней', password: 'password-123' },
    });
    await addAssignment(db, {
      actor: TEST_SYSTEM,
      userId: u.id,
      input: { role: 'regional_operator', orgUnitId: R2.id },
    });
    const operator = await loadActor(db, u.id);
    if (!operator) throw new Error('no actor');
    other = { regionId: R2.id, schoolId: S.id, operator };
    await remember(R2.id, u.id, [{ key: key('Лицей 7', 'Дальний р-н'), schoolId: S.id }]);
  });
  afterAll(async () => {
    await database.close();
  });

  it('lists the region’s names as the file wrote them, with the school, its municipality and who confirmed', async () => {
    const region = f.as('region');
    await remember(f.R.id, region.userId, [
      { key: key('МБОУ «СОШ № 1»', 'Первый муниципальный район'), schoolId: f.S1.id },
      { key: key('Школа №3'), schoolId: f.S3.id },
      { key: key('СОШ 1 (корпус 2)', 'Первый р-н'), schoolId: f.S1.id },
    ]);
    const list = await listSchoolNameConfirmations(db, { actor: region });
    expect(list.map((c) => [c.name, c.municipality, c.school.name, c.school.municipality])).toEqual([
      // By the municipality («Второй» before «Первый»), then by the school and the name.
      ['Школа №3', null, 'Школа 3', 'Второй район'],
      ['МБОУ «СОШ № 1»', 'Первый муниципальный район', 'Школа 1', 'Первый район'],
      ['СОШ 1 (корпус 2)', 'Первый р-н', 'Школа 1', 'Первый район'],
    ]);
    expect(list[1]?.confirmedBy).toEqual({ id: region.userId, fullName: 'Пользователь region' });
    expect(Date.parse(list[1]?.confirmedAt ?? '')).not.toBeNaN();
    // Access inside the query: the other region's name is not among them; the administrator sees both regions.
    expect(list.some((c) => c.school.id === other.schoolId)).toBe(false);
    expect((await listSchoolNameConfirmations(db, { actor: other.operator })).map((c) => c.name)).toEqual([
      'Лицей 7',
    ]);
    expect(await listSchoolNameConfirmations(db, { actor: f.as('admin') })).toHaveLength(4);
    expect(
      await listSchoolNameConfirmations(db, { actor: f.as('admin'), regionId: other.regionId }),
    ).toHaveLength(1);
    // Those who do not load the region's data do not see what was confirmed there.
    for (const login of ['mun1', 'center', 'expert', 'school1']) {
      await expect(listSchoolNameConfirmations(db, { actor: f.as(login) })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
  });

  it('forgets one name with an event; the next file naming the school so is asked again', async () => {
    const region = f.as('region');
    const keyed = key('Школа №3');
    const before = await matchSchools(db, { regionId: f.R.id, keys: [keyed] });
    expect(before[0]).toMatchObject({ status: 'matched', by: 'confirmed', schoolId: f.S3.id });
    const row = (await listSchoolNameConfirmations(db, { actor: region })).find((c) => c.name === 'Школа №3');
    if (!row) throw new Error('no row');
    // A municipal coordinator may not; the other region's operator does not find it.
    await expect(forgetSchoolNames(db, { actor: f.as('mun2'), id: row.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(forgetSchoolNames(db, { actor: other.operator, id: row.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await forgetSchoolNames(db, { actor: region, id: row.id })).toEqual({ forgotten: 1 });
    const after = await matchSchools(db, { regionId: f.R.id, keys: [keyed] });
    expect(after[0]?.by).not.toBe('confirmed');
    expect(after[0]?.status).not.toBe('matched');
    // Forgotten already: not found, as a name that never was.
    await expect(forgetSchoolNames(db, { actor: region, id: row.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Запомненное название не найдено или недоступно',
    });
    expect(await events()).toEqual([
      {
        type: 'school_name_confirmation.forgotten',
        entity_id: row.id,
        org_unit_id: f.S3.id,
        actor_id: region.userId,
        payload: {
          name: 'Школа №3',
          writtenMunicipality: null,
          school: 'Школа 3',
          confirmedBy: 'Пользователь region',
          allOfSchool: false,
        },
      },
    ]);
  });

  it('forgets every name of one school; another region’s name or school is not found and stays', async () => {
    const region = f.as('region');
    const otherRow = (await listSchoolNameConfirmations(db, { actor: other.operator }))[0];
    if (!otherRow) throw new Error('no row');
    await expect(forgetSchoolNames(db, { actor: region, id: otherRow.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(forgetSchoolNames(db, { actor: region, schoolId: other.schoolId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Школа не найдена или недоступна',
    });
    expect(await listSchoolNameConfirmations(db, { actor: other.operator })).toHaveLength(1);
    // A school with nothing remembered: nothing to forget, no event.
    const count = (await events()).length;
    expect(await forgetSchoolNames(db, { actor: region, schoolId: f.S2.id })).toEqual({ forgotten: 0 });
    expect(await forgetSchoolNames(db, { actor: region, schoolId: f.S1.id })).toEqual({ forgotten: 2 });
    expect(await listSchoolNameConfirmations(db, { actor: region })).toEqual([]);
    const added = (await events()).slice(count);
    expect(
      added.map((e) => [e.org_unit_id, (e.payload as { name: string; allOfSchool: boolean }).allOfSchool]),
    ).toEqual([
      [f.S1.id, true],
      [f.S1.id, true],
    ]);
    // The administrator reaches any region.
    expect(await forgetSchoolNames(db, { actor: f.as('admin'), id: otherRow.id })).toEqual({ forgotten: 1 });
    await expect(forgetSchoolNames(db, { actor: region })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('keeps the file’s latest writing when a name of the same key is confirmed again', async () => {
    const region = f.as('region');
    await remember(f.R.id, region.userId, [{ key: key('СОШ № 2', 'Первый район'), schoolId: f.S2.id }]);
    await remember(f.R.id, region.userId, [
      { key: key('МБОУ "СОШ №2"', 'Первый муниципальный район'), schoolId: f.S2.id },
    ]);
    expect(
      (await listSchoolNameConfirmations(db, { actor: region })).map((c) => [c.name, c.municipality]),
    ).toEqual([['МБОУ "СОШ №2"', 'Первый муниципальный район']]);
  });

  // Held-out set 8: one load confirmed two writings that fall under one key (a 500 before: «ON CONFLICT DO
  // UPDATE command cannot affect row a second time»).
  it('remembers two writings of one key confirmed in one load once; one key confirmed as two schools not at all', async () => {
    const region = f.as('region');
    await remember(f.R.id, region.userId, [{ key: key('Лицей № 9', 'Первый район'), schoolId: f.S1.id }]);
    await remember(f.R.id, region.userId, [
      { key: key('Гимназия № 5', 'Первый район'), schoolId: f.S1.id },
      { key: key('гимназия №5', 'Первый район'), schoolId: f.S1.id },
      { key: key('Лицей № 9', 'Первый район'), schoolId: f.S1.id },
      { key: key('лицей №9', 'Первый район'), schoolId: f.S2.id },
    ]);
    const names = (await listSchoolNameConfirmations(db, { actor: region })).map((c) => c.name);
    expect(names.filter((n) => /гимназия|лицей/i.test(n))).toEqual(['гимназия №5']);
  });
});
