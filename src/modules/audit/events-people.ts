import { z } from 'zod';
import { change, changes, named } from './event-shapes.js';

// The history events of the support of people (issue 14): teachers' staff, diagnostics, routes,
// mentoring and courses, and pupils at risk — part of the one closed list in events.ts. No pupil
// event carries a name or a date of birth.

export const PEOPLE_EVENT_PAYLOADS = {
  // Support of people (issue 14): the staff registry of a school (the target is the school).
  'staff.imported': z.object({ fileName: z.string(), created: z.number(), updated: z.number() }),
  // Helper «routes» (issue 14 §1): individual routes (ИОМ) and their activities; activity events name their route.
  'individual_route.created': z.object({
    staffMemberId: z.string(),
    year: z.number(),
    diagnosticId: z.string().nullable(),
    goals: z.number(),
    activities: z.number(),
  }),
  'individual_route.goal_added': z.object({ goalId: z.string(), text: z.string() }),
  'individual_route.goal_updated': z.object({ goalId: z.string(), changes: z.array(change) }),
  'individual_route.goal_removed': z.object({ goalId: z.string(), text: z.string() }),
  'individual_route.status_changed': z.object({
    from: z.string(),
    to: z.string(),
    conclusion: z.string().nullable(),
    reason: z.string().nullable(),
  }),
  'route_activity.added': z.object({ routeId: z.string(), title: z.string(), kind: z.string() }),
  'route_activity.updated': z.object({ routeId: z.string(), title: z.string(), changes: z.array(change) }),
  'route_activity.removed': z.object({ routeId: z.string(), title: z.string() }),
  'route_activity.status_changed': z.object({
    routeId: z.string(),
    title: z.string(),
    from: z.string(),
    to: z.string(),
    text: z.string().nullable(),
  }),
  'route_activity.file_attached': z.object({
    routeId: z.string(),
    title: z.string(),
    fileId: z.string(),
    fileName: z.string(),
  }),
  // Helper «courses» (issue 14 §1): the course catalogue, enrolments and completion.
  'course.created': z.object({ name: z.string(), kind: z.string(), ownerUnitId: z.string() }),
  'course.updated': changes,
  'course_enrolment.created': z.object({
    courseId: z.string(),
    staffMemberId: z.string(),
    activityId: z.string().nullable(),
  }),
  'course_enrolment.deleted': z.object({ courseId: z.string(), staffMemberId: z.string() }),
  'course_enrolment.result_set': z.object({
    courseId: z.string(),
    from: z.string(),
    to: z.string(),
    completedOn: z.string().nullable(),
  }),
  'course_enrolment.certificate_attached': z.object({
    courseId: z.string(),
    fileId: z.string(),
    fileName: z.string(),
  }),
  /** a route activity marked done by completing the course it served, with the certificate as evidence */
  'route_activity.done_by_course': z.object({
    courseId: z.string(),
    enrolmentId: z.string(),
    fileId: z.string(),
    doneOn: z.string(),
    from: z.string(),
  }),
  // Helper «diagnostics» (issue 14 §1): the scale of levels, diagnostics and their results.
  'deficit_scale.saved': z.object({
    levels: z.array(z.object({ key: z.string(), name: z.string(), minPercent: z.number() })),
  }),
  'diagnostic.created': named,
  'diagnostic.updated': changes,
  'diagnostic.import_saved': z.object({ fileName: z.string(), rows: z.number(), doubtful: z.number() }),
  'diagnostic.import_cancelled': z.object({ fileName: z.string() }),
  'diagnostic.results_imported': z.object({
    fileName: z.string(),
    written: z.number(),
    replaced: z.number(),
    reviewed: z.number(),
    skipped: z.number(),
  }),
  // Helper «staff» (issue 14 §1): a teacher's record and mentoring pairs «учитель–учитель».
  'staff_member.created': z.object({
    fullName: z.string(),
    position: z.string(),
    code: z.string().nullable(),
  }),
  'staff_member.updated': changes,
  'staff_member.left': z.object({ leftOn: z.string().nullable() }),
  'staff_member.removed': z.object({ fullName: z.string() }),
  'staff_member.account_linked': z.object({ login: z.string().nullable() }),
  /** Reading of personal data (issue 17 §7): a teacher's card opened, the registry exported — no name. */
  'staff.card_read': z.object({ schoolId: z.string() }),
  'staff.exported': z.object({ schoolId: z.string(), rows: z.number().int() }),
  'teacher_mentorship.created': z.object({
    menteeId: z.string(),
    mentorKind: z.string(),
    mentorName: z.string(),
    year: z.number(),
    orderId: z.string().nullable(),
  }),
  'teacher_mentorship.updated': z.object({
    changes: z.array(change),
    orderId: z.string().nullable().optional(),
  }),
  'teacher_mentorship.removed': z.object({ menteeId: z.string(), year: z.number() }),
  'teacher_mentorship.meeting_added': z.object({
    meetingId: z.string(),
    date: z.string(),
    topic: z.string(),
  }),
  'teacher_mentorship.meeting_removed': z.object({
    meetingId: z.string(),
    date: z.string(),
    topic: z.string(),
  }),
  'teacher_mentorship.order_file_attached': z.object({ orderId: z.string(), fileName: z.string() }),
  // Helper «pupils» (issue 14 §2): the registry of pupils at risk. No payload carries a name or a date
  // of birth — only ids, the class, the category and what changed of the other fields.
  'pupil.created': z.object({
    schoolId: z.string(),
    year: z.number(),
    classLabel: z.string(),
    category: z.string(),
  }),
  'pupil.updated': z.object({ changes: z.array(change), identityChanged: z.boolean() }),
  'pupil.excluded': z.object({ excludedOn: z.string(), reason: z.string(), purgeAfter: z.string() }),
  'pupil.card_read': z.object({ schoolId: z.string(), classLabel: z.string() }),
  'pupil.exported': z.object({ schoolId: z.string(), format: z.string() }),
  'pupil_measure.created': z.object({ measureId: z.string(), kind: z.string() }),
  'pupil_measure.updated': z.object({ measureId: z.string(), changes: z.array(change) }),
  'pupil_measure.deleted': z.object({ measureId: z.string(), kind: z.string() }),
  'pupil_result.recorded': z.object({ checkpointKey: z.string(), status: z.string(), subjects: z.number() }),
  'pupil_checkpoints.set': z.object({ year: z.number(), keys: z.array(z.string()) }),
  'pupils.purged': z.object({ records: z.number(), measures: z.number(), results: z.number() }),
} as const;
