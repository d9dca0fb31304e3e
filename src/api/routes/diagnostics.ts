import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { applyImport, cancelImport, getImport, listImports } from '../../modules/diagnostics/apply-import.js';
import {
  createDiagnostic,
  getDiagnostic,
  listDiagnostics,
  updateDiagnostic,
} from '../../modules/diagnostics/diagnostics.js';
import { exportResults } from '../../modules/diagnostics/export-results.js';
import { importResults } from '../../modules/diagnostics/import-results.js';
import { getScale, saveScale } from '../../modules/diagnostics/scale.js';
import {
  applyImportInput,
  createDiagnosticInput,
  importQuery,
  listDiagnosticsQuery,
  saveScaleInput,
  scaleQuery,
  summaryQuery,
  updateDiagnosticInput,
} from '../../modules/diagnostics/schemas.js';
import { getSummary } from '../../modules/diagnostics/summary.js';
import { getMyResults, getTeacherResults } from '../../modules/diagnostics/teacher-results.js';
import {
  diagnosticView,
  importOutcomeView,
  importView,
  scaleView,
  summaryView,
  teacherResultsView,
} from '../../modules/diagnostics/views.js';
import { type App, type Deps, requireActor } from '../context.js';
import {
  fileAnswer,
  fileBody,
  idParam,
  jsonBody,
  okFile,
  okJson,
  readUpload,
  versionQuery,
} from '../openapi.js';

// Диагностика профессиональных дефицитов (helper «diagnostics», issue 14 §1): the region's scale of
// levels, diagnostics, results import with the review of doubtful matches, results per unit and XLSX,
// a teacher's results over time and the teacher's own results.

const tags = ['Диагностика дефицитов'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function diagnosticRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    createRoute({
      ...access('deficit-scale.read'),
      method: 'get',
      path: '/api/deficit-scale',
      tags,
      summary: 'Шкала уровней дефицитов региона (по умолчанию — регион пользователя)',
      request: { query: scaleQuery },
      responses: okJson('Шкала', scaleView),
    }),
    async (c) =>
      c.json(await getScale(db, { actor: requireActor(c), regionId: c.req.valid('query').regionId }), 200),
  );

  app.openapi(
    createRoute({
      ...access('deficit-scale.keep'),
      method: 'put',
      path: '/api/deficit-scale',
      tags,
      summary: 'Сохранить шкалу уровней региона (новые диагностики возьмут её, прежние — нет)',
      request: jsonBody(saveScaleInput),
      responses: okJson('Шкала', scaleView),
    }),
    async (c) => c.json(await saveScale(db, { actor: requireActor(c), input: c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/diagnostics',
      tags,
      summary: 'Диагностики, видимые пользователю (своей организации и вышестоящих)',
      request: { query: listDiagnosticsQuery },
      responses: okJson('Диагностики', z.array(diagnosticView)),
    }),
    async (c) =>
      c.json(await listDiagnostics(db, { actor: requireActor(c), year: c.req.valid('query').year }), 200),
  );

  app.openapi(
    createRoute({
      ...access('diagnostic.create'),
      method: 'post',
      path: '/api/diagnostics',
      tags,
      summary: 'Создать диагностику (шкала региона замораживается)',
      request: jsonBody(createDiagnosticInput),
      responses: okJson('Диагностика', diagnosticView),
    }),
    async (c) =>
      c.json(await createDiagnostic(db, { actor: requireActor(c), input: c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('diagnostic.read'),
      method: 'get',
      path: '/api/diagnostics/{id}',
      tags,
      summary: 'Диагностика',
      request: { params: idParam },
      responses: okJson('Диагностика', diagnosticView),
    }),
    async (c) =>
      c.json(await getDiagnostic(db, { actor: requireActor(c), id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('diagnostic.keep'),
      method: 'patch',
      path: '/api/diagnostics/{id}',
      tags,
      summary: 'Изменить диагностику (блоки — пока нет результатов)',
      request: { params: idParam, ...jsonBody(updateDiagnosticInput) },
      responses: okJson('Диагностика', diagnosticView),
    }),
    async (c) =>
      c.json(
        await updateDiagnostic(db, {
          actor: requireActor(c),
          id: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('diagnostic.read'),
      method: 'get',
      path: '/api/diagnostics/{id}/summary',
      tags,
      summary: 'Распределение уровней (итог и блоки) по организации и нижестоящим, список педагогов',
      request: { params: idParam, query: summaryQuery },
      responses: okJson('Результаты', summaryView),
    }),
    async (c) =>
      c.json(
        await getSummary(db, {
          actor: requireActor(c),
          diagnosticId: c.req.valid('param').id,
          unitId: c.req.valid('query').unitId,
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('diagnostic.read'),
      method: 'get',
      path: '/api/diagnostics/{id}/export',
      tags,
      summary: 'Результаты педагогов и распределение уровней в XLSX',
      request: { params: idParam, query: summaryQuery },
      responses: okFile('Результаты', [XLSX_TYPE]),
    }),
    async (c) => {
      const file = await exportResults(db, {
        actor: requireActor(c),
        diagnosticId: c.req.valid('param').id,
        unitId: c.req.valid('query').unitId,
      });
      return fileAnswer(c, { mime: file.contentType, name: file.fileName, data: file.body });
    },
  );

  app.openapi(
    createRoute({
      ...access('diagnostic.import'),
      method: 'post',
      path: '/api/diagnostics/{id}/imports',
      tags,
      summary:
        'Загрузить результаты из XLSX/CSV (multipart/form-data, поле file): ошибки — отчёт по строкам и ничего не сохранено; сомнительные сопоставления — на проверку',
      request: { params: idParam, query: importQuery, ...fileBody },
      responses: okJson('Итог загрузки', importOutcomeView),
    }),
    async (c) => {
      const upload = await readUpload(c, deps.config.uploadMaxBytes);
      return c.json(
        await importResults(db, {
          actor: requireActor(c),
          diagnosticId: c.req.valid('param').id,
          schoolId: c.req.valid('query').schoolId,
          fileName: upload.name,
          data: upload.data,
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('diagnostic.read'),
      method: 'get',
      path: '/api/diagnostics/{id}/imports',
      tags,
      summary: 'Загрузки результатов диагностики (своей зоны), новые сначала',
      request: { params: idParam },
      responses: okJson('Загрузки', z.array(importView)),
    }),
    async (c) =>
      c.json(await listImports(db, { actor: requireActor(c), diagnosticId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('diagnostic-import.read'),
      method: 'get',
      path: '/api/diagnostic-imports/{id}',
      tags,
      summary: 'Загрузка результатов со строками и кандидатами сомнительных сопоставлений',
      request: { params: idParam },
      responses: okJson('Загрузка', importView),
    }),
    async (c) => c.json(await getImport(db, { actor: requireActor(c), id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('diagnostic-import.review'),
      method: 'post',
      path: '/api/diagnostic-imports/{id}/apply',
      tags,
      summary:
        'Применить загрузку: выбранные педагоги сомнительных строк или пропуск; всё в одной транзакции',
      request: { params: idParam, ...jsonBody(applyImportInput) },
      responses: okJson('Загрузка', z.object({ import: importView, message: z.string() })),
    }),
    async (c) =>
      c.json(
        await applyImport(db, {
          actor: requireActor(c),
          id: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('diagnostic-import.review'),
      method: 'post',
      path: '/api/diagnostic-imports/{id}/cancel',
      tags,
      summary: 'Отменить загрузку, ожидающую проверки',
      request: { params: idParam, query: versionQuery },
      responses: okJson('Загрузка', importView),
    }),
    async (c) =>
      c.json(
        await cancelImport(db, {
          actor: requireActor(c),
          id: c.req.valid('param').id,
          version: c.req.valid('query').version,
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('staff-results.read'),
      method: 'get',
      path: '/api/teacher-results/{id}',
      tags,
      summary:
        'Результаты педагога во всех диагностиках и изменение по блокам (id — запись реестра педагогов)',
      request: { params: idParam },
      responses: okJson('Результаты педагога', teacherResultsView),
    }),
    async (c) =>
      c.json(await getTeacherResults(db, { actor: requireActor(c), staffId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/my/diagnostic-results',
      tags,
      summary: 'Мои результаты диагностик (учитель видит только свои)',
      responses: okJson('Мои результаты', z.array(teacherResultsView)),
    }),
    async (c) => c.json(await getMyResults(db, { actor: requireActor(c) }), 200),
  );
}
