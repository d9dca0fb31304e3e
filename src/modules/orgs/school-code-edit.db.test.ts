import { OpenAPIHono } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Env } from '../../api/context.js';
import { errorResponse, validationHook } from '../../api/errors.js';
import { orgRoutes } from '../../api/routes/orgs.js';
import { loadConfig } from '../../config.js';
import type { Database } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import type { Actor } from '../access/actor.js';
import { databaseStorage } from '../files/storage.js';
import { createOrgUnit, updateOrgUnit } from './org-units.js';
import { failure, resetSchools, unitOf } from './school-code-setup.js';

// Код ОО (org_units.code), what the school_id of assessment data packages is matched against: set,
// changed and cleared on a school, by the operations and by PATCH /api/org-units/{id}.

describe.each(DB_KINDS)('Код ОО on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let admin: Actor;
  const db = () => database.db;
  const unit = (id: string) => unitOf(db(), id);

  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(db());
    admin = f.as('admin');
  });
  beforeEach(() => resetSchools(db(), f));
  afterAll(async () => {
    await database?.close();
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
