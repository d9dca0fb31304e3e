import { and, asc, eq, inArray, isNull, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { files } from '../../db/schema/files.js';
import { orgUnits } from '../../db/schema/orgs.js';
import {
  courseEnrolments,
  courses,
  individualRoutes,
  routeActivities,
  routeGoals,
  staffMembers,
} from '../../db/schema/people.js';
import { AppError, conflict, forbidden, invalid, notFound, parseInput } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import type { Actor } from '../access/actor.js';
import { staffVisible } from '../access/people-rules.js';
import { recordEvent } from '../audit/record-event.js';
import { saveFile, type Upload } from '../files/save-file.js';
import type { FileStorage } from '../files/storage.js';
import { refreshPeopleBoundOf } from '../people-coverage/refresh-people-bound.js';
import { markActivityDone } from './complete-activity.js';
import { canEnrolAt, loadCourse } from './course-access.js';
import { type EnrolInput, enrolInput, type ResultInput, resultInput } from './input.js';
import { COURSE_MSG } from './strings.js';
import type { EnrolmentView } from './views.js';

// Enrolment of teachers in a course and its completion (issue 14 §1): a school's team enrols its
// teachers, the municipality and the region those of their schools; the result (прошёл / не прошёл) and
// the certificate are recorded by them, the certificate also by the teacher himself. An enrolment that
// serves a route activity marks it done once the course is completed with a certificate.

const school = alias(orgUnits, 'school');
const fullName = (s: { lastName: string; firstName: string; middleName: string | null }) =>
  [s.lastName, s.firstName, s.middleName].filter(Boolean).join(' ');

const enrolmentSelect = {
  e: courseEnrolments,
  staff: {
    lastName: staffMembers.lastName,
    firstName: staffMembers.firstName,
    middleName: staffMembers.middleName,
    position: staffMembers.position,
    userId: staffMembers.userId,
  },
  schoolName: school.name,
  schoolPath: school.path,
  certificateName: files.name,
  activityTitle: routeActivities.title,
  activityStatus: routeActivities.status,
};

function baseQuery(db: Db) {
  return db
    .select(enrolmentSelect)
    .from(courseEnrolments)
    .innerJoin(staffMembers, eq(staffMembers.id, courseEnrolments.staffMemberId))
    .innerJoin(school, eq(school.id, courseEnrolments.schoolId))
    .leftJoin(files, eq(files.id, courseEnrolments.certificateFileId))
    .leftJoin(routeActivities, eq(routeActivities.id, courseEnrolments.activityId));
}
type EnrolmentRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['where']>>[number];

const viewOf = (actor: Actor, r: EnrolmentRow): EnrolmentView => {
  const keeps = canEnrolAt(actor, r.schoolPath);
  return {
    id: r.e.id,
    courseId: r.e.courseId,
    staffMemberId: r.e.staffMemberId,
    teacherName: fullName(r.staff),
    position: r.staff.position,
    schoolId: r.e.schoolId,
    schoolName: r.schoolName,
    status: r.e.status,
    completedOn: r.e.completedOn,
    certificateFileId: r.e.certificateFileId,
    certificateName: r.certificateName,
    activityId: r.e.activityId,
    activityTitle: r.activityTitle,
    activityStatus: r.activityStatus,
    canKeep: keeps,
    canUpload: keeps || (r.staff.userId !== null && r.staff.userId === actor.userId),
    version: r.e.version,
  };
};

/** The course's enrolments the actor sees: teachers of the schools he reads, or his own. */
export async function listEnrolments(db: Db, opts: { actor: Actor; courseId: string }) {
  const { course } = await loadCourse(db, opts.actor, opts.courseId);
  const rows = await baseQuery(db).where(
    and(eq(courseEnrolments.courseId, course.id), staffVisible(opts.actor, school.path, staffMembers.userId)),
  );
  return rows.map((r) => viewOf(opts.actor, r)).sort(byRussian((v) => `${v.schoolName} ${v.teacherName}`));
}

/** An enrolment the actor sees (404 otherwise). */
async function loadEnrolment(db: Db, actor: Actor, id: string) {
  const [row] = await baseQuery(db).where(
    and(eq(courseEnrolments.id, id), staffVisible(actor, school.path, staffMembers.userId)),
  );
  if (!row) throw notFound('Запись на курс');
  return row;
}

export async function getEnrolment(db: Db, opts: { actor: Actor; enrolmentId: string }) {
  return viewOf(opts.actor, await loadEnrolment(db, opts.actor, opts.enrolmentId));
}

/**
 * Teachers the actor may enrol in the course (his schools under the course's owner), each with the
 * course activities of his route that no enrolment serves yet.
 */
export async function listEnrollable(db: Db, opts: { actor: Actor; courseId: string }) {
  const { course, ownerPath } = await loadCourse(db, opts.actor, opts.courseId);
  const staff = await db
    .select({
      id: staffMembers.id,
      lastName: staffMembers.lastName,
      firstName: staffMembers.firstName,
      middleName: staffMembers.middleName,
      position: staffMembers.position,
      schoolId: school.id,
      schoolName: school.name,
      schoolPath: school.path,
      enrolled: sql<boolean>`exists (select 1 from ${courseEnrolments} ce where ce.staff_member_id = ${staffMembers.id} and ce.course_id = ${course.id})`,
    })
    .from(staffMembers)
    .innerJoin(school, eq(school.id, staffMembers.schoolId))
    .where(
      and(
        isNull(staffMembers.leftOn),
        sql`${school.path} like ${`${ownerPath}%`}`,
        staffVisible(opts.actor, school.path, sql`null`),
      ),
    );
  const mine = staff.filter((s) => canEnrolAt(opts.actor, s.schoolPath));
  const ids = mine.map((s) => s.id);
  const activities = ids.length
    ? await db
        .select({
          id: routeActivities.id,
          title: routeActivities.title,
          staffMemberId: individualRoutes.staffMemberId,
          blockKey: routeGoals.blockKey,
        })
        .from(routeActivities)
        .innerJoin(individualRoutes, eq(individualRoutes.id, routeActivities.routeId))
        .leftJoin(routeGoals, eq(routeGoals.id, routeActivities.goalId))
        .where(
          and(
            inArray(individualRoutes.staffMemberId, ids),
            eq(routeActivities.kind, 'course'),
            inArray(routeActivities.status, ['planned', 'returned']),
            notExists(
              db
                .select({ one: sql`1` })
                .from(courseEnrolments)
                .where(eq(courseEnrolments.activityId, routeActivities.id)),
            ),
          ),
        )
        .orderBy(asc(routeActivities.sort))
    : [];
  return mine
    .map((s) => ({
      staffMemberId: s.id,
      teacherName: fullName(s),
      position: s.position,
      schoolId: s.schoolId,
      schoolName: s.schoolName,
      enrolled: Boolean(s.enrolled),
      activities: activities
        .filter((a) => a.staffMemberId === s.id)
        .map((a) => ({ id: a.id, title: a.title, blockKey: a.blockKey })),
    }))
    .sort(byRussian((v) => `${v.schoolName} ${v.teacherName}`));
}

export async function enrolTeachers(db: Db, opts: { actor: Actor; courseId: string; input: EnrolInput }) {
  const { actor } = opts;
  const input = parseInput(enrolInput, opts.input);
  const { course, ownerPath } = await loadCourse(db, actor, opts.courseId);
  const ids = [...new Set(input.staffMemberIds)];
  const staff = await db
    .select({ id: staffMembers.id, schoolId: school.id, schoolPath: school.path })
    .from(staffMembers)
    .innerJoin(school, eq(school.id, staffMembers.schoolId))
    .where(and(inArray(staffMembers.id, ids), staffVisible(actor, school.path, staffMembers.userId)));
  if (staff.length !== ids.length) throw notFound('Педагог');
  for (const s of staff) {
    if (!canEnrolAt(actor, s.schoolPath)) throw forbidden(COURSE_MSG.enrolForbidden);
    if (!s.schoolPath.startsWith(ownerPath)) throw invalid(COURSE_MSG.schoolOutside);
  }
  const activityId = input.activityId ?? null;
  if (activityId) {
    const [a] = await db
      .select({ id: routeActivities.id, routeStatus: individualRoutes.status })
      .from(routeActivities)
      .innerJoin(individualRoutes, eq(individualRoutes.id, routeActivities.routeId))
      .where(
        and(
          eq(routeActivities.id, activityId),
          eq(routeActivities.kind, 'course'),
          eq(individualRoutes.staffMemberId, ids[0] ?? ''),
        ),
      );
    if (!a || ids.length !== 1)
      throw invalid(COURSE_MSG.activityForeign, [
        { field: 'activityId', message: COURSE_MSG.activityForeign },
      ]);
    // Only an activity of a running route (approved or in progress) may be served: a draft is not yet
    // the teacher's route, a closed one is no longer changed.
    if (a.routeStatus !== 'approved' && a.routeStatus !== 'in_progress')
      throw invalid(COURSE_MSG.activityRouteNotRunning, [
        { field: 'activityId', message: COURSE_MSG.activityRouteNotRunning },
      ]);
  }
  const taken = await db
    .select({ id: courseEnrolments.id })
    .from(courseEnrolments)
    .where(and(eq(courseEnrolments.courseId, course.id), inArray(courseEnrolments.staffMemberId, ids)));
  if (taken.length) throw invalid(COURSE_MSG.alreadyEnrolled);
  return db.transaction(async (tx) => {
    const rows = await tx
      .insert(courseEnrolments)
      .values(
        staff.map((s) => ({ courseId: course.id, staffMemberId: s.id, schoolId: s.schoolId, activityId })),
      )
      .onConflictDoNothing()
      .returning();
    if (rows.length !== staff.length) throw new AppError('CONFLICT', COURSE_MSG.alreadyEnrolled);
    for (const r of rows)
      await recordEvent(
        tx,
        actor,
        'course_enrolment.created',
        { entityType: 'course_enrolment', entityId: r.id, orgUnitId: r.schoolId },
        { courseId: course.id, staffMemberId: r.staffMemberId, activityId },
      );
    return { created: rows.length };
  });
}

/** Cancels an enrolment not yet completed. */
export async function deleteEnrolment(db: Db, opts: { actor: Actor; enrolmentId: string; version: number }) {
  const { actor } = opts;
  const before = await loadEnrolment(db, actor, opts.enrolmentId);
  if (!canEnrolAt(actor, before.schoolPath)) throw forbidden(COURSE_MSG.enrolForbidden);
  if (before.e.version !== opts.version) throw conflict({ version: before.e.version });
  if (before.e.status === 'completed') throw invalid('Пройденный курс из записей не удаляется');
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(courseEnrolments)
      .where(and(eq(courseEnrolments.id, before.e.id), eq(courseEnrolments.version, opts.version)))
      .returning({ id: courseEnrolments.id });
    if (!gone) throw conflict();
    await recordEvent(
      tx,
      actor,
      'course_enrolment.deleted',
      { entityType: 'course_enrolment', entityId: before.e.id, orgUnitId: before.e.schoolId },
      { courseId: before.e.courseId, staffMemberId: before.e.staffMemberId },
    );
  });
}

/** Records the result: прошёл (with the date), не прошёл, or back to записан. */
export async function setEnrolmentResult(
  db: Db,
  opts: { actor: Actor; enrolmentId: string; input: ResultInput },
) {
  const { actor } = opts;
  const input = parseInput(resultInput, opts.input);
  const before = await loadEnrolment(db, actor, opts.enrolmentId);
  if (!canEnrolAt(actor, before.schoolPath)) throw forbidden(COURSE_MSG.enrolForbidden);
  if (before.e.version !== input.version) throw conflict({ version: before.e.version });
  const completedOn = input.completedOn ?? null;
  if (input.status === 'completed' && !completedOn)
    throw invalid(COURSE_MSG.completedOnNeeded, [
      { field: 'completedOn', message: COURSE_MSG.completedOnNeeded },
    ]);
  if (input.status === 'enrolled' && completedOn)
    throw invalid(COURSE_MSG.completedOnNotForEnrolled, [
      { field: 'completedOn', message: COURSE_MSG.completedOnNotForEnrolled },
    ]);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(courseEnrolments)
      .set({
        status: input.status,
        completedOn,
        version: sql`${courseEnrolments.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(courseEnrolments.id, before.e.id), eq(courseEnrolments.version, input.version)))
      .returning();
    if (!row) throw conflict();
    await recordEvent(
      tx,
      actor,
      'course_enrolment.result_set',
      { entityType: 'course_enrolment', entityId: row.id, orgUnitId: row.schoolId },
      { courseId: row.courseId, from: before.e.status, to: row.status, completedOn },
    );
    await markActivityDone(tx, actor, row);
    // Completed courses are counted by teachers' coverage (bound indicators).
    await refreshPeopleBoundOf(tx, row.schoolId);
    const [after] = await baseQuery(tx).where(eq(courseEnrolments.id, row.id));
    if (!after) throw new Error('enrolment vanished');
    return viewOf(actor, after);
  });
}

/** The certificate (удостоверение, сертификат): by the keepers or the teacher himself. */
export async function attachCertificate(
  db: Db,
  storage: FileStorage,
  opts: { actor: Actor; enrolmentId: string; version: number; upload: Upload; maxBytes: number },
) {
  const { actor } = opts;
  const before = await loadEnrolment(db, actor, opts.enrolmentId);
  const own = before.staff.userId !== null && before.staff.userId === actor.userId;
  if (!own && !canEnrolAt(actor, before.schoolPath)) throw forbidden(COURSE_MSG.certificateForbidden);
  if (before.e.version !== opts.version) throw conflict({ version: before.e.version });
  const file = await saveFile(db, storage, {
    upload: opts.upload,
    userId: actor.userId,
    maxBytes: opts.maxBytes,
  });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(courseEnrolments)
      .set({
        certificateFileId: file.id,
        version: sql`${courseEnrolments.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(courseEnrolments.id, before.e.id), eq(courseEnrolments.version, opts.version)))
      .returning();
    if (!row) throw conflict();
    await recordEvent(
      tx,
      actor,
      'course_enrolment.certificate_attached',
      { entityType: 'course_enrolment', entityId: row.id, orgUnitId: row.schoolId },
      { courseId: row.courseId, fileId: file.id, fileName: file.name },
    );
    await markActivityDone(tx, actor, row);
    // Completed courses are counted by teachers' coverage (bound indicators).
    await refreshPeopleBoundOf(tx, row.schoolId);
    const [after] = await baseQuery(tx).where(eq(courseEnrolments.id, row.id));
    if (!after) throw new Error('enrolment vanished');
    return viewOf(actor, after);
  });
}

export async function readCertificate(
  db: Db,
  storage: FileStorage,
  opts: { actor: Actor; enrolmentId: string },
) {
  const e = await loadEnrolment(db, opts.actor, opts.enrolmentId);
  if (!e.e.certificateFileId) throw notFound('Файл');
  const [file] = await db.select().from(files).where(eq(files.id, e.e.certificateFileId));
  const data = file ? await storage.get(file.storageKey) : null;
  if (!file || !data) throw notFound('Файл');
  return { file, data };
}

/** The teacher's own enrolments (his staff records' accounts). */
export async function myCourses(db: Db, opts: { actor: Actor }) {
  const rows = await db
    .select({ e: courseEnrolments, c: courses, certificateName: files.name })
    .from(courseEnrolments)
    .innerJoin(staffMembers, eq(staffMembers.id, courseEnrolments.staffMemberId))
    .innerJoin(courses, eq(courses.id, courseEnrolments.courseId))
    .leftJoin(files, eq(files.id, courseEnrolments.certificateFileId))
    .where(eq(staffMembers.userId, opts.actor.userId))
    .orderBy(asc(courses.startsOn), asc(courses.id));
  return rows.map((r) => ({
    enrolmentId: r.e.id,
    courseId: r.c.id,
    name: r.c.name,
    kind: r.c.kind,
    provider: r.c.provider,
    hours: r.c.hours,
    startsOn: r.c.startsOn,
    endsOn: r.c.endsOn,
    format: r.c.format,
    status: r.e.status,
    completedOn: r.e.completedOn,
    certificateName: r.certificateName,
    version: r.e.version,
  }));
}
