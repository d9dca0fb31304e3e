import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS } from './helpers/db.js';
import { demoDatabase } from './helpers/demo-db.js';
import { convertToPdf, libreOffice } from './helpers/libreoffice.js';

// The monitorings' API on the demo: what each role sees is compared with counts made here from the tables
// (plain selects counted in JavaScript), the XLSX with the stored answers, and the computed roadmap
// execution with the roadmap items themselves.

type Row = Record<string, unknown>;
type Summary = { id: string; kind: string; title: string; progress: Record<string, number> };
type Detail = Summary & {
  participants: { unitId: string; name: string; status: string; municipality: string | null }[];
  computed: { rows: { unitId: string; values: Record<string, number | null> }[] } | null;
  asOf: string;
  year: number;
};

describe.each(DB_KINDS)('monitorings API on the demo (%s)', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  const ck: Record<string, string> = {};
  let form: Summary;
  let computed: Summary;
  const rows = async (q: ReturnType<typeof sql>) =>
    ((await database.db.execute(q)) as unknown as { rows: Row[] }).rows;
  const get = async <T>(url: string, login: string) => {
    const res = await t.call('GET', url, { cookie: ck[login] });
    return { status: res.status, body: (res.status === 200 ? await res.json() : null) as T };
  };

  beforeAll(async () => {
    database = await demoDatabase(kind);
    t = testApp(database);
    for (const l of ['region', 'municipality', 'school', 'school2', 'teacher']) ck[l] = await t.login(l);
    const list = (await get<Summary[]>('/api/monitorings', 'region')).body;
    // The resource deficits form (the demo also holds the educational needs campaign of helper «courses»).
    const f = list.find((m) => m.kind === 'form' && m.title.startsWith('Мониторинг ресурсных дефицитов'));
    const c = list.find((m) => m.kind === 'roadmap_execution');
    if (!f || !c) throw new Error('no demo monitorings');
    form = f;
    computed = c;
  }, 600_000);
  afterAll(async () => database.close());

  it('counts the region’s progress by status as the response rows say', async () => {
    const stored = await rows(sql`select status from monitoring_responses where monitoring_id = ${form.id}`);
    const byStatus = (s: string) => stored.filter((r) => r.status === s).length;
    expect(form.progress).toMatchObject({
      total: stored.length,
      not_started: byStatus('not_started'),
      draft: byStatus('draft'),
      submitted: byStatus('submitted'),
      returned: byStatus('returned'),
      accepted: byStatus('accepted'),
    });
    // The demo's mix: every state present, one returned with a comment.
    for (const s of ['not_started', 'draft', 'submitted', 'returned', 'accepted'])
      expect(byStatus(s)).toBeGreaterThan(0);
    expect(byStatus('returned')).toBe(1);
  });

  it('shows a school its own form only, a municipality its own schools only, a teacher nothing', async () => {
    const me = (await get<{ assignments: { orgUnitId: string }[] }>('/api/me', 'school')).body;
    const schoolId = me.assignments[0]?.orgUnitId;
    const own = (await get<Detail>(`/api/monitorings/${form.id}`, 'school')).body;
    expect(own.participants.map((p) => p.unitId)).toEqual([schoolId]);
    expect(own.participants[0]?.status).toBe('not_started');
    const other = (
      await rows(
        sql`select org_unit_id as id from monitoring_responses where monitoring_id = ${form.id} and org_unit_id <> ${schoolId ?? ''} limit 1`,
      )
    )[0]?.id;
    expect((await get(`/api/monitorings/${form.id}/units/${other}`, 'school')).status).toBe(404);

    const mun = (await get<{ assignments: { orgUnitId: string }[] }>('/api/me', 'municipality')).body;
    const munId = mun.assignments[0]?.orgUnitId ?? '';
    const ofMun =
      await rows(sql`select r.org_unit_id as id from monitoring_responses r join org_units u on u.id = r.org_unit_id
      where r.monitoring_id = ${form.id} and u.path like ${`%/${munId}/%`}`);
    const seen = (await get<Detail>(`/api/monitorings/${form.id}`, 'municipality')).body;
    expect(seen.participants.map((p) => p.unitId).sort()).toEqual(ofMun.map((r) => String(r.id)).sort());
    expect((await get(`/api/monitorings/${form.id}`, 'teacher')).status).toBe(404);
  });

  it('refuses a wrong answer in Russian under its field and changes nothing', async () => {
    const me = (await get<{ assignments: { orgUnitId: string }[] }>('/api/me', 'school')).body;
    const url = `/api/monitorings/${form.id}/units/${me.assignments[0]?.orgUnitId}`;
    const res = await t.call('PUT', url, {
      cookie: ck.school,
      body: { version: 1, answers: { firstCategory: 120 } },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { fields: { field: string; message: string }[] } };
    expect(body.error.fields).toEqual([{ field: 'answers.firstCategory', message: 'Процент — от 0 до 100' }]);
    const after = (await get<{ status: string; answers: object }>(url, 'school')).body;
    expect(after).toMatchObject({ status: 'not_started', answers: {} });
  });

  it('exports every answer the region sees: a row per unit, the vacancies table on its own sheet', async () => {
    const res = await t.call('GET', `/api/monitorings/${form.id}/export`, { cookie: ck.region });
    expect(res.status).toBe(200);
    const file = Buffer.from(await res.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const answers = wb.getWorksheet('Ответы');
    const stored =
      await rows(sql`select coalesce(m.short_name, m.name) as mun, coalesce(u.short_name, u.name) as short,
      r.status, r.answers from monitoring_responses r join org_units u on u.id = r.org_unit_id
      join org_units m on m.id = u.parent_id where r.monitoring_id = ${form.id}`);
    expect((answers?.rowCount ?? 0) - 1).toBe(stored.length);
    const header = answers?.getRow(1).values as string[];
    const teachersCol = header.indexOf('Педагогических работников, всего');
    for (const s of stored) {
      // Two villages of the demo share a name: a school is its municipality and its name.
      const row = answers
        ?.getRows(2, stored.length)
        ?.find((r) => r.getCell(1).value === s.mun && r.getCell(2).value === s.short);
      const a = s.answers as Record<string, unknown>;
      expect(row?.getCell(teachersCol).value ?? undefined, String(s.short)).toBe(a.teachers);
    }
    const vacancies = wb.getWorksheet('Вакансии по предметам');
    const expected = stored.reduce(
      (n, s) => n + (((s.answers as Row).vacancyList as unknown[]) ?? []).length,
      0,
    );
    expect((vacancies?.rowCount ?? 1) - 1).toBe(expected);
    if (libreOffice) {
      const [pdf] = convertToPdf([{ name: 'monitoring.xlsx', data: file }]);
      expect(pdf?.subarray(0, 4).toString()).toBe('%PDF');
    }
  }, 180_000);

  it('computes roadmap execution per municipality from the roadmap items as of the monitoring’s date', async () => {
    const d = (await get<Detail>(`/api/monitorings/${computed.id}`, 'region')).body;
    expect(d.computed?.rows).toHaveLength(d.participants.length);
    for (const p of d.participants.slice(0, 3)) {
      // The rule in words, written here again: the measures of the participant's subtree, of approved
      // roadmaps of the school year (or of a calendar year it overlaps), cancelled ones left out.
      const all = await rows(sql`select i.due_date::text as due, i.status, r.status as roadmap,
          r.period_kind as kind, r.period_year as year from roadmap_items i
        join roadmaps r on r.id = i.roadmap_id join org_units o on o.id = r.org_unit_id
        where o.path like ${`%/${p.unitId}/%`}`);
      const ofYear = (x: Row) =>
        x.kind === 'school_year' ? x.year === d.year : x.year === d.year || x.year === d.year + 1;
      const items = all.filter((x) => x.roadmap === 'approved' && x.status !== 'cancelled' && ofYear(x));
      const due = items.filter((i) => i.due !== null && String(i.due) <= d.asOf);
      const open = ['planned', 'in_progress', 'postponed'];
      const got = d.computed?.rows.find((r) => r.unitId === p.unitId)?.values;
      expect(got, p.name).toMatchObject({
        total: items.length,
        due: due.length,
        done: items.filter((i) => i.status === 'done').length,
        overdue: due.filter((i) => String(i.due) < d.asOf && open.includes(String(i.status))).length,
      });
    }
    // The municipality sees its own row and drills down to its measures; a school sees nothing of it.
    const mine = (await get<Detail>(`/api/monitorings/${computed.id}`, 'municipality')).body;
    expect(mine.participants).toHaveLength(1);
    const unit = mine.participants[0]?.unitId;
    const drill = (
      await get<{ detail: { rows: unknown[] } }>(
        `/api/monitorings/${computed.id}/units/${unit}`,
        'municipality',
      )
    ).body;
    expect(drill.detail.rows.length).toBe(d.computed?.rows.find((r) => r.unitId === unit)?.values.total);
    expect((await get(`/api/monitorings/${computed.id}`, 'school')).status).toBe(404);
  });

  it('computes positive change per municipality with the same numbers as the page «Позитивные изменения»', async () => {
    const [region] = await rows(
      sql`select id from org_units where kind = 'region' and name like '%(демо)%' limit 1`,
    );
    type Page = {
      years: number[];
      units: { unit: { id: string }; schools: number; left: number | null; improved: number }[];
    };
    const page = (await get<Page>(`/api/analysis/positive-change?unitId=${region?.id}`, 'region')).body;
    const year = page.years.at(-1) as number;
    const created = await t.call('POST', '/api/monitorings', {
      cookie: ck.region,
      body: {
        ownerUnitId: region?.id,
        kind: 'positive_change',
        template: 'positive_change',
        title: 'Мониторинг наступления позитивных изменений',
        year,
        periodStart: `${year + 1}-06-01`,
        periodEnd: `${year + 1}-06-20`,
        participants: { mode: 'municipalities' },
      },
    });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    const byYear = (
      await get<Page>(`/api/analysis/positive-change?unitId=${region?.id}&year=${year}`, 'region')
    ).body;
    const d = (await get<Detail>(`/api/monitorings/${id}`, 'region')).body;
    const withSchools = byYear.units.filter((u) => u.schools > 0);
    expect(withSchools.length).toBeGreaterThan(0);
    for (const u of withSchools) {
      const got = d.computed?.rows.find((r) => r.unitId === u.unit.id)?.values;
      expect(got).toMatchObject({ schools: u.schools, left: u.left, improved: u.improved });
    }
  });

  it('records a decision on a monitoring that the responsible municipality gets as a task', async () => {
    const d = (await get<Detail>(`/api/monitorings/${computed.id}`, 'region')).body;
    const mun = (await get<Detail>(`/api/monitorings/${computed.id}`, 'municipality')).body.participants[0];
    const review = await t.call('POST', '/api/meetings', {
      cookie: ck.region,
      body: {
        kind: 'review',
        monitoringId: d.id,
        date: d.asOf,
        title: `Рассмотрение: ${d.title}`,
        decisions: [
          { text: 'Устранить просрочку мероприятий', responsibleUnitId: mun?.unitId, dueDate: '2099-01-01' },
        ],
      },
    });
    expect(review.status).toBe(200);
    // Only the region keeps the monitoring: for the municipality the region's review does not exist.
    const foreign = await t.call('POST', '/api/meetings', {
      cookie: ck.municipality,
      body: { kind: 'review', monitoringId: d.id, date: d.asOf, title: 'Рассмотрение', decisions: [] },
    });
    expect(foreign.status).toBe(404);
    type Decision = { text: string; monitoring: { id: string } | null };
    const registry = (await get<Decision[]>(`/api/review-decisions?monitoringId=${d.id}`, 'municipality'))
      .body;
    expect(registry.map((x) => [x.text, x.monitoring?.id])).toEqual([
      ['Устранить просрочку мероприятий', d.id],
    ]);
    const tasks = (await get<{ text: string }[]>('/api/meeting-decisions?view=mine', 'municipality')).body;
    expect(tasks.map((x) => x.text)).toContain('Устранить просрочку мероприятий');
    expect((await get<Decision[]>(`/api/review-decisions?monitoringId=${d.id}`, 'school2')).body).toEqual([]);
  });

  it('computes chosen indicators per municipality with the numbers of the page «Показатели»', async () => {
    const [region] = await rows(
      sql`select id from org_units where kind = 'region' and name like '%(демо)%' limit 1`,
    );
    const codes = ['vpr_mark2', 'shnor_stagnation'];
    const d0 = (await get<Detail>(`/api/monitorings/${computed.id}`, 'region')).body;
    const body = (indicatorCodes?: string[]) => ({
      ownerUnitId: region?.id,
      kind: 'indicators',
      template: 'indicators',
      title: 'Мониторинг показателей',
      year: d0.year,
      periodStart: '2026-12-01',
      periodEnd: '2026-12-20',
      participants: { mode: 'municipalities' },
      ...(indicatorCodes ? { indicatorCodes } : {}),
    });
    expect((await t.call('POST', '/api/monitorings', { cookie: ck.region, body: body() })).status).toBe(400);
    expect(
      (await t.call('POST', '/api/monitorings', { cookie: ck.region, body: body(['no_such']) })).status,
    ).toBe(404);
    const created = await t.call('POST', '/api/monitorings', { cookie: ck.region, body: body(codes) });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    const d = (await get<Detail>(`/api/monitorings/${id}`, 'region')).body;
    type Result = { children: { unit: { id: string }; figure: { value: number | null } }[] };
    for (const code of codes) {
      const page = (
        await get<Result>(`/api/indicators/${code}?unitId=${region?.id}&year=${d0.year}`, 'region')
      ).body;
      for (const c of page.children)
        expect(d.computed?.rows.find((r) => r.unitId === c.unit.id)?.values[code], code).toBe(c.figure.value);
    }
    const one = d.participants[0]?.unitId;
    const drill = (
      await get<{ detail: { rows: unknown[] } }>(`/api/monitorings/${id}/units/${one}`, 'region')
    ).body;
    expect(drill.detail.rows).toHaveLength(codes.length);
  });
});
