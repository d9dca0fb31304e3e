import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { loadExcelJs } from '../src/lib/exceljs.js';
import { testApp } from './helpers/api.js';
import { demoDatabase } from './helpers/demo-db.js';
import { manyRowsWorkbook } from './helpers/hostile-files.js';

// The staff registry and mentoring «учитель–учитель» through the API on the demo (helper «staff»): what
// each role sees, the demo's pairs, an import round trip through the XLSX template and export.

type Member = {
  id: string;
  fullName: string;
  accountLogin: string | null;
  version: number;
  code: string | null;
  position: string;
  grades: number[];
};
type List = { schoolId: string; canKeep: boolean; readsAll: boolean; members: Member[] };
type Pair = {
  id: string;
  menteeName: string;
  mentorKind: string;
  mentorName: string;
  order: { id: string } | null;
  meetings: number;
};

describe('staff API on the demo', () => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  let schoolId: string;
  const cookie: Record<string, string> = {};
  const call = async (login: string, method: string, url: string, body?: unknown) =>
    t.call(method, url, { cookie: cookie[login], body });
  const get = async <T>(login: string, url: string) => {
    const res = await call(login, 'GET', url);
    expect(res.status, `${login} ${url}`).toBe(200);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    database = await demoDatabase('pglite');
    t = testApp(database);
    for (const l of ['region', 'municipality', 'curator', 'school', 'school2', 'teacher', 'expert'])
      cookie[l] = await t.login(l);
    const me = await get<{ assignments: { role: string; orgUnitId: string }[] }>('school', '/api/me');
    schoolId = me.assignments.find((a) => a.role === 'school_team')?.orgUnitId ?? '';
  }, 300_000);
  afterAll(async () => database.close());

  it('the school reads and keeps its registry; the region chooses a school by counts', async () => {
    const list = await get<List>('school', `/api/staff?schoolId=${schoolId}`);
    expect([list.canKeep, list.readsAll]).toEqual([true, true]);
    expect(list.members.length).toBeGreaterThan(10);
    expect(list.members.every((m) => m.code?.startsWith('ДЕМО-'))).toBe(true);
    const schools = await get<{ schoolId: string; current: number }[]>('region', '/api/staff/schools');
    expect(schools.find((s) => s.schoolId === schoolId)?.current).toBe(list.members.length);
    const region = await get<List>('region', `/api/staff?schoolId=${schoolId}`);
    expect([region.canKeep, region.members.length]).toEqual([false, list.members.length]);
    expect((await call('school2', 'GET', `/api/staff?schoolId=${schoolId}`)).status).toBe(404);
    expect((await get<List>('expert', `/api/staff?schoolId=${schoolId}`)).members).toEqual([]);
    const id = list.members[0]?.id ?? '';
    expect((await call('school2', 'GET', `/api/staff/${id}`)).status).toBe(404);
    expect(
      (await call('municipality', 'PATCH', `/api/staff/${id}`, { version: 1, isYoung: true })).status,
    ).toBe(403);
  });

  it('the teacher sees his own record and mentoring, and no colleague', async () => {
    const own = await get<List>('teacher', `/api/staff?schoolId=${schoolId}`);
    expect(own.members).toHaveLength(1);
    expect([own.readsAll, own.members[0]?.accountLogin]).toEqual([false, 'teacher']);
    const mine = await get<{ records: Member[]; mentorships: { pair: Pair; meetings: unknown[] }[] }>(
      'teacher',
      '/api/staff/me',
    );
    expect(mine.records.map((r) => r.id)).toEqual([own.members[0]?.id]);
    expect(mine.mentorships.length).toBeGreaterThan(0);
    expect(mine.mentorships[0]?.pair.menteeName).toBe(own.members[0]?.fullName);
    const all = await get<List>('school', `/api/staff?schoolId=${schoolId}`);
    const colleague = all.members.find((m) => m.accountLogin !== 'teacher');
    expect((await call('teacher', 'GET', `/api/staff/${colleague?.id}`)).status).toBe(404);
    const pairs = await get<{ pairs: Pair[] }>('teacher', `/api/staff/mentorships?schoolId=${schoolId}`);
    expect(pairs.pairs.every((p) => p.menteeName === own.members[0]?.fullName)).toBe(true);
  });

  it('the demo has pairs of three kinds under one order of the school, with meetings', async () => {
    const { pairs } = await get<{ pairs: Pair[] }>('school', `/api/staff/mentorships?schoolId=${schoolId}`);
    expect(new Set(pairs.map((p) => p.mentorKind))).toEqual(
      new Set(['colleague', 'mentor_school', 'methodist']),
    );
    expect(new Set(pairs.map((p) => p.order?.id)).size).toBe(1);
    expect(pairs.every((p) => p.meetings > 0)).toBe(true);
    const curator = await get<{ pairs: Pair[] }>('curator', `/api/staff/mentorships?schoolId=${schoolId}`);
    expect(curator.pairs).toHaveLength(pairs.length);
  });

  it('imports the template with one new and one changed teacher, and exports the registry', async () => {
    const template = await call('school', 'GET', '/api/staff/template');
    expect(template.status).toBe(200);
    const ExcelJS = await loadExcelJs();
    const exported = await call('school', 'GET', `/api/staff/export?schoolId=${schoolId}`);
    expect(exported.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await exported.arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    const before = ws.rowCount - 1;
    // Change the position of the first teacher; add one at the end.
    ws.getRow(2).getCell(5).value = 'Заместитель директора по УВР';
    ws.addRow(['', 'Новикова', 'Дарья', 'Сергеевна', 'Учитель химии', 'Химия', '8–11', 1, 'да', 'да']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const send = (dryRun: boolean) => {
      const fd = new FormData();
      fd.append('file', new File([data], 'педагоги.xlsx'));
      return call('school', 'POST', `/api/staff/import?schoolId=${schoolId}&dryRun=${dryRun}`, fd);
    };
    const preview = (await (await send(true)).json()) as { errors: number; created: number; updated: number };
    expect([preview.errors, preview.created, preview.updated]).toEqual([0, 1, before]);
    const done = (await (await send(false)).json()) as { written: boolean };
    expect(done.written).toBe(true);
    const list = await get<List>('school', `/api/staff?schoolId=${schoolId}`);
    expect(list.members).toHaveLength(before + 1);
    expect(list.members.find((m) => m.fullName === 'Новикова Дарья Сергеевна')?.grades).toEqual([
      8, 9, 10, 11,
    ]);
    expect(list.members.filter((m) => m.position === 'Заместитель директора по УВР')).toHaveLength(1);
  });

  it('refuses a hostile workbook with a Russian message, not a 500', async () => {
    const fd = new FormData();
    fd.append('file', new File([new Uint8Array(manyRowsWorkbook(1, 25_000))], 'педагоги.xlsx'));
    const res = await call('school', 'POST', `/api/staff/import?schoolId=${schoolId}&dryRun=true`, fd);
    expect([400, 413]).toContain(res.status);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/[а-я]/);
  });
});
