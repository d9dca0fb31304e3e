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
import { myStaff } from '../../modules/staff/my-staff.js';
import {
  createStaffInput,
  importQuery,
  linkAccountInput,
  schoolQuery,
  staffListQuery,
  staffSchoolsQuery,
  updateStaffInput,
} from '../../modules/staff/schemas.js';
import {
  createdView,
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

// Реестр педагогов (helper «staff», issue 14 §1); наставничество — mentorships.ts, registered first: its
// static paths under /api/staff/ come before `/api/staff/{id}`. Access is inside the operations (modules/staff/access.ts).

const tags = ['Педагоги и наставничество'];

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
        'Реестр педагогов из XLSX, ODS или CSV: проверка (dryRun=true) и загрузка «всё или ничего»; совпадение по коду, иначе по ФИО',
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
