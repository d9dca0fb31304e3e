import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCurator,
  approvedList,
  assign,
  bodyWithMeetings,
  eventOf,
  pair,
  participant,
  programOf,
  roadmapOf,
  setTeachers,
  verifiedProfile,
} from '../../../tests/helpers/coverage-fixture.js';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import { eventParticipants, events } from '../../db/schema/organisation.js';
import { cascadeTasks, items } from '../../db/schema/roadmaps.js';
import type { CoverageBinding } from '../../db/schema/values.js';
import { AppError } from '../../lib/errors.js';
import { listTasksOfItem } from '../roadmaps/tasks.js';
import { updateItem } from '../roadmaps/update-item.js';
import { bindingValues, coverageBase, coverageOfUnits } from './coverage.js';
import { getCoverage } from './get-coverage.js';
import { refreshBoundIndicators } from './refresh-bound.js';

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

// R: M1 (S1, S2), M2 (S3). ШНОР of 2026: S1, S3; the 2025 list had S2 (not in force for 2026).
describe.each(DB_KINDS)('coverage on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let webinar = '';
  const db = () => database.db;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    const d = db();
    await approvedList(d, f.R.id, 2025, 'shnor', [f.S2.id]);
    await approvedList(d, f.R.id, 2026, 'shnor', [f.S1.id, f.S3.id]);
    const cur = await addCurator(d, f, 'curator');
    await assign(d, cur, f.S1.id, 2026);
    await assign(d, cur, f.S3.id, 2025); // another year: not counted
    await assign(d, cur, f.S2.id, 2026); // not a ШНОР of 2026
    await pair(d, f.S1.id, f.S2.id, 2026, true);
    await pair(d, f.S3.id, f.S2.id, 2026, false);
    await roadmapOf(d, f.S1.id, 2026, 'approved');
    await roadmapOf(d, f.S3.id, 2026, 'draft');
    await programOf(d, f.S3.id, 2026, 'midterm_program', 'approved');
    await programOf(d, f.S1.id, 2026, 'concept', 'approved'); // a concept is not a programme
    await verifiedProfile(d, f, f.S1.id, 2026);
    await setTeachers(d, f.S1.id, 20);
    await setTeachers(d, f.S3.id, 30);
    webinar = await eventOf(d, f.R.id, 'webinar', '2026-10-10');
    const seminar = await eventOf(d, f.R.id, 'seminar', '2026-11-01');
    const planned = await eventOf(d, f.R.id, 'seminar', '2026-12-01', 'announced');
    const old = await eventOf(d, f.R.id, 'seminar', '2026-05-01');
    await participant(d, webinar, f.S1.id, 'Иванова А. А.', 'teacher', true);
    await participant(d, seminar, f.S1.id, ' иванова а. а.', 'teacher', true); // the same person again
    await participant(d, seminar, f.S1.id, 'Петров П. П.', 'teacher', true);
    await participant(d, webinar, f.S2.id, 'Сидоров С. С.', 'teacher', false); // registered, did not come
    await participant(d, webinar, f.S3.id, 'Кузнецова К. К.', 'manager', true);
    await participant(d, planned, f.S2.id, 'Орлов О. О.', 'teacher', true); // not held
    await participant(d, old, f.S2.id, 'Орлов О. О.', 'teacher', true); // before the period
    await bodyWithMeetings(d, f.M1.id, ['2026-10-05', '2026-11-05', '2025-11-05']);
  });
  afterAll(async () => database.close());

  const cov = async (unitIds: string[], year = 2026, kinds?: ('webinar' | 'seminar')[]) => {
    const base = await coverageBase(db(), { regionId: f.R.id, year });
    return { base, rows: await coverageOfUnits(db(), { base, unitIds, kinds }) };
  };

  it('counts the ШНОР of the list in force with each thing of the year', async () => {
    const { base, rows } = await cov([f.R.id, f.M1.id, f.M2.id, f.S2.id]);
    expect(base.shnorList?.year).toBe(2026);
    const [r, m1, m2, s2] = rows;
    expect(r?.shnor).toEqual({
      total: 2,
      withCurator: 1,
      withMentor: 2,
      withAgreement: 1,
      withRoadmap: 1,
      withProgram: 1,
      withVerifiedProfile: 1,
    });
    expect(m1?.shnor).toMatchObject({
      total: 1,
      withCurator: 1,
      withAgreement: 1,
      withRoadmap: 1,
      withProgram: 0,
    });
    expect(m2?.shnor).toMatchObject({
      total: 1,
      withCurator: 0,
      withMentor: 1,
      withAgreement: 0,
      withProgram: 1,
    });
    expect(s2?.shnor.total).toBe(0);
  });

  it('takes the last approved list when the year has none yet', async () => {
    const { base, rows } = await cov([f.R.id], 2027);
    expect(base.shnorList?.year).toBe(2026);
    expect(rows[0]?.shnor.total).toBe(2);
    expect(rows[0]?.shnor.withCurator).toBe(0); // no assignments of 2027
  });

  it('counts schools and distinct teachers that attended held events of the period', async () => {
    const { rows } = await cov([f.R.id, f.M1.id]);
    const [r, m1] = rows;
    expect(r?.events.all).toEqual({
      schools: 3,
      schoolsAttended: 2,
      schoolsShare: 66.7,
      teachers: 50,
      schoolsWithoutStaff: 1,
      teachersAttended: 2,
      teachersAttendedStaffed: 2,
      teachersShare: 4,
      participants: 3,
    });
    expect(r?.events.shnor).toMatchObject({ schools: 2, schoolsAttended: 2, schoolsShare: 100 });
    expect(r?.events.risk_zone).toMatchObject({ schools: 0, schoolsShare: null });
    expect(m1?.events.all).toMatchObject({
      schools: 2,
      schoolsAttended: 1,
      schoolsShare: 50,
      participants: 2,
    });
    expect(m1?.meetingsHeld).toBe(2);
    expect(r?.meetingsHeld).toBe(0);
  });

  it('filters events by kind', async () => {
    const { rows } = await cov([f.R.id], 2026, ['webinar']);
    expect(rows[0]?.events.all).toMatchObject({ schoolsAttended: 2, teachersAttended: 1, participants: 2 });
  });

  it('counts events held by the unit and the units below it, of the kinds, in the period', async () => {
    const base = await coverageBase(db(), { regionId: f.R.id, year: 2026 });
    const held = (binding: CoverageBinding) =>
      bindingValues(db(), { base, unitIds: [f.R.id, f.M1.id], binding });
    // The webinar and the seminar of the autumn; not the announced one, not last school year's.
    expect([...(await held({ metric: 'events_held' })).entries()].sort()).toEqual(
      [
        [f.R.id, 2],
        [f.M1.id, 0],
      ].sort(),
    );
    // The institution's webinar counts for the region it is under; a school's seminar for its municipality.
    await eventOf(db(), f.IRO.id, 'webinar', '2026-10-20');
    await eventOf(db(), f.S2.id, 'seminar', '2026-10-21');
    const webinars = await held({ metric: 'events_held', eventKinds: ['webinar'] });
    expect(webinars.get(f.R.id)).toBe(2);
    expect((await held({ metric: 'events_held' })).get(f.M1.id)).toBe(1);
    await db()
      .delete(events)
      .where(inArray(events.organiserUnitId, [f.IRO.id, f.S2.id]));
  });

  it('counts municipalities whose own people attended, not their schools', async () => {
    const base = await coverageBase(db(), { regionId: f.R.id, year: 2026 });
    const share = () =>
      bindingValues(db(), {
        base,
        unitIds: [f.R.id, f.M1.id, f.M2.id],
        binding: { metric: 'municipalities_at_events' },
      });
    // S3 of M2 attended the webinar: a school is not its municipality's representative.
    expect((await share()).get(f.M2.id)).toBe(0);
    await participant(db(), webinar, f.M1.id, 'Координатор М1 (тест)', 'manager', true);
    const after = await share();
    expect([after.get(f.R.id), after.get(f.M1.id), after.get(f.M2.id)]).toEqual([50, 100, 0]);
    await db().delete(eventParticipants).where(eq(eventParticipants.orgUnitId, f.M1.id));
  });

  it('refreshes a bound indicator from the data, without bumping its version', async () => {
    const { itemId } = await roadmapOf(db(), f.M1.id, 2026, 'approved', {
      binding: { metric: 'schools_at_events', group: 'all', eventKinds: ['webinar'] },
      targetValue: 100,
    });
    expect(await refreshBoundIndicators(db(), { regionId: f.R.id })).toBe(1);
    const read = async () => (await db().select().from(items).where(eq(items.id, itemId)))[0];
    const first = await read();
    expect(first?.actualValue).toBe(50);
    expect(first?.actualComputedAt).not.toBeNull();
    expect(await refreshBoundIndicators(db(), { regionId: f.R.id })).toBe(0);
    await participant(db(), webinar, f.S2.id, 'Сидорова Е. Е.', 'teacher', true);
    expect(await refreshBoundIndicators(db(), { regionId: f.R.id })).toBe(1);
    const second = await read();
    expect(second?.actualValue).toBe(100);
    expect(second?.version).toBe(first?.version);
  });

  it('binds an item through its edit: computed at once, a typed value refused, unbinding types again', async () => {
    const { itemId } = await roadmapOf(db(), f.R.id, 2026, 'draft');
    const read = async () => (await db().select().from(items).where(eq(items.id, itemId)))[0];
    const v1 = (await read())?.version ?? 0;
    await updateItem(db(), {
      actor: f.as('region'),
      itemId,
      input: { version: v1, coverageBinding: { metric: 'shnor_with_curator' } },
    });
    const bound = await read();
    expect(bound?.actualValue).toBe(50);
    expect(bound?.actualComputedAt).not.toBeNull();
    expect(
      await code(
        updateItem(db(), { actor: f.as('region'), itemId, input: { version: v1 + 1, actualValue: 70 } }),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      await code(
        updateItem(db(), { actor: f.as('mun1'), itemId, input: { version: v1 + 1, coverageBinding: null } }),
      ),
    ).not.toBe('OK');
    await updateItem(db(), {
      actor: f.as('region'),
      itemId,
      input: { version: v1 + 1, coverageBinding: null, actualValue: 70 },
    });
    const typed = await read();
    expect(typed).toMatchObject({ actualValue: 70, actualComputedAt: null, coverageBinding: null });
  });

  it('rolls a bound cascaded item up with each addressed unit its own value', async () => {
    const { itemId } = await roadmapOf(db(), f.R.id, 2026, 'approved', {
      binding: { metric: 'shnor_with_curator' },
      targetValue: 100,
    });
    await db()
      .insert(cascadeTasks)
      .values([f.M1.id, f.M2.id].map((orgUnitId) => ({ sourceItemId: itemId, orgUnitId })));
    const tasks = await listTasksOfItem(db(), { actor: f.as('region'), itemId });
    const byUnit = Object.fromEntries(tasks.map((t) => [t.unit.id, t.coverageValue]));
    expect(byUnit).toEqual({ [f.M1.id]: 100, [f.M2.id]: 0 });
  });

  it('answers the summary for the unit and the units below that the actor sees', async () => {
    const r = await getCoverage(db(), { actor: f.as('region'), unitId: f.R.id, year: 2026 });
    expect(r.children.map((c) => c.unit.id).sort()).toEqual([f.M1.id, f.M2.id].sort());
    expect(r.unit.shnor.shares.withCurator).toBe(50);
    expect(r.shnorListText).toContain('2026');
    const m = await getCoverage(db(), { actor: f.as('mun1'), unitId: f.M1.id, year: 2026 });
    expect(m.children.map((c) => c.unit.id).sort()).toEqual([f.S1.id, f.S2.id].sort());
    expect(await code(getCoverage(db(), { actor: f.as('mun1'), unitId: f.M2.id, year: 2026 }))).toBe(
      'NOT_FOUND',
    );
    expect(await code(getCoverage(db(), { actor: f.as('mun1'), unitId: f.R.id, year: 2026 }))).toBe(
      'NOT_FOUND',
    );
    expect(await code(getCoverage(db(), { actor: f.as('school1'), unitId: f.M1.id, year: 2026 }))).toBe(
      'NOT_FOUND',
    );
    const s = await getCoverage(db(), { actor: f.as('school1'), unitId: f.S1.id, year: 2026 });
    expect(s.children).toEqual([]);
  });
});
