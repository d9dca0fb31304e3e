import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { adoptTask } from '../../modules/roadmaps/adopt-task.js';
import { updateTaskInput } from '../../modules/roadmaps/schemas.js';
import { listMyTasks, updateTask } from '../../modules/roadmaps/tasks.js';
import { itemRow, taskRow, taskView } from '../../modules/roadmaps/views.js';
import { type App, type Deps, requireActor } from '../context.js';
import { idParam, jsonBody, okJson } from '../openapi.js';

const tags = ['К исполнению'];

export function taskRoutes(app: App, deps: Deps) {
  const { db } = deps;
  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/tasks',
      tags,
      summary: 'Мероприятия вышестоящего уровня, адресованные моей организации',
      responses: okJson('Задачи', z.array(taskView)),
    }),
    async (c) => c.json(await listMyTasks(db, { actor: requireActor(c) }), 200),
  );
  app.openapi(
    createRoute({
      ...access('task.keep'),
      method: 'patch',
      path: '/api/tasks/{id}',
      tags,
      summary: 'Отметить исполнение или связать с мероприятием своей дорожной карты',
      request: { params: idParam, ...jsonBody(updateTaskInput) },
      responses: okJson('Задача', taskRow),
    }),
    async (c) =>
      c.json(
        await updateTask(db, {
          actor: requireActor(c),
          taskId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );
  app.openapi(
    createRoute({
      ...access('task.keep'),
      method: 'post',
      path: '/api/tasks/{id}/adopt',
      tags,
      summary: 'Перенести в свою дорожную карту и связать',
      request: { params: idParam, ...jsonBody(z.object({ roadmapId: z.uuid(), sectionId: z.uuid() })) },
      responses: okJson('Созданное мероприятие', itemRow),
    }),
    async (c) =>
      c.json(
        await adoptTask(db, {
          actor: requireActor(c),
          taskId: c.req.valid('param').id,
          ...c.req.valid('json'),
        }),
        200,
      ),
  );
}
