// A school's documents of a year and their path to publication.

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
