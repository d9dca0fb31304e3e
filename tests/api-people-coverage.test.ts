import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { loadExcelJs } from '../src/lib/exceljs.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS } from './helpers/db.js';
import { demoDatabase } from './helpers/demo-db.js';

// GET /api/people-coverage on the demo: the region's and a municipality's numbers against counts made
// here from the tables, the demo's bound roadmap indicator against the page's figure, the XLSX, access.

type Row = Record<string, unknown>;
type Figure = { key: string; numerator: number; denominator: number; share: number | null; band: string };
type UnitView = { unit: { id: string; name: string; kind: string }; teachers: number; figures: Figure[] };
type View = {
  year: number;
  group: string;
  unit: UnitView;
  children: UnitView[];
  parent: { id: string } | null;
};

describe.each(DB_KINDS)('people coverage API on the demo (%s)', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  const ck: Record<string, string> = {};
  const rows = async (q: ReturnType<typeof sql>) =>
    ((await database.db.execute(q)) as unknown as { rows: Row[] }).rows;
  const get = async (url: string, login: string) => t.call('GET', url, { cookie: ck[login] });

  beforeAll(async () => {
    database = await demoDatabase(kind);
    t = testApp(database);
    for (const l of ['region', 'municipality', 'school', 'expert', 'teacher', 'curator'])
      ck[l] = await t.login(l);
  }, 600_000);
  afterAll(async () => database.close());

  it('gives the region and its municipalities the numbers the tables give', async () => {
    const res = await get('/api/people-coverage', 'region');
    expect(res.status).toBe(200);
    const v = (await res.json()) as View;
    expect(v.unit.unit.kind).toBe('region');
    expect(v.children.length).toBeGreaterThan(1);
    const [staff] =
      await rows(sql`select count(*)::int as n from staff_members m join org_units s on s.id = m.school_id
      where m.left_on is null and s.path like ${`/${v.unit.unit.id}/%`}`);
    expect(v.unit.teachers).toBe(staff?.n);
    expect(v.unit.teachers).toBeGreaterThan(0);
    const [diag] = await rows(sql`select count(distinct r.staff_member_id)::int as n from diagnostic_results r
      join deficit_diagnostics d on d.id = r.diagnostic_id join staff_members m on m.id = r.staff_member_id
      where d.year = ${v.year} and m.left_on is null`);
    const diagnosed = v.unit.figures.find((f) => f.key === 'diagnosed');
    expect(diagnosed).toMatchObject({ numerator: diag?.n, denominator: staff?.n });
    // The municipalities add up to the region.
    const sum = (k: string) =>
      v.children.reduce((a, c) => a + (c.figures.find((f) => f.key === k)?.numerator ?? 0), 0);
    for (const f of v.unit.figures) expect(sum(f.key), f.key).toBe(f.numerator);
  });

  it('computes the demo’s bound roadmap indicator as the page shows it', async () => {
    const bound = await rows(sql`select i.actual_value as v, i.coverage_binding as b, r.org_unit_id as unit
      from roadmap_items i join roadmaps r on r.id = i.roadmap_id
      where i.coverage_binding->>'metric' = 'teachers_diagnosed'`);
    expect(bound.length).toBeGreaterThan(0);
    const b = bound[0] as { v: number; unit: string; b: { group: string } };
    const v = (await (
      await get(`/api/people-coverage?unitId=${b.unit}&group=${b.b.group}`, 'region')
    ).json()) as View;
    expect(v.unit.figures.find((f) => f.key === 'diagnosed')?.share).toBe(b.v);
  });

  it('lets a municipality and a school see their own units only; refuses an expert and a teacher', async () => {
    const m = (await (await get('/api/people-coverage', 'municipality')).json()) as View;
    expect(m.unit.unit.kind).toBe('municipality');
    expect(m.children.every((c) => c.unit.kind === 'school')).toBe(true);
    const s = (await (await get('/api/people-coverage', 'school')).json()) as View;
    expect(s.unit.unit.kind).toBe('school');
    expect(s.children).toEqual([]);
    const region = (await (await get('/api/people-coverage', 'region')).json()) as View;
    expect((await get(`/api/people-coverage?unitId=${region.unit.unit.id}`, 'municipality')).status).toBe(
      404,
    );
    expect((await get(`/api/people-coverage?unitId=${region.unit.unit.id}`, 'expert')).status).toBe(403);
    expect((await get(`/api/people-coverage?unitId=${s.unit.unit.id}`, 'teacher')).status).toBe(403);
    expect((await get('/api/people-coverage/export', 'teacher')).status).toBe(403);
    const bad = await get('/api/people-coverage?group=everything', 'region');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/Группа школ/);
  });

  it('exports the same table as XLSX', async () => {
    const v = (await (await get('/api/people-coverage?group=shnor', 'region')).json()) as View;
    const res = await get('/api/people-coverage/export?group=shnor', 'region');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const ExcelJS = await loadExcelJs();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0];
    const names: string[] = [];
    ws?.eachRow((r) => names.push(String(r.getCell(1).value)));
    expect(names).toContain(v.unit.unit.name);
    for (const c of v.children) expect(names).toContain(c.unit.name);
    const line = ws?.getRows(1, ws.rowCount)?.find((r) => r.getCell(1).value === v.unit.unit.name);
    expect(line?.getCell(3).value).toBe(v.unit.teachers);
    expect(line?.getCell(4).value).toBe(v.unit.figures[0]?.numerator);
    expect(wb.worksheets[1]?.name).toBe('Откуда эти цифры');
  });
});
