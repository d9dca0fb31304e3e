import { z } from 'zod';
import {
  COURSE_FORMATS,
  COURSE_KINDS,
  ENROLMENT_STATUSES,
  ROUTE_ACTIVITY_STATUSES,
} from '../../db/schema/values.js';
import { DEMAND_GROUPS } from './strings.js';

// Response shapes of the courses module: the API declares them, the operations return them.

const int = z.number().int();

export const courseView = z
  .object({
    id: z.uuid(),
    ownerUnitId: z.uuid(),
    ownerName: z.string(),
    name: z.string(),
    kind: z.enum(COURSE_KINDS),
    provider: z.string(),
    hours: int,
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    format: z.enum(COURSE_FORMATS),
    topic: z.string().nullable(),
    subject: z.string().nullable(),
    enrolled: int,
    completed: int,
    /** the actor keeps this course (edits it) */
    canKeep: z.boolean(),
    version: int,
  })
  .meta({ id: 'Course' });
export type CourseView = z.infer<typeof courseView>;

export const enrolmentView = z
  .object({
    id: z.uuid(),
    courseId: z.uuid(),
    staffMemberId: z.uuid(),
    teacherName: z.string(),
    position: z.string(),
    schoolId: z.uuid(),
    schoolName: z.string(),
    status: z.enum(ENROLMENT_STATUSES),
    completedOn: z.string().nullable(),
    certificateFileId: z.uuid().nullable(),
    certificateName: z.string().nullable(),
    activityId: z.uuid().nullable(),
    activityTitle: z.string().nullable(),
    activityStatus: z.enum(ROUTE_ACTIVITY_STATUSES).nullable(),
    /** the actor records the result of this enrolment */
    canKeep: z.boolean(),
    /** the actor may upload the certificate (the keepers and the teacher himself) */
    canUpload: z.boolean(),
    version: int,
  })
  .meta({ id: 'CourseEnrolment' });
export type EnrolmentView = z.infer<typeof enrolmentView>;

/** A teacher the actor may enrol, with the course activities of his route not yet covered. */
export const enrollableView = z
  .object({
    staffMemberId: z.uuid(),
    teacherName: z.string(),
    position: z.string(),
    schoolId: z.uuid(),
    schoolName: z.string(),
    enrolled: z.boolean(),
    activities: z.array(z.object({ id: z.uuid(), title: z.string(), blockKey: z.string().nullable() })),
  })
  .meta({ id: 'EnrollableTeacher' });

export const myCourseView = z
  .object({
    enrolmentId: z.uuid(),
    courseId: z.uuid(),
    name: z.string(),
    kind: z.enum(COURSE_KINDS),
    provider: z.string(),
    hours: int,
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    format: z.enum(COURSE_FORMATS),
    status: z.enum(ENROLMENT_STATUSES),
    completedOn: z.string().nullable(),
    certificateName: z.string().nullable(),
    version: int,
  })
  .meta({ id: 'MyCourse' });

const demandCounts = {
  /** teachers with a course activity of their route not yet covered by an enrolment */
  fromRoutes: int,
  /** people named in the accepted or submitted answers of the educational needs campaign */
  fromNeeds: int,
  total: int,
};

export const demandRowView = z
  .object({
    topic: z.string().nullable(),
    topicName: z.string(),
    municipalityId: z.uuid(),
    municipalityName: z.string(),
    group: z.enum(DEMAND_GROUPS),
    schools: int,
    ...demandCounts,
  })
  .meta({ id: 'CourseDemandRow' });

export const demandView = z
  .object({
    /** which approved lists gave the groups, in words */
    base: z.string(),
    needsMonitorings: int,
    rows: z.array(demandRowView),
    byTopic: z.array(z.object({ topic: z.string().nullable(), topicName: z.string(), ...demandCounts })),
  })
  .meta({ id: 'CourseDemand' });
export type DemandView = z.infer<typeof demandView>;

export const demandSchoolView = z
  .object({
    schoolId: z.uuid(),
    schoolName: z.string(),
    municipalityId: z.uuid(),
    municipalityName: z.string(),
    group: z.enum(DEMAND_GROUPS),
    topic: z.string().nullable(),
    topicName: z.string(),
    subjects: z.array(z.string()),
    ...demandCounts,
  })
  .meta({ id: 'CourseDemandSchool' });
export type DemandSchoolView = z.infer<typeof demandSchoolView>;
