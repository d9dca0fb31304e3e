import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { localDay } from '../src/modules/deadlines/scheduled-sweep.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS, freshDatabase } from './helpers/db.js';
import { buildRegion } from './helpers/fixture.js';

// The escalations' API (issue 15 §3) over the small fixture region: a school's measure overdue 20 days
// is listed for its curator and municipality with its age, not for a school; the rules are read by the
// list's readers and changed only by the regional operator, a stale version answering 409.

const PASSWORD = 'password-123';

describe.each(DB_KINDS)('escalations API (%s)', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  const ck: Record<string, string> = {};
  beforeAll(async () => {
    database = await freshDatabase(kind);
    const r = await buildRegion(database.db);
    const db = database.db;
    const due = new Date(Date.now() - 20 * 86_400_000);
    const dueDate = localDay(due);
    await db.execute(sql`with rm as (
        insert into roadmaps (org_unit_id, title, kind, period_kind, period_year, status)
        values (${r.S1.id}, 'Карта школы', 'shnor_support', 'school_year', 2026, 'approved') returning id),
      s as (insert into roadmap_sections (roadmap_id, position, title) select id, 1, 'Раздел' from rm returning id, roadmap_id)
      insert into roadmap_items (roadmap_id, section_id, position, number, measure, due_date, status)
      select roadmap_id, id, 1, '2.3', 'Провести диагностику', ${dueDate}, 'in_progress' from s`);
    t = testApp(database);
    for (const l of ['region', 'mun1', 'mun2', 'curator', 'school1', 'center'])
      ck[l] = await t.login(l, PASSWORD);
  }, 120_000);
  afterAll(() => database.close());

  const get = async (url: string, login: string) => {
    const res = await t.call('GET', url, { cookie: ck[login] });
    return { status: res.status, body: res.status === 200 ? await res.json() : await res.text() };
  };

  it('lists the school overdue beyond 14 days for its curator and municipality, with its age', async () => {
    const curator = await get('/api/escalations', 'curator');
    expect(curator.status).toBe(200);
    expect(curator.body.items).toHaveLength(1);
    expect(curator.body.items[0]).toMatchObject({
      kind: 'item',
      title: '2.3 Провести диагностику',
      ageDays: 20,
      reportedTo: 'curator_municipality',
      unit: { name: 'Школа 1', kind: 'school' },
      municipality: { name: 'Первый район' },
    });
    expect((await get('/api/escalations', 'mun1')).body.items).toHaveLength(1);
    expect((await get('/api/escalations', 'mun2')).body.items).toHaveLength(0);
    expect((await get('/api/escalations?kind=decision', 'region')).body.items).toHaveLength(0);
    expect((await get('/api/escalations', 'school1')).status).toBe(403);
    expect((await get('/api/escalations?kind=nonsense', 'region')).status).toBe(400);
  });

  it('rules: defaults, read by the readers, changed by the operator only, 409 on a stale version', async () => {
    const rules = await get('/api/escalation-rules', 'mun1');
    expect(rules.body).toMatchObject({ enabled: true, dueSoonDays: 7, schoolOverdueDays: 14, version: 0 });
    const body = {
      enabled: true,
      dueSoonDays: 5,
      schoolOverdueDays: 21,
      municipalityOverdueDays: 30,
      version: 0,
    };
    expect((await t.call('PUT', '/api/escalation-rules', { cookie: ck.center, body })).status).toBe(403);
    const bad = await t.call('PUT', '/api/escalation-rules', {
      cookie: ck.region,
      body: { ...body, dueSoonDays: 91 },
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('не больше 90 дней');
    const ok = await t.call('PUT', '/api/escalation-rules', { cookie: ck.region, body });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ schoolOverdueDays: 21, version: 1 });
    expect((await t.call('PUT', '/api/escalation-rules', { cookie: ck.region, body })).status).toBe(409);
    // 20 days is now below the school's threshold of 21: nothing to report.
    expect((await get('/api/escalations', 'curator')).body.items).toHaveLength(0);
  });
});
