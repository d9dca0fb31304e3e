import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS } from './helpers/db.js';
import { demoDatabase } from './helpers/demo-db.js';

// The bank of practices' API on the demo (issue 15 §2): what each role sees, the demo's states, the path
// through HTTP with a material, «Похожие школы» of the demo's ШНОР school and the resilient authors.

type Summary = { id: string; title: string; status: string; authorName: string; own: boolean };
type Practice = Summary & {
  version: number;
  canReview: boolean;
  canPublish: boolean;
  materials: { id: string }[];
};
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe.each(DB_KINDS)('practices API on the demo (%s)', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  const ck: Record<string, string> = {};
  const call = async <T>(method: string, url: string, login: string, body?: unknown) => {
    const res = await t.call(method, url, { cookie: ck[login], body });
    return { status: res.status, body: (res.status === 200 ? await res.json() : await res.text()) as T };
  };

  beforeAll(async () => {
    database = await demoDatabase(kind);
    t = testApp(database);
    for (const l of ['region', 'municipality', 'school', 'school2', 'curator', 'teacher'])
      ck[l] = await t.login(l);
  }, 600_000);
  afterAll(async () => database.close());

  it('shows each role the demo bank it may see', async () => {
    const counts = (await database.db.execute(
      sql`select status, count(*)::int as n from practices group by status`,
    )) as unknown as {
      rows: { status: string; n: number }[];
    };
    const by = Object.fromEntries(counts.rows.map((r) => [r.status, r.n]));
    expect(by.published).toBeGreaterThanOrEqual(3);
    for (const s of ['submitted', 'returned', 'draft', 'withdrawn']) expect(by[s]).toBe(1);
    const school = (await call<Summary[]>('GET', '/api/practices', 'school')).body;
    expect(school.filter((p) => p.status === 'draft').every((p) => p.own)).toBe(true);
    expect(school.some((p) => p.status === 'draft')).toBe(true);
    expect(school.some((p) => p.status === 'submitted')).toBe(false);
    const mun = (await call<Summary[]>('GET', '/api/practices?status=submitted', 'municipality')).body;
    expect(mun).toHaveLength(1);
    // school2 sees its returned practice, never the draft of `school`.
    const s2 = (await call<Summary[]>('GET', '/api/practices', 'school2')).body;
    expect(s2.some((p) => p.status === 'returned')).toBe(true);
    expect(s2.some((p) => p.status === 'draft')).toBe(false);
  });

  it('takes a practice of `school` through the municipality to the bank', async () => {
    const opts = (await call<{ authorUnits: { id: string }[] }>('GET', '/api/practices/options', 'school'))
      .body;
    const authorUnitId = opts.authorUnits[0]?.id ?? '';
    const created = await call<Practice>('POST', '/api/practices', 'school', {
      authorUnitId,
      title: 'Проверка API: диагностика перед ВПР',
      year: 2025,
      problem: 'Проблема',
      actions: 'Действия',
      results: 'Результаты',
      figures: [{ label: 'доля «2»', before: 20, after: 10, unit: '%' }],
      riskFactors: ['3'],
      subjects: ['Математика'],
      levels: ['basic'],
      contact: 'Приёмная школы',
    });
    expect(created.status).toBe(200);
    const id = created.body.id;
    const fd = new FormData();
    fd.append('file', new File([PDF], 'материалы.pdf'));
    const up = await t.call('POST', `/api/practices/${id}/files?version=${created.body.version}`, {
      cookie: ck.school,
      body: fd,
    });
    expect(up.status).toBe(200);
    const withFile = (await up.json()) as Practice;
    const sub = await call<Practice>('POST', `/api/practices/${id}/submit`, 'school', {
      version: withFile.version,
    });
    expect(sub.body.status).toBe('submitted');
    expect((await call('GET', `/api/practices/${id}`, 'school2')).status).toBe(404);
    expect(
      (
        await call('POST', `/api/practices/${id}/review`, 'school', {
          version: sub.body.version,
          decision: 'approve',
          comment: '',
          criteria: [],
        })
      ).status,
    ).toBe(403);
    const criteria = ['relevance', 'effectiveness', 'reproducibility', 'materials'].map((key) => ({
      key,
      score: 5,
    }));
    const rev = await call<Practice>('POST', `/api/practices/${id}/review`, 'municipality', {
      version: sub.body.version,
      decision: 'approve',
      comment: '',
      criteria,
    });
    expect(rev.body.canPublish).toBe(true);
    const pub = await call<Practice>('POST', `/api/practices/${id}/publish`, 'municipality', {
      version: rev.body.version,
    });
    expect(pub.body.status).toBe('published');
    const file = await t.call('GET', `/api/practices/${id}/files/${pub.body.materials[0]?.id}`, {
      cookie: ck.school2,
    });
    expect(file.status).toBe(200);
    const list = (
      await call<Summary[]>('GET', `/api/practices?q=${encodeURIComponent('ПРОВЕРКА API')}`, 'school2')
    ).body;
    expect(list.map((p) => p.id)).toEqual([id]);
  });

  it('finds practices of improved schools of the cluster of the demo ШНОР school, and resilient authors', async () => {
    const me = (await call<{ assignments: { orgUnitId: string }[] }>('GET', '/api/me', 'school')).body;
    const schoolId = me.assignments[0]?.orgUnitId ?? '';
    const similar = await call<{ suggestions: { why: string; practices: Summary[] }[] }>(
      'GET',
      `/api/practices/similar/${schoolId}`,
      'school',
    );
    expect(similar.status).toBe(200);
    expect(similar.body.suggestions.length).toBeGreaterThan(0);
    for (const s of similar.body.suggestions) {
      expect(s.why).toMatch(/^та же группа по социальному контексту, /);
      expect(s.practices.every((p) => p.status === 'published')).toBe(true);
    }
    expect((await call('GET', `/api/practices/similar/${schoolId}`, 'school2')).status).toBe(404);
    expect((await call('GET', `/api/practices/similar/${schoolId}`, 'curator')).status).toBe(200);
    const authors = await call<{ schoolName: string }[]>('GET', '/api/practices/resilient-authors', 'region');
    expect(authors.body.length).toBeGreaterThan(0);
    expect((await call('GET', '/api/practices/resilient-authors', 'school')).status).toBe(403);
  });
});
