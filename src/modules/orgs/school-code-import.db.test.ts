import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import { TEST_SYSTEM } from '../../../tests/helpers/system.js';
import type { Database } from '../../db/client.js';
import { methodologies } from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import type { Actor } from '../access/actor.js';
import { importSchools } from './import-schools.js';
import { createOrgUnit, updateOrgUnit } from './org-units.js';
import { failure, resetSchools, unitOf } from './school-code-setup.js';

// Код ОО (org_units.code), what the school_id of assessment data packages is matched against: set and
// checked by the school import.

const csv = (...rows: string[]) => Buffer.from(rows.join('\n'), 'utf8');

describe.each(DB_KINDS)('Код ОО on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let admin: Actor;
  const db = () => database.db;
  const unit = (id: string) => unitOf(db(), id);
  const byInn = async (inn: string) => (await db().select().from(orgUnits).where(eq(orgUnits.inn, inn)))[0];
  const run = (data: Buffer, dryRun = false, actor = admin) =>
    importSchools(db(), { actor, fileName: 'schools.csv', data, dryRun });

  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(db());
    admin = f.as('admin');
  });
  beforeEach(() => resetSchools(db(), f));
  afterAll(async () => {
    await database?.close();
  });

  describe('school import', () => {
    const HEADER = 'Полное наименование;ИНН;Муниципалитет;Код ОО';

    it('creates schools with their codes (synonym «Логин ФИС ОКО», apostrophe and edge spaces dropped)', async () => {
      const res = await run(
        csv(
          'Полное наименование;ИНН;Муниципалитет;Логин ФИС ОКО',
          "Школа 10;5800000010;Первый район;'00123",
          'Школа 11;5800000011;Второй район;  sch-11  ',
          'Школа 12;5800000012;Второй район;',
        ),
      );
      expect(res.errors).toEqual([]);
      expect(res).toMatchObject({ ok: true, created: 3, updated: 0, warnings: [] });
      expect(res.preview.map((p) => [p.row, p.code])).toEqual([
        [2, '00123'],
        [3, 'sch-11'],
        [4, null],
      ]);
      expect((await byInn('5800000010'))?.code).toBe('00123');
      expect((await byInn('5800000011'))?.code).toBe('sch-11');
      expect((await byInn('5800000012'))?.code).toBeNull();
    });

    it('checks each code: no spaces inside, at most 64 characters; nothing is written', async () => {
      const res = await run(
        csv(
          HEADER,
          'Школа 10;5800000010;Первый район;AB 12',
          `Школа 11;5800000011;Первый район;${'x'.repeat(65)}`,
          'Школа 12;5800000012;Первый район;1,23E+05',
          `Школа 13;5800000013;Первый район;${'y'.repeat(64)}`,
        ),
        true,
      );
      expect(res.ok).toBe(false);
      expect(res.errors).toEqual([
        { row: 2, field: 'Код ОО', message: 'Код ОО «AB 12» содержит пробел: код пишется без пробелов' },
        { row: 3, field: 'Код ОО', message: 'Код ОО — не длиннее 64 символов' },
        {
          row: 4,
          field: 'Код ОО',
          message:
            'Код ОО записан в экспоненциальном виде: задайте столбцу текстовый формат и введите код заново',
        },
      ]);
      const all = await run(
        csv(HEADER, 'Школа 10;5800000010;Первый район;AB 12', 'Школа 13;5800000013;Первый район;ok'),
      );
      expect(all.ok).toBe(false);
      expect(await byInn('5800000013')).toBeUndefined();
    });

    it('refuses a code given twice in the file, on the second row', async () => {
      const res = await run(
        csv(
          HEADER,
          'Школа 10;5800000010;Первый район;K-7',
          'Школа 11;5800000011;Второй район;K-8',
          'Школа 12;5800000012;Второй район;K-7',
        ),
      );
      expect(res.ok).toBe(false);
      expect(res.errors).toEqual([
        { row: 4, field: 'Код ОО', message: 'Код ОО «K-7» уже встречался в строке 2' },
      ]);
      expect(await byInn('5800000010')).toBeUndefined();
    });

    it('refuses a code held by another school of the region, naming it', async () => {
      const res = await run(
        csv(
          HEADER,
          'Школа 10;5800000010;Второй район;A-1', // new school, S1's code
          'Школа 2;5800000002;Первый район;A-1', // S2 updated, S1's code
          'Школа 11;5800000011;Второй район;F-11',
        ),
      );
      expect(res.ok).toBe(false);
      expect(res.errors).toEqual([
        { row: 2, field: 'Код ОО', message: 'Код ОО «A-1» уже указан у школы «Школа 1» (Первый район)' },
        { row: 3, field: 'Код ОО', message: 'Код ОО «A-1» уже встречался в строке 2' },
      ]);
      expect(res.preview.map((p) => p.row)).toEqual([4]);
      expect(await byInn('5800000011')).toBeUndefined();
      expect((await unit(f.S2.id)).code).toBeNull();

      const alone = await run(csv(HEADER, 'Школа 2;5800000002;Первый район;A-1'), true);
      expect(alone.errors).toEqual([
        { row: 2, field: 'Код ОО', message: 'Код ОО «A-1» уже указан у школы «Школа 1» (Первый район)' },
      ]);
    });

    it('refuses a code held in another region (the code is unique in the whole system)', async () => {
      const other = await createOrgUnit(db(), {
        actor: TEST_SYSTEM,
        audit: false,
        input: { parentId: null, kind: 'region', name: 'Другая область' },
      });
      const om = await createOrgUnit(db(), {
        actor: TEST_SYSTEM,
        audit: false,
        input: { parentId: other.id, kind: 'municipality', name: 'Дальний район' },
      });
      await createOrgUnit(db(), {
        actor: TEST_SYSTEM,
        audit: false,
        input: { parentId: om.id, kind: 'school', name: 'Дальняя школа', code: 'FAR-1' },
      });
      const res = await run(csv(HEADER, 'Школа 10;5800000010;Первый район;FAR-1'), true);
      expect(res.errors).toEqual([
        {
          row: 2,
          field: 'Код ОО',
          message:
            'Код ОО «FAR-1» уже указан у организации «Дальняя школа» другого региона: код ОО не может повторяться',
        },
      ]);
      await db().delete(orgUnits).where(eq(orgUnits.path, om.path));
      // A region gets its default methodology when it is created.
      await db().delete(methodologies).where(eq(methodologies.regionId, other.id));
      await db().delete(orgUnits).where(eq(orgUnits.id, other.id));
    });

    it('sets and changes the code of a school found by INN; an empty cell keeps it', async () => {
      const s1v = (await unit(f.S1.id)).version;
      const res = await run(
        csv(
          HEADER,
          'Школа 1;5800000001;Первый район;A-1-NEW', // change
          'Школа 2;5800000002;Первый район;B-2', // set
        ),
      );
      expect(res.errors).toEqual([]);
      expect(res).toMatchObject({ ok: true, created: 0, updated: 2 });
      expect(res.preview.map((p) => [p.action, p.code])).toEqual([
        ['update', 'A-1-NEW'],
        ['update', 'B-2'],
      ]);
      expect(await unit(f.S1.id)).toMatchObject({ code: 'A-1-NEW', version: s1v + 1 });
      expect((await unit(f.S2.id)).code).toBe('B-2');

      const same = await run(
        csv(HEADER, 'Школа 1;5800000001;Первый район;', 'Школа 2;5800000002;Первый район;B-2'),
      );
      expect(same).toMatchObject({ ok: true, updated: 0 });
      expect((await unit(f.S1.id)).code).toBe('A-1-NEW');
    });

    it('lets a file swap the codes of two schools and give a released code to a new school', async () => {
      await updateOrgUnit(db(), { actor: admin, id: f.S2.id, input: { code: 'B-2', version: 1 } });
      const res = await run(
        csv(
          HEADER,
          'Школа 1;5800000001;Первый район;B-2',
          'Школа 2;5800000002;Первый район;C-3',
          'Школа 10;5800000010;Второй район;A-1',
        ),
      );
      expect(res.errors).toEqual([]);
      expect(res).toMatchObject({ ok: true, created: 1, updated: 2 });
      expect((await unit(f.S1.id)).code).toBe('B-2');
      expect((await unit(f.S2.id)).code).toBe('C-3');
      expect((await byInn('5800000010'))?.code).toBe('A-1');
    });

    it('is for the administrator only', async () => {
      for (const login of ['region', 'mun1', 'school1']) {
        const r = await failure(run(csv(HEADER, 'Школа 1;5800000001;Первый район;Z-1'), false, f.as(login)));
        expect([login, r.code]).toEqual([login, 'FORBIDDEN']);
      }
      expect((await unit(f.S1.id)).code).toBe('A-1');
    });
  });
});
