import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { MAX_YEAR, MIN_YEAR } from '../../modules/assessment-data/types.js';
import { approveList, approveListInput } from '../../modules/identification/approve-list.js';
import { approveListsByOrder, approveOrderInput } from '../../modules/identification/approve-order.js';
import { createListInput, createOrReplaceDraftList } from '../../modules/identification/create-list.js';
import { CONTENT_TYPES, exportList } from '../../modules/identification/export-list.js';
import { decisionInput, removeDecision, setDecision } from '../../modules/identification/list-decisions.js';
import { listEntriesFilter } from '../../modules/identification/list-entries.js';
import { LIST_KINDS } from '../../modules/identification/list-kinds.js';
import {
  listComparison,
  municipalityConcentration,
  schoolCard,
} from '../../modules/identification/list-views.js';
import { getList, listLists } from '../../modules/identification/lists.js';
import { attachListOrderFile } from '../../modules/identification/order-file.js';
import {
  approvedOrderView,
  listComparisonView,
  listDetailView,
  listSummaryView,
  municipalityConcentrationView,
  schoolCardView,
} from '../../modules/identification/views.js';
import { type App, type Deps, requireActor } from '../context.js';
import { fileBody, idParam, jsonBody, okFile, okJson, readUpload, versionQuery } from '../openapi.js';
import { onReportDb } from '../report-db.js';

// The region's lists — ШНОР, ШНСУ, зона риска, резильентные (docs/identification-api.md, «Списки»):
// drafts, the operator's decisions, approval by an order (one order may approve several lists as its
// appendices), views and exports. Municipalities and schools see the approved lists with their schools.

const tags = ['Списки ШНОР'];

const listsQuery = z.object({
  year: z.coerce
    .number({ message: 'Укажите год' })
    .int({ message: 'Год — целое число' })
    .min(MIN_YEAR, { message: `Год не раньше ${MIN_YEAR}` })
    .max(MAX_YEAR, { message: `Год не позже ${MAX_YEAR}` })
    .optional(),
  kind: z.enum(LIST_KINDS, { message: 'Вид списка: shnor, shnsu, riskZone или resilient' }).optional(),
});
const decisionParams = z.object({
  id: z.uuid({ message: 'Неверный идентификатор' }),
  schoolId: z.uuid({ message: 'Неверный идентификатор школы' }),
});
const schoolParam = z.object({ schoolId: z.uuid({ message: 'Неверный идентификатор школы' }) });

export function identificationListRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    createRoute({
      ...access('run.keep'),
      method: 'post',
      path: '/api/identification/lists',
      tags,
      summary:
        'Черновик списка года по расчёту (у существующего черновика сменить расчёт); устаревший расчёт — 409',
      request: jsonBody(createListInput),
      responses: okJson('Черновик списка', listSummaryView),
    }),
    async (c) =>
      c.json(await createOrReplaceDraftList(db, { actor: requireActor(c), ...c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/identification/lists',
      tags,
      summary: 'Списки, доступные пользователю',
      request: { query: listsQuery },
      responses: okJson('Списки с числом школ', z.array(listSummaryView)),
    }),
    async (c) =>
      c.json(
        await onReportDb(c, deps, (rdb) =>
          listLists(rdb, { actor: requireActor(c), ...c.req.valid('query') }),
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('list.read'),
      method: 'get',
      path: '/api/identification/lists/{id}',
      tags,
      summary: 'Список со школами (муниципалитету и школе — только утверждённый и только свои школы)',
      request: { params: idParam, query: listEntriesFilter },
      responses: okJson('Список', listDetailView),
    }),
    async (c) =>
      c.json(
        await onReportDb(c, deps, (rdb) =>
          getList(rdb, {
            actor: requireActor(c),
            listId: c.req.valid('param').id,
            filter: c.req.valid('query'),
          }),
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('list.keep'),
      method: 'put',
      path: '/api/identification/lists/{id}/decisions/{schoolId}',
      tags,
      summary: 'Включить или исключить школу с причиной (только черновик)',
      request: { params: decisionParams, ...jsonBody(decisionInput) },
      responses: okJson('Список', listSummaryView),
    }),
    async (c) => {
      const { id, schoolId } = c.req.valid('param');
      return c.json(
        await setDecision(db, { actor: requireActor(c), listId: id, schoolId, ...c.req.valid('json') }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('list.keep'),
      method: 'delete',
      path: '/api/identification/lists/{id}/decisions/{schoolId}',
      tags,
      summary: 'Отменить решение по школе (только черновик)',
      request: { params: decisionParams, query: versionQuery },
      responses: okJson('Список', listSummaryView),
    }),
    async (c) => {
      const { id, schoolId } = c.req.valid('param');
      return c.json(
        await removeDecision(db, {
          actor: requireActor(c),
          listId: id,
          schoolId,
          version: c.req.valid('query').version,
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('list.keep'),
      method: 'post',
      path: '/api/identification/lists/{id}/approve',
      tags,
      summary: 'Утвердить список приказом (после этого он не изменяется); расчёт устарел — 409',
      request: { params: idParam, ...jsonBody(approveListInput) },
      responses: okJson('Утверждённый список', listSummaryView),
    }),
    async (c) =>
      c.json(
        await approveList(db, {
          actor: requireActor(c),
          listId: c.req.valid('param').id,
          ...c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('list.keep'),
      method: 'post',
      path: '/api/identification/orders',
      tags,
      summary:
        'Утвердить приказом один или несколько черновиков одного года как приложения 1, 2, … (всё или ничего); дата приказа — не в будущем и не раньше года списков',
      request: jsonBody(approveOrderInput),
      responses: okJson('Приказ и утверждённые им списки', approvedOrderView),
    }),
    async (c) =>
      c.json(await approveListsByOrder(db, { actor: requireActor(c), ...c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('order.keep'),
      method: 'post',
      path: '/api/identification/orders/{id}/file',
      tags,
      summary: 'Приложить (заменить) файл подписанного приказа (multipart/form-data, поле file)',
      request: { params: idParam, ...fileBody },
      responses: okJson('Файл', z.object({ id: z.uuid(), name: z.string(), size: z.number().int() })),
    }),
    async (c) =>
      c.json(
        await attachListOrderFile(db, deps.storage, {
          actor: requireActor(c),
          orderId: c.req.valid('param').id,
          upload: await readUpload(c, deps.config.uploadMaxBytes),
          maxBytes: deps.config.uploadMaxBytes,
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('list.read'),
      method: 'get',
      path: '/api/identification/lists/{id}/comparison',
      tags,
      summary: 'Сравнение с утверждённым списком прошлого года: новые, вышедшие, оставшиеся',
      request: { params: idParam },
      responses: okJson('Сравнение', listComparisonView),
    }),
    async (c) =>
      c.json(
        await onReportDb(c, deps, (rdb) =>
          listComparison(rdb, { actor: requireActor(c), listId: c.req.valid('param').id }),
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('list.read'),
      method: 'get',
      path: '/api/identification/lists/{id}/municipalities',
      tags,
      summary: 'Концентрация ШНОР по муниципалитетам (по убыванию доли)',
      request: { params: idParam },
      responses: okJson('Муниципалитеты', z.array(municipalityConcentrationView)),
    }),
    async (c) =>
      c.json(
        await onReportDb(c, deps, (rdb) =>
          municipalityConcentration(rdb, { actor: requireActor(c), listId: c.req.valid('param').id }),
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('list.read'),
      method: 'get',
      path: '/api/identification/lists/{id}/export',
      tags,
      summary: 'Выгрузка списка: XLSX (все школы с признаками) или DOCX (приложение к приказу)',
      request: {
        params: idParam,
        query: z.object({
          format: z.enum(['docx', 'xlsx'], { message: 'Формат: docx или xlsx' }),
          /** DOCX: a second appendix with the full grounds (every procedure) of each school. */
          details: z
            .enum(['true', 'false'], { message: 'details: true или false' })
            .transform((v) => v === 'true')
            .optional(),
        }),
      },
      responses: okFile('Файл', [CONTENT_TYPES.docx, CONTENT_TYPES.xlsx]),
    }),
    async (c) => {
      const { format, details } = c.req.valid('query');
      const listId = c.req.valid('param').id;
      const file = await onReportDb(c, deps, (rdb) =>
        exportList(rdb, { actor: requireActor(c), listId, format, details }),
      );
      c.header('Content-Type', file.contentType);
      c.header(
        'Content-Disposition',
        `attachment; filename="list.${format}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      );
      return c.body(new Uint8Array(file.body), 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('school.read'),
      method: 'get',
      path: '/api/identification/schools/{schoolId}',
      tags,
      summary: 'Карточка школы: признаки по годам, показатели против кластера и региона, основания',
      request: { params: schoolParam },
      responses: okJson('Карточка школы', schoolCardView),
    }),
    async (c) =>
      c.json(
        await onReportDb(c, deps, (rdb) =>
          schoolCard(rdb, { actor: requireActor(c), schoolId: c.req.valid('param').schoolId }),
        ),
        200,
      ),
  );
}
