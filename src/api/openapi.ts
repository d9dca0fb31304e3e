import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError } from '../lib/errors.js';
import { recordVersion } from '../lib/input.js';
import { attachmentDisposition } from '../modules/files/save-file.js';
import { NUL_MESSAGE } from './input-guard.js';

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
  413: err('Слишком большой запрос или файл'),
  415: err('Неподдерживаемый тип содержимого или файла'),
  429: err('Слишком много попыток'),
  503: err(
    'Сервер запускается: демо-данные загружаются (заголовок Retry-After — через сколько секунд повторить)',
  ),
} as const;

/** A JSON 200 response with its real shape: tests check every 2xx body against it. */
export const okJson = <T extends z.ZodType>(description: string, schema: T) => ({
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

/** A required JSON body; an object body is strict at its top level: unknown fields are a 400. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema: strictObject(schema) } }, required: true },
});

function strictObject<T extends z.ZodType>(schema: T): T {
  return schema instanceof z.ZodObject ? (schema.strict() as unknown as T) : schema;
}

export const idParam = z.object({ id: z.uuid({ message: 'Неверный идентификатор' }) });
export const versionQuery = z.object({
  version: z.coerce.number({ message: 'Нужна версия записи' }).pipe(recordVersion()),
});

/** The region to load data into: needed by an administrator or an operator of several regions. */
export const regionQuery = z.object({
  regionId: z
    .uuid({ message: 'Неверный идентификатор региона' })
    .optional()
    .openapi({ description: 'Регион (администратору и оператору нескольких регионов)' }),
});

/** A multipart request with one file in the field `file` and, if given, text fields beside it. */
export const fileBodyWith = <F extends z.ZodRawShape>(fields: F) => ({
  body: {
    content: {
      'multipart/form-data': {
        schema: z.object({ file: z.unknown().openapi({ type: 'string', format: 'binary' }), ...fields }),
      },
    },
  },
});

export const fileBody = fileBodyWith({});

/**
 * The uploaded file of a multipart request. The body limit of the app leaves room for the multipart
 * envelope, so the file itself is held to `maxBytes` (UPLOAD_MAX_MB) here.
 */
/** A text field of an upload form: the largest, an edited mapping of a very wide table, is ≈ 100 KB. */
export const MAX_FORM_FIELD_CHARS = 256 * 1024;

export async function readUpload(
  c: Context,
  maxBytes: number,
): Promise<{ name: string; data: Buffer; fields: Record<string, string> }> {
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch {
    throw new AppError('INVALID_INPUT', 'Не удалось прочитать файл из запроса (нужен multipart/form-data)');
  }
  // Text fields and the file name reach the database: no NUL characters (see input-guard.ts).
  for (const [k, v] of Object.entries(body)) {
    const texts = [k, ...[v].flat().map((x) => (x instanceof File ? x.name : String(x)))];
    if (texts.some((t) => t.includes('\u0000'))) throw new AppError('INVALID_INPUT', NUL_MESSAGE);
  }
  const file = body.file;
  if (!(file instanceof File)) throw new AppError('INVALID_INPUT', 'Выберите файл');
  if (file.size > maxBytes) {
    throw new AppError('TOO_LARGE', `Файл больше допустимых ${Math.round(maxBytes / 1048576)} МБ`);
  }
  // The other text fields of the form (an edited mapping sent with the file). A field sent twice would
  // leave the choice of one to chance; a huge one would be parsed as JSON before any schema bounds it.
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === 'file') continue;
    if (Array.isArray(v)) throw new AppError('INVALID_INPUT', `Поле «${k}» передано несколько раз`);
    if (typeof v !== 'string') continue;
    if (v.length > MAX_FORM_FIELD_CHARS) {
      throw new AppError(
        'INVALID_INPUT',
        `Поле «${k}» слишком длинное: больше ${MAX_FORM_FIELD_CHARS / 1024} КБ`,
      );
    }
    fields[k] = v;
  }
  return { name: file.name, data: Buffer.from(await file.arrayBuffer()), fields };
}

/** A file as the answer, to be saved by the browser: its type, its Russian name, its bytes. */
export function fileAnswer(c: Context, f: { mime: string; name: string; data: Uint8Array }) {
  c.header('Content-Type', f.mime);
  c.header('Content-Disposition', attachmentDisposition(f.name));
  return c.body(new Uint8Array(f.data), 200);
}
