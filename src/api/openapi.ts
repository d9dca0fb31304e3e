import { z } from '@hono/zod-openapi';

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

/** A JSON 200 response. Bodies are described in docs/api.md; the schema here names the shape. */
export const okJson = (description: string, schema: z.ZodType = z.unknown()) => ({
  200: { description, content: { 'application/json': { schema } } },
  ...ERRORS,
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export const idParam = z.object({ id: z.uuid({ message: 'Неверный идентификатор' }) });
export const versionQuery = z.object({ version: z.coerce.number().int().min(1) });
