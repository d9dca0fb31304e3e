import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { listDataYears } from '../../modules/assessment-data/data-years.js';
import { importAssessmentData } from '../../modules/assessment-data/import-assessment-data.js';
import { assessmentImportView, dataYearView } from '../../modules/assessment-data/views.js';
import { type App, type Deps, requireActor } from '../context.js';
import { fileBody, okJson, readUpload, regionQuery } from '../openapi.js';

const tags = ['Данные оценочных процедур'];

/**
 * Assessment data packages (docs/identification-api.md). `bulk`: the fast loader of the opened database
 * (`bulkLoader(database)` from modules/assessment-data/store.ts); without it rows go in by multi-row
 * INSERTs — enough for an upload within UPLOAD_MAX_MB (national packages go through the CLI).
 */
export function assessmentRoutes(app: App, deps: Deps) {
  const { db, bulk } = deps;
  app.openapi(
    createRoute({
      ...access('data-loader'),
      method: 'post',
      path: '/api/assessment-data/import',
      tags,
      summary:
        'Загрузка пакета данных (XLSX-книга или ZIP с CSV): проверка (dryRun=true) и загрузка «всё или ничего»',
      request: {
        query: z.object({ dryRun: z.enum(['true', 'false']).default('true') }).merge(regionQuery),
        ...fileBody,
      },
      responses: okJson(
        'Результат проверки или загрузки: счётчики, неизвестные школы, ошибки по строкам',
        assessmentImportView,
      ),
    }),
    async (c) => {
      const actor = requireActor(c);
      const upload = await readUpload(c, deps.config.uploadMaxBytes);
      const { dryRun, regionId } = c.req.valid('query');
      const result = await importAssessmentData(
        db,
        { actor, regionId, fileName: upload.name, data: upload.data, dryRun: dryRun === 'true' },
        bulk,
      );
      return c.json(result, 200);
    },
  );
  app.openapi(
    createRoute({
      ...access('region-level'),
      method: 'get',
      path: '/api/assessment-data/years',
      tags,
      summary: 'Годы с данными оценочных процедур региона и последняя загрузка каждого года',
      responses: okJson('Годы', z.array(dataYearView)),
    }),
    async (c) => c.json(await listDataYears(db, { actor: requireActor(c) }), 200),
  );
}
