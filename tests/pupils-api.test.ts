import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { staffMembers } from '../src/db/schema/people.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS, freshDatabase } from './helpers/db.js';
import { buildRegion } from './helpers/fixture.js';

// The pupils' routes over HTTP: the school's team keeps a pupil, invalid input is a 400 in Russian that
// does not repeat the name, the card and the export answer per their schemas (testApp checks every 2xx).

describe.each(DB_KINDS)('pupils API on %s', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  const cookie: Record<string, string> = {};
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    t = testApp(database);
    for (const l of ['school1', 'teacher', 'mun1']) cookie[l] = await t.login(l, 'password-123');
    await database.db.insert(staffMembers).values({
      schoolId: f.S1.id,
      lastName: 'Учителев',
      firstName: 'Иван',
      position: 'Учитель',
      userId: f.as('teacher').userId,
    });
  }, 60_000);
  afterAll(async () => database?.close());

  it('keeps a pupil through the API; bad input is a Russian 400 without the name', async () => {
    const body = {
      year: 2026,
      name: 'Апишный А. А.',
      birthDate: '2012-02-30',
      classLabel: '7Б',
      category: 'weak',
      subjects: ['Математика'],
      causes: ['pedagogical.gaps'],
      ovz: false,
      limitedRussian: false,
      teacherIds: [],
      includedOn: '2026-09-15',
    };
    const bad = await t.call('POST', `/api/schools/${f.S1.id}/pupils`, { cookie: cookie.school1, body });
    expect(bad.status).toBe(400);
    const text = await bad.text();
    expect(text).toMatch(/Дата рождения/);
    expect(text).not.toContain('Апишный');
    const wrongCause = await t.call('POST', `/api/schools/${f.S1.id}/pupils`, {
      cookie: cookie.school1,
      body: { ...body, birthDate: null, causes: ['нечто'] },
    });
    expect(wrongCause.status).toBe(400);
    const ok = await t.call('POST', `/api/schools/${f.S1.id}/pupils`, {
      cookie: cookie.school1,
      body: { ...body, birthDate: '2012-02-03' },
    });
    expect(ok.status).toBe(200);
    const { id } = (await ok.json()) as { id: string };
    const card = await t.call('GET', `/api/pupils/${id}`, { cookie: cookie.school1 });
    expect(((await card.json()) as { name: string }).name).toBe('Апишный А. А.');
    expect((await t.call('GET', `/api/pupils/${id}`, { cookie: cookie.mun1 })).status).toBe(404);
    expect((await t.call('GET', `/api/pupils/${id}`, { cookie: cookie.teacher })).status).toBe(404);
    const put = await t.call('PUT', `/api/pupils/${id}/results/oct`, {
      cookie: cookie.school1,
      body: { status: 'weak', marks: { Математика: 7 } },
    });
    expect(put.status).toBe(400);
    const docx = await t.call('GET', `/api/pupils/${id}/export/docx`, { cookie: cookie.school1 });
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    const json = await t.call('GET', `/api/pupils/${id}/export`, { cookie: cookie.school1 });
    expect(((await json.json()) as { reads: unknown[] }).reads).toHaveLength(1);
    const agg = await t.call('GET', `/api/org-units/${f.M1.id}/pupil-aggregates?year=2026`, {
      cookie: cookie.mun1,
    });
    expect(agg.status).toBe(200);
    const a = (await agg.json()) as { byCategory: { rows: { unitId: string; total: unknown }[] } };
    expect(a.byCategory.rows.find((r) => r.unitId === f.S1.id)?.total).toBe('менее 5');
  });
});
