import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../tests/helpers/api.js';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';

// The school documents through HTTP: every answer is checked against the route's schema by testApp,
// errors come as codes with Russian messages.

describe.each(DB_KINDS)('school documents API on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let t: ReturnType<typeof testApp>;
  const cookie = {} as Record<string, string>;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    t = testApp(database);
    for (const login of ['school1', 'school2', 'curator', 'mun1', 'region'])
      cookie[login] = await t.login(login, 'password-123');
  });
  afterAll(() => database.close());

  type Detail = {
    id: string;
    version: number;
    status: string;
    progress: unknown[];
    content: { measures: unknown[] };
  };
  const post = async (login: string, url: string, body: unknown) => {
    const res = await t.call('POST', url, { cookie: cookie[login], body });
    return { status: res.status, body: (await res.json()) as Detail & { error?: { message: string } } };
  };

  it('takes a program from the template to the roadmap', async () => {
    const created = await post('school1', '/api/school-documents', {
      schoolId: f.S1.id,
      year: 2026,
      kind: 'antirisk_program',
      factorCode: '8',
    });
    expect(created.status).toBe(200);
    const id = created.body.id;
    const base = `/api/school-documents/${id}`;
    expect((await post('school1', `${base}/submit`, { version: 1 })).body.status).toBe('curator_review');
    const noComment = await post('curator', `${base}/curator-decision`, { decision: 'return', version: 2 });
    expect([noComment.status, noComment.body.error?.message]).toEqual([400, 'Укажите, что нужно доработать']);
    const stale = await post('curator', `${base}/curator-decision`, { decision: 'agree', version: 1 });
    expect(stale.status).toBe(409);
    expect(
      (await post('curator', `${base}/curator-decision`, { decision: 'agree', version: 2 })).body.status,
    ).toBe('agreed');
    expect((await post('mun1', `${base}/expertise`, { version: 3 })).body.status).toBe('expertise');
    const badDate = await post('region', `${base}/approve`, {
      version: 4,
      orderNumber: '5',
      orderDate: '2026-02-31',
    });
    expect(badDate.status).toBe(400);
    const approved = await post('region', `${base}/approve`, {
      version: 4,
      orderNumber: '5',
      orderDate: '2026-11-02',
    });
    expect(approved.body.status).toBe('approved');
    expect(approved.body.progress).toHaveLength(approved.body.content.measures.length);
    const other = await t.call('GET', base, { cookie: cookie.school2 });
    expect(other.status).toBe(404);
    const docx = await t.call('GET', `${base}/export`, { cookie: cookie.curator });
    expect([docx.status, docx.headers.get('content-type')]).toEqual([
      200,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ]);
    const diff = await t.call('GET', `${base}/diff?from=1&to=1`, { cookie: cookie.school1 });
    expect(((await diff.json()) as { measures: unknown[] }).measures).toEqual([]);
  });

  it('answers bad content with the field and a Russian message, changing nothing', async () => {
    const created = await post('school1', '/api/school-documents', {
      schoolId: f.S1.id,
      year: 2026,
      kind: 'concept',
    });
    const res = await t.call('PATCH', `/api/school-documents/${created.body.id}`, {
      cookie: cookie.school1,
      body: {
        version: 1,
        content: { ...created.body.content, measures: [{ key: 'м 1', taskKey: 'нет', measure: '' }] },
      },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/Ключ строки — латинские буквы|Заполните: мероприятие/);
    const after = await t.call('GET', `/api/school-documents/${created.body.id}`, { cookie: cookie.school1 });
    expect(((await after.json()) as Detail).version).toBe(1);
  });
});
