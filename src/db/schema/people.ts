import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth.js';
import { files } from './files.js';
import { organisationOrders } from './organisation.js';
import { orgUnits } from './orgs.js';
import type {
  CourseFormat,
  CourseKind,
  DeficitLevel,
  DiagnosticBlock,
  DiagnosticImportStatus,
  EnrolmentStatus,
  ResultMatch,
  RouteActivityKind,
  RouteActivityStatus,
  RouteStatus,
  TeacherMentorKind,
} from './values.js';

// Support of teachers (issue 14 §1): the staff registry of each school, diagnostics of professional
// deficits and their results, individual routes (ИОМ) with activities and evidence, mentoring pairs and
// courses. Coverage figures are queries over these tables, never stored.

const stamps = {
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** A teacher (педагогический работник) of a school; kept after he leaves (`leftOn`) for the history of routes. */
export const staffMembers = pgTable(
  'staff_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => orgUnits.id),
    /** the school's or the region's personnel code (табельный номер, код в РИС); matches diagnostic results */
    code: text('code'),
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    middleName: text('middle_name'),
    position: text('position').notNull(),
    subjects: text('subjects').array().notNull().default(sql`'{}'::text[]`),
    grades: smallint('grades').array().notNull().default(sql`'{}'::smallint[]`),
    experienceYears: smallint('experience_years'),
    /** «молодой педагог» */
    isYoung: boolean('is_young').notNull().default(false),
    /** «вновь принятый» */
    newlyHired: boolean('newly_hired').notNull().default(false),
    /** the teacher's own account: he sees his record, diagnostics and route */
    userId: uuid('user_id').references(() => users.id),
    leftOn: date('left_on', { mode: 'string' }),
    ...stamps,
  },
  (t) => [
    index('staff_members_school_idx').on(t.schoolId),
    uniqueIndex('staff_members_code_uq').on(t.schoolId, t.code).where(sql`${t.code} is not null`),
    index('staff_members_user_idx').on(t.userId),
  ],
);

/** The region's scale of deficit levels (reference data); a diagnostic freezes a copy when it is created. */
export const deficitScales = pgTable('deficit_scales', {
  regionId: uuid('region_id')
    .primaryKey()
    .references(() => orgUnits.id),
  levels: jsonb('levels').$type<DeficitLevel[]>().notNull(),
  ...stamps,
});

/** A diagnostic of professional deficits: organised by a unit (usually the region's ЦНППМ) for a school year. */
export const deficitDiagnostics = pgTable(
  'deficit_diagnostics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the unit whose teachers take it: the region, a municipality or a school */
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    name: text('name').notNull(),
    conductedOn: date('conducted_on', { mode: 'string' }).notNull(),
    /** the first calendar year of the school year */
    year: smallint('year').notNull(),
    /** who runs it, in words: «ГАУ ДПО СОИРО (ЦНППМ)» */
    organiser: text('organiser').notNull(),
    blocks: jsonb('blocks').$type<DiagnosticBlock[]>().notNull(),
    /** the region's scale at creation, frozen: a later change of the scale does not rewrite old levels */
    levels: jsonb('levels').$type<DeficitLevel[]>().notNull(),
    /** the diagnostic this one repeats: re-diagnosis shows the change per block */
    previousId: uuid('previous_id'),
    createdBy: uuid('created_by').references(() => users.id),
    ...stamps,
  },
  (t) => [index('deficit_diagnostics_owner_idx').on(t.ownerUnitId, t.year)],
);

/** A teacher's result in a diagnostic: scores per block, the total and the levels they give. */
export const diagnosticResults = pgTable(
  'diagnostic_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    diagnosticId: uuid('diagnostic_id')
      .notNull()
      .references(() => deficitDiagnostics.id, { onDelete: 'cascade' }),
    staffMemberId: uuid('staff_member_id')
      .notNull()
      .references(() => staffMembers.id),
    /** the teacher's school at the time of the result (access and summaries without a join) */
    schoolId: uuid('school_id')
      .notNull()
      .references(() => orgUnits.id),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    totalPercent: numeric('total_percent', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    /** the level key of the total */
    level: text('level').notNull(),
    /** the level key of each block */
    blockLevels: jsonb('block_levels').$type<Record<string, string>>().notNull(),
    matchedBy: text('matched_by').$type<ResultMatch>().notNull(),
    importId: uuid('import_id'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('diagnostic_results_uq').on(t.diagnosticId, t.staffMemberId),
    index('diagnostic_results_school_idx').on(t.schoolId, t.diagnosticId),
    index('diagnostic_results_staff_idx').on(t.staffMemberId),
  ],
);

/** A results file parsed and matched, waiting for a person to settle its doubtful matches. */
export const diagnosticImports = pgTable(
  'diagnostic_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    diagnosticId: uuid('diagnostic_id')
      .notNull()
      .references(() => deficitDiagnostics.id, { onDelete: 'cascade' }),
    /** whose teachers the file is for: the importing school, or the diagnostic's owner */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    fileName: text('file_name').notNull(),
    status: text('status').$type<DiagnosticImportStatus>().notNull().default('review'),
    /** the parsed rows with their match candidates (the import module's schema) */
    rows: jsonb('rows').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    ...stamps,
  },
  (t) => [index('diagnostic_imports_diagnostic_idx').on(t.diagnosticId)],
);

/** A course: повышение квалификации, переподготовка or стажировка, offered by a provider. */
export const courses = pgTable(
  'courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the unit that keeps the course in its catalogue (the region, a municipality) */
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    name: text('name').notNull(),
    kind: text('kind').$type<CourseKind>().notNull(),
    provider: text('provider').notNull(),
    hours: smallint('hours').notNull(),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    format: text('format').$type<CourseFormat>().notNull(),
    /** the deficit block it addresses (a block key such as «subject», «methodical»), for the demand */
    topic: text('topic'),
    subject: text('subject'),
    ...stamps,
  },
  (t) => [index('courses_owner_idx').on(t.ownerUnitId)],
);

/** An individual route (ИОМ) of a teacher for a school year, built from a diagnostic's deficits. */
export const individualRoutes = pgTable(
  'individual_routes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffMemberId: uuid('staff_member_id')
      .notNull()
      .references(() => staffMembers.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => orgUnits.id),
    year: smallint('year').notNull(),
    diagnosticId: uuid('diagnostic_id').references(() => deficitDiagnostics.id),
    status: text('status').$type<RouteStatus>().notNull().default('draft'),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** the conclusion when the route is closed (освоен / не освоен) */
    result: text('result'),
    createdBy: uuid('created_by').references(() => users.id),
    ...stamps,
  },
  (t) => [
    uniqueIndex('individual_routes_uq').on(t.staffMemberId, t.year),
    index('individual_routes_school_idx').on(t.schoolId, t.year),
  ],
);

/** A goal of a route: usually one deficit block at a high or critical level. */
export const routeGoals = pgTable(
  'route_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    routeId: uuid('route_id')
      .notNull()
      .references(() => individualRoutes.id, { onDelete: 'cascade' }),
    /** the diagnostic block the goal comes from; null for a goal written by hand */
    blockKey: text('block_key'),
    text: text('text').notNull(),
    sort: smallint('sort').notNull().default(0),
  },
  (t) => [index('route_goals_route_idx').on(t.routeId)],
);

/** A step of a route: a course, mentoring, стажировка…, with a deadline, the responsible and evidence. */
export const routeActivities = pgTable(
  'route_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    routeId: uuid('route_id')
      .notNull()
      .references(() => individualRoutes.id, { onDelete: 'cascade' }),
    goalId: uuid('goal_id').references(() => routeGoals.id, { onDelete: 'set null' }),
    kind: text('kind').$type<RouteActivityKind>().notNull(),
    title: text('title').notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    /** the responsible in words: «заместитель директора по УВР», «координатор ЦНППМ» */
    responsible: text('responsible'),
    responsibleUserId: uuid('responsible_user_id').references(() => users.id),
    courseId: uuid('course_id').references(() => courses.id),
    status: text('status').$type<RouteActivityStatus>().notNull().default('planned'),
    doneOn: date('done_on', { mode: 'string' }),
    doneNote: text('done_note'),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    returnComment: text('return_comment'),
    sort: smallint('sort').notNull().default(0),
    ...stamps,
  },
  (t) => [index('route_activities_route_idx').on(t.routeId)],
);

/** Evidence of an activity: certificates, files. */
export const routeActivityFiles = pgTable(
  'route_activity_files',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => routeActivities.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.fileId] })],
);

/** A teacher enrolled in a course, and whether he completed it (with the certificate). */
export const courseEnrolments = pgTable(
  'course_enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id),
    staffMemberId: uuid('staff_member_id')
      .notNull()
      .references(() => staffMembers.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => orgUnits.id),
    status: text('status').$type<EnrolmentStatus>().notNull().default('enrolled'),
    completedOn: date('completed_on', { mode: 'string' }),
    certificateFileId: uuid('certificate_file_id').references(() => files.id),
    /** the route activity the course serves, if any */
    activityId: uuid('activity_id').references(() => routeActivities.id, { onDelete: 'set null' }),
    ...stamps,
  },
  (t) => [
    uniqueIndex('course_enrolments_uq').on(t.courseId, t.staffMemberId),
    index('course_enrolments_school_idx').on(t.schoolId),
  ],
);

/** A mentoring pair «учитель–учитель» for a school year, by an order of the school. */
export const teacherMentorships = pgTable(
  'teacher_mentorships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    menteeId: uuid('mentee_id')
      .notNull()
      .references(() => staffMembers.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => orgUnits.id),
    year: smallint('year').notNull(),
    mentorKind: text('mentor_kind').$type<TeacherMentorKind>().notNull(),
    /** the mentor from a registry (a colleague, a teacher of the mentor school) */
    mentorStaffId: uuid('mentor_staff_id').references(() => staffMembers.id),
    /** the mentor in words when he is not in a registry (a regional methodist) */
    mentorName: text('mentor_name'),
    mentorUnitId: uuid('mentor_unit_id').references(() => orgUnits.id),
    program: text('program'),
    orderId: uuid('order_id').references(() => organisationOrders.id),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    result: text('result'),
    ...stamps,
  },
  (t) => [
    index('teacher_mentorships_school_idx').on(t.schoolId, t.year),
    index('teacher_mentorships_mentee_idx').on(t.menteeId),
  ],
);

/** A meeting of a mentoring pair. */
export const mentorshipMeetings = pgTable(
  'mentorship_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mentorshipId: uuid('mentorship_id')
      .notNull()
      .references(() => teacherMentorships.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    topic: text('topic').notNull(),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mentorship_meetings_pair_idx').on(t.mentorshipId)],
);
