import { z } from '@hono/zod-openapi';
import { EMAIL_MODES, NOTIFICATION_KINDS } from '../../db/schema/values.js';
import { int4, recordVersion } from '../../lib/input.js';

// The contract of the notification centre: the same schemas validate the routes, the forms and the tests.

export const notificationKind = z.enum(NOTIFICATION_KINDS, { message: 'Неизвестный вид уведомления' });

export const notificationView = z
  .object({
    id: z.string(),
    kind: notificationKind,
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');

export const notificationPageView = z
  .object({
    items: z.array(notificationView),
    /** how many match the filter (for paging) */
    total: z.number(),
    unread: z.number(),
  })
  .openapi('NotificationPage');

export const unreadCountView = z.object({ unread: z.number() }).openapi('NotificationUnread');

const boolFlag = z
  .enum(['true', 'false'], { message: 'Ожидается true или false' })
  .transform((v) => v === 'true');

export const notificationListQuery = z.object({
  unread: boolFlag.optional(),
  kind: notificationKind.optional(),
  limit: z.coerce.number().pipe(int4().min(1, 'Не меньше 1').max(100, 'Не больше 100')).default(20),
  offset: z.coerce.number().pipe(int4().min(0, 'Не меньше 0')).default(0),
});
export type NotificationListQuery = z.output<typeof notificationListQuery>;

export const notificationSettingsView = z
  .object({
    emailMode: z.enum(EMAIL_MODES),
    immediateKinds: z.array(notificationKind),
    email: z.string().nullable(),
    /** false — the server sends no e-mail at all (no SMTP_URL): the settings wait for it */
    emailEnabled: z.boolean(),
    version: z.number(),
  })
  .openapi('NotificationSettings');

export const notificationSettingsInput = z.object({
  emailMode: z.enum(EMAIL_MODES, { message: 'Выберите, как присылать почту' }),
  immediateKinds: z.array(notificationKind).max(NOTIFICATION_KINDS.length, 'Слишком много видов'),
  email: z
    .string()
    .trim()
    .max(254, 'Слишком длинный адрес')
    .pipe(z.union([z.literal(''), z.email('Неверный адрес почты')]))
    .transform((v) => v || null)
    .nullable(),
  version: recordVersion(),
});
export type NotificationSettingsInput = z.input<typeof notificationSettingsInput>;
