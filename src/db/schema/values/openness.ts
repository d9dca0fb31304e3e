// Openness and attention (issue 15).

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
