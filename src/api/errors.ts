import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { AppError, type ErrorCode } from '../lib/errors.js';
import { log } from '../lib/log.js';
import type { Env } from './context.js';

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

// PostgreSQL data exceptions (class 22) by code.
const PG_DATA_MESSAGES: Record<string, string> = {
  '22021': 'Недопустимый символ в тексте',
  '22P02': 'Значение неверного формата',
  '22P05': 'Недопустимый символ в тексте',
  '22008': 'Дата или время вне допустимого диапазона',
  '22007': 'Неверный формат даты или времени',
  '22003': 'Число вне допустимого диапазона',
  '22001': 'Слишком длинное значение',
};

export function errorResponse(err: Error, c: Context<Env>) {
  if (err instanceof AppError) {
    return c.json({ error: { code: err.code, message: err.message, ...err.details } }, STATUS[err.code]);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 413 ? 'TOO_LARGE' : status === 415 ? 'UNSUPPORTED_TYPE' : 'INVALID_INPUT';
    const message =
      status === 413
        ? 'Слишком большой запрос или файл'
        : /[а-яё]/i.test(err.message)
          ? err.message
          : status === 415
            ? 'Неподдерживаемый тип содержимого запроса (заголовок Content-Type)'
            : 'Неверный запрос: проверьте формат данных и заголовок Content-Type';
    return c.json({ error: { code, message } }, status);
  }
  const pg = pgCode(err);
  if (pg === '23505') {
    return c.json({ error: { code: 'CONFLICT', message: 'Запись с такими данными уже существует' } }, 409);
  }
  // A safety net: input the schemas let through but the database refuses is the client's error.
  if (pg === '23503') {
    return c.json(
      { error: { code: 'NOT_FOUND', message: 'Связанная запись не найдена: проверьте идентификаторы' } },
      404,
    );
  }
  const logger = c.get('log') ?? log;
  const req = c.get('requestId');
  if (pg?.startsWith('22')) {
    logger.warn({ req, code: pg }, 'Данные отклонены базой');
    return c.json(
      {
        error: { code: 'INVALID_INPUT', message: PG_DATA_MESSAGES[pg] ?? 'Недопустимое значение в запросе' },
      },
      400,
    );
  }
  logger.error({ req, err }, 'Внутренняя ошибка');
  // The code names the log line of this request (src/api/observe.ts): support finds it by it.
  const ref = req ? ` Код обращения: ${req}` : '';
  return c.json(
    { error: { code: 'INTERNAL', message: `Внутренняя ошибка сервера. Изменения не сохранены.${ref}` } },
    500,
  );
}

/** Validation failures of request schemas: one Russian message plus the field details. */
export function validationHook(result: { success: boolean; error?: ZodError }, c: Context) {
  if (result.success || !result.error) return;
  const fields = result.error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({ field: [...i.path, k.slice(0, 50)].join('.'), message: 'Неизвестное поле' }))
      : [{ field: i.path.join('.'), message: i.message }],
  );
  const first = fields[0];
  return c.json(
    {
      error: {
        code: 'INVALID_INPUT',
        message: !first
          ? 'Неверные данные'
          : first.field
            ? `Проверьте поле «${first.field}»: ${first.message}`
            : first.message,
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
