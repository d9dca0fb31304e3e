// Russian wording of the roadmap module: labels of enums, field names in history, plural forms.

import { counted, GEN_WORDS, WORDS } from '../../lib/counted.js';
import { plural } from '../../lib/plural.js';
import type { ItemView, RoadmapSummary } from '../shared/types.js';

export const RECURRENCE_LABELS: Record<NonNullable<ItemView['recurrence']>, string> = {
  monthly: 'ежемесячно',
  quarterly: 'ежеквартально',
  yearly: 'ежегодно',
  throughout: 'в течение периода',
  'on-schedule': 'по графику',
};

export const COMPARATOR_LABELS: Record<NonNullable<ItemView['targetComparator']>, string> = {
  gte: 'не менее',
  lte: 'не более',
  eq: 'равно',
};

export const PERIOD_KIND_LABELS: Record<RoadmapSummary['periodKind'], string> = {
  school_year: 'учебный год',
  calendar_year: 'календарный год',
};

export const ROADMAP_STATUS_COLORS: Record<RoadmapSummary['status'], string> = {
  draft: 'gray',
  approved: 'green',
  archived: 'dark',
};

/** Colours of the status parts of a progress bar, the same as the status badges. */
export const STATUS_BAR_COLORS: Record<ItemView['status'], string> = {
  done: 'green',
  in_progress: 'blue',
  planned: 'gray.4',
  postponed: 'yellow',
  not_done: 'red',
  cancelled: 'dark.3',
};

export { ROADMAP_FIELD_LABELS as FIELD_LABELS } from '../../modules/roadmaps/field-labels.js';

/** Russian noun form after a number (the shared one): plural(5, ['школа', 'школы', 'школ']) → 'школ'. */
export { plural };

/** «из 12 муниципалитетов», «из 1 школы»: after «из» the genitive is singular only for 1, 21, … */
export function ofUnits(n: number, kind: 'municipality' | 'school'): string {
  return plural(n, GEN_WORDS[kind]);
}

/** Counted messages of the roadmap pages (tests/plural.test.ts runs each with many counts). */
export const ROADMAP_PAGE_COUNTED = {
  /** «Показано 3 из 21 мероприятия»: the part after «Показано N». */
  ofItems: counted(GEN_WORDS.item, (c) => `из ${c}`),
  sectionNotEmpty: counted(
    WORDS.item,
    (c) => `Раздел не пуст (${c}): перенесите или удалите его мероприятия, прежде чем удалять раздел.`,
  ),
};

export const S = {
  roadmaps: 'Дорожные карты',
  create: 'Создать дорожную карту',
  nothing: 'Дорожных карт не найдено',
  exportDocx: 'Выгрузить в Word',
  exportXlsx: 'Выгрузить в Excel',
  history: 'История',
  editRequisites: 'Изменить реквизиты',
  approve: 'Утвердить',
  archive: 'В архив',
  unarchive: 'Вернуть из архива',
  toDraft: 'Вернуть в черновик',
  deleteDraft: 'Удалить черновик',
  addSection: 'Добавить раздел',
  addItem: 'Добавить мероприятие',
  save: 'Сохранить',
  cancel: 'Отмена',
  delete: 'Удалить',
  refresh: 'Обновить данные',
  untitledSection: 'Раздел без названия',
  noItems: 'В разделе нет мероприятий',
  conflictHint:
    'Мероприятие уже изменил другой пользователь. Ваши изменения остались в форме. Нажмите «Обновить данные», сверьте их с сохранёнными и сохраните снова.',
  refreshedHint:
    'Данные обновлены. Под полями, которые изменил другой пользователь, показано сохранённое значение.',
} as const;
