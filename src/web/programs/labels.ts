import type { components } from '../shared/api-schema.js';

// Shapes and words of the programs pages: types from the API document, labels from the module.

type Schemas = components['schemas'];
export type DocumentDetail = Schemas['SchoolDocumentDetail'];
export type DocumentSummary = Schemas['SchoolDocumentSummary'];
export type DocumentComment = Schemas['SchoolDocumentComment'];
export type DocumentDiff = Schemas['SchoolDocumentDiff'];
export type Content = DocumentDetail['content'];
export type Status = DocumentDetail['status'];

export { KIND_LABELS, STATUS_LABELS } from '../../modules/programs/strings.js';
export { DEFAULT_RISK_FACTORS } from '../../modules/risk-profiles/default-factors.js';

export const STATUS_COLORS: Record<Status, string> = {
  draft: 'gray',
  curator_review: 'blue',
  rework: 'orange',
  agreed: 'teal',
  expertise: 'violet',
  approved: 'green',
  published: 'green',
};

const LIST_LABELS: Record<string, string> = {
  task: 'Задача',
  indicator: 'Показатель',
  measure: 'Мероприятие',
  person: 'Ответственный',
  partner: 'Партнёр',
  section: 'Раздел',
};

/** «Мероприятие 3: Диагностика…» for the anchor 'measure:m3' of the content. */
export function anchorLabel(anchor: string, c: Content): string {
  if (anchor === 'document') return 'Документ в целом';
  if (anchor === 'goal') return 'Цель';
  const [part = '', key] = anchor.split(':');
  const rows: { key: string }[] =
    part === 'task'
      ? c.tasks
      : part === 'indicator'
        ? c.indicators
        : part === 'measure'
          ? c.measures
          : part === 'person'
            ? c.responsible
            : part === 'partner'
              ? c.partners
              : part === 'section'
                ? c.sections
                : [];
  const i = rows.findIndex((r) => r.key === key);
  return `${LIST_LABELS[part] ?? part} ${i >= 0 ? i + 1 : '(удалено)'}`;
}

/** The current school year: from September on, this calendar year; before it, the previous one. */
export function currentSchoolYear(today = new Date()): number {
  return today.getMonth() >= 8 ? today.getFullYear() : today.getFullYear() - 1;
}
