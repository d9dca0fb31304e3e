import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { AppError, type ErrorCode } from '../lib/errors.js';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  INVALID_INPUT: 400,
  RATE_LIMITED: 429,
  TOO_LARGE: 413,
  UNSUPPORTED_TYPE: 415,
};

export function errorResponse(err: Error, c: Context) {
  if (err instanceof AppError) {
    return c.json({ error: { code: err.code, message: err.message, ...err.details } }, STATUS[err.code]);
  }
  if (err instanceof HTTPException) {
    const code = err.status === 413 ? 'TOO_LARGE' : 'INVALID_INPUT';
    const message = err.status === 413 ? 'Слишком большой запрос или файл' : err.message || 'Неверный запрос';
    return c.json({ error: { code, message } }, err.status);
  }
  if (pgCode(err) === '23505') {
    return c.json({ error: { code: 'CONFLICT', message: 'Запись с такими данными уже существует' } }, 409);
  }
  console.error(err);
  return c.json(
    { error: { code: 'INTERNAL', message: 'Внутренняя ошибка сервера. Изменения не сохранены.' } },
    500,
  );
}

/** Validation failures of request schemas: one Russian message plus the field details. */
export function validationHook(result: { success: boolean; error?: ZodError }, c: Context) {
  if (result.success || !result.error) return;
  const fields = result.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
  const first = fields[0];
  return c.json(
    {
      error: {
        code: 'INVALID_INPUT',
        message: first ? `Проверьте поле «${first.field}»: ${first.message}` : 'Неверные данные',
        fields,
      },
    },
    400,
  );
}

/** The PostgreSQL error code of a failed query, looking through the ORM's wrapper. */
function pgCode(err: unknown): string | undefined {
  for (let e: unknown = err, i = 0; e && i < 3; e = (e as { cause?: unknown }).cause, i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}
