import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError } from '../lib/errors.js';

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().describe('Сообщение для пользователя на русском языке'),
    fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});

const err = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorSchema } },
});

export const ERRORS = {
  400: err('Неверные данные'),
  401: err('Нужен вход в систему'),
  403: err('Недостаточно прав'),
  404: err('Не найдено или недоступно'),
  409: err('Конфликт версий: запись изменена другим пользователем'),
} as const;

/** A JSON 200 response with its real shape: tests check every 2xx body against it. */
export const okJson = <T extends z.ZodType>(
  description: string,
  schema: T = z.unknown() as unknown as T,
) => ({
  200: { description, content: { 'application/json': { schema } } },
  ...ERRORS,
});

/** The body of operations that answer only «done». */
export const okSchema = z.object({ ok: z.literal(true) }).openapi('Ok');
export const OK = { ok: true } as const;

/** A file download (binary body) with the given content types. */
export const okFile = (description: string, contentTypes: readonly string[]) => ({
  200: {
    description,
    content: Object.fromEntries(
      contentTypes.map((t) => [t, { schema: z.string().openapi({ type: 'string', format: 'binary' }) }]),
    ),
  },
  ...ERRORS,
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export const idParam = z.object({ id: z.uuid({ message: 'Неверный идентификатор' }) });
export const versionQuery = z.object({ version: z.coerce.number().int().min(1) });

/** A multipart request with one file in the field `file`. */
export const fileBody = {
  body: {
    content: {
      'multipart/form-data': {
        schema: z.object({ file: z.unknown().openapi({ type: 'string', format: 'binary' }) }),
      },
    },
  },
};

/** Reads the uploaded file of a `fileBody` request; the body size was already limited by middleware. */
/**
 * The uploaded file of a multipart request. The body limit of the app leaves room for the multipart
 * envelope, so the file itself is held to `maxBytes` (UPLOAD_MAX_MB) here.
 */
export async function readUpload(c: Context, maxBytes: number): Promise<{ name: string; data: Buffer }> {
  const file = (await c.req.parseBody()).file;
  if (!(file instanceof File)) throw new AppError('INVALID_INPUT', 'Выберите файл');
  if (file.size > maxBytes) {
    throw new AppError('TOO_LARGE', `Файл больше допустимых ${Math.round(maxBytes / 1048576)} МБ`);
  }
  return { name: file.name, data: Buffer.from(await file.arrayBuffer()) };
}
