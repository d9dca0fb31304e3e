import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { STORED_MEDIA_TYPES } from '../../modules/files/file-types.js';
import {
  attachEvidence,
  confirmActivity,
  markActivityDone,
  readEvidence,
  returnActivity,
} from '../../modules/individual-routes/activity-status.js';
import { removeActivity, updateActivity } from '../../modules/individual-routes/edit-route.js';
import {
  markDoneInput,
  returnActivityInput,
  updateActivityInput,
  versionInput,
} from '../../modules/individual-routes/schemas.js';
import { evidenceView, versionedView } from '../../modules/individual-routes/views.js';
import { type App, type Deps, requireActor } from '../context.js';
import {
  fileAnswer,
  fileBody,
  idParam,
  jsonBody,
  OK,
  okFile,
  okJson,
  okSchema,
  readUpload,
  versionQuery,
} from '../openapi.js';

// Действия ИОМ: правка, выполнение с доказательствами, подтверждение и возврат (helper «routes», issue 14
// §1); the routes themselves — individual-routes.ts. Thin adapters: access is inside the operations.

const tags = ['ИОМ педагогов'];
const fileParam = z.object({
  id: z.uuid({ message: 'Неверный идентификатор' }),
  fileId: z.uuid({ message: 'Неверный идентификатор файла' }),
});

export function routeActivityRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    createRoute({
      ...access('route-activity.keep'),
      method: 'patch',
      path: '/api/route-activities/{id}',
      tags,
      summary: 'Изменить действие ИОМ',
      request: { params: idParam, ...jsonBody(updateActivityInput) },
      responses: okJson('Действие', versionedView),
    }),
    async (c) =>
      c.json(
        await updateActivity(db, {
          actor: requireActor(c),
          activityId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('route-activity.keep'),
      method: 'delete',
      path: '/api/route-activities/{id}',
      tags,
      summary: 'Удалить действие ИОМ',
      request: { params: idParam, query: versionQuery },
      responses: okJson('Удалено', okSchema),
    }),
    async (c) => {
      await removeActivity(db, {
        actor: requireActor(c),
        activityId: c.req.valid('param').id,
        version: c.req.valid('query').version,
      });
      return c.json(OK, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('route-activity.done'),
      method: 'post',
      path: '/api/route-activities/{id}/evidence',
      tags,
      summary: 'Приложить доказательство выполнения (сертификат, документ; multipart/form-data, поле file)',
      request: { params: idParam, query: versionQuery, ...fileBody },
      responses: okJson('Файл', evidenceView),
    }),
    async (c) => {
      const actor = requireActor(c);
      const { id } = c.req.valid('param');
      const { version } = c.req.valid('query');
      // Access and version first: a refused or stale call stores no file.
      const upload = await readUpload(c, deps.config.uploadMaxBytes);
      return c.json(
        await attachEvidence(db, deps.storage, {
          actor,
          activityId: id,
          version,
          upload,
          maxBytes: deps.config.uploadMaxBytes,
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('route-activity.read'),
      method: 'get',
      path: '/api/route-activities/{id}/files/{fileId}',
      tags,
      summary: 'Файл доказательства выполнения действия',
      request: { params: fileParam },
      responses: okFile('Файл', STORED_MEDIA_TYPES),
    }),
    async (c) => {
      const p = c.req.valid('param');
      const { file, data } = await readEvidence(db, deps.storage, {
        actor: requireActor(c),
        activityId: p.id,
        fileId: p.fileId,
      });
      return fileAnswer(c, { mime: file.mime, name: file.name, data });
    },
  );

  app.openapi(
    createRoute({
      ...access('route-activity.done'),
      method: 'post',
      path: '/api/route-activities/{id}/done',
      tags,
      summary: 'Отметить действие выполненным (с примечанием); первое выполненное начинает ИОМ',
      request: { params: idParam, ...jsonBody(markDoneInput) },
      responses: okJson('Действие', versionedView),
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(
        await markActivityDone(db, {
          actor: requireActor(c),
          activityId: c.req.valid('param').id,
          version: body.version,
          note: body.note,
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('route-activity.review'),
      method: 'post',
      path: '/api/route-activities/{id}/confirm',
      tags,
      summary: 'Подтвердить выполнение действия',
      request: { params: idParam, ...jsonBody(versionInput) },
      responses: okJson('Действие', versionedView),
    }),
    async (c) =>
      c.json(
        await confirmActivity(db, {
          actor: requireActor(c),
          activityId: c.req.valid('param').id,
          version: c.req.valid('json').version,
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('route-activity.review'),
      method: 'post',
      path: '/api/route-activities/{id}/return',
      tags,
      summary: 'Вернуть действие на доработку с комментарием',
      request: { params: idParam, ...jsonBody(returnActivityInput) },
      responses: okJson('Действие', versionedView),
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(
        await returnActivity(db, {
          actor: requireActor(c),
          activityId: c.req.valid('param').id,
          version: body.version,
          comment: body.comment,
        }),
        200,
      );
    },
  );
}
