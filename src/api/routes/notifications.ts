import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { listNotifications, unreadCount } from '../../modules/notifications/list-notifications.js';
import { markAllNotificationsRead, markNotificationRead } from '../../modules/notifications/mark-read.js';
import { getNotificationSettings, updateNotificationSettings } from '../../modules/notifications/settings.js';
import {
  notificationListQuery,
  notificationPageView,
  notificationSettingsInput,
  notificationSettingsView,
  unreadCountView,
} from '../../modules/notifications/views.js';
import { type App, type Deps, requireActor } from '../context.js';
import { idParam, jsonBody, okJson, okSchema } from '../openapi.js';

// Уведомления: центр уведомлений, отметка о прочтении, настройки почты (helper «notifications», issue 15 §3).
// Every operation works on the actor's own notices only; reading is a POST (a GET changes nothing).

const tags = ['Уведомления'];

export function notificationRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const emailEnabled = Boolean(deps.config.smtpUrl);

  app.openapi(
    createRoute({
      ...access('notification.own'),
      method: 'get',
      path: '/api/notifications',
      tags,
      summary: 'Мои уведомления, новые сначала (отбор: непрочитанные, вид; постранично)',
      request: { query: notificationListQuery },
      responses: okJson('Уведомления', notificationPageView),
    }),
    async (c) =>
      c.json(await listNotifications(db, { actor: requireActor(c), query: c.req.valid('query') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('notification.own'),
      method: 'get',
      path: '/api/notifications/unread-count',
      tags,
      summary: 'Число непрочитанных уведомлений (опрашивается шапкой)',
      responses: okJson('Число', unreadCountView),
    }),
    async (c) => c.json(await unreadCount(db, { actor: requireActor(c) }), 200),
  );

  app.openapi(
    createRoute({
      ...access('notification.own'),
      method: 'post',
      path: '/api/notifications/read-all',
      tags,
      summary: 'Отметить все мои уведомления прочитанными',
      responses: okJson('Сколько отмечено', z.object({ marked: z.number() })),
    }),
    async (c) => c.json(await markAllNotificationsRead(db, { actor: requireActor(c) }), 200),
  );

  app.openapi(
    createRoute({
      ...access('notification.one'),
      method: 'post',
      path: '/api/notifications/{id}/read',
      tags,
      summary: 'Отметить уведомление прочитанным',
      request: { params: idParam },
      responses: okJson('Готово', okSchema),
    }),
    async (c) =>
      c.json(await markNotificationRead(db, { actor: requireActor(c), id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('notification-settings.own'),
      method: 'get',
      path: '/api/notifications/settings',
      tags,
      summary: 'Мои настройки почты: ежедневная сводка или без писем, виды «сразу», адрес',
      responses: okJson('Настройки', notificationSettingsView),
    }),
    async (c) => c.json(await getNotificationSettings(db, { actor: requireActor(c), emailEnabled }), 200),
  );

  app.openapi(
    createRoute({
      ...access('notification-settings.own'),
      method: 'put',
      path: '/api/notifications/settings',
      tags,
      summary: 'Изменить мои настройки почты и адрес (с версией записи)',
      request: jsonBody(notificationSettingsInput),
      responses: okJson('Настройки', notificationSettingsView),
    }),
    async (c) =>
      c.json(
        await updateNotificationSettings(db, {
          actor: requireActor(c),
          input: c.req.valid('json'),
          emailEnabled,
        }),
        200,
      ),
  );
}
