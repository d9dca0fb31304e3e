import type {
  ExpertiseSubject,
  ReviewConclusion,
  ReviewMode,
  ReviewStatus,
} from '../../db/schema/expertise.js';

// The module's Russian words: the API's messages and the labels the pages and the XLSX share.

export const SUBJECT_LABELS: Record<ExpertiseSubject, string> = {
  antirisk_program: 'Антирисковые программы',
  concept: 'Концептуальные документы (Концепция развития, Среднесрочная программа развития)',
  municipal_roadmap: 'Муниципальные дорожные карты',
};

export const MODE_LABELS: Record<ReviewMode, string> = {
  expert: 'Экспертиза',
  mutual: 'Взаимная экспертиза',
  sample: 'Выборочная экспертиза',
};

export const STATUS_LABELS: Record<ReviewStatus, string> = {
  draft: 'Заполняется',
  submitted: 'Отправлено',
};

export const CONCLUSION_LABELS: Record<ReviewConclusion, string> = {
  recommended: 'Рекомендовано к утверждению',
  rework: 'На доработку',
};

export const DOCUMENT_KIND_LABELS: Record<string, string> = {
  concept: 'Концепция развития',
  midterm_program: 'Среднесрочная программа развития',
  antirisk_program: 'Антирисковая программа',
  municipal_roadmap: 'Муниципальная дорожная карта',
};

export const DOCUMENT_STATUS_LABELS: Record<string, string> = {
  draft: 'Черновик',
  curator_review: 'На согласовании у куратора',
  rework: 'На доработке',
  agreed: 'Согласовано',
  expertise: 'На экспертизе',
  approved: 'Утверждено',
  published: 'Опубликовано',
};

export const MSG = {
  notReviewer: 'Заполнять экспертное заключение может только назначенный эксперт или команда школы-эксперта',
  notOrganizer:
    'Назначать экспертов может региональный оператор, а для документов школ — и муниципальный координатор',
  submitted: 'Заключение уже отправлено и больше не изменяется',
  unknownCriterion: (code: string) => `В наборе критериев нет критерия «${code}»`,
  badScore: (code: string, allowed: string) => `Критерий «${code}»: допустимые баллы — ${allowed}`,
  missingScores: (codes: string[]) => `Не выставлены баллы по критериям: ${codes.join(', ')}`,
  noConclusion: 'Выберите заключение: «рекомендовано к утверждению» или «на доработку»',
  reworkNeedsRecommendations: 'Для заключения «на доработку» напишите рекомендации',
  alreadyAssigned: 'Этот эксперт уже назначен на документ',
  notAnExpert: 'Пользователь не найден или не может быть экспертом в этом регионе',
  notReviewerSchool: 'Школа-эксперт должна быть ШНОР региона и не может проверять собственный документ',
  mutualOnlySchool: 'У взаимной экспертизы эксперт — школа, у экспертизы — пользователь',
  roundExists:
    'Взаимная экспертиза документов этого года здесь уже распределена; измените назначения вручную',
  noDocuments: 'Нет программ ШНОР на экспертизе за этот год',
  noPopulation: 'Нет документов, из которых делать выборку',
  unitKind: 'Укажите регион или муниципалитет',
  roadmapNotMunicipal: 'Экспертиза проводится для муниципальных дорожных карт',
  targetStatus: 'Документ не на экспертизе',
  notInSample: 'Документ не входит в эту выборку',
  frozenSet: 'Эта версия набора критериев уже использована и не изменяется',
} as const;
