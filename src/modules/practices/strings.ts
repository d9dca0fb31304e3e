import type { EducationLevel, PracticeDecision, PracticeStatus } from '../../db/schema/values.js';

// Russian words of the bank of practices: the module's messages and the labels the pages reuse.

export const PRACTICE_STATUS_LABELS: Record<PracticeStatus, string> = {
  draft: 'Черновик',
  submitted: 'На рассмотрении',
  returned: 'Возвращена на доработку',
  rejected: 'Отклонена',
  approved: 'Одобрена',
  published: 'Опубликована в банке',
  withdrawn: 'Снята с публикации',
};

export const LEVEL_LABELS: Record<EducationLevel, string> = {
  primary: 'НОО',
  basic: 'ООО',
  secondary: 'СОО',
};

export const DECISION_LABELS: Record<PracticeDecision, string> = {
  approve: 'Одобрить',
  return: 'Вернуть на доработку',
  reject: 'Отклонить',
};

/** Subjects a practice may name: the filter of the bank offers exactly these. */
export const PRACTICE_SUBJECTS = [
  'Русский язык',
  'Литературное чтение',
  'Литература',
  'Математика',
  'Алгебра',
  'Геометрия',
  'Информатика',
  'Физика',
  'Химия',
  'Биология',
  'География',
  'История',
  'Обществознание',
  'Иностранный язык',
  'Окружающий мир',
  'Управление школой',
  'Воспитательная работа',
] as const;

/**
 * The review's criteria: a fixed list in code (the region may get its own later). Each scored 0..max;
 * the sum is shown beside the decision.
 */
export const PRACTICE_CRITERIA = [
  { key: 'relevance', title: 'Актуальность', max: 5 },
  { key: 'effectiveness', title: 'Результативность (подтверждена цифрами)', max: 5 },
  { key: 'reproducibility', title: 'Воспроизводимость', max: 5 },
  { key: 'materials', title: 'Описанность и материалы', max: 5 },
] as const;
export type PracticeCriterionKey = (typeof PRACTICE_CRITERIA)[number]['key'];

export const PRACTICE_MSG = {
  createForbidden:
    'Практику подаёт команда школы (за свою школу) или муниципальный координатор (за свой муниципалитет)',
  authorKind: 'Автором практики может быть школа или муниципалитет',
  editForbidden: 'Править практику может только команда её автора',
  editState: 'Править можно только черновик или практику, возвращённую на доработку',
  submitState: 'Отправить на рассмотрение можно черновик или практику, возвращённую на доработку',
  submitEmpty: 'Перед отправкой опишите проблему, что сделано и результаты',
  reviewForbidden: 'Рассматривает практику муниципалитет школы или регион (практику муниципалитета — регион)',
  reviewState: 'Рассмотреть можно только практику, отправленную на рассмотрение',
  commentRequired: 'При возврате или отклонении укажите комментарий',
  criteriaAll: 'Оцените практику по каждому критерию',
  criterionRange: 'Балл критерия — от 0 до максимума критерия',
  publishState: 'Опубликовать можно только одобренную практику',
  withdrawState: 'Снять можно только опубликованную практику',
  withdrawForbidden: 'Снять практику с публикации может рассматривающий или команда её автора',
  unknownFactor: 'Неизвестный фактор риска',
  filesState: 'Материалы меняют, пока практика — черновик или на доработке',
  noCluster: 'Школа не вошла в расчёт, по которому утверждён список ШНОР в силе: группа школ неизвестна',
  noList: 'Утверждённого списка ШНОР нет: похожие школы не определить',
  similarForbidden: 'Похожие школы видят команда школы, её куратор, муниципалитет и регион',
};

/** Why a school is suggested in «Похожие школы» (after «та же группа по социальному контексту, …»). */
export const SIMILAR_WORDS = {
  sameCluster: 'та же группа по социальному контексту',
  leftList: (year: number) => `вышла из списка ШНОР в ${year} г.`,
  resilient: (year: number) => `в списке резильентных школ ${year} г.`,
  rGrew: (year: number) => `доля обучающихся без «2» выросла в ${year} г.`,
};
