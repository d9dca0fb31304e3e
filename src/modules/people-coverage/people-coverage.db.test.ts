import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedList, roadmapOf } from '../../../tests/helpers/coverage-fixture.js';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import {
  completedCourse,
  diagnostic,
  mentorship,
  result,
  route,
  teacher,
} from '../../../tests/helpers/people-coverage-fixture.js';
import type { Database } from '../../db/client.js';
import { indicatorTargets } from '../../db/schema/monitoring.js';
import { individualRoutes } from '../../db/schema/people.js';
import { items } from '../../db/schema/roadmaps.js';
import { AppError } from '../../lib/errors.js';
import { CATALOGUE } from '../indicators/catalogue.js';
import { figuresOf } from '../indicators/compute-indicator.js';
import { refreshBoundIndicators } from '../organisation/refresh-bound.js';
import { teacherCounts } from './coverage-sql.js';
import { getPeopleCoverage } from './get-people-coverage.js';
import { refreshPeopleBound } from './refresh-people-bound.js';

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

// R: M1 (S1, S2), M2 (S3); ШНОР list of 2026: S1, S3. Year 2026 (period 2026-09-01 … 2027-08-31).
// S1: T1 critical, ИОМ освоен, mentor, course in the year; T2 basic total with a high block, ИОМ
//     выполняется; T3 basic, an old course; T4 no result, a mentor of 2025; T5 a result of 2025 only;
//     T6 left the school (a critical result and a mastered ИОМ: not a teacher of the registry, his ИОМ
//     still one of the school's routes).
// S2: T7 high, ИОМ черновик, course completed in January 2027.
// S3: T8 «low» on a diagnostic whose own scale marks «low» as needing a route; ИОМ не освоен, mentor.
describe.each(DB_KINDS)('teachers’ support coverage on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let t2Route = '';
  const db = () => database.db;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    const d = db();
    await approvedList(d, f.R.id, 2026, 'shnor', [f.S1.id, f.S3.id]);
    const diag = await diagnostic(d, f.R.id, 2026);
    const old = await diagnostic(d, f.R.id, 2025);
    const own = await diagnostic(d, f.M2.id, 2026, [
      { key: 'low', name: 'низкий', minPercent: 0, needsRoute: true },
      { key: 'ok', name: 'достаточный', minPercent: 50, needsRoute: false },
    ]);
    const [t1, t2, t3, t4, t5] = [
      await teacher(d, f.S1.id),
      await teacher(d, f.S1.id),
      await teacher(d, f.S1.id),
      await teacher(d, f.S1.id),
      await teacher(d, f.S1.id),
    ];
    const t6 = await teacher(d, f.S1.id, { leftOn: '2026-12-01' });
    const t7 = await teacher(d, f.S2.id);
    const t8 = await teacher(d, f.S3.id);
    await result(d, diag, t1, f.S1.id, 'critical');
    await result(d, diag, t2, f.S1.id, 'basic', { subject: 'high', methodical: 'basic' });
    await result(d, diag, t3, f.S1.id, 'basic');
    await result(d, old, t5, f.S1.id, 'critical');
    await result(d, diag, t6, f.S1.id, 'critical');
    await result(d, diag, t7, f.S2.id, 'high');
    await result(d, own, t8, f.S3.id, 'low');
    await route(d, t1, f.S1.id, 2026, 'mastered');
    t2Route = await route(d, t2, f.S1.id, 2026, 'in_progress');
    await route(d, t6, f.S1.id, 2026, 'mastered');
    await route(d, t7, f.S2.id, 2026, 'draft');
    await route(d, t8, f.S3.id, 2026, 'not_mastered');
    await route(d, t5, f.S1.id, 2025, 'mastered');
    await mentorship(d, t1, f.S1.id, 2026);
    await mentorship(d, t4, f.S1.id, 2025);
    await mentorship(d, t8, f.S3.id, 2026);
    await completedCourse(d, f.R.id, t1, f.S1.id, '2026-10-10');
    await completedCourse(d, f.R.id, t3, f.S1.id, '2026-05-01');
    await completedCourse(d, f.R.id, t7, f.S2.id, '2027-01-15');
    await completedCourse(d, f.R.id, t8, f.S3.id, null, 'enrolled');
  });
  afterAll(async () => database.close());

  const period = { from: '2026-09-01', to: '2027-08-31' };
  const all = { all: true as const, pathPrefix: '' };

  it('counts every figure of all schools, per unit', async () => {
    const c = await teacherCounts(db(), {
      unitIds: [f.R.id, f.M1.id, f.M2.id, f.S2.id],
      set: { all: true, pathPrefix: `/${f.R.id}/` },
      year: 2026,
      period,
    });
    expect(c.get(f.R.id)).toEqual({
      schools: 3,
      teachers: 7,
      diagnosed: 5,
      withDeficits: 4,
      withRoute: 3,
      withMentor: 2,
      mastered: 1,
      routes: 4,
      routesMastered: 2,
      completedCourse: 2,
    });
    expect(c.get(f.M1.id)).toEqual({
      schools: 2,
      teachers: 6,
      diagnosed: 4,
      withDeficits: 3,
      withRoute: 2,
      withMentor: 1,
      mastered: 1,
      routes: 3,
      routesMastered: 2,
      completedCourse: 2,
    });
    expect(c.get(f.S2.id)).toMatchObject({
      teachers: 1,
      diagnosed: 1,
      withDeficits: 1,
      withRoute: 0,
      routes: 0,
    });
    expect(c.get(f.M2.id)).toMatchObject({
      teachers: 1,
      withDeficits: 1,
      withRoute: 1,
      withMentor: 1,
      mastered: 0,
    });
    const none = await teacherCounts(db(), { unitIds: [f.R.id], set: all, year: 2024, period });
    expect(none.get(f.R.id)).toMatchObject({ teachers: 7, diagnosed: 0, routes: 0 });
  });

  it('takes the ШНОР of the list in force, and nothing for a group without a list', async () => {
    const sh = await getPeopleCoverage(db(), { actor: f.as('region'), year: 2026, group: 'shnor' });
    const by = Object.fromEntries(sh.unit.figures.map((x) => [x.key, [x.numerator, x.denominator, x.share]]));
    expect(sh.unit.teachers).toBe(6);
    expect(by).toEqual({
      diagnosed: [4, 6, 66.7],
      withDeficits: [3, 4, 75],
      withRoute: [3, 3, 100],
      withMentor: [2, 3, 66.7],
      mastered: [1, 3, 33.3],
      routesMastered: [2, 4, 50],
      completedCourse: [1, 6, 16.7],
    });
    expect(sh.groupText).toContain('ШНОР по списку 2026 г.');
    const rz = await getPeopleCoverage(db(), { actor: f.as('region'), year: 2026, group: 'risk_zone' });
    expect(rz.unit.teachers).toBe(0);
    expect(rz.unit.figures.every((x) => x.share === null)).toBe(true);
    expect(rz.groupText).toContain('нет');
  });

  it('shows the reader’s unit and each unit below it that he sees', async () => {
    const r = await getPeopleCoverage(db(), { actor: f.as('region'), year: 2026 });
    expect(r.unit.unit.id).toBe(f.R.id);
    expect(r.children.map((c) => c.unit.name)).toEqual(['Второй район', 'Первый район']);
    const m1 = await getPeopleCoverage(db(), { actor: f.as('mun1'), year: 2026 });
    expect(m1.unit.unit.id).toBe(f.M1.id);
    expect(m1.children.map((c) => c.unit.id).sort()).toEqual([f.S1.id, f.S2.id].sort());
    const s1 = await getPeopleCoverage(db(), { actor: f.as('school1'), year: 2026 });
    expect(s1.unit.unit.id).toBe(f.S1.id);
    expect(s1.children).toEqual([]);
    expect(s1.unit.teachers).toBe(5);
    const cur = await getPeopleCoverage(db(), { actor: f.as('curator'), unitId: f.S1.id, year: 2026 });
    expect(cur.unit.teachers).toBe(5);
  });

  it('refuses the roles that do not read teachers’ data and hides the units they do not see', async () => {
    expect(await code(getPeopleCoverage(db(), { actor: f.as('expert'), unitId: f.R.id }))).toBe('FORBIDDEN');
    expect(await code(getPeopleCoverage(db(), { actor: f.as('teacher'), unitId: f.S1.id }))).toBe(
      'FORBIDDEN',
    );
    expect(await code(getPeopleCoverage(db(), { actor: f.as('teacher') }))).toBe('FORBIDDEN');
    expect(await code(getPeopleCoverage(db(), { actor: f.as('teacher'), unitId: f.R.id }))).toBe('NOT_FOUND');
    expect(await code(getPeopleCoverage(db(), { actor: f.as('mun1'), unitId: f.M2.id }))).toBe('NOT_FOUND');
    expect(await code(getPeopleCoverage(db(), { actor: f.as('school1'), unitId: f.S2.id }))).toBe(
      'NOT_FOUND',
    );
    expect(await code(getPeopleCoverage(db(), { actor: f.as('curator'), unitId: f.S2.id }))).toBe(
      'NOT_FOUND',
    );
  });

  it('colours a figure against the target of its catalogue indicator', async () => {
    await db().insert(indicatorTargets).values({
      regionId: f.R.id,
      indicatorCode: 'teachers_diagnosed',
      level: 'region',
      year: 2026,
      target: 0.8,
      warn: 0.6,
    });
    const r = await getPeopleCoverage(db(), { actor: f.as('region'), year: 2026 });
    const diag = r.unit.figures.find((x) => x.key === 'diagnosed');
    expect(diag).toMatchObject({
      numerator: 5,
      denominator: 7,
      band: 'yellow',
      target: { target: 0.8, warn: 0.6 },
    });
    expect(r.children[0]?.figures.find((x) => x.key === 'diagnosed')?.band).toBe('none');
  });

  it('gives the catalogue’s indicators the same numbers', async () => {
    const def = CATALOGUE.find((d) => d.code === 'deficit_teachers_mastered');
    if (!def) throw new Error('no indicator');
    const fig = await figuresOf(db(), {
      regionId: f.R.id,
      year: 2026,
      def,
      units: [{ id: f.R.id }, { id: f.M2.id }],
    });
    expect(fig.fractions.get(f.R.id)).toMatchObject({ numerator: 1, denominator: 4 });
    expect(fig.fractions.get(f.M2.id)).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it('binds a roadmap indicator and recomputes it when a route is mastered', async () => {
    const { itemId } = await roadmapOf(db(), f.R.id, 2026, 'approved', {
      binding: { metric: 'deficit_teachers_mastered', group: 'shnor' },
      targetValue: 75,
    });
    const other = await roadmapOf(db(), f.M1.id, 2026, 'approved', {
      binding: { metric: 'teachers_completed_course' },
    });
    await refreshBoundIndicators(db(), { regionId: f.R.id });
    const value = async (id: string) =>
      (await db().select({ v: items.actualValue }).from(items).where(eq(items.id, id)))[0]?.v;
    expect(await value(itemId)).toBe(33.3);
    expect(await value(other.itemId)).toBe(33.3); // M1: 2 of 6
    await db().update(individualRoutes).set({ status: 'mastered' }).where(eq(individualRoutes.id, t2Route));
    expect(await refreshPeopleBound(db(), { regionId: f.R.id })).toBe(1);
    expect(await value(itemId)).toBe(66.7);
    expect(await refreshPeopleBound(db(), { regionId: null })).toBe(0);
  });
});
