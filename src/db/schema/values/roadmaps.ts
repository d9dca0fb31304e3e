// Roadmaps: their kinds and statuses, items, recurrences, confirmations, indicators and evidence.

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
