import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { createRoute as createIndividualRoute } from '../../modules/individual-routes/create-route.js';
import { addActivity, addGoal, removeGoal, updateGoal } from '../../modules/individual-routes/edit-route.js';
import { getRoute } from '../../modules/individual-routes/get-route.js';
import { listRoutes } from '../../modules/individual-routes/list-routes.js';
import { myRoutes } from '../../modules/individual-routes/my-routes.js';
import { exportRouteDocx } from '../../modules/individual-routes/route-docx.js';
import { approveRoute, closeRoute, startRoute } from '../../modules/individual-routes/route-status.js';
import {
  addActivityInput,
  closeRouteInput,
  createRouteInput,
  goalInput,
  listRoutesQuery,
  versionInput,
} from '../../modules/individual-routes/schemas.js';
import {
  createdRouteView,
  routeDetailView,
  routeListView,
  versionedView,
} from '../../modules/individual-routes/views.js';
import { type App, type Deps, requireActor } from '../context.js';
import { fileAnswer, idParam, jsonBody, OK, okFile, okJson, okSchema, versionQuery } from '../openapi.js';

// ИОМ педагогов: построение из дефицитов, цели и действия, статусы, выгрузка DOCX (helper «routes»,
// issue 14 §1); the activities' own endpoints (done with evidence, confirm, return) are in
// route-activities.ts. Thin adapters: access is inside the operations (people-rules.ts).

const tags = ['ИОМ педагогов'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const goalParam = z.object({
  id: z.uuid({ message: 'Неверный идентификатор' }),
  goalId: z.uuid({ message: 'Неверный идентификатор цели' }),
});

export function individualRouteRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    createRoute({
      ...access('individual-route.list'),
      method: 'get',
      path: '/api/individual-routes',
      tags,
      summary: 'ИОМ педагогов видимых школ за учебный год, счётчики и педагоги, которым нужен ИОМ',
      request: { query: listRoutesQuery },
      responses: okJson('ИОМ', routeListView),
    }),
    async (c) => c.json(await listRoutes(db, { actor: requireActor(c), query: c.req.valid('query') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/me/individual-routes',
      tags,
      summary: 'Мои ИОМ (педагог видит только свои)',
      responses: okJson('ИОМ', z.array(routeDetailView)),
    }),
    async (c) => c.json(await myRoutes(db, { actor: requireActor(c) }), 200),
  );

  app.openapi(
    createRoute({
      ...access('individual-route.create'),
      method: 'post',
      path: '/api/individual-routes',
      tags,
      summary: 'Построить ИОМ педагога на учебный год: из дефицитов последней диагностики или пустой',
      request: jsonBody(createRouteInput),
      responses: okJson('ИОМ', createdRouteView),
    }),
    async (c) =>
      c.json(await createIndividualRoute(db, { actor: requireActor(c), input: c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('individual-route.read'),
      method: 'get',
      path: '/api/individual-routes/{id}',
      tags,
      summary: 'ИОМ: цели, действия, доказательства, история',
      request: { params: idParam },
      responses: okJson('ИОМ', routeDetailView),
    }),
    async (c) =>
      c.json(await getRoute(db, { actor: requireActor(c), routeId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('individual-route.read'),
      method: 'get',
      path: '/api/individual-routes/{id}/docx',
      tags,
      summary: 'ИОМ документом DOCX для печати',
      request: { params: idParam },
      responses: okFile('DOCX', [DOCX]),
    }),
    async (c) => {
      const { data, fileName } = await exportRouteDocx(db, {
        actor: requireActor(c),
        routeId: c.req.valid('param').id,
      });
      return fileAnswer(c, { mime: DOCX, name: fileName, data });
    },
  );

  for (const [path, summary, op] of [
    ['approve', 'Утвердить ИОМ (кто и когда записывается)', approveRoute],
    ['start', 'Начать выполнение утверждённого ИОМ', startRoute],
  ] as const)
    app.openapi(
      createRoute({
        ...access('individual-route.keep'),
        method: 'post',
        path: `/api/individual-routes/{id}/${path}`,
        tags,
        summary,
        request: { params: idParam, ...jsonBody(versionInput) },
        responses: okJson('ИОМ', versionedView),
      }),
      async (c) =>
        c.json(
          await op(db, {
            actor: requireActor(c),
            routeId: c.req.valid('param').id,
            version: c.req.valid('json').version,
          }),
          200,
        ),
    );

  app.openapi(
    createRoute({
      ...access('individual-route.keep'),
      method: 'post',
      path: '/api/individual-routes/{id}/close',
      tags,
      summary: 'Закрыть ИОМ: освоен (все действия подтверждены) или не освоен (с причиной)',
      request: { params: idParam, ...jsonBody(closeRouteInput) },
      responses: okJson('ИОМ', versionedView),
    }),
    async (c) =>
      c.json(
        await closeRoute(db, {
          actor: requireActor(c),
          routeId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('individual-route.keep'),
      method: 'post',
      path: '/api/individual-routes/{id}/goals',
      tags,
      summary: 'Добавить цель ИОМ',
      request: { params: idParam, ...jsonBody(goalInput) },
      responses: okJson('Цель', versionedView),
    }),
    async (c) =>
      c.json(
        await addGoal(db, {
          actor: requireActor(c),
          routeId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('individual-route.keep'),
      method: 'patch',
      path: '/api/individual-routes/{id}/goals/{goalId}',
      tags,
      summary: 'Изменить формулировку цели ИОМ',
      request: { params: goalParam, ...jsonBody(goalInput) },
      responses: okJson('Цель', versionedView),
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(
        await updateGoal(db, {
          actor: requireActor(c),
          routeId: p.id,
          goalId: p.goalId,
          input: c.req.valid('json'),
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('individual-route.keep'),
      method: 'delete',
      path: '/api/individual-routes/{id}/goals/{goalId}',
      tags,
      summary: 'Удалить цель ИОМ (её действия остаются без цели)',
      request: { params: goalParam, query: versionQuery },
      responses: okJson('Удалено', okSchema),
    }),
    async (c) => {
      const p = c.req.valid('param');
      await removeGoal(db, {
        actor: requireActor(c),
        routeId: p.id,
        goalId: p.goalId,
        version: c.req.valid('query').version,
      });
      return c.json(OK, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('individual-route.keep'),
      method: 'post',
      path: '/api/individual-routes/{id}/activities',
      tags,
      summary: 'Добавить действие ИОМ (вид, содержание, срок, ответственный, курс)',
      request: { params: idParam, ...jsonBody(addActivityInput) },
      responses: okJson('Действие', createdRouteView),
    }),
    async (c) =>
      c.json(
        await addActivity(db, {
          actor: requireActor(c),
          routeId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );
}
