import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { users } from '../../src/db/schema/auth.js';
import { orgUnits } from '../../src/db/schema/orgs.js';
import { courseEnrolments, courses, staffMembers } from '../../src/db/schema/people.js';
import { saveFile } from '../../src/modules/files/save-file.js';
import { databaseStorage } from '../../src/modules/files/storage.js';
import type { Target } from './requests.js';
import type { Samples } from './samples.js';
import type { Login } from './scope.js';

// Helper «courses» (issue 14 §1): the demo's courses and enrolments the matrix calls endpoints on, and who
// sees and may act on each — written out by hand from access/people-rules.ts and courses/course-access.ts.

/** requests.ts's STALE: imported from there it would be read before that module is evaluated. */
const STALE = 999_999;
const TODAY = new Date().toISOString().slice(0, 10);

export type CourseSamples = {
  /** a course of the region's catalogue */
  regionalId: string;
  /** a course of the first municipality's catalogue (the `municipality` account's) */
  municipalId: string;
  /** an enrolment of the `teacher` account (a teacher of the demo school) */
  enrolmentId: string;
  /** a teacher of the demo school already enrolled in the regional course */
  enrolledStaffId: string;
};

export async function courseSamples(
  db: Db,
  schoolId: string,
  municipalityId: string,
): Promise<CourseSamples> {
  const [municipal] = await db
    .select({ id: courses.id })
    .from(courses)
    .where(eq(courses.ownerUnitId, municipalityId));
  const [own] = await db
    .select({ id: courseEnrolments.id, certificateFileId: courseEnrolments.certificateFileId })
    .from(courseEnrolments)
    .innerJoin(staffMembers, eq(staffMembers.id, courseEnrolments.staffMemberId))
    .where(and(eq(courseEnrolments.schoolId, schoolId), isNotNull(staffMembers.userId)))
    // The one with a certificate (the demo loads in one transaction: every enrolment has the same
    // created_at, so the order alone picked either, and the certificate's GET had nothing to give).
    .orderBy(sql`${courseEnrolments.certificateFileId} is null`, asc(courseEnrolments.id))
    .limit(1);
  // An enrolment of the demo school in a course of the region (its owner has no parent).
  const [enrolled] = await db
    .select({ courseId: courseEnrolments.courseId, staffId: courseEnrolments.staffMemberId })
    .from(courseEnrolments)
    .innerJoin(courses, eq(courses.id, courseEnrolments.courseId))
    .innerJoin(orgUnits, eq(orgUnits.id, courses.ownerUnitId))
    .where(and(eq(courseEnrolments.schoolId, schoolId), isNull(orgUnits.parentId)))
    .limit(1);
  if (!municipal || !own || !enrolled) throw new Error('no demo courses or enrolments of the demo school');
  // The certificate's GET needs one: whether the demo's course of the teacher is over depends on the date.
  if (!own.certificateFileId) {
    const [author] = await db.select({ id: users.id }).from(users).where(eq(users.login, 'school'));
    const file = await saveFile(db, databaseStorage(db), {
      upload: {
        name: 'удостоверение.pdf',
        data: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
      },
      userId: author?.id ?? '',
      maxBytes: 1 << 20,
    });
    await db
      .update(courseEnrolments)
      .set({ certificateFileId: file.id })
      .where(eq(courseEnrolments.id, own.id));
  }
  return {
    regionalId: enrolled.courseId,
    municipalId: municipal.id,
    enrolmentId: own.id,
    enrolledStaffId: enrolled.staffId,
  };
}

type Case = {
  label: string;
  params: Record<string, string>;
  target: Target;
  sees: readonly Login[];
  may: readonly Login[];
};

// The region's catalogue: every reader of teachers' data below the region (not the expert, not a teacher).
const REGIONAL_SEES: Login[] = ['admin', 'region', 'center', 'municipality', 'curator', 'school', 'school2'];
// The first municipality's: the region's side, the municipality and the units below it.
const MUNICIPAL_SEES: Login[] = ['admin', 'region', 'center', 'municipality', 'curator', 'school'];
// A teacher of the demo school: the readers of its subtree and the teacher himself.
const TEACHER_SEES: Login[] = ['admin', 'region', 'center', 'municipality', 'curator', 'school', 'teacher'];
const SCHOOL_KEEPERS: Login[] = ['region', 'center', 'municipality', 'school'];

export function courseCases(rule: string, s: Samples, user: Target['user']): Case[] | null {
  const c = s.courses;
  const target = (unit?: Target['unit']): Target => ({ unit, all: s, user });
  switch (rule) {
    case 'course.create':
      return [
        {
          label: 'regionCatalogue',
          params: {},
          target: target(s.units.region),
          sees: REGIONAL_SEES,
          may: ['region', 'center'],
        },
        {
          label: 'municipalCatalogue',
          params: {},
          target: target(s.units.ownMunicipality),
          sees: MUNICIPAL_SEES,
          may: ['region', 'center', 'municipality'],
        },
      ];
    case 'course.read':
    case 'course.keep':
      return [
        {
          label: 'regionalCourse',
          params: { id: c.regionalId },
          target: target(),
          sees: REGIONAL_SEES,
          may: rule === 'course.read' ? REGIONAL_SEES : ['region', 'center'],
        },
        {
          label: 'municipalCourse',
          params: { id: c.municipalId },
          target: target(),
          sees: MUNICIPAL_SEES,
          may: rule === 'course.read' ? MUNICIPAL_SEES : ['region', 'center', 'municipality'],
        },
      ];
    case 'course.enrol':
      // A teacher of the demo school: school2 sees the course but not the teacher.
      return [
        {
          label: 'regionalCourse',
          params: { id: c.regionalId },
          target: target(),
          sees: MUNICIPAL_SEES,
          may: SCHOOL_KEEPERS,
        },
      ];
    case 'course-enrolment.read':
    case 'course-enrolment.keep':
    case 'course-enrolment.certificate':
      return [
        {
          label: 'teacherEnrolment',
          params: { id: c.enrolmentId },
          target: target(),
          sees: TEACHER_SEES,
          may:
            rule === 'course-enrolment.read'
              ? TEACHER_SEES
              : rule === 'course-enrolment.keep'
                ? SCHOOL_KEEPERS
                : [...SCHOOL_KEEPERS, 'teacher'],
        },
      ];
    default:
      return null;
  }
}

const pdf = () => {
  const fd = new FormData();
  fd.append(
    'file',
    new File([Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')], 'удостоверение.pdf'),
  );
  return fd;
};

/**
 * What the matrix sends to the courses' write endpoints: nothing changes — a new course with its end before
 * its start (400 for the keepers), a teacher already enrolled (400), stale versions (409).
 */
export const COURSE_REQUESTS: Record<string, (t: Target) => { query?: string; body?: unknown }> = {
  'POST /api/courses': (t) => ({
    body: {
      ownerUnitId: t.unit?.unitId,
      name: 'Проверка доступа',
      kind: 'pk',
      provider: 'Проверка',
      hours: 16,
      format: 'remote',
      startsOn: '2026-12-01',
      endsOn: '2026-11-01',
    },
  }),
  'PATCH /api/courses/{id}': () => ({ body: { version: STALE, hours: 20 } }),
  'POST /api/courses/{id}/enrolments': (t) => ({ body: { staffMemberIds: [t.all.courses.enrolledStaffId] } }),
  'POST /api/course-enrolments/{id}/result': () => ({
    body: { version: STALE, status: 'completed', completedOn: TODAY },
  }),
  'DELETE /api/course-enrolments/{id}': () => ({ query: `version=${STALE}` }),
  'POST /api/course-enrolments/{id}/certificate': () => ({ query: `version=${STALE}`, body: pdf() }),
};
