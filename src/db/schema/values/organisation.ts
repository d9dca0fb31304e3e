// Organisation of the work (issue 12).

/** Standing bodies that meet and decide: рабочая группа, координационный совет/группа, ШМО/РМО/ГМО. */
export const BODY_KINDS = ['working_group', 'coordination_council', 'methodological_association'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/** How often a body is expected to meet; the system expects meetings and shows the missed ones. */
export const PERIODICITIES = ['weekly', 'monthly', 'quarterly', 'half_year', 'yearly'] as const;
export type Periodicity = (typeof PERIODICITIES)[number];

/**
 * A meeting of a body, an interview with a school's management team, a curator's visit, or the review
 * of an analytic report or a monitoring (рассмотрение, issue 13 §5): its decisions are управленческие
 * решения, tracked as every meeting's decisions are.
 */
export const MEETING_KINDS = ['body_meeting', 'interview', 'curator_visit', 'review'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** A decision of a meeting is a tracked task: open until its responsible unit marks it done. */
export const DECISION_STATUSES = ['open', 'done', 'cancelled'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** What a partnership agreement of a mentor pair covers. */
export const AGREEMENT_KINDS = ['resources', 'programs', 'joint_events', 'vsoko'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const EVENT_KINDS = [
  'seminar',
  'webinar',
  'conference',
  'method_landing',
  'project_session',
  'master_class',
  'method_day',
  'courses',
  'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** An event's life: a draft is seen by the organiser's side (and those above it); an announced one invites. */
export const EVENT_STATUSES = ['draft', 'announced', 'held', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** How a participant got on the list: invited by the organiser, registered by his school, imported, marked. */
export const PARTICIPANT_SOURCES = ['organiser', 'self', 'import'] as const;
export type ParticipantSource = (typeof PARTICIPANT_SOURCES)[number];

/** Who a participant is, for coverage of a group: управленцы, педагоги, специалисты (guessed from the position). */
export const PARTICIPANT_CATEGORIES = ['manager', 'teacher', 'specialist', 'other'] as const;
export type ParticipantCategory = (typeof PARTICIPANT_CATEGORIES)[number];

/**
 * What a roadmap indicator bound to coverage measures (modules/organisation/coverage.ts is the one
 * definition of each): shares of the ШНОР in force with a curator, a mentor, …; shares of schools or
 * teachers of a group that took part in events; counts of participants, of events held («не менее 2
 * вебинаров») and of meetings held.
 */
export const COVERAGE_METRICS = [
  'shnor_with_curator',
  'shnor_with_mentor',
  'shnor_with_agreement',
  'shnor_with_roadmap',
  'shnor_with_program',
  'shnor_with_verified_profile',
  'schools_at_events',
  'teachers_at_events',
  'participants_at_events',
  'municipalities_at_events',
  'events_held',
  'meetings_held',
  // Support of teachers (issue 14 §1, modules/people-coverage): shares over the group's teachers.
  'teachers_diagnosed',
  'teachers_with_deficits',
  'deficit_teachers_with_route',
  'deficit_teachers_with_mentor',
  'deficit_teachers_mastered',
  'routes_mastered',
  'teachers_completed_course',
] as const;
export type CoverageMetric = (typeof COVERAGE_METRICS)[number];

/** The schools a share is taken of: all schools of the unit, its ШНОР, its schools in the risk zone. */
export const SCHOOL_GROUPS = ['all', 'shnor', 'risk_zone'] as const;
export type SchoolGroup = (typeof SCHOOL_GROUPS)[number];

/** A roadmap indicator bound to a coverage query (validated by modules/organisation/coverage-binding.ts). */
export type CoverageBinding = {
  metric: CoverageMetric;
  /** the schools a share is taken of (event metrics); ШНОР metrics take the ШНОР list in force */
  group?: SchoolGroup;
  /** event metrics: only events of these kinds (none: every kind) */
  eventKinds?: EventKind[];
  /** the period (ISO dates, inclusive); none: the roadmap's year */
  from?: string;
  to?: string;
};
