import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../tests/helpers/db.js';
import type { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import { auditEvents } from '../../db/schema/audit.js';
import { monitoringResponses } from '../../db/schema/monitoring.js';
import { routeActivities, routeActivityFiles } from '../../db/schema/people.js';
import { databaseStorage } from '../files/storage.js';
import { createMonitoring } from '../monitoring/create-monitoring.js';
import { saveResponse, submitResponse } from '../monitoring/fill-response.js';
import { openMonitoring } from '../monitoring/open-monitoring.js';
import { reviewResponse } from '../monitoring/review-response.js';
import { courseHistory, createCourse, getCourse, listCourses, updateCourse } from './courses.js';
import { code, course, PDF, setUpCourses, YEAR } from './courses-setup.js';
import { courseDemand, courseDemandSchools } from './demand.js';
import {
  attachCertificate,
  deleteEnrolment,
  enrolTeachers,
  listEnrollable,
  listEnrolments,
  myCourses,
  setEnrolmentResult,
} from './enrolments.js';
import { NEEDS_TEMPLATE } from './strings.js';

describe.each(DB_KINDS)('courses, enrolments and the course demand on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let staff: Record<string, string> = {};
  let activity: Record<string, string> = {};
  let courseId = '';
  beforeAll(async () => {
    ({ database, f, staff, activity } = await setUpCourses(kind));
  }, 60_000);
  afterAll(async () => database?.close());

  it('the catalogue is kept by the region and the municipality, read by the schools below, not by an expert', async () => {
    const db = database.db;
    expect(
      await code(createCourse(db, { actor: f.as('school1'), input: { ownerUnitId: f.R.id, ...course } })),
    ).toMatch(/^FORBIDDEN/);
    expect(
      await code(createCourse(db, { actor: f.as('mun1'), input: { ownerUnitId: f.R.id, ...course } })),
    ).toMatch(/^NOT_FOUND|^FORBIDDEN/);
    expect(
      await code(createCourse(db, { actor: f.as('center'), input: { ownerUnitId: f.S1.id, ...course } })),
    ).toMatch(/^INVALID_INPUT Каталог курсов ведут регион/);
    expect(
      await code(
        createCourse(db, {
          actor: f.as('center'),
          input: { ownerUnitId: f.R.id, ...course, startsOn: '2026-12-01', endsOn: '2026-11-01' },
        }),
      ),
    ).toMatch(/^INVALID_INPUT Дата окончания/);
    const made = await createCourse(db, { actor: f.as('center'), input: { ownerUnitId: f.R.id, ...course } });
    courseId = made.id;
    expect(made.canKeep).toBe(true);
    const municipal = await createCourse(db, {
      actor: f.as('mun2'),
      input: { ownerUnitId: f.M2.id, ...course, name: 'Курс второго района', topic: 'legal' },
    });
    expect((await listCourses(db, { actor: f.as('school1') })).map((c) => c.name)).toEqual([course.name]);
    expect((await listCourses(db, { actor: f.as('school3') })).map((c) => c.name).sort()).toEqual(
      [course.name, 'Курс второго района'].sort(),
    );
    expect(
      (await listCourses(db, { actor: f.as('region'), query: { topic: 'legal' } })).map((c) => c.id),
    ).toEqual([municipal.id]);
    expect(await listCourses(db, { actor: f.as('expert') })).toEqual([]);
    expect(await code(getCourse(db, { actor: f.as('school1'), courseId: municipal.id }))).toMatch(
      /^NOT_FOUND Курс/,
    );
    expect((await getCourse(db, { actor: f.as('school1'), courseId })).canKeep).toBe(false);
  });

  it('an edit needs the current version and the right; it is in the history', async () => {
    const db = database.db;
    expect(
      await code(updateCourse(db, { actor: f.as('school1'), courseId, input: { version: 1, hours: 72 } })),
    ).toMatch(/^FORBIDDEN/);
    const updated = await updateCourse(db, {
      actor: f.as('region'),
      courseId,
      input: { version: 1, hours: 72 },
    });
    expect(updated.version).toBe(2);
    expect(
      await code(updateCourse(db, { actor: f.as('center'), courseId, input: { version: 1, hours: 48 } })),
    ).toMatch(/^CONFLICT/);
    const history = await courseHistory(db, { actor: f.as('school1'), courseId });
    expect(history.map((h) => h.text)).toEqual([
      `Курс добавлен в каталог: ${course.name} (Повышение квалификации)`,
      'Изменено: часы → 72',
    ]);
  });

  it('a school enrols only its own teachers; the municipality and the region those of their schools', async () => {
    const db = database.db;
    expect(
      await code(
        enrolTeachers(db, { actor: f.as('school1'), courseId, input: { staffMemberIds: [staff.c ?? ''] } }),
      ),
    ).toMatch(/^NOT_FOUND Педагог/);
    expect(
      await code(
        enrolTeachers(db, { actor: f.as('curator'), courseId, input: { staffMemberIds: [staff.a ?? ''] } }),
      ),
    ).toMatch(/^FORBIDDEN/);
    expect(
      await code(
        enrolTeachers(db, {
          actor: f.as('school1'),
          courseId,
          input: { staffMemberIds: [staff.a ?? ''], activityId: activity.b },
        }),
      ),
    ).toMatch(/^INVALID_INPUT Мероприятие маршрута/);
    const enrollable = await listEnrollable(db, { actor: f.as('school1'), courseId });
    expect(enrollable.map((t) => [t.teacherName, t.activities.map((a) => a.id)])).toEqual([
      ['Учитель-a Тест', [activity.a]],
      ['Учитель-b Тест', [activity.b]],
    ]);
    expect(
      await enrolTeachers(db, {
        actor: f.as('school1'),
        courseId,
        input: { staffMemberIds: [staff.a ?? ''], activityId: activity.a },
      }),
    ).toEqual({ created: 1 });
    expect(
      await code(
        enrolTeachers(db, { actor: f.as('school1'), courseId, input: { staffMemberIds: [staff.a ?? ''] } }),
      ),
    ).toMatch(/^INVALID_INPUT Педагог уже записан/);
    expect(
      await enrolTeachers(db, { actor: f.as('mun2'), courseId, input: { staffMemberIds: [staff.d ?? ''] } }),
    ).toEqual({ created: 1 });
    expect((await listEnrolments(db, { actor: f.as('region'), courseId })).length).toBe(2);
    expect(
      (await listEnrolments(db, { actor: f.as('school1'), courseId })).map((e) => e.teacherName),
    ).toEqual(['Учитель-a Тест']);
    expect((await myCourses(db, { actor: f.as('teacher') })).map((c) => c.status)).toEqual(['enrolled']);
  });

  it('completion with a certificate marks the route activity done, with the file and an event', async () => {
    const db = database.db;
    const storage = databaseStorage(db);
    const [mine] = await listEnrolments(db, { actor: f.as('school1'), courseId });
    if (!mine) throw new Error('no enrolment');
    expect(
      await code(
        setEnrolmentResult(db, {
          actor: f.as('school1'),
          enrolmentId: mine.id,
          input: { version: mine.version, status: 'completed' },
        }),
      ),
    ).toMatch(/^INVALID_INPUT Укажите дату/);
    expect(
      await code(
        setEnrolmentResult(db, {
          actor: f.as('teacher'),
          enrolmentId: mine.id,
          input: { version: mine.version, status: 'completed', completedOn: '2026-11-30' },
        }),
      ),
    ).toMatch(/^FORBIDDEN/);
    const done = await setEnrolmentResult(db, {
      actor: f.as('school1'),
      enrolmentId: mine.id,
      input: { version: mine.version, status: 'completed', completedOn: '2026-11-30' },
    });
    // Completed without a certificate: the activity waits.
    const activityOf = async () =>
      (
        await db
          .select()
          .from(routeActivities)
          .where(eq(routeActivities.id, activity.a ?? ''))
      )[0];
    expect((await activityOf())?.status).toBe('planned');
    // Another school's team does not see the enrolment; the teacher uploads his own certificate.
    expect(
      await code(
        attachCertificate(db, storage, {
          actor: f.as('school2'),
          enrolmentId: mine.id,
          version: done.version,
          upload: { name: 'удостоверение.pdf', data: PDF },
          maxBytes: 1 << 20,
        }),
      ),
    ).toMatch(/^NOT_FOUND/);
    expect(
      await code(
        attachCertificate(db, storage, {
          actor: f.as('teacher'),
          enrolmentId: mine.id,
          version: 1,
          upload: { name: 'удостоверение.pdf', data: PDF },
          maxBytes: 1 << 20,
        }),
      ),
    ).toMatch(/^CONFLICT/);
    const withFile = await attachCertificate(db, storage, {
      actor: f.as('teacher'),
      enrolmentId: mine.id,
      version: done.version,
      upload: { name: 'удостоверение.pdf', data: PDF },
      maxBytes: 1 << 20,
    });
    expect(withFile.certificateName).toBe('удостоверение.pdf');
    expect(withFile.activityStatus).toBe('done');
    const a = await activityOf();
    expect([a?.status, a?.doneOn]).toEqual(['done', '2026-11-30']);
    const evidence = await db
      .select()
      .from(routeActivityFiles)
      .where(eq(routeActivityFiles.activityId, activity.a ?? ''));
    expect(evidence.map((e) => e.fileId)).toEqual([withFile.certificateFileId]);
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'route_activity'), eq(auditEvents.entityId, activity.a ?? '')));
    expect(events.map((e) => e.type)).toEqual(['route_activity.done_by_course']);
    // A completed enrolment is not cancelled; the other one is, by its keeper only.
    expect(
      await code(
        deleteEnrolment(db, { actor: f.as('school1'), enrolmentId: mine.id, version: withFile.version }),
      ),
    ).toMatch(/^INVALID_INPUT/);
    expect(
      (await myCourses(db, { actor: f.as('teacher') })).map((c) => [c.status, c.certificateName]),
    ).toEqual([['completed', 'удостоверение.pdf']]);
  });

  it('the demand adds uncovered route activities and the needs answers, by topic, municipality and group', async () => {
    const db = database.db;
    const region = f.as('region');
    const id = await createMonitoring(db, {
      actor: region,
      ownerUnitId: f.R.id,
      kind: 'form',
      title: 'Сбор образовательных потребностей',
      year: YEAR,
      periodStart: '2026-09-01',
      periodEnd: '2026-12-31',
      template: NEEDS_TEMPLATE,
      participants: { mode: 'units', unitIds: [f.S1.id, f.S2.id, f.S3.id] },
    });
    await openMonitoring(db, { actor: region, monitoringId: id, version: 1 });
    const version = async (unitId: string) =>
      (
        await db
          .select({ v: monitoringResponses.version })
          .from(monitoringResponses)
          .where(and(eq(monitoringResponses.monitoringId, id), eq(monitoringResponses.orgUnitId, unitId)))
      )[0]?.v ?? 0;
    const row = (topic: string, people: number, subject?: string) => ({
      topic,
      category: 'teachers',
      people,
      format: 'remote',
      ...(subject ? { subject } : {}),
    });
    await submitResponse(db, {
      actor: f.as('school1'),
      monitoringId: id,
      unitId: f.S1.id,
      version: await version(f.S1.id),
      answers: { needs: [row('methodical', 3), row('digital', 2)] },
    });
    await reviewResponse(db, {
      actor: region,
      monitoringId: id,
      unitId: f.S1.id,
      version: await version(f.S1.id),
      decision: 'accept',
    });
    await submitResponse(db, {
      actor: f.as('school2'),
      monitoringId: id,
      unitId: f.S2.id,
      version: await version(f.S2.id),
      answers: { needs: [row('methodical', 4, 'Химия')] },
    });
    // A draft is not counted.
    await saveResponse(db, {
      actor: f.as('school3'),
      monitoringId: id,
      unitId: f.S3.id,
      version: await version(f.S3.id),
      answers: { needs: [row('methodical', 50)] },
    });

    const demand = await courseDemand(db, { actor: region, year: YEAR });
    expect(demand.needsMonitorings).toBe(1);
    expect(demand.base).toMatch(/^ШНОР по списку 2025 г\./);
    const cells = demand.rows.map((r) => [
      r.topic,
      r.municipalityName,
      r.group,
      r.schools,
      r.fromRoutes,
      r.fromNeeds,
    ]);
    // a: covered by his enrolment; d: enrolled in the course (no activity named) — but his activity has
    // no course: it stays in the demand; e: route closed.
    expect(cells).toEqual([
      ['methodical', 'Второй район', 'other', 1, 1, 0],
      ['methodical', 'Первый район', 'other', 1, 0, 3],
      ['methodical', 'Первый район', 'shnor', 1, 1, 4],
      ['subject', 'Первый район', 'other', 1, 1, 0],
      ['digital', 'Первый район', 'other', 1, 0, 2],
    ]);
    expect(demand.byTopic.map((t) => [t.topic, t.fromRoutes, t.fromNeeds, t.total])).toEqual([
      ['methodical', 2, 7, 9],
      ['digital', 0, 2, 2],
      ['subject', 1, 0, 1],
    ]);
    const m1 = await courseDemand(db, { actor: f.as('mun1'), year: YEAR });
    expect(m1.rows.every((r) => r.municipalityName === 'Первый район')).toBe(true);
    expect(await code(courseDemand(db, { actor: f.as('mun1'), year: YEAR, unitId: f.M2.id }))).toMatch(
      /^NOT_FOUND/,
    );
    const schools = await courseDemandSchools(db, { actor: region, year: YEAR, topic: 'subject' });
    expect(schools.map((s) => [s.schoolName, s.subjects, s.fromRoutes])).toEqual([
      ['Школа 1', ['Физика'], 1],
    ]);
    expect((await courseDemand(db, { actor: f.as('expert'), year: YEAR })).rows).toEqual([]);
  });
});
