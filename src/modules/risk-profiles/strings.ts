import type { RespondentGroup, RiskLevel, VerificationStatus } from '../../db/schema/values.js';
import { plural } from '../../lib/plural.js';

// The words of risk profiles, their views and their verification, in one place for the server and the UI.

export const LEVEL_LABELS: Record<RiskLevel, string> = {
  high: 'высокий',
  medium: 'средний',
  low: 'низкий',
  none: 'нет риска',
  nodata: 'нет данных',
};

/** Level colours of the bars and the heat map: high red, medium orange, low yellow, none green, nodata grey. */
export const LEVEL_COLORS: Record<RiskLevel, string> = {
  high: '#e03131',
  medium: '#f08c00',
  low: '#fcc419',
  none: '#2f9e44',
  nodata: '#adb5bd',
};

/** The ranks of levels for «before → after»: a higher rank is a worse risk; nodata has none. */
export const LEVEL_RANK: Record<RiskLevel, number | null> = {
  high: 3,
  medium: 2,
  low: 1,
  none: 0,
  nodata: null,
};

export const GROUP_LABELS: Record<RespondentGroup, string> = {
  director: 'директор',
  teacher: 'учителя',
  pupil: 'ученики',
  parent: 'родители',
};

export const VERIFICATION_LABELS: Record<VerificationStatus, string> = {
  not_started: 'не начата',
  visited: 'визит проведён',
  verified: 'профиль верифицирован',
};

export const S = {
  campaignNotFound: 'Кампания анкетирования не найдена или недоступна',
  profileNotComputed:
    'Профиль ещё не рассчитан: расчёт запускается при закрытии кампании или кнопкой «Пересчитать»',
  computeRefused: 'Пересчитать профили может только тот, кто проводит кампанию (регион или муниципалитет)',
  computeNotClosed: 'Профили рассчитываются по ответам закрытой кампании: сначала закройте кампанию',
  notCurator: 'Верифицировать профиль может только куратор школы',
  notPriorityProposer: 'Предложить приоритетные риски могут куратор школы и управленческая команда школы',
  notInCampaign: 'Школа не участвует в этой кампании',
  alreadyVerified: 'Профиль уже верифицирован: изменения больше не принимаются',
  needVisit: 'Сначала отметьте визит: дата, участники и что было изучено',
  needComment: (factor: string) => `Фактор ${factor}: уровень изменён — укажите комментарий`,
  unknownFactor: (factor: string) => `Фактора ${factor} нет в анкетах кампании`,
  missingFactor: (factor: string) => `Фактор ${factor}: подтвердите рассчитанный уровень или измените его`,
  prioritiesCount: 'Выберите 2–3 приоритетных риска',
  visitInFuture: 'Дата визита не может быть в будущем',
  rule: 'Правило opora-risk-default: среднее риска ответов по вопросу, взвешенное среднее по фактору; высокий ≥ 0,6, средний ≥ 0,4, низкий ≥ 0,2',
} as const;

/** «родители: 3 ответа из минимума 5». */
export function excludedGroupText(group: RespondentGroup, count: number, min: number): string {
  const word = plural(count, ['ответ', 'ответа', 'ответов']);
  return count === 0
    ? `${GROUP_LABELS[group]}: нет ответов (минимум ${min})`
    : `${GROUP_LABELS[group]}: ${count} ${word} из минимума ${min}`;
}
