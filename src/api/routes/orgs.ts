import { createRoute, z } from '@hono/zod-openapi';
import { ORG_KINDS } from '../../db/schema/orgs.js';
import { access } from '../../modules/access/endpoint-rules.js';
import { importSchools } from '../../modules/orgs/import-schools.js';
import { createOrgUnit, getOrgUnit, listOrgUnits, updateOrgUnit } from '../../modules/orgs/org-units.js';
import { createOrgUnitInput, updateOrgUnitInput } from '../../modules/orgs/schemas.js';
import { orgUnitView, schoolImportView } from '../../modules/orgs/views.js';
import { type App, type Deps, requireActor } from '../context.js';
import { fileBody, idParam, jsonBody, okJson, readUpload } from '../openapi.js';

const tags = ['Организации'];

export function orgRoutes(app: App, deps: Deps) {
  const { db } = deps;
  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/org-units',
      tags,
      summary: 'Организации, доступные пользователю (регион, муниципалитеты, школы, учреждения)',
      request: { query: z.object({ kind: z.enum(ORG_KINDS).optional() }) },
      responses: okJson('Организации', z.array(orgUnitView)),
    }),
    async (c) =>
      c.json(await listOrgUnits(db, { actor: requireActor(c), kind: c.req.valid('query').kind }), 200),
  );
  app.openapi(
    createRoute({
      ...access('unit.read'),
      method: 'get',
      path: '/api/org-units/{id}',
      tags,
      summary: 'Организация',
      request: { params: idParam },
      responses: okJson('Организация', orgUnitView),
    }),
    async (c) => c.json(await getOrgUnit(db, { actor: requireActor(c), id: c.req.valid('param').id }), 200),
  );
  app.openapi(
    createRoute({
      ...access('admin'),
      method: 'post',
      path: '/api/org-units',
      tags,
      summary: 'Создать организацию (администратор)',
      request: jsonBody(createOrgUnitInput),
      responses: okJson('Создана', orgUnitView),
    }),
    async (c) => c.json(await createOrgUnit(db, { actor: requireActor(c), input: c.req.valid('json') }), 200),
  );
  app.openapi(
    createRoute({
      ...access('unit.admin'),
      method: 'patch',
      path: '/api/org-units/{id}',
      tags,
      summary: 'Изменить организацию (администратор)',
      request: { params: idParam, ...jsonBody(updateOrgUnitInput) },
      responses: okJson('Изменена', orgUnitView),
    }),
    async (c) =>
      c.json(
        await updateOrgUnit(db, {
          actor: requireActor(c),
          id: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );
  app.openapi(
    createRoute({
      ...access('admin'),
      method: 'post',
      path: '/api/org-units/import',
      tags,
      summary: 'Импорт школ из XLSX, ODS или CSV: предпросмотр (dryRun=true) и загрузка «всё или ничего»',
      request: {
        query: z.object({ dryRun: z.enum(['true', 'false']).default('true') }),
        ...fileBody,
      },
      responses: okJson('Результат проверки или загрузки с ошибками по строкам', schoolImportView),
    }),
    async (c) => {
      const actor = requireActor(c);
      const upload = await readUpload(c, deps.config.uploadMaxBytes);
      const result = await importSchools(db, {
        actor,
        fileName: upload.name,
        data: upload.data,
        dryRun: c.req.valid('query').dryRun === 'true',
      });
      return c.json(result, 200);
    },
  );
}
