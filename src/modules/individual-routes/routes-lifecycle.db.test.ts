import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../tests/helpers/db.js';
import type { Database } from '../../db/client.js';
import { routeActivityFiles } from '../../db/schema/people.js';
import { databaseStorage } from '../files/storage.js';
import { attachEvidence, confirmActivity, markActivityDone, returnActivity } from './activity-status.js';
import { createRoute } from './create-route.js';
import { addActivity, addGoal, removeActivity, updateActivity } from './edit-route.js';
import { getRoute } from './get-route.js';
import { listRoutes } from './list-routes.js';
import { myRoutes } from './my-routes.js';
import { routeDocx } from './route-docx.js';
import { approveRoute, closeRoute, startRoute } from './route-status.js';
import { code, type RoutesSetting, setUpRoutes, TODAY, YEAR } from './routes-setup.js';

// The life of an individual route, one chain: built from deficits, edited, approved, carried out and
// closed; who sees it; the lists and «нужен ИОМ».

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe.each(DB_KINDS)('individual routes on %s', (kind) => {
  let database: Database;
  let f: RoutesSetting['f'];
  let staff: RoutesSetting['staff'];
  beforeAll(async () => {
    ({ database, f, staff } = await setUpRoutes(kind));
  }, 60_000);
  afterAll(async () => database?.close());

  let routeId = '';

  it('builds a route from the latest deficits: a goal per block at a level that needs a route', async () => {
    const db = database.db;
    const made = await createRoute(db, {
      actor: f.as('school1'),
      input: { staffMemberId: staff.teacher, year: YEAR, fromDeficits: true },
      today: TODAY,
    });
    routeId = made.id;
    const r = await getRoute(db, { actor: f.as('school1'), routeId, today: TODAY });
    expect(r.status).toBe('draft');
    expect(r.goals.map((g) => g.text)).toEqual([
      'Устранение дефицитов: Предметный, уровень критический',
      'Устранение дефицитов: Методический, уровень высокий',
    ]);
    expect(r.activities.length).toBeGreaterThanOrEqual(4);
    expect(r.activities.map((a) => a.kind)).toContain('course');
    for (const a of r.activities) {
      expect(a.dueDate && a.dueDate >= TODAY && a.dueDate <= `${YEAR + 1}-08-31`).toBe(true);
      expect(a.goalId).not.toBeNull();
    }
    expect(r.diagnostic?.levelName).toBe('высокий');
    expect(r.canKeep).toBe(true);
    expect(r.history.map((h) => h.text)).toEqual(['ИОМ построен по дефицитам диагностики']);
  });

  it('refuses a second route of the year, a route from no deficits, and a route by a non-keeper', async () => {
    const db = database.db;
    expect(
      await code(
        createRoute(db, {
          actor: f.as('school1'),
          input: { staffMemberId: staff.teacher, year: YEAR, fromDeficits: false },
        }),
      ),
    ).toBe('CONFLICT У педагога уже есть ИОМ на этот учебный год');
    expect(
      await code(
        createRoute(db, {
          actor: f.as('center'),
          input: { staffMemberId: staff.strong, year: YEAR, fromDeficits: true },
        }),
      ),
    ).toMatch(/^INVALID_INPUT По последней диагностике/);
    expect(
      await code(
        createRoute(db, {
          actor: f.as('school1'),
          input: { staffMemberId: staff.colleague, year: 2025, fromDeficits: true },
        }),
      ),
    ).toMatch(/^INVALID_INPUT У педагога нет результатов/);
    // The municipality and the curator see the teacher but do not keep routes; another school does not see him.
    expect(
      await code(
        createRoute(db, {
          actor: f.as('mun1'),
          input: { staffMemberId: staff.colleague, year: YEAR, fromDeficits: true },
        }),
      ),
    ).toMatch(/^FORBIDDEN/);
    expect(
      await code(
        createRoute(db, {
          actor: f.as('school2'),
          input: { staffMemberId: staff.colleague, year: YEAR, fromDeficits: true },
        }),
      ),
    ).toMatch(/^NOT_FOUND/);
    expect(
      await code(
        createRoute(db, {
          actor: f.as('teacher'),
          input: { staffMemberId: staff.teacher, year: 2027, fromDeficits: false },
        }),
      ),
    ).toMatch(/^FORBIDDEN/);
    // The region's centre builds an empty route.
    expect(
      await code(
        createRoute(db, {
          actor: f.as('center'),
          input: { staffMemberId: staff.other, year: YEAR, fromDeficits: false },
        }),
      ),
    ).toBe('OK');
  });

  it('edits goals and activities with version checks and history', async () => {
    const db = database.db;
    const r0 = await getRoute(db, { actor: f.as('school1'), routeId, today: TODAY });
    const g = await addGoal(db, {
      actor: f.as('school1'),
      routeId,
      input: { version: r0.version, text: 'Освоить ЦОР' },
    });
    expect(
      await code(
        addGoal(db, { actor: f.as('school1'), routeId, input: { version: r0.version, text: 'Ещё' } }),
      ),
    ).toMatch(/^CONFLICT/);
    const a = await addActivity(db, {
      actor: f.as('school1'),
      routeId,
      input: {
        version: g.version,
        goalId: g.id,
        kind: 'open_lessons',
        title: 'Открытый урок в 7 классе',
        dueDate: '2026-10-01',
        responsible: 'заместитель директора по УВР',
      },
    });
    const r1 = await getRoute(db, { actor: f.as('school1'), routeId, today: TODAY });
    const added = r1.activities.find((x) => x.id === a.id);
    expect(added?.overdue).toBe(true);
    const u = await updateActivity(db, {
      actor: f.as('school1'),
      activityId: a.id,
      input: { version: added?.version ?? 0, dueDate: '2026-11-20' },
    });
    expect(
      await code(
        updateActivity(db, { actor: f.as('school1'), activityId: a.id, input: { version: 1, title: 'Икс' } }),
      ),
    ).toMatch(/^CONFLICT/);
    expect(
      await code(
        updateActivity(db, { actor: f.as('mun1'), activityId: a.id, input: { version: u.version } }),
      ),
    ).toMatch(/^FORBIDDEN/);
    expect(
      await code(removeActivity(db, { actor: f.as('teacher'), activityId: a.id, version: u.version })),
    ).toMatch(/^FORBIDDEN/);
    const r2 = await getRoute(db, { actor: f.as('school1'), routeId, today: TODAY });
    expect(r2.activities.find((x) => x.id === a.id)?.overdue).toBe(false);
    expect(r2.history.map((h) => h.text)).toEqual([
      'ИОМ построен по дефицитам диагностики',
      'Добавлена цель: Освоить ЦОР',
      'Добавлено действие: Открытый урок в 7 классе',
      'Изменено действие «Открытый урок в 7 классе»: срок',
    ]);
  });

  it('goes черновик → утверждён → выполняется on the first activity done; the teacher marks, the school confirms', async () => {
    const db = database.db;
    const storage = databaseStorage(db);
    let r = await getRoute(db, { actor: f.as('teacher'), routeId, today: TODAY });
    const first = r.activities[0];
    if (!first) throw new Error('no activity');
    // Not yet approved: nothing is marked done.
    expect(
      await code(
        markActivityDone(db, { actor: f.as('teacher'), activityId: first.id, version: first.version }),
      ),
    ).toMatch(/^INVALID_INPUT Отметить выполнение можно только/);
    expect(await code(approveRoute(db, { actor: f.as('teacher'), routeId, version: r.version }))).toMatch(
      /^FORBIDDEN/,
    );
    const ap = await approveRoute(db, { actor: f.as('school1'), routeId, version: r.version });
    r = await getRoute(db, { actor: f.as('teacher'), routeId, today: TODAY });
    expect(r.status).toBe('approved');
    expect(r.approvedByName).toBe('Пользователь school1');
    expect(r.version).toBe(ap.version);
    expect(r.canKeep).toBe(false);
    expect(r.activities[0]?.canMarkDone).toBe(true);
    expect(r.activities[0]?.canReview).toBe(false);
    const ev = await attachEvidence(db, storage, {
      actor: f.as('teacher'),
      activityId: first.id,
      version: first.version,
      upload: { name: 'сертификат.pdf', data: PDF },
      maxBytes: 1 << 20,
    });
    const done = await markActivityDone(db, {
      actor: f.as('teacher'),
      activityId: first.id,
      version: ev.version,
      note: 'Прошёл курсы',
      today: TODAY,
    });
    r = await getRoute(db, { actor: f.as('school1'), routeId, today: TODAY });
    expect(r.status).toBe('in_progress');
    expect(r.activities[0]?.files.map((x) => x.name)).toEqual(['сертификат.pdf']);
    expect(r.activities[0]?.canReview).toBe(true);
    // The teacher does not confirm himself; the curator sees but does not confirm; the school returns, then confirms.
    expect(
      await code(
        confirmActivity(db, { actor: f.as('teacher'), activityId: first.id, version: done.version }),
      ),
    ).toMatch(/^FORBIDDEN/);
    expect(
      await code(
        confirmActivity(db, { actor: f.as('curator'), activityId: first.id, version: done.version }),
      ),
    ).toMatch(/^FORBIDDEN/);
    const back = await returnActivity(db, {
      actor: f.as('school1'),
      activityId: first.id,
      version: done.version,
      comment: 'Приложите сертификат с номером',
    });
    const again = await markActivityDone(db, {
      actor: f.as('teacher'),
      activityId: first.id,
      version: back.version,
    });
    await confirmActivity(db, { actor: f.as('school1'), activityId: first.id, version: again.version });
    r = await getRoute(db, { actor: f.as('school1'), routeId, today: TODAY });
    expect(r.activities[0]?.status).toBe('confirmed');
    expect(r.activities[0]?.confirmedByName).toBe('Пользователь school1');
    const lines = r.history.map((h) => h.text);
    expect(lines).toContain('ИОМ: утверждён → выполняется');
    expect(lines.some((l) => l.includes('выполнено → возвращено (Приложите сертификат с номером)'))).toBe(
      true,
    );
    const files = await db
      .select()
      .from(routeActivityFiles)
      .where(eq(routeActivityFiles.activityId, first.id));
    expect(files).toHaveLength(1);
    expect(
      Buffer.from(await routeDocx(r))
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('closes as освоен only with every activity confirmed, as не освоен with a reason', async () => {
    const db = database.db;
    const r = await getRoute(db, { actor: f.as('school1'), routeId, today: TODAY });
    const input = { version: r.version, conclusion: 'Дефициты устранены' };
    expect(
      await code(
        closeRoute(db, { actor: f.as('school1'), routeId, input: { ...input, outcome: 'mastered' } }),
      ),
    ).toBe('INVALID_INPUT ИОМ освоен, только когда подтверждены все действия');
    expect(
      await code(
        closeRoute(db, { actor: f.as('school1'), routeId, input: { ...input, outcome: 'not_mastered' } }),
      ),
    ).toMatch(/^INVALID_INPUT Не все действия подтверждены/);
    await closeRoute(db, {
      actor: f.as('school1'),
      routeId,
      input: { ...input, outcome: 'not_mastered', conclusion: 'Частично', reason: 'Курсы перенесены' },
    });
    const closed = await getRoute(db, { actor: f.as('school1'), routeId, today: TODAY });
    expect(closed.status).toBe('not_mastered');
    expect(closed.result).toBe('Частично\nПричина: Курсы перенесены');
    expect(closed.canKeep).toBe(false);
    expect(
      await code(
        addGoal(db, { actor: f.as('school1'), routeId, input: { version: closed.version, text: 'Поздно' } }),
      ),
    ).toBe('INVALID_INPUT ИОМ закрыт (освоен или не освоен): изменять его нельзя');
  });

  it('masters a route whose activities are all confirmed; start by hand', async () => {
    const db = database.db;
    const { id } = await createRoute(db, {
      actor: f.as('center'),
      input: { staffMemberId: staff.colleague, year: YEAR, fromDeficits: true },
      today: TODAY,
    });
    let r = await getRoute(db, { actor: f.as('school1'), routeId: id, today: TODAY });
    const keep = r.activities.slice(1);
    for (const a of keep)
      await removeActivity(db, { actor: f.as('school1'), activityId: a.id, version: a.version });
    r = await getRoute(db, { actor: f.as('school1'), routeId: id, today: TODAY });
    const ap = await approveRoute(db, { actor: f.as('center'), routeId: id, version: r.version });
    const st = await startRoute(db, { actor: f.as('school1'), routeId: id, version: ap.version });
    const a = r.activities[0];
    if (!a) throw new Error('no activity');
    const d = await markActivityDone(db, { actor: f.as('school1'), activityId: a.id, version: a.version });
    await confirmActivity(db, { actor: f.as('school1'), activityId: a.id, version: d.version });
    await closeRoute(db, {
      actor: f.as('school1'),
      routeId: id,
      input: { version: st.version, outcome: 'mastered', conclusion: 'Освоен полностью' },
    });
    r = await getRoute(db, { actor: f.as('school1'), routeId: id, today: TODAY });
    expect(r.status).toBe('mastered');
  });

  it('shows routes only where the teacher’s data are visible: a colleague, an expert and another school get 404', async () => {
    const db = database.db;
    for (const login of ['admin', 'region', 'center', 'mun1', 'curator', 'school1', 'teacher'])
      expect(await code(getRoute(db, { actor: f.as(login), routeId }))).toBe('OK');
    for (const login of ['expert', 'school2', 'mun2', 'school3'])
      expect(await code(getRoute(db, { actor: f.as(login), routeId }))).toMatch(/^NOT_FOUND/);
    const colleagueRoute = (
      await listRoutes(db, { actor: f.as('school1'), query: { year: YEAR } })
    ).routes.find((x) => x.staffMemberId === staff.colleague);
    expect(colleagueRoute).toBeDefined();
    expect(await code(getRoute(db, { actor: f.as('teacher'), routeId: colleagueRoute?.id ?? '' }))).toMatch(
      /^NOT_FOUND/,
    );
    const mine = await myRoutes(db, { actor: f.as('teacher') });
    expect(mine.map((r) => r.id)).toEqual([routeId]);
    const asTeacher = await listRoutes(db, { actor: f.as('teacher'), query: { year: YEAR } });
    expect(asTeacher.routes.map((r) => r.id)).toEqual([routeId]);
    expect(asTeacher.needing).toEqual([]);
    const asExpert = await listRoutes(db, { actor: f.as('expert'), query: { year: YEAR } });
    expect(asExpert.routes).toEqual([]);
  });

  it('lists with counts and filters; «нужен ИОМ» names teachers with deficits and no route', async () => {
    const db = database.db;
    const all = await listRoutes(db, { actor: f.as('region'), query: { year: YEAR }, today: TODAY });
    expect(all.counts).toMatchObject({ total: 3, not_mastered: 1, mastered: 1, draft: 1 });
    expect(all.needing).toEqual([]);
    const s1 = await listRoutes(db, { actor: f.as('mun1'), query: { year: YEAR, schoolId: f.S1.id } });
    expect(s1.routes.map((r) => r.teacherName).sort()).toEqual([
      'Коллегин Иван Иванович',
      'Учителев Иван Иванович',
    ]);
    const critical = await listRoutes(db, {
      actor: f.as('region'),
      query: { year: YEAR, level: 'critical' },
    });
    expect(critical.routes.map((r) => r.teacherName)).toEqual(['Другов Иван Иванович']);
    const drafts = await listRoutes(db, { actor: f.as('region'), query: { year: YEAR, status: 'draft' } });
    expect(drafts.routes).toHaveLength(1);
    // Next year: every teacher with deficits needs a route again; the strong one does not.
    const next = await listRoutes(db, { actor: f.as('school1'), query: { year: YEAR + 1 } });
    expect(next.needing.map((n) => n.teacherName)).toEqual([
      'Коллегин Иван Иванович',
      'Учителев Иван Иванович',
    ]);
    expect(next.needing.every((n) => n.canCreate)).toBe(true);
    const byCurator = await listRoutes(db, { actor: f.as('curator'), query: { year: YEAR + 1 } });
    expect(byCurator.needing.every((n) => !n.canCreate)).toBe(true);
  });
});
