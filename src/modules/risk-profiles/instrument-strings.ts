import type { RespondentGroup, RiskLevel } from '../../db/schema/values.js';
import { countLabel, type PluralForms } from '../../lib/plural.js';

// Russian words of instruments, responses files and risk levels (CLI, API and UI alike).

/** Who answers, as a profile names the group («родители: 3 ответа из минимума 5»). */
export const GROUP_PLURAL: Record<RespondentGroup, string> = {
  director: 'директор',
  teacher: 'учителя',
  pupil: 'ученики',
  parent: 'родители',
};

/** The questionnaire of a group («Анкета для учителя»). */
export const GROUP_SINGULAR: Record<RespondentGroup, string> = {
  director: 'директор',
  teacher: 'учитель',
  pupil: 'ученик',
  parent: 'родитель',
};

export const LEVEL_LABELS: Record<RiskLevel, string> = {
  high: 'высокий',
  medium: 'средний',
  low: 'низкий',
  none: 'нет риска',
  nodata: 'нет данных',
};

export const ITEM_TYPE_LABELS = {
  single: 'один вариант',
  multi: 'несколько вариантов',
  scale: 'шкала',
  number: 'число',
} as const;

const ANSWERS: PluralForms = ['ответ', 'ответа', 'ответов'];

/** «родители: 3 ответа из минимума 5» — why a group is left out of a profile. */
export function excludedGroupText(group: RespondentGroup, respondents: number, minimum: number): string {
  return `${GROUP_PLURAL[group]}: ${countLabel(respondents, ANSWERS)} из минимума ${minimum}`;
}

export const RESPONSES_HEADER = ['school_id', 'group', 'respondent_id', 'item_id', 'answer'] as const;
