import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../tests/helpers/db.js';
import type { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import { individualRoutes, routeActivities, staffMembers } from '../../db/schema/people.js';
import { databaseStorage } from '../files/storage.js';
import { createCourse } from './courses.js';
import { code, course, PDF, setUpCourses, YEAR } from './courses-setup.js';
import { attachCertificate, enrolTeachers, listEnrolments, setEnrolmentResult } from './enrolments.js';

// A course serves only a running individual route: the route's status at enrolment and at completion.

describe.each(DB_KINDS)('courses and the status of routes on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let staff: Record<string, string> = {};
  let courseId = '';
  beforeAll(async () => {
    ({ database, f, staff } = await setUpCourses(kind));
    // A course of the regional catalogue, as the catalogue test makes it.
    courseId = (
      await createCourse(database.db, { actor: f.as('center'), input: { ownerUnitId: f.R.id, ...course } })
    ).id;
  }, 60_000);
  afterAll(async () => database?.close());

  it('serves only a running route: refuses a draft or closed one at enrolment; completion follows the routes rule', async () => {
    const db = database.db;
    const storage = databaseStorage(db);
    const routeOf = async (key: string, status: 'draft' | 'approved') => {
      const [s] = await db
        .insert(staffMembers)
        .values({ schoolId: f.S1.id, lastName: `Учитель-${key}`, firstName: 'Тест', position: 'Учитель' })
        .returning();
      const [r] = await db
        .insert(individualRoutes)
        .values({ staffMemberId: s?.id ?? '', schoolId: f.S1.id, year: YEAR, status })
        .returning();
      const [a] = await db
        .insert(routeActivities)
        .values({ routeId: r?.id ?? '', kind: 'course', title: `Курс для ${key}` })
        .returning();
      return { staffId: s?.id ?? '', routeId: r?.id ?? '', activityId: a?.id ?? '' };
    };
    const enrol = (actor: string, x: { staffId: string; activityId: string }) =>
      enrolTeachers(db, {
        actor: f.as(actor),
        courseId,
        input: { staffMemberIds: [x.staffId], activityId: x.activityId },
      });
    // A draft route and a closed one (e's, mastered) are refused in Russian.
    const draft = await routeOf('draft', 'draft');
    expect(await code(enrol('school1', draft))).toMatch(/^INVALID_INPUT .*ИОМ утверждён или выполняется/);
    const [closed] = await db
      .select()
      .from(routeActivities)
      .where(eq(routeActivities.title, 'Закрытый маршрут'));
    expect(await code(enrol('mun2', { staffId: staff.e ?? '', activityId: closed?.id ?? '' }))).toMatch(
      /^INVALID_INPUT .*ИОМ утверждён или выполняется/,
    );
    // An approved route: completion with a certificate marks the activity done and starts the route.
    const approved = await routeOf('approved', 'approved');
    expect(await enrol('school1', approved)).toEqual({ created: 1 });
    // Another approved route closed after the enrolment: the course result is kept, the activity is not.
    const later = await routeOf('later', 'approved');
    expect(await enrol('school1', later)).toEqual({ created: 1 });
    await db
      .update(individualRoutes)
      .set({ status: 'not_mastered' })
      .where(eq(individualRoutes.id, later.routeId));
    const complete = async (staffId: string) => {
      const e = (await listEnrolments(db, { actor: f.as('school1'), courseId })).find(
        (x) => x.staffMemberId === staffId,
      );
      if (!e) throw new Error('no enrolment');
      const done = await setEnrolmentResult(db, {
        actor: f.as('school1'),
        enrolmentId: e.id,
        input: { version: e.version, status: 'completed', completedOn: '2026-11-30' },
      });
      return attachCertificate(db, storage, {
        actor: f.as('school1'),
        enrolmentId: e.id,
        version: done.version,
        upload: { name: 'удостоверение.pdf', data: PDF },
        maxBytes: 1 << 20,
      });
    };
    expect((await complete(approved.staffId)).activityStatus).toBe('done');
    const [started] = await db
      .select()
      .from(individualRoutes)
      .where(eq(individualRoutes.id, approved.routeId));
    expect(started?.status).toBe('in_progress');
    const routeEvents = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'individual_route'), eq(auditEvents.entityId, approved.routeId)));
    expect(routeEvents.map((e) => e.type)).toEqual(['individual_route.status_changed']);
    const kept = await complete(later.staffId);
    expect([kept.status, kept.activityStatus]).toEqual(['completed', 'planned']);
    const [stillClosed] = await db
      .select()
      .from(individualRoutes)
      .where(eq(individualRoutes.id, later.routeId));
    expect(stillClosed?.status).toBe('not_mastered');
  });
});
