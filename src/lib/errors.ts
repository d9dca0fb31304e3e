import type { output, ZodType } from 'zod';
import './zod-ru.js';

export type ErrorCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'INVALID_INPUT'
  | 'RATE_LIMITED'
  | 'TOO_LARGE'
  | 'UNSUPPORTED_TYPE';

export type FieldError = { field: string; message: string };

/** Domain failure with a code; the API maps codes to HTTP statuses and the UI shows `message`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { fields?: FieldError[]; rows?: RowError[]; current?: unknown },
  ) {
    super(message);
  }
}

export type RowError = { row: number; field?: string; message: string };

/**
 * The things a «не найден(а/о) или недоступен(на/но)» message names, each with its grammatical gender:
 * the participle and the adjective agree with the noun («Дорожная карта не найдена или недоступна»).
 * A name outside this table does not compile — add it here with its gender (tests/message-agreement.test.ts).
 */
export const NOUN_GENDERS = {
  Объект: 'm',
  'Дорожная карта': 'f',
  Мероприятие: 'n',
  Раздел: 'm',
  Задача: 'f',
  Организация: 'f',
  Пользователь: 'm',
  Назначение: 'n',
  'Внешняя учётная запись': 'f',
  Файл: 'm',
  Методика: 'f',
  Расчёт: 'm',
  Список: 'm',
  'Решение по школе': 'n',
  Школа: 'f',
  Регион: 'm',
  Приказ: 'm',
  'Версия анкет': 'f',
  Документ: 'm',
  'Экспертное заключение': 'n',
  Выборка: 'f',
  Анкетирование: 'n',
  Анкета: 'f',
  Ссылка: 'f',
  // Helper «meetings» (issue 12): bodies, meetings, decisions.
  'Рабочий орган': 'm',
  Заседание: 'n',
  'Решение заседания': 'n',
  // Helper «people» (issue 12 §1).
  Куратор: 'm',
  'Пара школ': 'f',
  Соглашение: 'n',
  // Helper «indicators» (issue 13 §1).
  Показатель: 'm',
  'Цель показателя': 'f',
  // Helper «reports» (issue 13 §5).
  'Аналитическая справка': 'f',
  // Helper «monitoring» (issue 13 §2).
  Мониторинг: 'm',
  // Helper «courses» (issue 14 §1).
  Курс: 'm',
  'Запись на курс': 'f',
  // Helper «diagnostics» (issue 14 §1).
  Диагностика: 'f',
  'Загрузка результатов': 'f',
  Педагог: 'm',
  // Helper «staff» (issue 14 §1).
  'Наставническая пара': 'f',
  'Встреча наставника': 'f',
  // Helper «publish» (issue 15 §1).
  Публикация: 'f',
  // Helper «practices» (issue 15 §2).
  Практика: 'f',
  'Материал практики': 'm',
  // Helper «notifications» (issue 15 §3).
  Уведомление: 'n',
  // Helper «mfa» (issue 17 §4).
  Сеанс: 'm',
  // Remembered school names of assessment tables (issue 16 §1).
  'Запомненное название': 'n',
} as const satisfies Record<string, 'm' | 'f' | 'n'>;
export type Noun = keyof typeof NOUN_GENDERS;

const NOT_FOUND_FORMS = {
  m: ['найден', 'недоступен'],
  f: ['найдена', 'недоступна'],
  n: ['найдено', 'недоступно'],
} as const;

/** «Дорожная карта не найдена или недоступна», «Мероприятие не найдено или недоступно». */
export const notFoundMessage = (what: Noun) => {
  const [found, available] = NOT_FOUND_FORMS[NOUN_GENDERS[what]];
  return `${what} не ${found} или ${available}`;
};
export const notFound = (what: Noun = 'Объект') => new AppError('NOT_FOUND', notFoundMessage(what));
export const forbidden = (message = 'Недостаточно прав для этого действия') =>
  new AppError('FORBIDDEN', message);
export const conflict = (current?: unknown) =>
  new AppError(
    'CONFLICT',
    'Запись уже изменил другой пользователь. Ваши изменения не сохранены: обновите страницу и внесите их снова.',
    { current },
  );
export const invalid = (message: string, fields?: FieldError[]) =>
  new AppError('INVALID_INPUT', message, fields ? { fields } : undefined);

/** Validates input of an operation called outside HTTP (CLI, imports, demo) with the boundary's schema. */
export function parseInput<T extends ZodType>(schema: T, data: unknown): output<T> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const fields = r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
  throw invalid(fields[0] ? `${fields[0].field}: ${fields[0].message}` : 'Неверные данные', fields);
}
