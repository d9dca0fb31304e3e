import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { access } from '../../modules/access/endpoint-rules.js';
import { getDashboard } from '../../modules/dashboard/get-dashboard.js';
import { dashboardView } from '../../modules/dashboard/views.js';
import { previewable, STORED_MEDIA_TYPES } from '../../modules/files/file-types.js';
import { getFile } from '../../modules/files/get-file.js';
import { attachmentDisposition } from '../../modules/files/save-file.js';
import { type App, type Deps, requireActor } from '../context.js';
import { isDemoPending } from '../demo-gate.js';
import { idParam, okFile, okJson } from '../openapi.js';
import { onReportDb } from '../report-db.js';

export function miscRoutes(app: App, deps: Deps) {
  const { db } = deps;
  app.openapi(
    createRoute({
      ...access('public'),
      method: 'get',
      path: '/api/health',
      tags: ['Служебное'],
      summary: 'Состояние сервиса (отвечает и пока загружаются демо-данные)',
      responses: {
        200: {
          description: 'Работает',
          content: {
            'application/json': {
              schema: z.object({
                status: z.literal('ok'),
                database: z.enum(['pglite', 'postgres']),
                demo: z
                  .enum(['off', 'loading', 'loaded', 'failed'])
                  .describe(
                    'Загрузка демо-данных при первом запуске: off — её нет, loading — идёт (остальной API ' +
                      'отвечает 503), loaded — завершена, failed — не удалась (сервер останавливается)',
                  ),
              }),
            },
          },
        },
      },
    }),
    async (c) => {
      // While the demo loads on PGlite its transaction holds the only connection: answer from memory.
      if (!isDemoPending(deps.demo)) await db.execute(sql`select 1`);
      return c.json({ status: 'ok' as const, database: deps.dbKind, demo: deps.demo?.state ?? 'off' }, 200);
    },
  );
  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/dashboard',
      tags: ['Рабочий стол'],
      summary: 'Сводка для стартовой страницы роли',
      responses: okJson('Сводка', dashboardView),
    }),
    async (c) =>
      c.json(await onReportDb(c, deps, (rdb) => getDashboard(rdb, { actor: requireActor(c) })), 200),
  );
  app.openapi(
    createRoute({
      ...access('file.read'),
      method: 'get',
      path: '/api/files/{id}',
      tags: ['Файлы'],
      summary:
        'Скачать файл (доступен через дорожную карту, к которой он приложен); inline=true — показать PDF, изображение или текст на странице',
      request: {
        params: idParam,
        query: z.object({ inline: z.enum(['true', 'false']).optional() }),
      },
      responses: okFile('Файл (тип содержимого — по расширению при загрузке)', STORED_MEDIA_TYPES),
    }),
    async (c) => {
      const { file, data } = await getFile(db, deps.storage, {
        actor: requireActor(c),
        fileId: c.req.valid('param').id,
      });
      c.header('Content-Type', file.mime);
      // The confirmer previews the proof in the page (an <iframe> of our own origin); other types,
      // and every file without the flag, are downloaded.
      const shown = c.req.valid('query').inline === 'true' && previewable(file.mime);
      c.header('Content-Disposition', attachmentDisposition(file.name, shown ? 'inline' : 'attachment'));
      if (shown) c.header('X-Frame-Options', 'SAMEORIGIN');
      return c.body(new Uint8Array(data), 200);
    },
  );
}
