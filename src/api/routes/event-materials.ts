import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { STORED_MEDIA_TYPES } from '../../modules/files/file-types.js';
import { materialLinkInput } from '../../modules/organisation/event-input.js';
import {
  addMaterialFile,
  addMaterialLink,
  readMaterialFile,
} from '../../modules/organisation/event-materials.js';
import { eventDetailView } from '../../modules/organisation/event-views.js';
import { type App, type Deps, requireActor } from '../context.js';
import { fileAnswer, fileBody, idParam, jsonBody, okFile, okJson, readUpload } from '../openapi.js';

// Materials of an event (helper «events»): files through the files module and links; registered by
// eventRoutes.

const tags = ['Мероприятия'];
const materialParams = z.object({
  id: z.uuid({ message: 'Неверный идентификатор' }),
  materialId: z.uuid({ message: 'Неверный идентификатор материала' }),
});

export function eventMaterialRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const detail = okJson('Мероприятие', eventDetailView);

  app.openapi(
    createRoute({
      ...access('event.keep'),
      method: 'post',
      path: '/api/events/{id}/materials',
      tags,
      summary: 'Приложить файл материалов (multipart/form-data, поле file)',
      request: { params: idParam, ...fileBody },
      responses: detail,
    }),
    async (c) => {
      const actor = requireActor(c);
      const upload = await readUpload(c, deps.config.uploadMaxBytes);
      return c.json(
        await addMaterialFile(db, deps.storage, {
          actor,
          eventId: c.req.valid('param').id,
          upload,
          maxBytes: deps.config.uploadMaxBytes,
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('event.keep'),
      method: 'post',
      path: '/api/events/{id}/links',
      tags,
      summary: 'Добавить ссылку в материалы мероприятия',
      request: { params: idParam, ...jsonBody(materialLinkInput) },
      responses: detail,
    }),
    async (c) =>
      c.json(
        await addMaterialLink(db, {
          actor: requireActor(c),
          eventId: c.req.valid('param').id,
          ...c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('event.read'),
      method: 'get',
      path: '/api/events/{id}/materials/{materialId}',
      tags,
      summary: 'Файл материалов мероприятия',
      request: { params: materialParams },
      responses: okFile('Файл', STORED_MEDIA_TYPES),
    }),
    async (c) => {
      const { id, materialId } = c.req.valid('param');
      const { file, data } = await readMaterialFile(db, deps.storage, {
        actor: requireActor(c),
        eventId: id,
        materialId,
      });
      return fileAnswer(c, { mime: file.mime, name: file.name, data });
    },
  );
}
