import { createRoute, z } from '@hono/zod-openapi';
import { ROADMAP_STATUSES } from '../../db/schema/roadmaps.js';
import { int4 } from '../../lib/input.js';
import { access } from '../../modules/access/endpoint-rules.js';
import { roadmapToDocx } from '../../modules/documents/export-roadmap-docx.js';
import { roadmapToXlsx } from '../../modules/documents/export-roadmap-xlsx.js';
import { attachOrderFile } from '../../modules/roadmaps/attach-order-file.js';
import { createRoadmap } from '../../modules/roadmaps/create-roadmap.js';
import { deleteRoadmap } from '../../modules/roadmaps/delete-roadmap.js';
import { getRoadmap, readRoadmapCard, roadmapCardTag } from '../../modules/roadmaps/get-roadmap.js';
import { roadmapHistory } from '../../modules/roadmaps/history.js';
import { listRoadmaps } from '../../modules/roadmaps/list-roadmaps.js';
import {
  createRoadmapInput,
  sectionInput,
  updateRoadmapInput,
  updateSectionInput,
} from '../../modules/roadmaps/schemas.js';
import { createSection, deleteSection, updateSection } from '../../modules/roadmaps/sections.js';
import { updateRoadmap } from '../../modules/roadmaps/update-roadmap.js';
import {
  historyEntryView,
  roadmapDetailView,
  roadmapRow,
  roadmapSummaryView,
  sectionRow,
} from '../../modules/roadmaps/views.js';
import { type App, type Deps, requireActor } from '../context.js';
import { ifNoneMatch, jsonText, notModified, tagMatches } from '../etag.js';
import {
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
import { onReportDb } from '../report-db.js';

const tags = ['Дорожные карты'];
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function roadmapRoutes(app: App, deps: Deps) {
  const { db } = deps;
  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/roadmaps',
      tags,
      summary: 'Дорожные карты, доступные пользователю',
      request: {
        query: z.object({
          orgUnitId: z.uuid().optional(),
          status: z.enum(ROADMAP_STATUSES).optional(),
          periodYear: z.coerce
            .number()
            .int()
            .min(2015, 'Год не ранее 2015')
            .max(2100, 'Год не позднее 2100')
            .optional(),
        }),
      },
      responses: okJson('Список с прогрессом исполнения', z.array(roadmapSummaryView)),
    }),
    async (c) =>
      c.json(await listRoadmaps(db, { actor: requireActor(c), filter: c.req.valid('query') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('unit.keep'),
      method: 'post',
      path: '/api/roadmaps',
      tags,
      summary: 'Создать дорожную карту (черновик)',
      request: jsonBody(createRoadmapInput),
      responses: okJson('Создана', roadmapRow),
    }),
    async (c) => c.json(await createRoadmap(db, { actor: requireActor(c), input: c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('roadmap.read'),
      method: 'get',
      path: '/api/roadmaps/{id}',
      tags,
      summary: 'Дорожная карта с разделами и мероприятиями',
      request: { params: idParam, headers: ifNoneMatch },
      responses: {
        ...okJson('Дорожная карта (с ETag)', roadmapDetailView),
        304: { description: 'Не изменилась с версии из If-None-Match' },
      },
    }),
    async (c) => {
      const opts = { actor: requireActor(c), roadmapId: c.req.valid('param').id };
      // The access check runs before any comparison: an actor who may not see the card gets 404, not 304.
      const wanted = c.req.header('If-None-Match');
      if (wanted) {
        const etag = await roadmapCardTag(db, opts);
        if (tagMatches(wanted, etag)) return notModified(c, etag);
      }
      const card = await readRoadmapCard(db, opts);
      return jsonText(c, card.json, card.etag);
    },
  );

  app.openapi(
    createRoute({
      ...access('roadmap.keep'),
      method: 'patch',
      path: '/api/roadmaps/{id}',
      tags,
      summary: 'Изменить реквизиты или статус (с версией для обнаружения конфликтов)',
      request: { params: idParam, ...jsonBody(updateRoadmapInput) },
      responses: okJson('Изменена', roadmapRow),
    }),
    async (c) =>
      c.json(
        await updateRoadmap(db, {
          actor: requireActor(c),
          roadmapId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('roadmap.keep'),
      method: 'delete',
      path: '/api/roadmaps/{id}',
      tags,
      summary: 'Удалить черновик',
      request: { params: idParam, query: versionQuery },
      responses: okJson('Удалена', okSchema),
    }),
    async (c) => {
      await deleteRoadmap(db, {
        actor: requireActor(c),
        roadmapId: c.req.valid('param').id,
        version: c.req.valid('query').version,
      });
      return c.json(OK, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('roadmap.read'),
      method: 'get',
      path: '/api/roadmaps/{id}/history',
      tags,
      summary: 'История изменений дорожной карты',
      request: { params: idParam },
      responses: okJson('События', z.array(historyEntryView)),
    }),
    async (c) =>
      c.json(await roadmapHistory(db, { actor: requireActor(c), roadmapId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('roadmap.read'),
      method: 'get',
      path: '/api/roadmaps/{id}/export',
      tags,
      summary: 'Выгрузка в DOCX (приложение к приказу) или XLSX',
      request: {
        params: idParam,
        query: z.object({ format: z.enum(['docx', 'xlsx'], { message: 'Формат: docx или xlsx' }) }),
      },
      responses: okFile('Файл', [DOCX_MIME, XLSX_MIME]),
    }),
    async (c) => {
      const roadmapId = c.req.valid('param').id;
      const r = await onReportDb(c, deps, (rdb) => getRoadmap(rdb, { actor: requireActor(c), roadmapId }));
      const { format } = c.req.valid('query');
      const body = format === 'docx' ? await roadmapToDocx(r) : await roadmapToXlsx(r);
      const name = `${r.title.slice(0, 80).replace(/[\\/:*?"<>|]/g, '_')}.${format}`;
      c.header('Content-Type', format === 'docx' ? DOCX_MIME : XLSX_MIME);
      c.header(
        'Content-Disposition',
        `attachment; filename="roadmap.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
      return c.body(new Uint8Array(body), 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('roadmap.keep'),
      method: 'post',
      path: '/api/roadmaps/{id}/order-file',
      tags,
      summary: 'Приложить файл приказа об утверждении (multipart/form-data, поле file)',
      request: {
        params: idParam,
        ...fileBody,
      },
      responses: okJson('Дорожная карта', roadmapRow),
    }),
    async (c) => {
      const actor = requireActor(c);
      const upload = await readUpload(c, deps.config.uploadMaxBytes);
      const r = await attachOrderFile(db, deps.storage, {
        actor,
        roadmapId: c.req.valid('param').id,
        upload,
        maxBytes: deps.config.uploadMaxBytes,
      });
      return c.json(r, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('roadmap.keep'),
      method: 'post',
      path: '/api/roadmaps/{id}/sections',
      tags,
      summary: 'Добавить раздел (направление)',
      request: {
        params: idParam,
        ...jsonBody(sectionInput.extend({ position: int4().optional() })),
      },
      responses: okJson('Раздел', sectionRow),
    }),
    async (c) => {
      const { position, ...input } = c.req.valid('json');
      return c.json(
        await createSection(db, {
          actor: requireActor(c),
          roadmapId: c.req.valid('param').id,
          input,
          position,
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('section.keep'),
      method: 'patch',
      path: '/api/sections/{id}',
      tags,
      summary: 'Изменить или переместить раздел',
      request: { params: idParam, ...jsonBody(updateSectionInput) },
      responses: okJson('Раздел', sectionRow),
    }),
    async (c) =>
      c.json(
        await updateSection(db, {
          actor: requireActor(c),
          sectionId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('section.keep'),
      method: 'delete',
      path: '/api/sections/{id}',
      tags,
      summary: 'Удалить пустой раздел',
      request: { params: idParam, query: versionQuery },
      responses: okJson('Удалён', okSchema),
    }),
    async (c) => {
      await deleteSection(db, {
        actor: requireActor(c),
        sectionId: c.req.valid('param').id,
        version: c.req.valid('query').version,
      });
      return c.json(OK, 200);
    },
  );
}
