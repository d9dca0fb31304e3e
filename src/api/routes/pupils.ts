import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { currentSchoolYear } from '../../modules/organisation/school-year.js';
import { pupilAggregates } from '../../modules/pupils/aggregates.js';
import { pupilCard, pupilReads, schoolReads } from '../../modules/pupils/card.js';
import { recordResult, setCheckpoints, unitCheckpoints } from '../../modules/pupils/checkpoints.js';
import { schoolSummary } from '../../modules/pupils/dynamics.js';
import { pupilExportData, pupilExportDocx } from '../../modules/pupils/export.js';
import { createMeasure, deleteMeasure, updateMeasure } from '../../modules/pupils/measures.js';
import { createPupil, excludePupil, listPupils, updatePupil } from '../../modules/pupils/registry.js';
import {
  checkpointsInput,
  createMeasureInput,
  createPupilInput,
  excludePupilInput,
  recordResultInput,
  registryQuery,
  summaryQuery,
  updateMeasureInput,
  updatePupilInput,
} from '../../modules/pupils/schemas.js';
import {
  aggregatesView,
  cardView,
  checkpointsView,
  excludedView,
  exportView,
  readsView,
  registryView,
  resultSavedView,
  savedView,
  schoolReadsView,
  schoolSummaryView,
} from '../../modules/pupils/views.js';
import { type App, type Deps, requireActor } from '../context.js';
import { fileAnswer, idParam, jsonBody, OK, okFile, okJson, okSchema, versionQuery } from '../openapi.js';

// Обучающиеся с рисками учебной неуспешности: реестр школы, меры, контрольные точки, сводки без имён (helper «pupils», issue 14 §2).
// Identities only to the school's team and the pupil's teachers (access/pupil-rules.ts); every read of
// a card is recorded; counts above the school come with small cells hidden by the server.

const tags = ['Обучающиеся группы риска'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const yearOnly = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
const measureParams = z.object({
  id: z.uuid({ message: 'Неверный идентификатор' }),
  measureId: z.uuid({ message: 'Неверный идентификатор меры' }),
});
const resultParams = z.object({
  id: z.uuid({ message: 'Неверный идентификатор' }),
  key: z.string().regex(/^[a-z0-9_-]{1,20}$/, 'Неверный ключ контрольной точки'),
});

export function pupilRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    createRoute({
      ...access('pupil.registry'),
      method: 'get',
      path: '/api/schools/{id}/pupils',
      tags,
      summary: 'Реестр обучающихся школы (команда — весь, учитель — свои), с ФИО',
      request: { params: idParam, query: registryQuery },
      responses: okJson('Реестр', registryView),
    }),
    async (c) =>
      c.json(
        await listPupils(db, {
          actor: requireActor(c),
          schoolId: c.req.valid('param').id,
          query: c.req.valid('query'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('pupil-registry.keep'),
      method: 'post',
      path: '/api/schools/{id}/pupils',
      tags,
      summary: 'Включить обучающегося в реестр (ФИО и дата рождения шифруются)',
      request: { params: idParam, ...jsonBody(createPupilInput) },
      responses: okJson('Запись', savedView),
    }),
    async (c) =>
      c.json(
        await createPupil(db, {
          actor: requireActor(c),
          schoolId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('pupil.card'),
      method: 'get',
      path: '/api/pupils/{id}',
      tags,
      summary: 'Карточка обучающегося (каждое чтение записывается: кто и когда)',
      request: { params: idParam },
      responses: okJson('Карточка', cardView),
    }),
    async (c) => c.json(await pupilCard(db, { actor: requireActor(c), id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('pupil.keep'),
      method: 'patch',
      path: '/api/pupils/{id}',
      tags,
      summary: 'Изменить запись реестра',
      request: { params: idParam, ...jsonBody(updatePupilInput) },
      responses: okJson('Запись', savedView),
    }),
    async (c) =>
      c.json(
        await updatePupil(db, {
          actor: requireActor(c),
          id: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('pupil.keep'),
      method: 'post',
      path: '/api/pupils/{id}/exclude',
      tags,
      summary: 'Исключить из реестра (запись удаляется по истечении срока хранения)',
      request: { params: idParam, ...jsonBody(excludePupilInput) },
      responses: okJson('Запись', excludedView),
    }),
    async (c) =>
      c.json(
        await excludePupil(db, {
          actor: requireActor(c),
          id: c.req.valid('param').id,
          input: c.req.valid('json'),
          retentionDays: deps.config.pupilRetentionDays,
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('pupil.keep'),
      method: 'get',
      path: '/api/pupils/{id}/reads',
      tags,
      summary: 'Кто и когда открывал карточку обучающегося',
      request: { params: idParam },
      responses: okJson('Чтения', readsView),
    }),
    async (c) => c.json(await pupilReads(db, { actor: requireActor(c), id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('pupil.keep'),
      method: 'get',
      path: '/api/pupils/{id}/export',
      tags,
      summary: 'Всё, что система хранит об обучающемся, — для запроса родителя (JSON)',
      request: { params: idParam },
      responses: okJson('Сведения', exportView),
    }),
    async (c) =>
      c.json(
        await pupilExportData(db, { actor: requireActor(c), id: c.req.valid('param').id, format: 'json' }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('pupil.keep'),
      method: 'get',
      path: '/api/pupils/{id}/export/docx',
      tags,
      summary: 'Всё, что система хранит об обучающемся, — для запроса родителя (DOCX)',
      request: { params: idParam },
      responses: okFile('DOCX', [DOCX]),
    }),
    async (c) => {
      const data = await pupilExportData(db, {
        actor: requireActor(c),
        id: c.req.valid('param').id,
        format: 'docx',
      });
      return fileAnswer(c, {
        mime: DOCX,
        name: `Сведения об обучающемся ${data.classLabel}.docx`,
        data: await pupilExportDocx(data),
      });
    },
  );

  app.openapi(
    createRoute({
      ...access('pupil.keep'),
      method: 'post',
      path: '/api/pupils/{id}/measures',
      tags,
      summary: 'Добавить меру поддержки',
      request: { params: idParam, ...jsonBody(createMeasureInput) },
      responses: okJson('Мера', savedView),
    }),
    async (c) =>
      c.json(
        await createMeasure(db, {
          actor: requireActor(c),
          pupilId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('pupil.keep'),
      method: 'patch',
      path: '/api/pupils/{id}/measures/{measureId}',
      tags,
      summary: 'Изменить меру поддержки',
      request: { params: measureParams, ...jsonBody(updateMeasureInput) },
      responses: okJson('Мера', savedView),
    }),
    async (c) => {
      const { id, measureId } = c.req.valid('param');
      return c.json(
        await updateMeasure(db, {
          actor: requireActor(c),
          pupilId: id,
          id: measureId,
          input: c.req.valid('json'),
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('pupil.keep'),
      method: 'delete',
      path: '/api/pupils/{id}/measures/{measureId}',
      tags,
      summary: 'Удалить меру поддержки',
      request: { params: measureParams, query: versionQuery },
      responses: okJson('Удалено', okSchema),
    }),
    async (c) => {
      await deleteMeasure(db, {
        actor: requireActor(c),
        pupilId: c.req.valid('param').id,
        id: c.req.valid('param').measureId,
        version: c.req.valid('query').version,
      });
      return c.json(OK, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('pupil.keep'),
      method: 'put',
      path: '/api/pupils/{id}/results/{key}',
      tags,
      summary: 'Результат обучающегося на контрольной точке: состояние, отметки, диагностические работы',
      request: { params: resultParams, ...jsonBody(recordResultInput) },
      responses: okJson('Результат', resultSavedView),
    }),
    async (c) => {
      const { id, key } = c.req.valid('param');
      return c.json(
        await recordResult(db, { actor: requireActor(c), id, key, input: c.req.valid('json') }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('unit.read'),
      method: 'get',
      path: '/api/org-units/{id}/pupil-checkpoints',
      tags,
      summary: 'Контрольные точки учебного года (по умолчанию, региона или школы)',
      request: { params: idParam, query: yearOnly },
      responses: okJson('Контрольные точки', checkpointsView),
    }),
    async (c) =>
      c.json(
        await unitCheckpoints(db, {
          actor: requireActor(c),
          unitId: c.req.valid('param').id,
          year: c.req.valid('query').year ?? currentSchoolYear(),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('pupil-checkpoints.keep'),
      method: 'put',
      path: '/api/org-units/{id}/pupil-checkpoints',
      tags,
      summary: 'Свои контрольные точки региона или школы на год (пустой список — как выше)',
      request: { params: idParam, ...jsonBody(checkpointsInput) },
      responses: okJson('Контрольные точки', checkpointsView),
    }),
    async (c) =>
      c.json(
        await setCheckpoints(db, {
          actor: requireActor(c),
          unitId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('pupil-registry.keep'),
      method: 'get',
      path: '/api/schools/{id}/pupil-summary',
      tags,
      summary: 'Сводка школы: динамика по классам и предметам между контрольными точками',
      request: { params: idParam, query: summaryQuery },
      responses: okJson('Сводка', schoolSummaryView),
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(
        await schoolSummary(db, {
          actor: requireActor(c),
          schoolId: c.req.valid('param').id,
          year: q.year ?? currentSchoolYear(),
          from: q.from,
          to: q.to,
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('pupil-registry.keep'),
      method: 'get',
      path: '/api/schools/{id}/pupil-reads',
      tags,
      summary: 'Журнал чтений карточек обучающихся школы',
      request: { params: idParam },
      responses: okJson('Чтения', schoolReadsView),
    }),
    async (c) =>
      c.json(await schoolReads(db, { actor: requireActor(c), schoolId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('pupil.summary'),
      method: 'get',
      path: '/api/org-units/{id}/pupil-aggregates',
      tags,
      summary: 'Числа и доли по обучающимся группы риска, без имён; значения 1–4 — «менее 5»',
      request: { params: idParam, query: summaryQuery },
      responses: okJson('Сводка', aggregatesView),
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(
        await pupilAggregates(db, {
          actor: requireActor(c),
          unitId: c.req.valid('param').id,
          year: q.year ?? currentSchoolYear(),
          from: q.from,
          to: q.to,
        }),
        200,
      );
    },
  );
}
