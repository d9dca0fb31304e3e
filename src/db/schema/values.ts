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
] as const;
export type Role = (typeof ROLES)[number];

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
