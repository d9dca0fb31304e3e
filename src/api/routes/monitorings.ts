import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { availableKinds } from '../../modules/monitoring/computed.js';
import { createMonitoring } from '../../modules/monitoring/create-monitoring.js';
import { exportMonitoringXlsx, XLSX_TYPE } from '../../modules/monitoring/export-xlsx.js';
import { saveResponse, submitResponse } from '../../modules/monitoring/fill-response.js';
import { getMonitoring } from '../../modules/monitoring/get-monitoring.js';
import { getResponse } from '../../modules/monitoring/get-response.js';
import { listMonitorings } from '../../modules/monitoring/list-monitorings.js';
import {
  createMonitoringInput,
  monitoringIdParams,
  reviewInput,
  saveAnswersInput,
  updateMonitoringInput,
  versionInput,
} from '../../modules/monitoring/monitoring-input.js';
import { closeMonitoring, openMonitoring } from '../../modules/monitoring/open-monitoring.js';
import { reviewResponse } from '../../modules/monitoring/review-response.js';
import { MONITORING_TEMPLATES } from '../../modules/monitoring/templates.js';
import { updateMonitoring } from '../../modules/monitoring/update-monitoring.js';
import {
  monitoringDetailView,
  monitoringSummaryView,
  responseView,
  templatesView,
} from '../../modules/monitoring/views.js';
import { todayIso } from '../../modules/organisation/school-year.js';
import { type App, type Deps, requireActor } from '../context.js';
import { fileAnswer, idParam, jsonBody, okFile, okJson } from '../openapi.js';

// Мониторинги и формы (helper «monitoring», issue 13 §2): the owner's campaign with its form, participants,
// progress and export; the participant's form with save, submit, return and acceptance.

const tags = ['Мониторинги'];
const listQuery = z.object({
  year: z.coerce.number().int('Год — целое число').min(2000).max(2100).optional(),
});

export function monitoringRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const detail = (c: Parameters<typeof requireActor>[0], monitoringId: string) =>
    getMonitoring(db, { actor: requireActor(c), monitoringId, today: todayIso() });
  const response = (c: Parameters<typeof requireActor>[0], monitoringId: string, unitId: string) =>
    getResponse(db, { actor: requireActor(c), monitoringId, unitId, today: todayIso() });

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/monitorings',
      tags,
      summary: 'Мониторинги: проводимые организациями своей зоны (с ходом) и формы своих организаций',
      request: { query: listQuery },
      responses: okJson('Мониторинги', z.array(monitoringSummaryView)),
    }),
    async (c) =>
      c.json(
        await listMonitorings(db, {
          actor: requireActor(c),
          year: c.req.valid('query').year,
          today: todayIso(),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/monitoring-templates',
      tags,
      summary: 'Виды мониторингов, доступные сейчас, и типовые мониторинги (шаблоны форм)',
      responses: okJson('Шаблоны', templatesView),
    }),
    async (c) => {
      requireActor(c);
      return c.json({ kinds: availableKinds(), templates: MONITORING_TEMPLATES }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('monitoring.create'),
      method: 'post',
      path: '/api/monitorings',
      tags,
      summary: 'Создать черновик мониторинга региона или муниципалитета (из шаблона или с пустой формой)',
      request: jsonBody(createMonitoringInput),
      responses: okJson('Мониторинг', monitoringDetailView),
    }),
    async (c) => {
      const id = await createMonitoring(db, { actor: requireActor(c), ...c.req.valid('json') });
      return c.json(await detail(c, id), 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('monitoring.read'),
      method: 'get',
      path: '/api/monitorings/{id}',
      tags,
      summary: 'Мониторинг: форма, участники своей зоны, ход по муниципалитетам, рассчитанная таблица',
      request: { params: idParam },
      responses: okJson('Мониторинг', monitoringDetailView),
    }),
    async (c) => c.json(await detail(c, c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      ...access('monitoring.keep'),
      method: 'patch',
      path: '/api/monitorings/{id}',
      tags,
      summary:
        'Изменить мониторинг: в черновике — форму и участников, в идущем — название и сроки (устаревшая версия — 409)',
      request: { params: idParam, ...jsonBody(updateMonitoringInput) },
      responses: okJson('Мониторинг', monitoringDetailView),
    }),
    async (c) => {
      const monitoringId = c.req.valid('param').id;
      await updateMonitoring(db, { actor: requireActor(c), monitoringId, ...c.req.valid('json') });
      return c.json(await detail(c, monitoringId), 200);
    },
  );

  for (const [step, run, summary] of [
    ['open', openMonitoring, 'Открыть мониторинг: форма фиксируется, участники получают её'],
    ['close', closeMonitoring, 'Завершить мониторинг: формы больше не заполняются'],
  ] as const)
    app.openapi(
      createRoute({
        ...access('monitoring.keep'),
        method: 'post',
        path: `/api/monitorings/{id}/${step}`,
        tags,
        summary,
        request: { params: idParam, ...jsonBody(versionInput) },
        responses: okJson('Мониторинг', monitoringDetailView),
      }),
      async (c) => {
        const monitoringId = c.req.valid('param').id;
        await run(db, { actor: requireActor(c), monitoringId, version: c.req.valid('json').version });
        return c.json(await detail(c, monitoringId), 200);
      },
    );

  app.openapi(
    createRoute({
      ...access('monitoring.read'),
      method: 'get',
      path: '/api/monitorings/{id}/export',
      tags,
      summary: 'Все ответы участников своей зоны в XLSX (таблицы форм — на отдельных листах)',
      request: { params: idParam },
      responses: okFile('Ответы мониторинга', [XLSX_TYPE]),
    }),
    async (c) => {
      const file = await exportMonitoringXlsx(db, {
        actor: requireActor(c),
        monitoringId: c.req.valid('param').id,
        today: todayIso(),
      });
      return fileAnswer(c, { mime: file.contentType, name: file.fileName, data: file.body });
    },
  );

  app.openapi(
    createRoute({
      ...access('monitoring-response.read'),
      method: 'get',
      path: '/api/monitorings/{id}/units/{unitId}',
      tags,
      summary:
        'Форма участника с ответами и комментарием проверяющего; для рассчитываемого — его мероприятия',
      request: { params: monitoringIdParams },
      responses: okJson('Форма участника', responseView),
    }),
    async (c) => {
      const { id, unitId } = c.req.valid('param');
      return c.json(await response(c, id, unitId), 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('monitoring-response.fill'),
      method: 'put',
      path: '/api/monitorings/{id}/units/{unitId}',
      tags,
      summary: 'Сохранить черновик формы (можно неполной; значения проверяются)',
      request: { params: monitoringIdParams, ...jsonBody(saveAnswersInput) },
      responses: okJson('Форма участника', responseView),
    }),
    async (c) => {
      const { id, unitId } = c.req.valid('param');
      await saveResponse(db, { actor: requireActor(c), monitoringId: id, unitId, ...c.req.valid('json') });
      return c.json(await response(c, id, unitId), 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('monitoring-response.fill'),
      method: 'post',
      path: '/api/monitorings/{id}/units/{unitId}/submit',
      tags,
      summary: 'Отправить форму на проверку (полная проверка, сообщения по полям)',
      request: { params: monitoringIdParams, ...jsonBody(saveAnswersInput) },
      responses: okJson('Форма участника', responseView),
    }),
    async (c) => {
      const { id, unitId } = c.req.valid('param');
      await submitResponse(db, { actor: requireActor(c), monitoringId: id, unitId, ...c.req.valid('json') });
      return c.json(await response(c, id, unitId), 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('monitoring-response.review'),
      method: 'post',
      path: '/api/monitorings/{id}/units/{unitId}/review',
      tags,
      summary: 'Принять отправленную форму или вернуть её на доработку с комментарием',
      request: { params: monitoringIdParams, ...jsonBody(reviewInput) },
      responses: okJson('Форма участника', responseView),
    }),
    async (c) => {
      const { id, unitId } = c.req.valid('param');
      await reviewResponse(db, { actor: requireActor(c), monitoringId: id, unitId, ...c.req.valid('json') });
      return c.json(await response(c, id, unitId), 200);
    },
  );
}
