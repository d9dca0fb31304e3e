import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { STORED_MEDIA_TYPES } from '../../modules/files/file-types.js';
import {
  addAgreement,
  attachAgreementFile,
  deleteAgreement,
  readAgreementFile,
  updateAgreement,
} from '../../modules/organisation/people/agreements.js';
import { createPair, listPairs, removePair } from '../../modules/organisation/people/mentor-pairs.js';
import {
  agreementInput,
  createPairInput,
  updateAgreementInput,
  yearQuery,
} from '../../modules/organisation/people/schemas.js';
import { agreementView, mentorPairView, pairResultView } from '../../modules/organisation/people/views.js';
import { currentSchoolYear } from '../../modules/organisation/school-year.js';
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

// Mentor pairs (ШНОР ↔ школа-наставник) and their partnership agreements with the signed scans (issue 12
// §1). Lists answer with what the actor sees (access inside the queries of the operations).

const tags = ['Организация работы: люди'];

export function organisationPairRoutes(app: App, deps: Deps) {
  const { db } = deps;

  // Mentor pairs and their agreements.
  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/organisation/mentor-pairs',
      tags,
      summary: 'Пары ШНОР — школа-наставник года с соглашениями и предупреждениями (обе школы видимы)',
      request: { query: yearQuery },
      responses: okJson('Пары', z.array(mentorPairView)),
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(
        await listPairs(db, {
          actor: requireActor(c),
          year: q.year ?? currentSchoolYear(),
          municipalityId: q.municipalityId,
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('school.organise'),
      method: 'post',
      path: '/api/organisation/mentor-pairs',
      tags,
      summary:
        'Закрепить школу-наставника приказом (наставник в списке ШНОР или зоны риска — предупреждение)',
      request: jsonBody(createPairInput),
      responses: okJson('Закреплена', pairResultView),
    }),
    async (c) => c.json(await createPair(db, { actor: requireActor(c), input: c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('mentor-pair.organise'),
      method: 'delete',
      path: '/api/organisation/mentor-pairs/{id}',
      tags,
      summary: 'Снять пару (соглашения пары удаляются вместе с ней)',
      request: { params: idParam, query: versionQuery },
      responses: okJson('Снята', okSchema),
    }),
    async (c) => {
      await removePair(db, {
        actor: requireActor(c),
        id: c.req.valid('param').id,
        version: c.req.valid('query').version,
      });
      return c.json(OK, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('mentor-pair.organise'),
      method: 'post',
      path: '/api/organisation/mentor-pairs/{id}/agreements',
      tags,
      summary: 'Добавить соглашение пары (виды, номер, дата подписания, срок действия)',
      request: { params: idParam, ...jsonBody(agreementInput) },
      responses: okJson('Соглашение', agreementView),
    }),
    async (c) =>
      c.json(
        await addAgreement(db, {
          actor: requireActor(c),
          pairId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('agreement.organise'),
      method: 'patch',
      path: '/api/organisation/agreements/{id}',
      tags,
      summary: 'Изменить соглашение (устаревшая версия — 409)',
      request: { params: idParam, ...jsonBody(updateAgreementInput) },
      responses: okJson('Соглашение', agreementView),
    }),
    async (c) =>
      c.json(
        await updateAgreement(db, {
          actor: requireActor(c),
          id: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('agreement.organise'),
      method: 'delete',
      path: '/api/organisation/agreements/{id}',
      tags,
      summary: 'Удалить соглашение',
      request: { params: idParam, query: versionQuery },
      responses: okJson('Удалено', okSchema),
    }),
    async (c) => {
      await deleteAgreement(db, {
        actor: requireActor(c),
        id: c.req.valid('param').id,
        version: c.req.valid('query').version,
      });
      return c.json(OK, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('agreement.organise'),
      method: 'post',
      path: '/api/organisation/agreements/{id}/file',
      tags,
      summary: 'Приложить файл соглашения (multipart/form-data, поле file); устаревшая версия — 409',
      request: { params: idParam, query: versionQuery, ...fileBody },
      responses: okJson('Соглашение', agreementView),
    }),
    async (c) => {
      const upload = await readUpload(c, deps.config.uploadMaxBytes);
      return c.json(
        await attachAgreementFile(db, deps.storage, {
          actor: requireActor(c),
          id: c.req.valid('param').id,
          version: c.req.valid('query').version,
          upload,
          maxBytes: deps.config.uploadMaxBytes,
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('agreement.read'),
      method: 'get',
      path: '/api/organisation/agreements/{id}/file',
      tags,
      summary: 'Файл соглашения',
      request: { params: idParam },
      responses: okFile('Файл', STORED_MEDIA_TYPES),
    }),
    async (c) => {
      const { file, data } = await readAgreementFile(db, deps.storage, {
        actor: requireActor(c),
        id: c.req.valid('param').id,
      });
      return fileAnswer(c, { mime: file.mime, name: file.name, data });
    },
  );
}
