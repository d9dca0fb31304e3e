import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { STORED_MEDIA_TYPES } from '../../modules/files/file-types.js';
import { exportPeopleAppendix } from '../../modules/organisation/people/appendix.js';
import {
  appointCoordinator,
  listCoordinators,
  removeCoordinator,
} from '../../modules/organisation/people/coordinators.js';
import {
  assignCurator,
  removeCuratorAssignment,
} from '../../modules/organisation/people/curator-assignments.js';
import { createCurator, listCurators, updateCurator } from '../../modules/organisation/people/curators.js';
import { attachOrderFile, listUnitOrders, readOrderFile } from '../../modules/organisation/people/orders.js';
import { listOrganisedSchools } from '../../modules/organisation/people/overview.js';
import {
  appendixQuery,
  appointCoordinatorInput,
  assignCuratorInput,
  createCuratorInput,
  updateCuratorInput,
  yearQuery,
} from '../../modules/organisation/people/schemas.js';
import { getSchoolOrganisation } from '../../modules/organisation/people/school-organisation.js';
import {
  assignmentResultView,
  coordinatorView,
  createdCuratorView,
  curatorView,
  organisationOrderView,
  organisedSchoolsView,
  schoolOrganisationView,
} from '../../modules/organisation/people/views.js';
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

// People of the organisation (issue 12 §1): orders, municipal coordinators, the curators' registry and
// their schools, a school's organisation card, the orders' appendices (mentor pairs: organisation-pairs.ts).
// Lists answer with what the actor sees (access inside the queries of the operations).

const tags = ['Организация работы: люди'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const yearOf = (q: { year?: number }) => q.year ?? currentSchoolYear();

export function organisationPeopleRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    createRoute({
      ...access('unit.read'),
      method: 'get',
      path: '/api/org-units/{id}/organisation-orders',
      tags,
      summary: 'Приказы организации о назначениях (номер, дата, файл)',
      request: { params: idParam },
      responses: okJson('Приказы', z.array(organisationOrderView)),
    }),
    async (c) =>
      c.json(await listUnitOrders(db, { actor: requireActor(c), unitId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('organisation-order.keep'),
      method: 'post',
      path: '/api/organisation-orders/{id}/file',
      tags,
      summary: 'Приложить подписанный файл приказа (multipart/form-data, поле file)',
      request: { params: idParam, ...fileBody },
      responses: okJson('Приказ', organisationOrderView),
    }),
    async (c) => {
      const upload = await readUpload(c, deps.config.uploadMaxBytes);
      const order = await attachOrderFile(db, deps.storage, {
        actor: requireActor(c),
        orderId: c.req.valid('param').id,
        upload,
        maxBytes: deps.config.uploadMaxBytes,
      });
      return c.json(order, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('organisation-order.read'),
      method: 'get',
      path: '/api/organisation-orders/{id}/file',
      tags,
      summary: 'Файл приказа',
      request: { params: idParam },
      responses: okFile('Файл', STORED_MEDIA_TYPES),
    }),
    async (c) => {
      const { file, data } = await readOrderFile(db, deps.storage, {
        actor: requireActor(c),
        orderId: c.req.valid('param').id,
      });
      return fileAnswer(c, { mime: file.mime, name: file.name, data });
    },
  );

  // Municipal coordinators.
  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/organisation/coordinators',
      tags,
      summary: 'Муниципальные координаторы года (регион — все, муниципалитет — свои)',
      request: { query: yearQuery },
      responses: okJson('Координаторы', z.array(coordinatorView)),
    }),
    async (c) =>
      c.json(await listCoordinators(db, { actor: requireActor(c), year: yearOf(c.req.valid('query')) }), 200),
  );

  app.openapi(
    createRoute({
      ...access('region-operator'),
      method: 'post',
      path: '/api/organisation/coordinators',
      tags,
      summary: 'Назначить муниципального координатора приказом региона (даёт роль координатора)',
      request: jsonBody(appointCoordinatorInput),
      responses: okJson('Назначен', okSchema),
    }),
    async (c) => {
      await appointCoordinator(db, { actor: requireActor(c), input: c.req.valid('json') });
      return c.json(OK, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('coordinator.keep'),
      method: 'delete',
      path: '/api/organisation/coordinators/{id}',
      tags,
      summary: 'Снять назначение координатора (роль остаётся за администратором)',
      request: { params: idParam, query: versionQuery },
      responses: okJson('Снято', okSchema),
    }),
    async (c) => {
      await removeCoordinator(db, {
        actor: requireActor(c),
        id: c.req.valid('param').id,
        version: c.req.valid('query').version,
      });
      return c.json(OK, 200);
    },
  );

  // The curators' registry and their schools.
  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/organisation/curators',
      tags,
      summary: 'Реестр кураторов с их школами года и нагрузкой (только видимое пользователю)',
      request: { query: yearQuery },
      responses: okJson('Кураторы', z.array(curatorView)),
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(
        await listCurators(db, { actor: requireActor(c), year: yearOf(q), municipalityId: q.municipalityId }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('organise.people'),
      method: 'post',
      path: '/api/organisation/curators',
      tags,
      summary: 'Внести куратора в реестр: существующая учётная запись или новая с одноразовым паролем',
      request: jsonBody(createCuratorInput),
      responses: okJson('Куратор', createdCuratorView),
    }),
    async (c) => c.json(await createCurator(db, { actor: requireActor(c), input: c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('curator.keep'),
      method: 'patch',
      path: '/api/organisation/curators/{id}',
      tags,
      summary: 'Изменить запись реестра (устаревшая версия — 409)',
      request: { params: idParam, ...jsonBody(updateCuratorInput) },
      responses: okJson('Изменено', okSchema),
    }),
    async (c) => {
      await updateCurator(db, {
        actor: requireActor(c),
        id: c.req.valid('param').id,
        input: c.req.valid('json'),
      });
      return c.json(OK, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('school.organise'),
      method: 'post',
      path: '/api/organisation/curator-assignments',
      tags,
      summary: 'Закрепить куратора за школами приказом (нагрузка больше трёх школ — предупреждение)',
      request: jsonBody(assignCuratorInput),
      responses: okJson('Закреплён', assignmentResultView),
    }),
    async (c) => c.json(await assignCurator(db, { actor: requireActor(c), input: c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('curator-assignment.organise'),
      method: 'delete',
      path: '/api/organisation/curator-assignments/{id}',
      tags,
      summary: 'Снять куратора со школы (роль «куратор» уходит, если других назначений на школу нет)',
      request: { params: idParam, query: versionQuery },
      responses: okJson('Снят', okSchema),
    }),
    async (c) => {
      await removeCuratorAssignment(db, {
        actor: requireActor(c),
        id: c.req.valid('param').id,
        version: c.req.valid('query').version,
      });
      return c.json(OK, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/organisation/schools',
      tags,
      summary: 'ШНОР списка в силе и школы с кураторами или наставниками года (только видимые)',
      request: { query: yearQuery },
      responses: okJson('Школы', organisedSchoolsView),
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(
        await listOrganisedSchools(db, {
          actor: requireActor(c),
          year: yearOf(q),
          municipalityId: q.municipalityId,
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('school.read'),
      method: 'get',
      path: '/api/schools/{id}/organisation',
      tags,
      summary: 'Кураторы, школы-наставники, подопечные школы и соглашения школы за год',
      request: { params: idParam, query: yearQuery.pick({ year: true }) },
      responses: okJson('Организация работы школы', schoolOrganisationView),
    }),
    async (c) =>
      c.json(
        await getSchoolOrganisation(db, {
          actor: requireActor(c),
          schoolId: c.req.valid('param').id,
          year: c.req.valid('query').year,
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('organise.people'),
      method: 'get',
      path: '/api/organisation/appendix',
      tags,
      summary: 'DOCX-приложение к приказу: список кураторов ШНОР или пар ШНОР — школа-наставник',
      request: { query: appendixQuery },
      responses: okFile('Приложение', [DOCX]),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const file = await exportPeopleAppendix(db, { actor: requireActor(c), ...q });
      return fileAnswer(c, { mime: DOCX, name: file.fileName, data: file.data });
    },
  );
}
