import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS } from './helpers/db.js';
import { demoDatabase } from './helpers/demo-db.js';

// The courses' API on the demo (issue 14 §1): the catalogue by role, a school enrolling a teacher and
// recording completion with a certificate, the teacher's own courses, and the course demand compared with
// sums made here from the stored needs answers.

type Row = Record<string, unknown>;
type Course = { id: string; name: string; ownerName: string; canKeep: boolean; version: number };
type Enrolment = {
  id: string;
  status: string;
  version: number;
  certificateName: string | null;
  teacherName: string;
};
type Demand = {
  needsMonitorings: number;
  rows: {
    municipalityId: string;
    municipalityName: string;
    fromNeeds: number;
    fromRoutes: number;
    total: number;
  }[];
  byTopic: { topic: string | null; fromNeeds: number }[];
};
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe.each(DB_KINDS)('courses API on the demo (%s)', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  const ck: Record<string, string> = {};
  const rows = async (q: ReturnType<typeof sql>) =>
    ((await database.db.execute(q)) as unknown as { rows: Row[] }).rows;
  const call = async <T>(method: string, url: string, login: string, body?: unknown) => {
    const res = await t.call(method, url, { cookie: ck[login], body });
    const type = res.headers.get('content-type') ?? '';
    return {
      status: res.status,
      body: (res.status === 200 && type.includes('json') ? await res.json() : null) as T,
      res,
    };
  };

  beforeAll(async () => {
    database = await demoDatabase(kind);
    t = testApp(database);
    for (const l of ['region', 'center', 'municipality', 'school', 'school2', 'teacher', 'expert'])
      ck[l] = await t.login(l);
  }, 600_000);
  afterAll(async () => database.close());

  it('the catalogue: the demo courses for a school, nothing for an expert; the centre adds, a school may not', async () => {
    const school = await call<Course[]>('GET', '/api/courses', 'school');
    expect(school.body.length).toBeGreaterThanOrEqual(6);
    expect(school.body.every((c) => !c.canKeep)).toBe(true);
    expect((await call<Course[]>('GET', '/api/courses', 'expert')).body).toEqual([]);
    const owners = await call<{ id: string }[]>('GET', '/api/courses/owners', 'center');
    expect(owners.body.length).toBe(1);
    const input = {
      ownerUnitId: owners.body[0]?.id,
      name: 'Проверка API',
      kind: 'pk',
      provider: 'ЦНППМ (демо)',
      hours: 18,
      format: 'remote',
      topic: 'digital',
    };
    expect((await call('POST', '/api/courses', 'school', input)).status).toBe(403);
    const made = await call<Course>('POST', '/api/courses', 'center', input);
    expect(made.status).toBe(200);
    expect(made.body.canKeep).toBe(true);
    expect(
      (await call('PATCH', `/api/courses/${made.body.id}`, 'center', { version: 7, hours: 20 })).status,
    ).toBe(409);
    expect(
      (await call('PATCH', `/api/courses/${made.body.id}`, 'school', { version: 1, hours: 20 })).status,
    ).toBe(403);
    const bad = await call('POST', '/api/courses', 'center', { ...input, hours: 0, name: '' });
    expect(bad.status).toBe(400);
  });

  it('a school enrols a teacher, records completion and uploads the certificate; another school sees nothing of it', async () => {
    const [course] = (await call<Course[]>('GET', '/api/courses?q=Проверка API', 'school')).body;
    if (!course) throw new Error('no course');
    const enrollable = await call<{ staffMemberId: string; enrolled: boolean }[]>(
      'GET',
      `/api/courses/${course.id}/enrollable`,
      'school',
    );
    const teacher = enrollable.body.find((e) => !e.enrolled);
    if (!teacher) throw new Error('nobody to enrol');
    expect(
      (
        await call('POST', `/api/courses/${course.id}/enrolments`, 'school2', {
          staffMemberIds: [teacher.staffMemberId],
        })
      ).status,
    ).toBe(404);
    const enrolled = await call<{ created: number }>(
      'POST',
      `/api/courses/${course.id}/enrolments`,
      'school',
      {
        staffMemberIds: [teacher.staffMemberId],
      },
    );
    expect(enrolled.body).toEqual({ created: 1 });
    const [e] = (await call<Enrolment[]>('GET', `/api/courses/${course.id}/enrolments`, 'school')).body;
    if (!e) throw new Error('no enrolment');
    expect((await call<Enrolment[]>('GET', `/api/courses/${course.id}/enrolments`, 'school2')).body).toEqual(
      [],
    );
    const done = await call<Enrolment>('POST', `/api/course-enrolments/${e.id}/result`, 'school', {
      version: e.version,
      status: 'completed',
      completedOn: '2026-11-20',
    });
    expect(done.body.status).toBe('completed');
    const fd = new FormData();
    fd.append('file', new File([PDF], 'удостоверение.pdf'));
    const up = await t.call(
      'POST',
      `/api/course-enrolments/${e.id}/certificate?version=${done.body.version}`,
      {
        cookie: ck.school,
        body: fd,
      },
    );
    expect(up.status).toBe(200);
    const file = await call('GET', `/api/course-enrolments/${e.id}/certificate`, 'school');
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.res.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await call('GET', `/api/course-enrolments/${e.id}/certificate`, 'school2')).status).toBe(404);
    const history = await call<{ text: string }[]>('GET', `/api/courses/${course.id}/history`, 'school');
    expect(history.body.map((h) => h.text)).toEqual([
      'Курс добавлен в каталог: Проверка API (Повышение квалификации)',
      'Педагог записан на курс',
      'Отмечено прохождение курса (2026-11-20)',
      'Загружено удостоверение: удостоверение.pdf',
    ]);
  });

  it('the teacher sees his own courses only', async () => {
    const mine = await call<{ status: string; certificateName: string | null }[]>(
      'GET',
      '/api/me/courses',
      'teacher',
    );
    expect(mine.body.some((c) => c.status === 'completed' && c.certificateName)).toBe(true);
    expect((await call('GET', '/api/courses', 'teacher')).body).toEqual([]);
  });

  it('the demand: needs of the submitted and accepted answers, the region whole, the municipality its own; XLSX', async () => {
    const region = await call<Demand>('GET', '/api/course-demand', 'region');
    expect(region.body.needsMonitorings).toBe(1);
    const stored = await rows(sql`
      select r.answers from monitoring_responses r join monitorings m on m.id = r.monitoring_id
      where m.template = 'educational_needs' and r.status in ('submitted', 'accepted')`);
    let people = 0;
    for (const r of stored) {
      const answers = (typeof r.answers === 'string' ? JSON.parse(r.answers) : r.answers) as {
        needs?: { people: number }[];
      };
      for (const n of answers.needs ?? []) people += n.people;
    }
    expect(people).toBeGreaterThan(0);
    const sum = (list: { fromNeeds: number }[]) => list.reduce((a, r) => a + r.fromNeeds, 0);
    expect(sum(region.body.rows)).toBe(people);
    expect(sum(region.body.byTopic)).toBe(people);
    const mun = await call<Demand>('GET', '/api/course-demand', 'municipality');
    const own = new Set(mun.body.rows.map((r) => r.municipalityId));
    expect(own.size).toBeLessThanOrEqual(1);
    expect(sum(mun.body.rows)).toBe(sum(region.body.rows.filter((r) => own.has(r.municipalityId))));
    expect((await call<Demand>('GET', '/api/course-demand', 'expert')).body.rows).toEqual([]);
    const xlsx = await call('GET', '/api/course-demand/export', 'region');
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.res.arrayBuffer());
    expect(wb.getWorksheet('Запрос на ПК')?.rowCount).toBe(region.body.rows.length + 1);
  });
});
