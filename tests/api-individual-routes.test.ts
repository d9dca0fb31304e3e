import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { deficitDiagnostics, diagnosticResults, staffMembers } from '../src/db/schema/people.js';
import { DEFAULT_LEVELS, scoreResult } from '../src/modules/diagnostics/levels.js';
import { testApp } from './helpers/api.js';
import { freshDatabase } from './helpers/db.js';
import { buildRegion } from './helpers/fixture.js';
import { convertToPdf, libreOffice } from './helpers/libreoffice.js';

// Individual routes (ИОМ) through the HTTP API (helper «routes»): building from deficits, the one route a
// year, approve, the teacher's evidence and done, the school's confirmation, DOCX, and what a colleague,
// another school and the teacher himself may see.

const YEAR = 2026;
const BLOCKS = [
  { key: 'subject', name: 'Предметный', maxScore: 20 },
  { key: 'methodical', name: 'Методический', maxScore: 10 },
];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

type Detail = {
  id: string;
  version: number;
  status: string;
  goals: { text: string }[];
  activities: {
    id: string;
    version: number;
    status: string;
    files: { id: string }[];
    canMarkDone: boolean;
  }[];
  history: { text: string }[];
};

describe('individual routes API', () => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  const cookie: Record<string, string> = {};
  const staff: Record<string, string> = {};
  let routeId = '';

  beforeAll(async () => {
    database = await freshDatabase('pglite');
    const db = database.db;
    const f = await buildRegion(db);
    const rows = await db
      .insert(staffMembers)
      .values([
        {
          schoolId: f.S1.id,
          lastName: 'Учителев',
          firstName: 'Пётр',
          position: 'Учитель',
          userId: f.as('teacher').userId,
        },
        { schoolId: f.S1.id, lastName: 'Коллегин', firstName: 'Павел', position: 'Учитель' },
      ])
      .returning({ id: staffMembers.id });
    staff.teacher = rows[0]?.id ?? '';
    staff.colleague = rows[1]?.id ?? '';
    const [d] = await db
      .insert(deficitDiagnostics)
      .values({
        ownerUnitId: f.R.id,
        name: 'Диагностика',
        conductedOn: '2026-10-01',
        year: YEAR,
        organiser: 'ЦНППМ',
        blocks: BLOCKS,
        levels: DEFAULT_LEVELS,
      })
      .returning();
    for (const id of [staff.teacher, staff.colleague]) {
      const scores = { subject: 6, methodical: 9 };
      await db.insert(diagnosticResults).values({
        diagnosticId: d?.id ?? '',
        staffMemberId: id ?? '',
        schoolId: f.S1.id,
        scores,
        ...scoreResult(BLOCKS, DEFAULT_LEVELS, scores),
        matchedBy: 'code',
      });
    }
    t = testApp(database);
    for (const l of ['school1', 'school2', 'teacher', 'mun1', 'expert'])
      cookie[l] = await t.login(l, 'password-123');
  }, 120_000);
  afterAll(async () => database?.close());

  const get = async (login: string, url: string) => t.call('GET', url, { cookie: cookie[login] });
  const post = async (login: string, url: string, body: unknown) =>
    t.call('POST', url, { cookie: cookie[login], body });
  const detail = async (login: string, id = routeId) =>
    (await (await get(login, `/api/individual-routes/${id}`)).json()) as Detail;

  it('builds from deficits once a year; refuses the teacher himself, another school and bad input in Russian', async () => {
    const body = { staffMemberId: staff.teacher, year: YEAR, fromDeficits: true };
    expect((await post('teacher', '/api/individual-routes', body)).status).toBe(403);
    expect((await post('school2', '/api/individual-routes', body)).status).toBe(404);
    const bad = await post('school1', '/api/individual-routes', { staffMemberId: 'x', year: 'y' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/[а-я]/);
    const made = await post('school1', '/api/individual-routes', body);
    expect(made.status).toBe(200);
    routeId = ((await made.json()) as { id: string }).id;
    const again = await post('school1', '/api/individual-routes', body);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toBe(
      'У педагога уже есть ИОМ на этот учебный год',
    );
    const r = await detail('school1');
    expect(r.goals.map((g) => g.text)).toEqual(['Устранение дефицитов: Предметный, уровень критический']);
  });

  it('the teacher attaches evidence and marks done; he cannot confirm; the school confirms', async () => {
    let r = await detail('school1');
    expect(
      (await post('school1', `/api/individual-routes/${routeId}/approve`, { version: r.version })).status,
    ).toBe(200);
    r = await detail('teacher');
    const a = r.activities[0];
    if (!a) throw new Error('no activity');
    expect(a.canMarkDone).toBe(true);
    const fd = new FormData();
    fd.append('file', new File([PDF], 'сертификат.pdf'));
    const up = await t.call('POST', `/api/route-activities/${a.id}/evidence?version=${a.version}`, {
      cookie: cookie.teacher,
      body: fd,
    });
    expect(up.status).toBe(200);
    const { version, fileId } = (await up.json()) as { version: number; fileId: string };
    const stale = await post('teacher', `/api/route-activities/${a.id}/done`, { version: a.version });
    expect(stale.status).toBe(409);
    expect(
      (await post('teacher', `/api/route-activities/${a.id}/done`, { version, note: 'Готово' })).status,
    ).toBe(200);
    expect(
      (await post('teacher', `/api/route-activities/${a.id}/confirm`, { version: version + 1 })).status,
    ).toBe(403);
    expect(
      (await post('mun1', `/api/route-activities/${a.id}/confirm`, { version: version + 1 })).status,
    ).toBe(403);
    expect(
      (await post('school1', `/api/route-activities/${a.id}/confirm`, { version: version + 1 })).status,
    ).toBe(200);
    r = await detail('teacher');
    expect(r.status).toBe('in_progress');
    expect(r.activities[0]?.status).toBe('confirmed');
    const file = await get('teacher', `/api/route-activities/${a.id}/files/${fileId}`);
    expect(file.status).toBe(200);
    expect((await get('school2', `/api/route-activities/${a.id}/files/${fileId}`)).status).toBe(404);
    expect(r.history.map((h) => h.text)).toContain('ИОМ: утверждён → выполняется');
  });

  it('the teacher sees his own route only: a colleague’s is 404, the expert sees none', async () => {
    const other = await post('school1', '/api/individual-routes', {
      staffMemberId: staff.colleague,
      year: YEAR,
      fromDeficits: false,
    });
    const otherId = ((await other.json()) as { id: string }).id;
    expect((await get('teacher', `/api/individual-routes/${otherId}`)).status).toBe(404);
    expect((await get('expert', `/api/individual-routes/${routeId}`)).status).toBe(404);
    expect((await get('school2', `/api/individual-routes/${routeId}`)).status).toBe(404);
    const mine = (await (await get('teacher', '/api/me/individual-routes')).json()) as Detail[];
    expect(mine.map((m) => m.id)).toEqual([routeId]);
    const list = (await (await get('teacher', `/api/individual-routes?year=${YEAR}`)).json()) as {
      routes: { id: string }[];
    };
    expect(list.routes.map((r) => r.id)).toEqual([routeId]);
    const school = (await (
      await get('school1', `/api/individual-routes?year=${YEAR}&status=draft`)
    ).json()) as {
      routes: { id: string }[];
      counts: { total: number };
    };
    expect(school.routes.map((r) => r.id)).toEqual([otherId]);
    expect(school.counts.total).toBe(2);
  });

  it('exports the route as a DOCX that opens in LibreOffice', async () => {
    const res = await get('school1', `/api/individual-routes/${routeId}/docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const data = Buffer.from(await res.arrayBuffer());
    expect(data.subarray(0, 2).toString()).toBe('PK');
    if (libreOffice) expect(convertToPdf([{ name: 'iom.docx', data }])[0]).not.toBeNull();
  }, 120_000);
});
