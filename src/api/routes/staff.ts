import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { attachmentDisposition } from '../../modules/files/save-file.js';
import { exportStaff, staffTemplate, XLSX_TYPE } from '../../modules/staff/export-staff.js';
import { importStaff } from '../../modules/staff/import-staff.js';
import {
  createStaffMember,
  linkStaffAccount,
  removeStaffMember,
  updateStaffMember,
} from '../../modules/staff/keep-staff.js';
import { getStaffCard, listStaff, listStaffSchools } from '../../modules/staff/list-staff.js';
import {
  addMeeting,
  createMentorship,
  getMentorship,
  listMentorships,
  mentorshipCandidates,
  removeMeeting,
  removeMentorship,
  updateMentorship,
} from '../../modules/staff/mentorships.js';
import { attachMentorOrderFile, myStaff } from '../../modules/staff/my-staff.js';
import {
  createMentorshipInput,
  createStaffInput,
  importQuery,
  linkAccountInput,
  meetingInput,
  mentorshipQuery,
  schoolQuery,
  staffListQuery,
  staffSchoolsQuery,
  updateMentorshipInput,
  updateStaffInput,
} from '../../modules/staff/schemas.js';
import {
  createdView,
  mentorshipCandidatesView,
  mentorshipCardView,
  mentorshipListView,
  myStaffView,
  staffCardView,
  staffImportView,
  staffListView,
  staffSchoolView,
} from '../../modules/staff/views.js';
import { type App, type Deps, requireActor } from '../context.js';
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

// Реестр педагогов, наставничество «учитель–учитель» (helper «staff», issue 14 §1). Static paths are
// declared before `/api/staff/{id}`. Access is inside the operations (modules/staff/access.ts).

const tags = ['Педагоги и наставничество'];

const orderFileView = z.object({
  id: z.uuid(),
  number: z.string(),
  date: z.string(),
  fileName: z.string().nullable(),
});

export function staffRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const xlsx = (c: Parameters<Parameters<App['openapi']>[1]>[0], f: { data: Buffer; name: string }) => {
    c.header('Content-Type', XLSX_TYPE);
    c.header('Content-Disposition', attachmentDisposition(f.name));
    return c.body(new Uint8Array(f.data), 200);
  };

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/staff/schools',
      tags,
      summary:
        'Школы, чьи реестры педагогов видны, с числом педагогов (регион и муниципалитет выбирают школу)',
      request: { query: staffSchoolsQuery },
      responses: okJson('Школы', z.array(staffSchoolView)),
    }),
    async (c) =>
      c.json(
        await listStaffSchools(db, { actor: requireActor(c), unitId: c.req.valid('query').unitId }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/staff/me',
      tags,
      summary: 'Моя запись в реестре педагогов и моё наставничество (наставляемый или наставник)',
      responses: okJson('Моё', myStaffView),
    }),
    async (c) => c.json(await myStaff(db, { actor: requireActor(c) }), 200),
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/staff/template',
      tags,
      summary: 'Шаблон файла реестра педагогов (XLSX с примером строки)',
      responses: okFile('XLSX', [XLSX_TYPE]),
    }),
    async (c) => {
      requireActor(c);
      return xlsx(c, await staffTemplate());
    },
  );

  app.openapi(
    createRoute({
      ...access('staff.read'),
      method: 'get',
      path: '/api/staff/export',
      tags,
      summary: 'Реестр педагогов школы в XLSX (столбцы шаблона загрузки)',
      request: { query: schoolQuery },
      responses: okFile('XLSX', [XLSX_TYPE]),
    }),
    async (c) =>
      xlsx(c, await exportStaff(db, { actor: requireActor(c), schoolId: c.req.valid('query').schoolId })),
  );

  app.openapi(
    createRoute({
      ...access('staff.keep'),
      method: 'post',
      path: '/api/staff/import',
      tags,
      summary:
        'Реестр педагогов из XLSX или CSV: проверка (dryRun=true) и загрузка «всё или ничего»; совпадение по коду, иначе по ФИО',
      request: { query: importQuery, ...fileBody },
      responses: okJson('Отчёт по строкам', staffImportView),
    }),
    async (c) => {
      const actor = requireActor(c);
      const q = c.req.valid('query');
      const upload = await readUpload(c, deps.config.uploadMaxBytes);
      return c.json(
        await importStaff(db, {
          actor,
          schoolId: q.schoolId,
          fileName: upload.name,
          data: upload.data,
          dryRun: q.dryRun === 'true',
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('staff.read'),
      method: 'get',
      path: '/api/staff/mentorships',
      tags,
      summary: 'Наставнические пары «учитель–учитель» школы за учебный год',
      request: { query: mentorshipQuery },
      responses: okJson('Пары', mentorshipListView),
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(
        await listMentorships(db, { actor: requireActor(c), schoolId: q.schoolId, year: q.year }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('staff.keep'),
      method: 'get',
      path: '/api/staff/mentorship-candidates',
      tags,
      summary:
        'Кого можно закрепить: педагоги школы (с уровнем дефицитов), педагоги школы-наставника года, организации методистов, приказы школы',
      request: { query: mentorshipQuery },
      responses: okJson('Кандидаты', mentorshipCandidatesView),
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(
        await mentorshipCandidates(db, { actor: requireActor(c), schoolId: q.schoolId, year: q.year }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('mentorship.create'),
      method: 'post',
      path: '/api/staff/mentorships',
      tags,
      summary: 'Закрепить наставника за педагогом (можно сразу с приказом школы)',
      request: jsonBody(createMentorshipInput),
      responses: okJson('Пара', createdView),
    }),
    async (c) =>
      c.json(await createMentorship(db, { actor: requireActor(c), input: c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('mentorship-order.keep'),
      method: 'post',
      path: '/api/staff/mentorship-orders/{id}/file',
      tags,
      summary: 'Приложить подписанный файл приказа школы о закреплении наставников',
      request: { params: idParam, ...fileBody },
      responses: okJson('Приказ', orderFileView),
    }),
    async (c) => {
      const upload = await readUpload(c, deps.config.uploadMaxBytes);
      return c.json(
        await attachMentorOrderFile(db, deps.storage, {
          actor: requireActor(c),
          orderId: c.req.valid('param').id,
          upload,
          maxBytes: deps.config.uploadMaxBytes,
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('mentorship-meeting.keep'),
      method: 'delete',
      path: '/api/staff/mentorship-meetings/{id}',
      tags,
      summary: 'Удалить встречу наставнической пары',
      request: { params: idParam },
      responses: okJson('Удалена', okSchema),
    }),
    async (c) => {
      await removeMeeting(db, { actor: requireActor(c), meetingId: c.req.valid('param').id });
      return c.json(OK, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('mentorship.read'),
      method: 'get',
      path: '/api/staff/mentorships/{id}',
      tags,
      summary: 'Наставническая пара: программа, приказ, встречи, история',
      request: { params: idParam },
      responses: okJson('Пара', mentorshipCardView),
    }),
    async (c) =>
      c.json(await getMentorship(db, { actor: requireActor(c), id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('mentorship.keep'),
      method: 'patch',
      path: '/api/staff/mentorships/{id}',
      tags,
      summary: 'Изменить пару: программа, сроки, результат, приказ',
      request: { params: idParam, ...jsonBody(updateMentorshipInput) },
      responses: okJson('Пара', createdView),
    }),
    async (c) =>
      c.json(
        await updateMentorship(db, {
          actor: requireActor(c),
          id: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('mentorship.keep'),
      method: 'delete',
      path: '/api/staff/mentorships/{id}',
      tags,
      summary: 'Удалить пару, созданную по ошибке',
      request: { params: idParam, query: versionQuery },
      responses: okJson('Удалена', okSchema),
    }),
    async (c) => {
      await removeMentorship(db, {
        actor: requireActor(c),
        id: c.req.valid('param').id,
        version: c.req.valid('query').version,
      });
      return c.json(OK, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('mentorship.keep'),
      method: 'post',
      path: '/api/staff/mentorships/{id}/meetings',
      tags,
      summary: 'Записать встречу наставника с педагогом (дата, тема, заметки)',
      request: { params: idParam, ...jsonBody(meetingInput) },
      responses: okJson('Встреча', z.object({ id: z.uuid() })),
    }),
    async (c) =>
      c.json(
        await addMeeting(db, {
          actor: requireActor(c),
          id: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('staff.read'),
      method: 'get',
      path: '/api/staff',
      tags,
      summary:
        'Реестр педагогов школы с отбором (должность, предмет, молодые, вновь принятые, работающие/выбывшие); учитель видит только себя',
      request: { query: staffListQuery },
      responses: okJson('Реестр', staffListView),
    }),
    async (c) => c.json(await listStaff(db, { actor: requireActor(c), query: c.req.valid('query') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('staff.keep'),
      method: 'post',
      path: '/api/staff',
      tags,
      summary: 'Внести педагога в реестр школы',
      request: jsonBody(createStaffInput),
      responses: okJson('Педагог', createdView),
    }),
    async (c) =>
      c.json(await createStaffMember(db, { actor: requireActor(c), input: c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('staff-member.read'),
      method: 'get',
      path: '/api/staff/{id}',
      tags,
      summary: 'Карточка педагога с историей изменений',
      request: { params: idParam },
      responses: okJson('Карточка', staffCardView),
    }),
    async (c) => c.json(await getStaffCard(db, { actor: requireActor(c), id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('staff-member.keep'),
      method: 'patch',
      path: '/api/staff/{id}',
      tags,
      summary: 'Изменить запись педагога (в том числе «выбыл» с датой)',
      request: { params: idParam, ...jsonBody(updateStaffInput) },
      responses: okJson('Педагог', createdView),
    }),
    async (c) =>
      c.json(
        await updateStaffMember(db, {
          actor: requireActor(c),
          id: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('staff-member.keep'),
      method: 'delete',
      path: '/api/staff/{id}',
      tags,
      summary:
        'Удалить запись, внесённую по ошибке (нельзя, если есть результаты, маршрут, курсы, наставничество)',
      request: { params: idParam, query: versionQuery },
      responses: okJson('Удалён', okSchema),
    }),
    async (c) => {
      await removeStaffMember(db, {
        actor: requireActor(c),
        id: c.req.valid('param').id,
        version: c.req.valid('query').version,
      });
      return c.json(OK, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('staff-member.keep'),
      method: 'post',
      path: '/api/staff/{id}/account',
      tags,
      summary: 'Связать запись с учётной записью учителя школы (логин; null — снять связь)',
      request: { params: idParam, ...jsonBody(linkAccountInput) },
      responses: okJson('Педагог', createdView),
    }),
    async (c) =>
      c.json(
        await linkStaffAccount(db, {
          actor: requireActor(c),
          id: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );
}
