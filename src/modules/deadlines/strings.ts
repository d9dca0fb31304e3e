import { WORDS } from '../../lib/counted.js';
import { countLabel } from '../../lib/plural.js';
import type { DeadlineKind } from './kinds.js';

// Russian words of deadline notices and the «Эскалации» list (issue 15 §3).

export const KIND_LABELS: Record<DeadlineKind, string> = {
  item: 'Мероприятие дорожной карты',
  task: 'Задача по мероприятию вышестоящего уровня',
  decision: 'Решение заседания',
  activity: 'Мероприятие ИОМ педагога',
  monitoring: 'Форма мониторинга',
};

/** ДД.ММ.ГГГГ of an ISO date. */
export const ruDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('.');

export const days = (n: number) => countLabel(n, WORDS.day);

const what = (kind: DeadlineKind, title: string) => `${KIND_LABELS[kind]} «${title}»`;

export const NOTICE = {
  dueSoonTitle: (left: number, title: string) =>
    left === 0 ? `Срок сегодня: ${title}` : `Срок через ${days(left)}: ${title}`,
  dueSoonBody: (kind: DeadlineKind, title: string, unit: string, due: string) =>
    `${what(kind, title)} (${unit}) нужно выполнить до ${ruDate(due)}.`,
  overdueTitle: (title: string) => `Просрочено: ${title}`,
  overdueBody: (kind: DeadlineKind, title: string, unit: string, due: string, age: number) =>
    `${what(kind, title)} (${unit}): срок ${ruDate(due)}, просрочено на ${days(age)}.`,
  escalatedTitle: (unit: string, age: number) => `Эскалация: ${unit} — просрочено на ${days(age)}`,
  escalatedBody: (kind: DeadlineKind, title: string, unit: string, due: string, age: number) =>
    `${what(kind, title)} организации «${unit}» не выполнено в срок ${ruDate(due)}: просрочено на ${days(age)}.`,
  campaignTitle: (title: string, closes: string) => `Анкетирование завершается ${ruDate(closes)}: ${title}`,
  campaignBody: (school: string, gaps: string) =>
    `Школа «${school}» ещё не набрала ожидаемого числа ответов: ${gaps}.`,
  campaignGap: (group: string, got: number, expected: number) => `${group} — ${got} из ${expected}`,
};

export const REPORTED_TO = {
  curator_municipality: 'Куратор и муниципалитет',
  region: 'Регион',
} as const;

export const SWEEP = {
  done: (notices: number, regions: number) => `Готово: новых уведомлений — ${notices}, регионов — ${regions}`,
  failed: (message: string) => `Ошибка: ${message}`,
};
