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
