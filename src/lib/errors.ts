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

/** «Дорожная карта не найдена», «Мероприятие не найдено», «Файл не найден»: agreed with the last word's gender. */
export const notFound = (what = 'Объект') => {
  const word = what.trim().split(/\s+/).at(-1) ?? '';
  const [found, available] = /[ая]$/.test(word)
    ? ['найдена', 'недоступна']
    : /[ое]$/.test(word)
      ? ['найдено', 'недоступно']
      : ['найден', 'недоступен'];
  return new AppError('NOT_FOUND', `${what} не ${found} или ${available}`);
};
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
