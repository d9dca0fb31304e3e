import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { deficitDiagnostics, diagnosticResults, staffMembers } from '../src/db/schema/people.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS } from './helpers/db.js';
import { demoDatabase } from './helpers/demo-db.js';

// The diagnostics API on the demo: the school imports its teachers' results of the demo diagnostic with a
// doubtful row, reviews it, the levels come from the stored scores; the teacher reads only his own
// results; the export holds the rows the summary shows. Every 2xx answer is checked against its schema.

type Me = { assignments: { role: string; orgUnitId: string }[] };
type Outcome = {
  ok: boolean;
  message: string;
  errors: { row: number; message: string }[];
  import?: {
    id: string;
    version: number;
    status: string;
    rows: { row: number; doubt: string | null; candidates: { staffId: string }[] }[];
  };
};

describe.each(DB_KINDS)('diagnostics API on the demo (%s)', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  const ck: Record<string, string> = {};
  let diagnosticId: string;
  let schoolId: string;
  const json = async <T>(res: Response) => (await res.json()) as T;
  const upload = (text: string, name = 'результаты.csv') => {
    const fd = new FormData();
    fd.append('file', new File([Buffer.from(text)], name));
    return fd;
  };

  beforeAll(async () => {
    database = await demoDatabase(kind);
    t = testApp(database);
    for (const l of ['center', 'school', 'school2', 'teacher', 'expert']) ck[l] = await t.login(l);
    const [d] = await database.db.select({ id: deficitDiagnostics.id }).from(deficitDiagnostics);
    if (!d) throw new Error('no demo diagnostic');
    diagnosticId = d.id;
    const me = await json<Me>(await t.call('GET', '/api/me', { cookie: ck.school }));
    schoolId = me.assignments.find((a) => a.role === 'school_team')?.orgUnitId ?? '';
  }, 600_000);
  afterAll(async () => database.close());

  it('shows the school its own teachers only, the region every teacher', async () => {
    const stored = await database.db
      .select({ id: diagnosticResults.id })
      .from(diagnosticResults)
      .where(and(eq(diagnosticResults.diagnosticId, diagnosticId), eq(diagnosticResults.schoolId, schoolId)));
    const all = await database.db.select({ id: diagnosticResults.id }).from(diagnosticResults);
    const school = await json<{ unit: { id: string }; all: { total: number }; teachers: unknown[] }>(
      await t.call('GET', `/api/diagnostics/${diagnosticId}/summary`, { cookie: ck.school }),
    );
    expect(school.unit.id).toBe(schoolId);
    expect(school.all.total).toBe(stored.length);
    expect(school.teachers).toHaveLength(stored.length);
    const region = await json<{ all: { total: number }; children: { total: number }[] }>(
      await t.call('GET', `/api/diagnostics/${diagnosticId}/summary`, { cookie: ck.center }),
    );
    expect(region.all.total).toBe(all.length);
    expect(region.children.reduce((a, c) => a + c.total, 0)).toBe(all.length);
    expect((await t.call('GET', `/api/diagnostics/${diagnosticId}`, { cookie: ck.expert })).status).toBe(404);
  });

  it('imports, holds a doubtful row for review and applies it; levels follow the scores', async () => {
    const staff = await database.db
      .select()
      .from(staffMembers)
      .where(and(eq(staffMembers.schoolId, schoolId), isNull(staffMembers.userId)))
      .orderBy(staffMembers.code)
      .limit(2);
    const [a, b] = staff;
    if (!a || !b) throw new Error('no staff');
    const header =
      'Код;Фамилия;Имя;Отчество;Предметный;Методический;Психолого-педагогический;Нормативно-правовой;Итого';
    const bad = await json<Outcome>(
      await t.call('POST', `/api/diagnostics/${diagnosticId}/imports`, {
        cookie: ck.school,
        body: upload(`${header}\n${a.code};;;;21;5;5;5;36`),
      }),
    );
    expect(bad.ok).toBe(false);
    expect(bad.errors[0]?.message).toContain('больше максимума 20');
    const out = await json<Outcome>(
      await t.call('POST', `/api/diagnostics/${diagnosticId}/imports`, {
        cookie: ck.school,
        body: upload(
          `${header}\n${a.code};;;;4;3;2;1;10\n;${b.lastName}а;${b.firstName};${b.middleName ?? ''};18;14;9;5;46`,
        ),
      }),
    );
    const imp = out.import;
    if (!imp) throw new Error(out.message);
    expect(imp.status).toBe('review');
    expect(imp.rows.map((r) => r.doubt)).toEqual([null, 'near']);
    expect(imp.rows[1]?.candidates.map((c) => c.staffId)).toContain(b.id);
    // Another school's team sees no import of this school.
    expect((await t.call('GET', `/api/diagnostic-imports/${imp.id}`, { cookie: ck.school2 })).status).toBe(
      404,
    );
    const applied = await t.call('POST', `/api/diagnostic-imports/${imp.id}/apply`, {
      cookie: ck.school,
      body: { version: imp.version, decisions: [{ row: 3, staffId: b.id }] },
    });
    expect(applied.status).toBe(200);
    expect((await json<{ message: string }>(applied)).message).toMatch(/^Сохранены результаты: 2 педагога/);
    const rows = await database.db
      .select()
      .from(diagnosticResults)
      .where(eq(diagnosticResults.diagnosticId, diagnosticId));
    expect(rows.find((r) => r.staffMemberId === a.id)).toMatchObject({
      totalPercent: 20,
      level: 'critical',
      matchedBy: 'code',
    });
    expect(rows.find((r) => r.staffMemberId === b.id)).toMatchObject({
      totalPercent: 92,
      level: 'basic',
      matchedBy: 'review',
    });
  });

  it('lets a teacher read his own results and nobody else’s', async () => {
    const mine = await json<{ staffId: string; results: unknown[] }[]>(
      await t.call('GET', '/api/my/diagnostic-results', { cookie: ck.teacher }),
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]?.results).toHaveLength(1);
    const [own] = await database.db
      .select()
      .from(staffMembers)
      .where(isNotNull(staffMembers.userId))
      .limit(1);
    const [colleague] = await database.db
      .select()
      .from(staffMembers)
      .where(and(eq(staffMembers.schoolId, own?.schoolId ?? ''), isNull(staffMembers.userId)))
      .limit(1);
    expect((await t.call('GET', `/api/teacher-results/${own?.id}`, { cookie: ck.teacher })).status).toBe(200);
    expect(
      (await t.call('GET', `/api/teacher-results/${colleague?.id}`, { cookie: ck.teacher })).status,
    ).toBe(404);
    expect(
      (await t.call('GET', `/api/diagnostics/${diagnosticId}/summary`, { cookie: ck.teacher })).status,
    ).toBe(404);
  });

  it('exports the rows the summary shows, and refuses bad input in Russian', async () => {
    const summary = await json<{ teachers: unknown[] }>(
      await t.call('GET', `/api/diagnostics/${diagnosticId}/summary`, { cookie: ck.school }),
    );
    const res = await t.call('GET', `/api/diagnostics/${diagnosticId}/export`, { cookie: ck.school });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.getWorksheet('Результаты')?.actualRowCount).toBe(summary.teachers.length + 1);
    const bad = await t.call('POST', '/api/diagnostics', {
      cookie: ck.center,
      body: {
        ownerUnitId: schoolId,
        name: '',
        conductedOn: '2026-02-30',
        year: 2026,
        organiser: 'x',
        blocks: [],
      },
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/[а-я]/);
  });
});
