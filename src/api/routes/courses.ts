import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import {
  courseHistory,
  courseOwners,
  createCourse,
  getCourse,
  listCourses,
  updateCourse,
} from '../../modules/courses/courses.js';
import { courseDemand, courseDemandSchools } from '../../modules/courses/demand.js';
import {
  attachCertificate,
  deleteEnrolment,
  enrolTeachers,
  getEnrolment,
  listEnrollable,
  listEnrolments,
  myCourses,
  readCertificate,
  setEnrolmentResult,
} from '../../modules/courses/enrolments.js';
import { exportDemandXlsx, XLSX_TYPE } from '../../modules/courses/export-demand.js';
import {
  courseListQuery,
  createCourseInput,
  demandQuery,
  enrolInput,
  resultInput,
  updateCourseInput,
} from '../../modules/courses/input.js';
import {
  courseView,
  demandSchoolView,
  demandView,
  enrollableView,
  enrolmentView,
  myCourseView,
} from '../../modules/courses/views.js';
import { STORED_MEDIA_TYPES } from '../../modules/files/file-types.js';
import { historyLineView } from '../../modules/organisation/history.js';
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

// Курсы ПК/ПП и стажировки, запись и прохождение, запрос на ПК, сбор образовательных потребностей
// (helper «courses», issue 14 §1). Lists answer with what the actor sees (access inside the queries).

const tags = ['Курсы и запрос на ПК'];

export function courseRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/courses',
      tags,
      summary: 'Каталог курсов: региона, своего муниципалитета и вышестоящих организаций (с фильтрами)',
      request: { query: courseListQuery },
      responses: okJson('Курсы', z.array(courseView)),
    }),
    async (c) => c.json(await listCourses(db, { actor: requireActor(c), query: c.req.valid('query') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/courses/owners',
      tags,
      summary: 'Организации, каталог курсов которых ведёт пользователь (регион, свой муниципалитет)',
      responses: okJson('Организации', z.array(z.object({ id: z.uuid(), name: z.string() }))),
    }),
    async (c) => c.json(await courseOwners(db, { actor: requireActor(c) }), 200),
  );

  app.openapi(
    createRoute({
      ...access('course.create'),
      method: 'post',
      path: '/api/courses',
      tags,
      summary: 'Добавить курс в каталог региона или муниципалитета',
      request: jsonBody(createCourseInput),
      responses: okJson('Курс', courseView),
    }),
    async (c) => c.json(await createCourse(db, { actor: requireActor(c), input: c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('course.read'),
      method: 'get',
      path: '/api/courses/{id}',
      tags,
      summary: 'Курс каталога',
      request: { params: idParam },
      responses: okJson('Курс', courseView),
    }),
    async (c) =>
      c.json(await getCourse(db, { actor: requireActor(c), courseId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('course.keep'),
      method: 'patch',
      path: '/api/courses/{id}',
      tags,
      summary: 'Изменить курс (с версией записи)',
      request: { params: idParam, ...jsonBody(updateCourseInput) },
      responses: okJson('Курс', courseView),
    }),
    async (c) =>
      c.json(
        await updateCourse(db, {
          actor: requireActor(c),
          courseId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('course.read'),
      method: 'get',
      path: '/api/courses/{id}/history',
      tags,
      summary: 'История курса и записей на него (без имён педагогов)',
      request: { params: idParam },
      responses: okJson('События', z.array(historyLineView)),
    }),
    async (c) =>
      c.json(await courseHistory(db, { actor: requireActor(c), courseId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('course.read'),
      method: 'get',
      path: '/api/courses/{id}/enrolments',
      tags,
      summary: 'Записанные на курс педагоги своей зоны',
      request: { params: idParam },
      responses: okJson('Записи', z.array(enrolmentView)),
    }),
    async (c) =>
      c.json(await listEnrolments(db, { actor: requireActor(c), courseId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('course.read'),
      method: 'get',
      path: '/api/courses/{id}/enrollable',
      tags,
      summary: 'Педагоги, которых можно записать на курс, с незакрытыми мероприятиями «курс» их ИОМ',
      request: { params: idParam },
      responses: okJson('Педагоги', z.array(enrollableView)),
    }),
    async (c) =>
      c.json(await listEnrollable(db, { actor: requireActor(c), courseId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('course.enrol'),
      method: 'post',
      path: '/api/courses/{id}/enrolments',
      tags,
      summary: 'Записать педагогов на курс (одного — можно с мероприятием его ИОМ)',
      request: { params: idParam, ...jsonBody(enrolInput) },
      responses: okJson('Записано', z.object({ created: z.number().int() })),
    }),
    async (c) =>
      c.json(
        await enrolTeachers(db, {
          actor: requireActor(c),
          courseId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('course-enrolment.read'),
      method: 'get',
      path: '/api/course-enrolments/{id}',
      tags,
      summary: 'Запись педагога на курс',
      request: { params: idParam },
      responses: okJson('Запись', enrolmentView),
    }),
    async (c) =>
      c.json(await getEnrolment(db, { actor: requireActor(c), enrolmentId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('course-enrolment.keep'),
      method: 'post',
      path: '/api/course-enrolments/{id}/result',
      tags,
      summary: 'Отметить результат: прошёл (с датой), не прошёл или снова записан',
      request: { params: idParam, ...jsonBody(resultInput) },
      responses: okJson('Запись', enrolmentView),
    }),
    async (c) =>
      c.json(
        await setEnrolmentResult(db, {
          actor: requireActor(c),
          enrolmentId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('course-enrolment.keep'),
      method: 'delete',
      path: '/api/course-enrolments/{id}',
      tags,
      summary: 'Отменить запись на курс (не пройденный)',
      request: { params: idParam, query: versionQuery },
      responses: okJson('Удалено', okSchema),
    }),
    async (c) => {
      await deleteEnrolment(db, {
        actor: requireActor(c),
        enrolmentId: c.req.valid('param').id,
        version: c.req.valid('query').version,
      });
      return c.json(OK, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('course-enrolment.certificate'),
      method: 'post',
      path: '/api/course-enrolments/{id}/certificate',
      tags,
      summary: 'Загрузить удостоверение (multipart/form-data, поле file; версия записи в запросе)',
      request: { params: idParam, query: versionQuery, ...fileBody },
      responses: okJson('Запись', enrolmentView),
    }),
    async (c) => {
      const upload = await readUpload(c, deps.config.uploadMaxBytes);
      return c.json(
        await attachCertificate(db, deps.storage, {
          actor: requireActor(c),
          enrolmentId: c.req.valid('param').id,
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
      ...access('course-enrolment.read'),
      method: 'get',
      path: '/api/course-enrolments/{id}/certificate',
      tags,
      summary: 'Файл удостоверения',
      request: { params: idParam },
      responses: okFile('Файл', STORED_MEDIA_TYPES),
    }),
    async (c) => {
      const { file, data } = await readCertificate(db, deps.storage, {
        actor: requireActor(c),
        enrolmentId: c.req.valid('param').id,
      });
      return fileAnswer(c, { mime: file.mime, name: file.name, data });
    },
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/me/courses',
      tags,
      summary: 'Мои курсы: записи педагога, связанного с учётной записью',
      responses: okJson('Мои курсы', z.array(myCourseView)),
    }),
    async (c) => c.json(await myCourses(db, { actor: requireActor(c) }), 200),
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/course-demand',
      tags,
      summary:
        'Запрос на ПК: по теме, муниципалитету и группе школ — из ИОМ и сбора образовательных потребностей (своя зона)',
      request: { query: demandQuery.omit({ topic: true }) },
      responses: okJson('Запрос', demandView),
    }),
    async (c) => c.json(await courseDemand(db, { actor: requireActor(c), ...c.req.valid('query') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/course-demand/schools',
      tags,
      summary: 'Запрос на ПК по школам (переход от строки темы и муниципалитета)',
      request: { query: demandQuery },
      responses: okJson('Школы', z.array(demandSchoolView)),
    }),
    async (c) =>
      c.json(await courseDemandSchools(db, { actor: requireActor(c), ...c.req.valid('query') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/course-demand/export',
      tags,
      summary: 'Запрос на ПК в XLSX (по темам и муниципалитетам, по школам)',
      request: { query: demandQuery.omit({ topic: true }) },
      responses: okFile('Запрос на ПК', [XLSX_TYPE]),
    }),
    async (c) => {
      const file = await exportDemandXlsx(db, { actor: requireActor(c), ...c.req.valid('query') });
      return fileAnswer(c, { mime: XLSX_TYPE, name: file.fileName, data: file.body });
    },
  );
}
