import type { ReportStatus, ReportTemplate } from '../../db/schema/values.js';

// Russian words of the analytic reports (issue 13 §5).

export const REPORT_TEMPLATE_LABELS: Record<ReportTemplate, string> = {
  identification: 'Итоги выявления ШНОР',
  shnor_dynamics: 'Динамика результатов ШНОР',
  roadmap_execution: 'Исполнение дорожных карт',
  positive_change: 'Позитивные изменения',
  support_effect: 'Эффект поддержки',
};

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  generating: 'Формируется',
  draft: 'Черновик',
  issued: 'Выпущена',
  failed: 'Ошибка формирования',
};

export const REPORT_TEXT = {
  kind: 'Аналитическая справка',
  sources: 'Источники данных',
  source: 'Источник',
  findings: 'Выводы',
  recommendations: 'Адресные рекомендации',
  wholeScope: 'Всем органам и организациям',
  date: 'Дата',
  unit: 'Подготовлена',
};

export const REPORT_MSG = {
  notDraft: 'Справка уже выпущена или ещё формируется: правка невозможна',
  notIssued: 'Справка ещё не выпущена',
  notGenerator:
    'Формировать справки может оператор региона (по региону) или координатор муниципалитета (по муниципалитету)',
  notKeeper: 'Править и выпускать справку может тот, кто её формирует для этой организации',
  scopeKind: 'Справка формируется по региону или муниципалитету',
  templateLater: 'Этот шаблон пока недоступен',
  contentInvalid: (where: string) =>
    `Справка не сформирована: её содержание вышло за пределы допустимого (${where}). Сообщите администратору системы`,
  noData: 'Нет данных для справки за этот год',
};

/** Counted nouns of the reports (the «из N» forms are genitive). */
export const REPORT_WORDS = {
  school: ['школа', 'школы', 'школ'],
  schoolGen: ['школы', 'школ', 'школ'],
  measureGen: ['мероприятие', 'мероприятия', 'мероприятий'],
  recommendation: ['рекомендация', 'рекомендации', 'рекомендаций'],
} as const;

/** A share as «34,5 %» (one decimal); a missing value as «—». */
export const pct = (x: number | null | undefined): string =>
  x === null || x === undefined || Number.isNaN(x)
    ? '—'
    : `${(Math.round(x * 1000) / 10).toLocaleString('ru-RU')} %`;

/** ГГГГ-ММ-ДД → ДД.ММ.ГГГГ */
export const ruDate = (iso: string): string => iso.slice(0, 10).split('-').reverse().join('.');
