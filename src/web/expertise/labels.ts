// The expertise pages' words: the module's labels (one place for the API, the XLSX and the pages).
export {
  CONCLUSION_LABELS,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_STATUS_LABELS,
  MODE_LABELS,
  STATUS_LABELS,
  SUBJECT_LABELS,
} from '../../modules/expertise/strings.js';

export const CONCLUSION_COLORS = { recommended: 'teal', rework: 'orange' } as const;

export const HIDDEN_SCHOOL = 'Школа скрыта: взаимная экспертиза проводится вслепую';
export const HIDDEN_REVIEWER = 'Школа-эксперт (скрыта)';

export const yearLabel = (y: number) => `${y}/${y + 1} учебный год`;

export const score = (total: number | null, max: number) => (total === null ? '—' : `${total} из ${max}`);
