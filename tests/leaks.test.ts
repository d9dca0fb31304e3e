import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { auditEvents } from '../src/db/schema/audit.js';
import { roleAssignments, users } from '../src/db/schema/auth.js';
import { orgUnits } from '../src/db/schema/orgs.js';
import { itemEvidence, items, roadmaps } from '../src/db/schema/roadmaps.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS } from './helpers/db.js';
import { demoDatabase } from './helpers/demo-db.js';

// Regression tests of the leaks an attacker found with the demo roles (issue 8). Each failed on the
// code before the fix: the answers named in the comments are what that code gave.

describe.each(DB_KINDS)('closed leaks on %s', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  const cookie: Record<string, string> = {};
  const unitOf = async (login: string) => {
    const [r] = await database.db
      .select({ id: orgUnits.id, name: orgUnits.name, parentId: orgUnits.parentId })
      .from(users)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId))
      .where(eq(users.login, login));
    if (!r) throw new Error(`no unit of ${login}`);
    return r;
  };
  const firstItemOf = async (unitId: string) => {
    const [r] = await database.db
      .select({
        id: items.id,
        roadmapId: items.roadmapId,
        version: roadmaps.version,
        itemVersion: items.version,
      })
      .from(items)
      .innerJoin(roadmaps, eq(roadmaps.id, items.roadmapId))
      .where(and(eq(roadmaps.orgUnitId, unitId), eq(roadmaps.status, 'approved')))
      .orderBy(items.position)
      .limit(1);
    if (!r) throw new Error(`no item of ${unitId}`);
    return r;
  };
  const evidenceOf = async (unitId: string) => {
    const [r] = await database.db
      .select({ fileId: itemEvidence.fileId })
      .from(itemEvidence)
      .innerJoin(items, eq(items.id, itemEvidence.itemId))
      .innerJoin(roadmaps, eq(roadmaps.id, items.roadmapId))
      .where(eq(roadmaps.orgUnitId, unitId))
      .limit(1);
    if (!r) throw new Error(`no evidence of ${unitId}`);
    return r.fileId;
  };

  beforeAll(async () => {
    database = await demoDatabase(kind);
    t = testApp(database);
    for (const l of ['school', 'school2', 'municipality', 'region']) cookie[l] = await t.login(l);
  }, 300_000);
  afterAll(() => database.close());

  it('shows in an item history only the executing units the reader sees', async () => {
    const school = await unitOf('school');
    // A measure of the level above with execution events of several units, the school's among them or not.
    const [row] = await database.db
      .select({
        itemId: auditEvents.itemId,
        n: sql<number>`count(distinct ${auditEvents.orgUnitId})`.mapWith(Number),
      })
      .from(auditEvents)
      .where(and(eq(auditEvents.type, 'task.updated'), ne(auditEvents.orgUnitId, school.id)))
      .groupBy(auditEvents.itemId)
      .orderBy(sql`2 desc`)
      .limit(1);
    if (!row?.itemId) throw new Error('the demo has no execution events');
    const foreign = await database.db
      .select({ unit: orgUnits.name, actor: auditEvents.actorName })
      .from(auditEvents)
      .innerJoin(orgUnits, eq(orgUnits.id, auditEvents.orgUnitId))
      .where(
        and(
          eq(auditEvents.itemId, row.itemId),
          eq(auditEvents.type, 'task.updated'),
          ne(orgUnits.id, school.id),
        ),
      );
    expect(foreign.length).toBeGreaterThan(0);
    const res = await t.call('GET', `/api/items/${row.itemId}/history`, { cookie: cookie.school });
    expect(res.status).toBe(200); // the school sees the measure of the level above
    const body = await res.text();
    // Before the fix: every unit's task events, with unit names and staff names.
    for (const f of foreign) expect(body).not.toContain(`"unit":"${f.unit}"`);
    const history = JSON.parse(body) as { type: string; payload: { unit?: string } }[];
    expect(history.filter((e) => e.type === 'task.updated' && e.payload.unit !== school.name)).toEqual([]);
    // The level above still sees how its units execute it.
    const above = (await (
      await t.call('GET', `/api/items/${row.itemId}/history`, { cookie: cookie.region })
    ).json()) as {
      type: string;
    }[];
    expect(above.filter((e) => e.type === 'task.updated').length).toBeGreaterThanOrEqual(foreign.length);
  });

  it('attaches as an order file only a file the keeper can read, and serves files only through objects', async () => {
    const school = await unitOf('school');
    const school2 = await unitOf('school2');
    const own = await firstItemOf(school.id);
    const foreignFile = await evidenceOf(school2.id);
    expect((await t.call('GET', `/api/files/${foreignFile}`, { cookie: cookie.school })).status).toBe(404);
    const attach = await t.call('PATCH', `/api/roadmaps/${own.roadmapId}`, {
      cookie: cookie.school,
      body: { orderFileId: foreignFile, version: own.version },
    });
    // Before the fix: 200, and the foreign evidence was then served to the school.
    expect(attach.status).toBe(400);
    expect(((await attach.json()) as { error: { message: string } }).error.message).toMatch(/Файл/);
    expect((await t.call('GET', `/api/files/${foreignFile}`, { cookie: cookie.school })).status).toBe(404);
    // Before the fix: 500 (foreign key) — which told whether an id exists.
    const missing = await t.call('PATCH', `/api/roadmaps/${own.roadmapId}`, {
      cookie: cookie.school,
      body: { orderFileId: '00000000-0000-4000-8000-000000000000', version: own.version },
    });
    expect(missing.status).toBe(400);
    const [stored] = await database.db.select().from(roadmaps).where(eq(roadmaps.id, own.roadmapId));
    expect(stored?.orderFileId).not.toBe(foreignFile);
    // Its own evidence a keeper may attach.
    const ownFile = await evidenceOf(school.id);
    const ok = await t.call('PATCH', `/api/roadmaps/${own.roadmapId}`, {
      cookie: cookie.school,
      body: { orderFileId: ownFile, version: own.version },
    });
    expect(ok.status).toBe(200);
  });

  it('answers 404 for the tasks of an item the user cannot see, or that does not exist', async () => {
    const school2 = await unitOf('school2');
    const foreign = await firstItemOf(school2.id);
    // Before the fix: 200 [] for both.
    expect((await t.call('GET', `/api/items/${foreign.id}/tasks`, { cookie: cookie.school })).status).toBe(
      404,
    );
    const none = '00000000-0000-4000-8000-000000000000';
    expect((await t.call('GET', `/api/items/${none}/tasks`, { cookie: cookie.school })).status).toBe(404);
    expect((await t.call('GET', `/api/items/${foreign.id}/tasks`, { cookie: cookie.school2 })).status).toBe(
      200,
    );
  });

  it('refuses responsible units outside the roadmap owner’s reach', async () => {
    const school = await unitOf('school');
    const school2 = await unitOf('school2');
    const own = await firstItemOf(school.id);
    const res = await t.call('PATCH', `/api/items/${own.id}`, {
      cookie: cookie.school,
      body: { responsibleUnitIds: [school2.id], version: own.itemVersion },
    });
    // Before the fix: 200, and the item then showed the other school's name to its readers.
    expect(res.status).toBe(400);
    const mine = await t.call('PATCH', `/api/items/${own.id}`, {
      cookie: cookie.school,
      body: { responsibleUnitIds: [school.id, school.parentId], version: own.itemVersion },
    });
    expect(mine.status).toBe(200);
  });

  it('tells a unit that sees a task but does not keep it that it may not adopt it', async () => {
    const school = await unitOf('school');
    const [task] = await database.db
      .execute<{ id: string }>(
        sql`select t.id from cascade_tasks t where t.org_unit_id = ${school.id} limit 1`,
      )
      .then((r) => (Array.isArray(r) ? r : (r as { rows: { id: string }[] }).rows));
    if (!task) throw new Error('no task of the school');
    const own = await firstItemOf(school.id);
    const [section] = await database.db
      .select({ id: items.sectionId })
      .from(items)
      .where(inArray(items.id, [own.id]));
    const res = await t.call('POST', `/api/tasks/${task.id}/adopt`, {
      cookie: cookie.municipality,
      body: { roadmapId: own.roadmapId, sectionId: section?.id },
    });
    // Before the fix: 404 for a task the municipality sees.
    expect(res.status).toBe(403);
  });
});
