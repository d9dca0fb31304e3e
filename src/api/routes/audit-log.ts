import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { exportAuditCsv } from '../../modules/audit/export-csv.js';
import { auditUsers, searchAuditEvents } from '../../modules/audit/search.js';
import {
  auditFilterQuery,
  auditListQuery,
  auditListView,
  auditUserQuery,
  auditUserView,
} from '../../modules/audit/views.js';
import { attachmentDisposition } from '../../modules/files/save-file.js';
import { type App, type Deps, requireActor } from '../context.js';
import { okFile, okJson } from '../openapi.js';

// Журнал аудита (issue 17 §7): поиск событий, выгрузка CSV, выбор пользователя для отбора. Видимость —
// внутри запроса (modules/audit/audit-scope.ts): события своего региона, остальным — 403.

const tags = ['Журнал аудита'];
const CSV_TYPE = 'text/csv; charset=utf-8';

export function auditLogRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    createRoute({
      ...access('audit.read'),
      method: 'get',
      path: '/api/audit-events',
      tags,
      summary:
        'События журнала аудита своего региона с отбором по пользователю, объекту, видам и группам событий, периоду (дни по Москве); новые первыми, постранично',
      request: { query: auditListQuery },
      responses: okJson('Страница событий', auditListView),
    }),
    async (c) =>
      c.json(await searchAuditEvents(db, { actor: requireActor(c), query: c.req.valid('query') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('audit.read'),
      method: 'get',
      path: '/api/audit-events.csv',
      tags,
      summary:
        'Выгрузка журнала аудита по тому же отбору в CSV для Excel (UTF-8 с BOM, «;», не более 100 000 строк); выгрузка записывается в журнал',
      request: { query: auditFilterQuery },
      responses: okFile('CSV', [CSV_TYPE]),
    }),
    (c) => {
      const stream = exportAuditCsv(db, { actor: requireActor(c), query: c.req.valid('query') });
      c.header('Content-Type', CSV_TYPE);
      c.header('Content-Disposition', attachmentDisposition('Журнал аудита.csv'));
      return c.body(stream, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('audit.read'),
      method: 'get',
      path: '/api/audit-users',
      tags,
      summary:
        'Пользователи с ролью в своём регионе по ФИО или логину (до 20) — для отбора журнала по пользователю',
      request: { query: auditUserQuery },
      responses: okJson('Пользователи', z.array(auditUserView)),
    }),
    async (c) => c.json(await auditUsers(db, { actor: requireActor(c), q: c.req.valid('query').q }), 200),
  );
}
