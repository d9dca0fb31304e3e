import { OpenAPIHono } from '@hono/zod-openapi';
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import { TEST_SYSTEM } from '../../../tests/helpers/system.js';
import type { Env } from '../../api/context.js';
import { errorResponse, validationHook } from '../../api/errors.js';
import { orgRoutes } from '../../api/routes/orgs.js';
import { loadConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import { methodologies } from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { AppError } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { databaseStorage } from '../files/storage.js';
import { importSchools } from './import-schools.js';
import { createOrgUnit, updateOrgUnit } from './org-units.js';

// Код ОО (org_units.code): what the school_id of assessment data packages is matched against.

const failure = async (p: Promise<unknown>) => {
  try {
    await p;
    return { code: 'OK', message: '', fields: undefined as unknown };
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, message: e.message, fields: e.details?.fields };
    throw e;
  }
};

const csv = (...rows: string[]) => Buffer.from(rows.join('\n'), 'utf8');

describe.each(DB_KINDS)('Код ОО on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let admin: Actor;
  const db = () => database.db;
  const unit = async (id: string) => {
    const [u] = await db().select().from(orgUnits).where(eq(orgUnits.id, id));
    if (!u) throw new Error(`no unit ${id}`);
    return u;
  };
  const byInn = async (inn: string) => (await db().select().from(orgUnits).where(eq(orgUnits.inn, inn)))[0];
  const run = (data: Buffer, dryRun = false, actor = admin) =>
    importSchools(db(), { actor, fileName: 'schools.csv', data, dryRun });
  /** The fixture's schools as they were: S1 has code A-1 and INN 5800000001, S2 INN 5800000002, S3 none. */
  const reset = async () => {
    const fixture = [f.S1.id, f.S2.id, f.S3.id];
    await db()
      .delete(orgUnits)
      .where(and(eq(orgUnits.kind, 'school'), notInArray(orgUnits.id, fixture)));
    await db().update(orgUnits).set({ code: null }).where(inArray(orgUnits.id, fixture));
    const school = (id: string, name: string, inn: string | null, code: string | null) =>
      db().update(orgUnits).set({ name, inn, code, version: 1 }).where(eq(orgUnits.id, id));
    await school(f.S1.id, 'Школа 1', '5800000001', 'A-1');
    await school(f.S2.id, 'Школа 2', '5800000002', null);
    await school(f.S3.id, 'Школа 3', null, null);
    await db().delete(auditEvents);
  };

  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(db());
    admin = f.as('admin');
  });
  beforeEach(reset);
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

  describe('create and update', () => {
    it('sets, changes and clears the code with the version check, each change in the history', async () => {
      const v = (await unit(f.S2.id)).version;
      const set = await updateOrgUnit(db(), {
        actor: admin,
        id: f.S2.id,
        input: { code: '  B-2 ', version: v },
      });
      expect(set).toMatchObject({ code: 'B-2', version: v + 1 });
      const changed = await updateOrgUnit(db(), {
        actor: admin,
        id: f.S2.id,
        input: { code: 'B-22', name: 'Школа № 2', version: v + 1 },
      });
      expect(changed).toMatchObject({ code: 'B-22', version: v + 2 });

      const stale = await failure(
        updateOrgUnit(db(), { actor: admin, id: f.S2.id, input: { code: 'B-3', version: v } }),
      );
      expect(stale.code).toBe('CONFLICT');
      expect((await unit(f.S2.id)).code).toBe('B-22');

      const cleared = await updateOrgUnit(db(), {
        actor: admin,
        id: f.S2.id,
        input: { code: '', version: v + 2 },
      });
      expect(cleared.code).toBeNull();

      const events = await db()
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.type, 'org_unit.updated'), eq(auditEvents.entityId, f.S2.id)))
        .orderBy(auditEvents.id);
      expect(events.map((e) => e.payload)).toEqual([
        { changes: [{ field: 'code', old: null, new: 'B-2' }] },
        {
          changes: [
            { field: 'name', old: 'Школа 2', new: 'Школа № 2' },
            { field: 'code', old: 'B-2', new: 'B-22' },
          ],
        },
        { changes: [{ field: 'code', old: 'B-22', new: null }] },
      ]);
      expect(events.every((e) => e.actorId === admin.userId)).toBe(true);
    });

    it('refuses a code held by another school of the region, and keeps its own code', async () => {
      const s2 = await unit(f.S2.id);
      const dup = await failure(
        updateOrgUnit(db(), { actor: admin, id: s2.id, input: { code: 'A-1', version: s2.version } }),
      );
      expect(dup).toEqual({
        code: 'INVALID_INPUT',
        message: 'Код ОО «A-1» уже указан у школы «Школа 1» (Первый район)',
        fields: [{ field: 'code', message: 'Код ОО «A-1» уже указан у школы «Школа 1» (Первый район)' }],
      });
      expect(await unit(s2.id)).toMatchObject({ code: null, version: s2.version });

      const s1 = await unit(f.S1.id);
      const own = await updateOrgUnit(db(), {
        actor: admin,
        id: s1.id,
        input: { code: 'A-1', name: 'Школа № 1', version: s1.version },
      });
      expect(own).toMatchObject({ code: 'A-1', name: 'Школа № 1' });

      const created = await failure(
        createOrgUnit(db(), {
          actor: admin,
          input: { parentId: f.M2.id, kind: 'school', name: 'Новая школа', code: 'A-1' },
        }),
      );
      expect(created).toMatchObject({
        code: 'INVALID_INPUT',
        message: 'Код ОО «A-1» уже указан у школы «Школа № 1» (Первый район)',
      });
      const fresh = await createOrgUnit(db(), {
        actor: admin,
        input: { parentId: f.M2.id, kind: 'school', name: 'Новая школа', code: 'N-1' },
      });
      expect(fresh.code).toBe('N-1');
    });

    it('checks the code: no spaces inside, at most 64 characters, schools only', async () => {
      const s2 = await unit(f.S2.id);
      const spaced = await failure(
        updateOrgUnit(db(), { actor: admin, id: s2.id, input: { code: 'B 2', version: s2.version } }),
      );
      expect(spaced).toMatchObject({ code: 'INVALID_INPUT', message: 'code: Код ОО — без пробелов внутри' });
      const long = await failure(
        updateOrgUnit(db(), {
          actor: admin,
          id: s2.id,
          input: { code: 'b'.repeat(65), version: s2.version },
        }),
      );
      expect(long).toMatchObject({ code: 'INVALID_INPUT', message: 'code: Код ОО — не длиннее 64 символов' });
      const ok64 = await updateOrgUnit(db(), {
        actor: admin,
        id: s2.id,
        input: { code: 'b'.repeat(64), version: s2.version },
      });
      expect(ok64.code).toHaveLength(64);
      const muni = await unit(f.M1.id);
      const notSchool = await failure(
        updateOrgUnit(db(), { actor: admin, id: muni.id, input: { code: 'M-1', version: muni.version } }),
      );
      expect(notSchool).toMatchObject({ code: 'INVALID_INPUT', message: 'Код ОО указывается только у школ' });
    });

    it('only the administrator changes a code', async () => {
      for (const login of ['region', 'center', 'mun1', 'curator', 'school1', 'expert', 'teacher']) {
        const s1 = await unit(f.S1.id);
        const r = await failure(
          updateOrgUnit(db(), {
            actor: f.as(login),
            id: s1.id,
            input: { code: 'HACK', version: s1.version },
          }),
        );
        expect([login, r.code]).toEqual([login, 'FORBIDDEN']);
      }
      expect(await unit(f.S1.id)).toMatchObject({ code: 'A-1', version: 1 });
      const done = await updateOrgUnit(db(), {
        actor: admin,
        id: f.S1.id,
        input: { code: 'A-2', version: 1 },
      });
      expect(done.code).toBe('A-2');
    });

    it('is served by PATCH /api/org-units/{id}', async () => {
      let actor: Actor = admin;
      const app = new OpenAPIHono<Env>({ defaultHook: validationHook });
      app.onError(errorResponse);
      app.use('*', async (c, next) => {
        c.set('actor', actor);
        await next();
      });
      orgRoutes(app, {
        db: db(),
        dbKind: database.kind,
        storage: databaseStorage(db()),
        config: loadConfig({ DEMO: 'true' }),
        sessions: { secret: 'test-secret-test-secret', ttlHours: 1 },
      });
      const patch = async (id: string, body: unknown) => {
        const res = await app.request(`http://localhost/api/org-units/${id}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return {
          status: res.status,
          body: (await res.json()) as { code?: string; error?: { message: string } },
        };
      };
      const ok = await patch(f.S2.id, { code: 'B-2', version: 1 });
      expect(ok).toMatchObject({ status: 200, body: { code: 'B-2' } });
      const got = await app.request(`http://localhost/api/org-units/${f.S2.id}`);
      expect(((await got.json()) as { code: string }).code).toBe('B-2');
      expect(await patch(f.S2.id, { code: 'A-1', version: 2 })).toMatchObject({
        status: 400,
        body: { error: { message: 'Код ОО «A-1» уже указан у школы «Школа 1» (Первый район)' } },
      });
      expect((await patch(f.S2.id, { code: 'C 3', version: 2 })).status).toBe(400);
      expect((await patch(f.S2.id, { code: 'C-3', version: 1 })).status).toBe(409);
      actor = f.as('region');
      expect((await patch(f.S2.id, { code: 'C-3', version: 2 })).status).toBe(403);
      expect((await unit(f.S2.id)).code).toBe('B-2');
    });
  });
});
