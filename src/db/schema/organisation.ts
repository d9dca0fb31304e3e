import {
  boolean,
  date,
  index,
  integer,
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
import { analyticReports, monitorings } from './monitoring.js';
import { orgUnits } from './orgs.js';
import type {
  AgreementKind,
  BodyKind,
  DecisionStatus,
  EventKind,
  EventStatus,
  MeetingKind,
  ParticipantCategory,
  ParticipantSource,
  Periodicity,
  SchoolGroup,
} from './values.js';

// Organisation of the work (issue 12): who is appointed to what, by which order, the bodies that meet
// and decide, the events and who took part. Coverage figures are queries over these tables, never stored.

const stamps = {
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** An order (приказ) of a unit that appoints or approves something of the organisation: number, date, file. */
export const organisationOrders = pgTable(
  'organisation_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the issuing unit: the region's ministry acts for the region, a municipality for itself, a school */
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    number: text('number').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    fileId: uuid('file_id').references(() => files.id),
    createdBy: uuid('created_by').references(() => users.id),
    ...stamps,
  },
  (t) => [index('organisation_orders_unit_idx').on(t.orgUnitId)],
);

/** Муниципальный координатор of a municipality for a school year (the year it starts), appointed by an order. */
export const coordinatorAppointments = pgTable(
  'coordinator_appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => orgUnits.id),
    year: smallint('year').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    position: text('position'),
    orderId: uuid('order_id').references(() => organisationOrders.id),
    ...stamps,
  },
  (t) => [uniqueIndex('coordinator_appointments_uq').on(t.municipalityId, t.year, t.userId)],
);

/** The region's registry of curators: a person with his own account, position and place of work. */
export const curators = pgTable(
  'curators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => orgUnits.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    position: text('position').notNull(),
    /** where he works (a school of the region, ИРО, МОЦ…): a curator never curates his own school */
    workUnitId: uuid('work_unit_id').references(() => orgUnits.id),
    /** the place of work in words when it is not a unit of the system */
    workplace: text('workplace'),
    phone: text('phone'),
    email: text('email'),
    active: boolean('active').notNull().default(true),
    ...stamps,
  },
  (t) => [uniqueIndex('curators_region_user_uq').on(t.regionId, t.userId)],
);

/** Curator → school for a school year, by an order. */
export const curatorAssignments = pgTable(
  'curator_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    curatorId: uuid('curator_id')
      .notNull()
      .references(() => curators.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => orgUnits.id),
    year: smallint('year').notNull(),
    orderId: uuid('order_id').references(() => organisationOrders.id),
    ...stamps,
  },
  (t) => [
    uniqueIndex('curator_assignments_uq').on(t.curatorId, t.schoolId, t.year),
    index('curator_assignments_school_idx').on(t.schoolId, t.year),
  ],
);

/** A ШНОР paired with a mentor school for a school year (школа-наставник), by an order. */
export const mentorPairs = pgTable(
  'mentor_pairs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => orgUnits.id),
    mentorSchoolId: uuid('mentor_school_id')
      .notNull()
      .references(() => orgUnits.id),
    year: smallint('year').notNull(),
    orderId: uuid('order_id').references(() => organisationOrders.id),
    ...stamps,
  },
  (t) => [
    uniqueIndex('mentor_pairs_uq').on(t.schoolId, t.mentorSchoolId, t.year),
    index('mentor_pairs_mentor_idx').on(t.mentorSchoolId, t.year),
  ],
);

/** The pair's partnership agreement (сетевое соглашение / договор). */
export const partnershipAgreements = pgTable(
  'partnership_agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pairId: uuid('pair_id')
      .notNull()
      .references(() => mentorPairs.id, { onDelete: 'cascade' }),
    kinds: text('kinds').array().$type<AgreementKind[]>().notNull(),
    number: text('number'),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    fileId: uuid('file_id').references(() => files.id),
    ...stamps,
  },
  (t) => [index('partnership_agreements_pair_idx').on(t.pairId)],
);

/** A working body of a unit: рабочая группа, координационный совет, ШМО/РМО; expected to meet periodically. */
export const workingBodies = pgTable(
  'working_bodies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    kind: text('kind').$type<BodyKind>().notNull(),
    name: text('name').notNull(),
    periodicity: text('periodicity').$type<Periodicity>(),
    /** the first day meetings are expected from (usually the order's date) */
    activeFrom: date('active_from', { mode: 'string' }).notNull(),
    activeTo: date('active_to', { mode: 'string' }),
    orderId: uuid('order_id').references(() => organisationOrders.id),
    ...stamps,
  },
  (t) => [index('working_bodies_unit_idx').on(t.orgUnitId)],
);

export const bodyMembers = pgTable(
  'body_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => workingBodies.id, { onDelete: 'cascade' }),
    fullName: text('full_name').notNull(),
    position: text('position'),
    /** the member's unit, when it is one of the system */
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    userId: uuid('user_id').references(() => users.id),
    isChair: boolean('is_chair').notNull().default(false),
  },
  (t) => [index('body_members_body_idx').on(t.bodyId)],
);

/** A meeting of a body, an interview with a management team (собеседование) or a curator's visit. */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<MeetingKind>().notNull(),
    bodyId: uuid('body_id').references(() => workingBodies.id),
    /** the holding unit: the body's unit, or the curator's/municipality's side for interviews and visits */
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** the school an interview or a visit is about */
    schoolId: uuid('school_id').references(() => orgUnits.id),
    date: date('date', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    agenda: text('agenda'),
    /** the protocol typed in the system; an uploaded one is `protocolFileId` */
    protocol: text('protocol'),
    protocolNumber: text('protocol_number'),
    protocolFileId: uuid('protocol_file_id').references(() => files.id),
    /** a review (issue 13 §5): the report or the monitoring it considered; its decisions are управленческие решения */
    reportId: uuid('report_id').references(() => analyticReports.id),
    monitoringId: uuid('monitoring_id').references(() => monitorings.id),
    createdBy: uuid('created_by').references(() => users.id),
    ...stamps,
  },
  (t) => [
    index('meetings_body_idx').on(t.bodyId, t.date),
    index('meetings_unit_idx').on(t.orgUnitId),
    index('meetings_school_idx').on(t.schoolId),
  ],
);

export const meetingParticipants = pgTable(
  'meeting_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    fullName: text('full_name').notNull(),
    position: text('position'),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    /** a member of the body (false: invited) */
    isMember: boolean('is_member').notNull().default(true),
    attended: boolean('attended').notNull().default(true),
  },
  (t) => [index('meeting_participants_meeting_idx').on(t.meetingId)],
);

/** A decision of a meeting: a tracked task of a responsible unit with a deadline, overdue like a measure. */
export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    responsibleUnitId: uuid('responsible_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status').$type<DecisionStatus>().notNull().default('open'),
    /** what was done (or why it was cancelled), written by the responsible side */
    outcome: text('outcome'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by').references(() => users.id),
    ...stamps,
  },
  (t) => [
    index('meeting_decisions_meeting_idx').on(t.meetingId),
    index('meeting_decisions_unit_idx').on(t.responsibleUnitId, t.status),
  ],
);

/** An event of any level: семинар, вебинар, конференция, методический десант, курсы… */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the organising unit; its level is the event's level (region, municipality, school) */
    organiserUnitId: uuid('organiser_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    kind: text('kind').$type<EventKind>().notNull(),
    title: text('title').notNull(),
    status: text('status').$type<EventStatus>().notNull().default('draft'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    /** the schools invited as a group of the organiser's subtree (the invitations rows are what counts) */
    audienceGroup: text('audience_group').$type<SchoolGroup>(),
    /** who of the units is expected: «управленческие команды», «учителя математики»… */
    audienceNote: text('audience_note'),
    program: text('program'),
    place: text('place'),
    /** the share of invited units expected to take part (%): an event below it is a gap */
    coverageTarget: smallint('coverage_target'),
    createdBy: uuid('created_by').references(() => users.id),
    ...stamps,
  },
  (t) => [
    index('events_organiser_idx').on(t.organiserUnitId, t.startsOn),
    index('events_starts_idx').on(t.startsOn),
  ],
);

/** The units invited to an event (schools, municipalities, institutions). */
export const eventInvitations = pgTable(
  'event_invitations',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.orgUnitId] }),
    index('event_invitations_unit_idx').on(t.orgUnitId),
  ],
);

/** A person registered for or attending an event, with the unit he represents. */
export const eventParticipants = pgTable(
  'event_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    fullName: text('full_name').notNull(),
    position: text('position'),
    category: text('category').$type<ParticipantCategory>().notNull().default('other'),
    userId: uuid('user_id').references(() => users.id),
    source: text('source').$type<ParticipantSource>().notNull(),
    attended: boolean('attended').notNull().default(false),
    ...stamps,
  },
  (t) => [
    index('event_participants_event_idx').on(t.eventId),
    index('event_participants_unit_idx').on(t.orgUnitId),
    index('event_participants_user_idx').on(t.userId),
  ],
);

/** Materials of an event: an uploaded file or a link. */
export const eventMaterials = pgTable(
  'event_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    fileId: uuid('file_id').references(() => files.id),
    url: text('url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('event_materials_event_idx').on(t.eventId)],
);
