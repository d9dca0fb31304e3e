import { z } from '@hono/zod-openapi';

// The audit log's request and answer (issue 17 §7): one schema for the route, the OpenAPI document and
// the page's form. The lists (types, groups) are comma-separated in the query string so a filter is a
// link one can send; search.ts checks each name against the closed list.

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Дата — в виде ГГГГ-ММ-ДД' })
  .optional();

export const auditFilterQuery = z.object({
  actorId: z.uuid({ message: 'Неверный идентификатор пользователя' }).optional(),
  entityType: z
    .string()
    .regex(/^[a-z_]{1,60}$/, { message: 'Неверный вид объекта' })
    .optional(),
  entityId: z
    .string()
    .min(1)
    .max(200, { message: 'Идентификатор объекта — не длиннее 200 знаков' })
    .optional(),
  object: z.string().max(200, { message: 'Текст поиска объекта — не длиннее 200 знаков' }).optional(),
  types: z.string().max(4000, { message: 'Слишком длинный список видов событий' }).optional(),
  groups: z.string().max(1000, { message: 'Слишком длинный список групп событий' }).optional(),
  from: day,
  to: day,
});
export type AuditFilterQuery = z.infer<typeof auditFilterQuery>;

export const auditListQuery = auditFilterQuery.extend({
  cursor: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?_\d{1,18}$/, {
      message: 'Неверная отметка страницы',
    })
    .optional(),
  limit: z.coerce
    .number({ message: 'Число строк — целое число' })
    .int({ message: 'Число строк — целое число' })
    .min(1, { message: 'Число строк — от 1 до 200' })
    .max(200, { message: 'Число строк — от 1 до 200' })
    .optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuery>;

export const auditEventView = z
  .object({
    id: z.string(),
    at: z.string().describe('Время события (ISO 8601, UTC)'),
    actor: z.object({ id: z.string().nullable(), name: z.string() }).nullable(),
    type: z.string(),
    label: z.string().describe('Название события по-русски'),
    group: z.string().nullable().describe('Группа событий по-русски'),
    object: z.object({
      kind: z.string().describe('Вид объекта по-русски'),
      name: z.string().nullable(),
      link: z.string().nullable().describe('Страница объекта, если она есть'),
    }),
    unit: z.object({ id: z.string(), name: z.string() }).nullable(),
    changes: z.array(z.object({ field: z.string(), old: z.string(), new: z.string() })),
    values: z.array(z.object({ label: z.string(), value: z.string() })),
  })
  .openapi('AuditEvent');
export type AuditEventView = z.infer<typeof auditEventView>;

export const auditListView = z
  .object({
    events: z.array(auditEventView),
    nextCursor: z.string().nullable().describe('Отметка следующей страницы (более ранние события)'),
  })
  .openapi('AuditEventList');

export const auditUserQuery = z.object({
  q: z.string().max(100, { message: 'Текст поиска — не длиннее 100 знаков' }).optional(),
});

export const auditUserView = z
  .object({ id: z.string(), fullName: z.string(), login: z.string() })
  .openapi('AuditUser');
