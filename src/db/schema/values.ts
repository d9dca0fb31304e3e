// The value lists of the tables' enumerated columns, without drizzle: the request schemas that the
// browser's forms share with the API import them from here.

export const ROLES = [
  'admin',
  'regional_operator',
  'regional_center',
  'municipal_coordinator',
  'curator',
  'school_team',
  'expert',
  'teacher',
  // Reads the region's audit log (issue 17 §7) and nothing else: the security office, not a participant.
  'security_officer',
] as const;
export type Role = (typeof ROLES)[number];

/** Which kind of unit each role is assigned to: a wrong pairing would give a scope nobody intended. */
export const ROLE_UNIT_KINDS: Record<Role, readonly string[]> = {
  admin: ['region'],
  regional_operator: ['region'],
  regional_center: ['institution'],
  municipal_coordinator: ['municipality'],
  curator: ['school'],
  school_team: ['school'],
  expert: ['region', 'municipality'],
  teacher: ['school'],
  security_officer: ['region'],
};

export const ORG_KINDS = ['region', 'municipality', 'school', 'institution'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const INSTITUTION_TYPES = [
  'department',
  'iro',
  'quality_center',
  'cnppm',
  'omsu',
  'moc',
  'methodical_association',
  'other',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

export const ROADMAP_KINDS = ['shnor_support', 'risk_zone', 'failure_prevention', 'shnsu', 'other'] as const;
export type RoadmapKind = (typeof ROADMAP_KINDS)[number];

export const ROADMAP_STATUSES = ['draft', 'approved', 'archived'] as const;
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];

export const PERIOD_KINDS = ['school_year', 'calendar_year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const LEVELS = ['regional', 'municipal', 'school'] as const;
export type Level = (typeof LEVELS)[number];

export const ITEM_STATUSES = [
  'planned',
  'in_progress',
  'done',
  'not_done',
  'postponed',
  'cancelled',
] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const RECURRENCES = ['monthly', 'quarterly', 'yearly', 'throughout', 'on-schedule'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

export const CONFIRMATIONS = ['pending', 'confirmed', 'returned'] as const;
export type Confirmation = (typeof CONFIRMATIONS)[number];

export const COMPARATORS = ['gte', 'lte', 'eq'] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** What a proving document is: the kinds an indicator may require and an attached file may be. */
export const EVIDENCE_KINDS = [
  'order',
  'protocol',
  'analytic_note',
  'report',
  'photo',
  'participants',
  'other',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Who answers a questionnaire of a risk-profile instrument, in the order every output lists them. */
export const RESPONDENT_GROUPS = ['director', 'teacher', 'pupil', 'parent'] as const;
export type RespondentGroup = (typeof RESPONDENT_GROUPS)[number];

export const INSTRUMENT_ITEM_TYPES = ['single', 'multi', 'scale', 'number'] as const;
export type InstrumentItemType = (typeof INSTRUMENT_ITEM_TYPES)[number];

/** A factor's level in a risk profile; `nodata` when too few answers define it. */
export const RISK_LEVELS = ['high', 'medium', 'low', 'none', 'nodata'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** An instrument version is edited as a draft and frozen for good once a campaign uses it. */
export const INSTRUMENT_STATUSES = ['draft', 'frozen'] as const;
export type InstrumentStatus = (typeof INSTRUMENT_STATUSES)[number];

export const CAMPAIGN_STATUSES = ['draft', 'open', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** The start-of-year diagnosis, or the end-of-year repeat that measures the change against a baseline. */
export const CAMPAIGN_STAGES = ['baseline', 'followup'] as const;
export type CampaignStage = (typeof CAMPAIGN_STAGES)[number];

/** A school's documents of a year (DOMAIN.md «концептуальные документы»). */
export const SCHOOL_DOCUMENT_KINDS = ['concept', 'midterm_program', 'antirisk_program'] as const;
export type SchoolDocumentKind = (typeof SCHOOL_DOCUMENT_KINDS)[number];

/** черновик → на согласовании у куратора → на доработке / согласовано → на экспертизе → утверждено → опубликовано */
export const SCHOOL_DOCUMENT_STATUSES = [
  'draft',
  'curator_review',
  'rework',
  'agreed',
  'expertise',
  'approved',
  'published',
] as const;
export type SchoolDocumentStatus = (typeof SCHOOL_DOCUMENT_STATUSES)[number];

/** не начата → визит проведён → профиль верифицирован */
export const VERIFICATION_STATUSES = ['not_started', 'visited', 'verified'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

// ── Organisation of the work (issue 12).

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

// ── Monitoring and analysis (issue 13).

/** Whether more of an indicator is better (share of ШНОР leaving the list) or worse (share of «2»). */
export const INDICATOR_DIRECTIONS = ['higher_better', 'lower_better'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

/** The unit of measure of an indicator's value: a share 0…1 (shown as %), a count, a mean. */
export const INDICATOR_UNITS = ['share', 'count', 'mean'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** The level of government a target is set for. */
export const TARGET_LEVELS = ['region', 'municipality', 'school'] as const;
export type TargetLevel = (typeof TARGET_LEVELS)[number];

/** A monitoring collects a form from its participants or computes its figures from the system's data. */
export const MONITORING_KINDS = ['form', 'roadmap_execution', 'positive_change', 'indicators'] as const;
export type MonitoringKind = (typeof MONITORING_KINDS)[number];

/** черновик → идёт → завершён */
export const MONITORING_STATUSES = ['draft', 'open', 'closed'] as const;
export type MonitoringStatus = (typeof MONITORING_STATUSES)[number];

/** A participant's form: не начата → черновик → отправлена → возвращена на доработку → принята. */
export const MONITORING_RESPONSE_STATUSES = [
  'not_started',
  'draft',
  'submitted',
  'returned',
  'accepted',
] as const;
export type MonitoringResponseStatus = (typeof MONITORING_RESPONSE_STATUSES)[number];

/** The templates of an analytic report (аналитическая справка). */
export const REPORT_TEMPLATES = [
  'identification',
  'shnor_dynamics',
  'roadmap_execution',
  'positive_change',
  'support_effect',
] as const;
export type ReportTemplate = (typeof REPORT_TEMPLATES)[number];

/** формируется → черновик (правится) → выпущена; «ошибка», если формирование не удалось */
export const REPORT_STATUSES = ['generating', 'draft', 'issued', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

// Support of people (issue 14): teachers' deficits, individual routes, mentoring, courses; pupils at risk.

/** A level of professional deficits; the names and cut-offs are the region's reference data (deficit_scales). */
export type DeficitLevel = {
  key: string;
  name: string;
  /** the lowest share of the maximum, in percent, that still has this level */
  minPercent: number;
  /** a teacher at this level gets an ИОМ: each block at it becomes a goal (критический, высокий) */
  needsRoute: boolean;
};

/** A block of a diagnostic (предметный, методический, …) with its maximum score. */
export type DiagnosticBlock = { key: string; name: string; maxScore: number };

/** How a result row found its teacher: by code, by ФИО + school, confirmed by a person at review, or entered by hand. */
export const RESULT_MATCHES = ['code', 'name', 'review', 'manual'] as const;
export type ResultMatch = (typeof RESULT_MATCHES)[number];

/** A results import waiting for its doubtful matches to be reviewed, then applied (or cancelled). */
export const DIAGNOSTIC_IMPORT_STATUSES = ['review', 'applied', 'cancelled'] as const;
export type DiagnosticImportStatus = (typeof DIAGNOSTIC_IMPORT_STATUSES)[number];

/** ИОМ: черновик → утверждён → выполняется → освоен / не освоен */
export const ROUTE_STATUSES = ['draft', 'approved', 'in_progress', 'mastered', 'not_mastered'] as const;
export type RouteStatus = (typeof ROUTE_STATUSES)[number];

/** What a teacher does on his route. */
export const ROUTE_ACTIVITY_KINDS = [
  'course',
  'mentoring',
  'internship',
  'open_lessons',
  'self_study',
  'methodical_association',
] as const;
export type RouteActivityKind = (typeof ROUTE_ACTIVITY_KINDS)[number];

/** запланировано → выполнено (with evidence) → подтверждено, or возвращено */
export const ROUTE_ACTIVITY_STATUSES = ['planned', 'done', 'confirmed', 'returned'] as const;
export type RouteActivityStatus = (typeof ROUTE_ACTIVITY_STATUSES)[number];

/** Who mentors a teacher: a colleague of his school, a teacher of the mentor school, a regional methodist. */
export const TEACHER_MENTOR_KINDS = ['colleague', 'mentor_school', 'methodist'] as const;
export type TeacherMentorKind = (typeof TEACHER_MENTOR_KINDS)[number];

/** повышение квалификации, профессиональная переподготовка, стажировка */
export const COURSE_KINDS = ['pk', 'pp', 'internship'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];

export const COURSE_FORMATS = ['in_person', 'remote', 'blended'] as const;
export type CourseFormat = (typeof COURSE_FORMATS)[number];

export const ENROLMENT_STATUSES = ['enrolled', 'completed', 'not_completed'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** неуспевающий / слабоуспевающий / в группе риска учебной неуспешности */
export const PUPIL_CATEGORIES = ['failing', 'weak', 'at_risk'] as const;
export type PupilCategory = (typeof PUPIL_CATEGORIES)[number];

/** A pupil's state at a checkpoint: a category, or «успевает». */
export const PUPIL_STATUSES = ['failing', 'weak', 'at_risk', 'succeeding'] as const;
export type PupilStatus = (typeof PUPIL_STATUSES)[number];

/** Why a pupil left the registry. */
export const PUPIL_EXCLUSION_REASONS = ['improved', 'moved', 'graduated', 'other'] as const;
export type PupilExclusionReason = (typeof PUPIL_EXCLUSION_REASONS)[number];

/** Support of a pupil at risk. */
export const PUPIL_MEASURE_KINDS = [
  'trajectory',
  'pupil_pair',
  'teacher_pair',
  'extra_lessons',
  'parent_consultation',
  'psych_help',
] as const;
export type PupilMeasureKind = (typeof PUPIL_MEASURE_KINDS)[number];

// ── Openness and attention (issue 15).

/** What a unit publishes on its public page: each is a frozen snapshot of an approved object. */
export const PUBLICATION_KINDS = [
  'roadmap',
  'school_document',
  'analytic_report',
  'identification_list',
] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];

/** черновик → на рассмотрении → возвращена на доработку / отклонена / одобрена → опубликована в банке → снята */
export const PRACTICE_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'rejected',
  'approved',
  'published',
  'withdrawn',
] as const;
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];

/** уровни общего образования: НОО, ООО, СОО */
export const EDUCATION_LEVELS = ['primary', 'basic', 'secondary'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** The reviewer's decision on a practice. */
export const PRACTICE_DECISIONS = ['approve', 'return', 'reject'] as const;
export type PracticeDecision = (typeof PRACTICE_DECISIONS)[number];

/**
 * What a notification is about (issue 15 §3). `due_soon`/`overdue`/`escalated` come from the daily
 * sweep over deadlines; the rest from history events as they are written.
 */
export const NOTIFICATION_KINDS = [
  'due_soon',
  'overdue',
  'escalated',
  'awaiting_confirmation',
  'returned',
  'confirmed',
  'document_sent',
  'document_returned',
  'document_agreed',
  'document_approved',
  'expertise_assigned',
  'campaign_opened',
  'campaign_closing',
  'list_approved',
  'practice_submitted',
  'practice_reviewed',
  'published',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How a user gets e-mail: one daily digest (default), or none. Chosen kinds may also come at once. */
export const EMAIL_MODES = ['digest', 'off'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];
