import { z } from 'zod';
import { TEACHER_MENTOR_KINDS } from '../../db/schema/values.js';
import { historyLineView } from '../organisation/history.js';

// Response shapes of the staff registry and of mentoring: the API declares them, the operations return them.

const int = z.number().int();

export const levelRefView = z
  .object({
    key: z.string(),
    name: z.string(),
    needsRoute: z.boolean(),
    diagnosticName: z.string(),
    conductedOn: z.string(),
  })
  .nullable()
  .meta({ id: 'StaffLatestLevel' });

export const staffMemberView = z
  .object({
    id: z.uuid(),
    schoolId: z.uuid(),
    schoolName: z.string(),
    code: z.string().nullable(),
    lastName: z.string(),
    firstName: z.string(),
    middleName: z.string().nullable(),
    fullName: z.string(),
    position: z.string(),
    subjects: z.array(z.string()),
    grades: z.array(int),
    experienceYears: int.nullable(),
    isYoung: z.boolean(),
    newlyHired: z.boolean(),
    accountLogin: z.string().nullable(),
    leftOn: z.string().nullable(),
    version: int,
    latestLevel: levelRefView,
  })
  .meta({ id: 'StaffMember' });

export const staffListView = z
  .object({
    schoolId: z.uuid(),
    schoolName: z.string(),
    /** the actor keeps this registry (the school's team) */
    canKeep: z.boolean(),
    /** the actor reads the whole registry (false for a teacher: only his own record) */
    readsAll: z.boolean(),
    members: z.array(staffMemberView),
    positions: z.array(z.string()),
    subjects: z.array(z.string()),
  })
  .meta({ id: 'StaffList' });

export const staffCardView = z
  .object({ member: staffMemberView, canKeep: z.boolean(), history: z.array(historyLineView) })
  .meta({ id: 'StaffCard' });

export const staffSchoolView = z
  .object({
    schoolId: z.uuid(),
    schoolName: z.string(),
    municipalityName: z.string().nullable(),
    current: int,
    young: int,
    newlyHired: int,
    left: int,
  })
  .meta({ id: 'StaffSchoolCount' });

export const staffImportView = z
  .object({
    dryRun: z.boolean(),
    fileName: z.string(),
    columns: z.array(z.object({ field: z.string(), header: z.string() })),
    rows: z.array(
      z.object({
        row: int,
        fullName: z.string(),
        position: z.string(),
        action: z.enum(['create', 'update']).nullable(),
        matchedBy: z.enum(['code', 'name']).nullable(),
        error: z.string().nullable(),
      }),
    ),
    total: int,
    errors: int,
    created: int,
    updated: int,
    written: z.boolean(),
    message: z.string(),
  })
  .meta({ id: 'StaffImportReport' });

export const mentorshipView = z
  .object({
    id: z.uuid(),
    schoolId: z.uuid(),
    year: int,
    menteeId: z.uuid(),
    menteeName: z.string(),
    menteePosition: z.string(),
    menteeLevel: levelRefView,
    mentorKind: z.enum(TEACHER_MENTOR_KINDS),
    mentorStaffId: z.uuid().nullable(),
    mentorName: z.string(),
    mentorUnitName: z.string().nullable(),
    program: z.string().nullable(),
    startedOn: z.string(),
    endedOn: z.string().nullable(),
    result: z.string().nullable(),
    order: z
      .object({ id: z.uuid(), number: z.string(), date: z.string(), fileName: z.string().nullable() })
      .nullable(),
    meetings: int,
    version: int,
  })
  .meta({ id: 'TeacherMentorship' });

export const mentorshipListView = z
  .object({ schoolId: z.uuid(), year: int, canKeep: z.boolean(), pairs: z.array(mentorshipView) })
  .meta({ id: 'TeacherMentorshipList' });

export const meetingView = z
  .object({ id: z.uuid(), date: z.string(), topic: z.string(), notes: z.string().nullable() })
  .meta({ id: 'MentorshipMeeting' });

export const mentorshipCardView = z
  .object({
    pair: mentorshipView,
    canKeep: z.boolean(),
    meetings: z.array(meetingView),
    history: z.array(historyLineView),
  })
  .meta({ id: 'TeacherMentorshipCard' });

const personOption = z.object({
  id: z.uuid(),
  fullName: z.string(),
  position: z.string(),
  schoolName: z.string(),
  level: levelRefView,
});

export const mentorshipCandidatesView = z
  .object({
    /** current teachers of the school, those at levels that need a route first */
    mentees: z.array(personOption),
    colleagues: z.array(personOption),
    /** teachers of the school's mentor schools of the year (issue 12 pairs) */
    mentorSchoolTeachers: z.array(personOption),
    /** units a regional methodist may come from: the region and its institutions */
    methodistUnits: z.array(z.object({ id: z.uuid(), name: z.string() })),
    orders: z.array(z.object({ id: z.uuid(), number: z.string(), date: z.string() })),
  })
  .meta({ id: 'TeacherMentorshipCandidates' });

export const myStaffView = z
  .object({ records: z.array(staffMemberView), mentorships: z.array(mentorshipCardView) })
  .meta({ id: 'MyStaff' });

export const createdView = z.object({ id: z.uuid(), version: int });
