import { createRoute, z } from '@hono/zod-openapi';
import { ITEM_STATUSES, LEVELS } from '../../db/schema/roadmaps.js';
import { isoDate } from '../../lib/input.js';
import { access } from '../../modules/access/endpoint-rules.js';
import { addComment, listComments } from '../../modules/roadmaps/comments.js';
import { confirmItem } from '../../modules/roadmaps/confirm-item.js';
import { createItem } from '../../modules/roadmaps/create-item.js';
import { deleteItem } from '../../modules/roadmaps/delete-item.js';
import { addEvidence, listEvidence, removeEvidence } from '../../modules/roadmaps/evidence.js';
import { findItems, ITEM_VIEWS } from '../../modules/roadmaps/find-items.js';
import { itemHistory } from '../../modules/roadmaps/history.js';
import {
  commentInput,
  confirmItemInput,
  createItemInput,
  evidenceKindInput,
  setItemStatusInput,
  updateItemInput,
} from '../../modules/roadmaps/schemas.js';
import { setItemStatus } from '../../modules/roadmaps/set-item-status.js';
import { listTasksOfItem } from '../../modules/roadmaps/tasks.js';
import { updateItem } from '../../modules/roadmaps/update-item.js';
import {
  commentRow,
  commentView,
  evidenceView,
  foundItemView,
  historyEntryView,
  itemRow,
  taskView,
} from '../../modules/roadmaps/views.js';
import { type App, type Deps, requireActor } from '../context.js';
import { fileBody, idParam, jsonBody, OK, okJson, okSchema, readUpload, versionQuery } from '../openapi.js';

const tags = ['Мероприятия'];

export function itemRoutes(app: App, deps: Deps) {
  const { db } = deps;
  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/items',
      tags,
      summary: 'Мероприятия всех доступных дорожных карт: мои, просроченные, ближайшие, ждут подтверждения',
      request: {
        query: z.object({
          view: z.enum(ITEM_VIEWS).default('all'),
          roadmapId: z.uuid().optional(),
          sectionId: z.uuid().optional(),
          level: z.enum(LEVELS).optional(),
          status: z.enum(ITEM_STATUSES).optional(),
          responsibleUnitId: z.uuid().optional(),
          dueFrom: isoDate().optional(),
          dueTo: isoDate().optional(),
          days: z.coerce.number().int().min(1).max(366).optional(),
        }),
      },
      responses: okJson('Мероприятия', z.array(foundItemView)),
    }),
    async (c) => c.json(await findItems(db, { actor: requireActor(c), filter: c.req.valid('query') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('roadmap.keep'),
      method: 'post',
      path: '/api/roadmaps/{id}/items',
      tags,
      summary: 'Добавить мероприятие',
      request: { params: idParam, ...jsonBody(createItemInput) },
      responses: okJson('Мероприятие', itemRow),
    }),
    async (c) =>
      c.json(
        await createItem(db, {
          actor: requireActor(c),
          roadmapId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('item.keep'),
      method: 'patch',
      path: '/api/items/{id}',
      tags,
      summary: 'Изменить или переместить мероприятие; устаревшая версия — 409',
      request: { params: idParam, ...jsonBody(updateItemInput) },
      responses: okJson('Мероприятие', itemRow),
    }),
    async (c) =>
      c.json(
        await updateItem(db, {
          actor: requireActor(c),
          itemId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('item.keep'),
      method: 'delete',
      path: '/api/items/{id}',
      tags,
      summary: 'Удалить мероприятие',
      request: { params: idParam, query: versionQuery },
      responses: okJson('Удалено', okSchema),
    }),
    async (c) => {
      await deleteItem(db, {
        actor: requireActor(c),
        itemId: c.req.valid('param').id,
        version: c.req.valid('query').version,
      });
      return c.json(OK, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('item.keep'),
      method: 'post',
      path: '/api/items/{id}/status',
      tags,
      summary: 'Изменить статус исполнения',
      request: { params: idParam, ...jsonBody(setItemStatusInput) },
      responses: okJson('Мероприятие', itemRow),
    }),
    async (c) =>
      c.json(
        await setItemStatus(db, {
          actor: requireActor(c),
          itemId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('item.confirm'),
      method: 'post',
      path: '/api/items/{id}/confirmation',
      tags,
      summary: 'Подтвердить исполнение или вернуть на доработку',
      request: { params: idParam, ...jsonBody(confirmItemInput) },
      responses: okJson('Мероприятие', itemRow),
    }),
    async (c) =>
      c.json(
        await confirmItem(db, {
          actor: requireActor(c),
          itemId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('item.read'),
      method: 'get',
      path: '/api/items/{id}/history',
      tags,
      summary: 'История изменений мероприятия',
      request: { params: idParam },
      responses: okJson('События', z.array(historyEntryView)),
    }),
    async (c) =>
      c.json(await itemHistory(db, { actor: requireActor(c), itemId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('item.read'),
      method: 'get',
      path: '/api/items/{id}/tasks',
      tags,
      summary: 'Исполнение мероприятия нижестоящими уровнями',
      request: { params: idParam },
      responses: okJson('Задачи по организациям', z.array(taskView)),
    }),
    async (c) =>
      c.json(await listTasksOfItem(db, { actor: requireActor(c), itemId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('item.read'),
      method: 'get',
      path: '/api/items/{id}/evidence',
      tags,
      summary: 'Подтверждающие документы',
      request: { params: idParam },
      responses: okJson('Файлы', z.array(evidenceView)),
    }),
    async (c) =>
      c.json(await listEvidence(db, { actor: requireActor(c), itemId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('item.keep'),
      method: 'post',
      path: '/api/items/{id}/evidence',
      tags,
      summary: 'Приложить подтверждающий документ (multipart/form-data, поле file; вид документа — kind)',
      request: {
        params: idParam,
        query: evidenceKindInput,
        ...fileBody,
      },
      responses: okJson('Файл', z.object({ id: z.uuid(), name: z.string(), size: z.number().int() })),
    }),
    async (c) => {
      const actor = requireActor(c);
      const saved = await addEvidence(db, deps.storage, {
        actor,
        itemId: c.req.valid('param').id,
        kind: c.req.valid('query').kind,
        upload: await readUpload(c, deps.config.uploadMaxBytes),
        maxBytes: deps.config.uploadMaxBytes,
      });
      return c.json({ id: saved.id, name: saved.name, size: saved.size }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('item.keep'),
      method: 'delete',
      path: '/api/items/{id}/evidence/{fileId}',
      tags,
      summary: 'Открепить документ',
      request: { params: idParam.extend({ fileId: z.uuid() }) },
      responses: okJson('Откреплён', okSchema),
    }),
    async (c) => {
      const { id, fileId } = c.req.valid('param');
      await removeEvidence(db, { actor: requireActor(c), itemId: id, fileId });
      return c.json(OK, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('item.read'),
      method: 'get',
      path: '/api/items/{id}/comments',
      tags,
      summary: 'Комментарии',
      request: { params: idParam },
      responses: okJson('Комментарии', z.array(commentView)),
    }),
    async (c) =>
      c.json(await listComments(db, { actor: requireActor(c), itemId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('item.discuss'),
      method: 'post',
      path: '/api/items/{id}/comments',
      tags,
      summary: 'Добавить комментарий',
      request: { params: idParam, ...jsonBody(commentInput) },
      responses: okJson('Комментарий', commentRow),
    }),
    async (c) =>
      c.json(
        await addComment(db, {
          actor: requireActor(c),
          itemId: c.req.valid('param').id,
          text: c.req.valid('json').text,
        }),
        200,
      ),
  );
}
