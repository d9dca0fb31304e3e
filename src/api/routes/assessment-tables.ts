import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { dataRegions } from '../../modules/assessment-data/data-years.js';
import {
  forgetSchoolNames,
  forgetSchoolNamesQuery,
  forgetSchoolNamesView,
  listSchoolNameConfirmations,
  schoolNameConfirmationView,
} from '../../modules/assessment-data/school-name-confirmations.js';
import {
  deleteTableTemplate,
  listTableTemplates,
  saveTableTemplate,
  saveTableTemplateInput,
  tableTemplateView,
} from '../../modules/assessment-data/table-templates.js';
import {
  analyseTableUpload,
  formJson,
  importTableUpload,
  tableAnalysisView,
  tableUploadImportView,
} from '../../modules/assessment-data/table-upload.js';
import { tableMapping } from '../../modules/assessment-data/tables/mapping.js';
import { buildTableTemplate } from '../../modules/assessment-data/tables/templates.js';
import { examplePackageXlsx } from '../../modules/assessment-data/write-package.js';
import { type App, type Deps, requireActor } from '../context.js';
import {
  fileAnswer,
  fileBodyWith,
  jsonBody,
  OK,
  okFile,
  okJson,
  okSchema,
  readUpload,
  regionQuery,
  versionQuery,
} from '../openapi.js';

const tags = ['Данные оценочных процедур'];

/** The upload of a table: the file and, as JSON text fields, what the user set in the mapping step. */
const tableUploadBody = fileBodyWith({
  mapping: z.string().optional().openapi({ description: 'AssessmentTableMapping в JSON' }),
  confirmedSchools: z.string().optional().openapi({
    description: 'JSON: ключ школы файла (keyId) → id школы, подтверждённой по названию',
  }),
  saveAs: z
    .string()
    .optional()
    .openapi({ description: 'JSON {name, version?}: сохранить сопоставление как шаблон' }),
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The downloads of the XLSX templates, named in Russian. */
const TEMPLATE_FILES = {
  long: 'Шаблон результатов — строка на школу и процедуру.xlsx',
  wide: 'Шаблон результатов — строка на школу.xlsx',
  package: 'Пример пакета данных Опоры (синтетические школы).xlsx',
} as const;

/** More schools than any region has: the list is bounded before the database sees it. */
const MAX_CONFIRMED_SCHOOLS = 5000;
const confirmedSchools = z
  .record(z.string().max(2000), z.uuid())
  .refine((o) => Object.keys(o).length <= MAX_CONFIRMED_SCHOOLS, {
    message: `подтверждённых школ может быть не больше ${MAX_CONFIRMED_SCHOOLS}`,
  });
const saveAs = z.object({
  name: z.string().trim().min(1).max(200),
  version: z.number().int().nullable().optional(),
});

/** Assessment tables of any layout (issue 16 §1): analysis, import, saved mappings. */
export function assessmentTableRoutes(app: App, deps: Deps) {
  const { db, bulk } = deps;
  app.openapi(
    createRoute({
      ...access('data-loader'),
      method: 'post',
      path: '/api/assessment-data/tables/analyse',
      tags,
      summary:
        'Разбор таблицы результатов (XLSX/CSV с русскими заголовками): сопоставление столбцов, предпросмотр, школы',
      request: { query: regionQuery, ...tableUploadBody },
      responses: okJson('Разбор файла', tableAnalysisView),
    }),
    async (c) => {
      const upload = await readUpload(c, deps.config.uploadMaxBytes);
      const result = await analyseTableUpload(db, {
        actor: requireActor(c),
        regionId: c.req.valid('query').regionId,
        fileName: upload.name,
        data: upload.data,
        mapping: formJson(upload.fields, 'mapping', tableMapping),
      });
      return c.json(result, 200);
    },
  );
  app.openapi(
    createRoute({
      ...access('data-loader'),
      method: 'post',
      path: '/api/assessment-data/tables/import',
      tags,
      summary: 'Загрузка таблицы результатов: проверка (dryRun=true) и загрузка «всё или ничего»',
      request: {
        query: regionQuery.extend({ dryRun: z.enum(['true', 'false']).default('true') }),
        ...tableUploadBody,
      },
      responses: okJson('Результат проверки или загрузки', tableUploadImportView),
    }),
    async (c) => {
      const upload = await readUpload(c, deps.config.uploadMaxBytes);
      const result = await importTableUpload(
        db,
        {
          actor: requireActor(c),
          regionId: c.req.valid('query').regionId,
          fileName: upload.name,
          data: upload.data,
          mapping: formJson(upload.fields, 'mapping', tableMapping),
          confirmedSchools: formJson(upload.fields, 'confirmedSchools', confirmedSchools) ?? {},
          saveAs: formJson(upload.fields, 'saveAs', saveAs),
          dryRun: c.req.valid('query').dryRun === 'true',
        },
        bulk,
      );
      return c.json(result, 200);
    },
  );
  app.openapi(
    createRoute({
      ...access('region-level'),
      method: 'get',
      path: '/api/assessment-data/tables/templates',
      tags,
      summary: 'Сохранённые шаблоны сопоставления таблиц результатов региона',
      responses: okJson('Шаблоны', z.array(tableTemplateView)),
    }),
    async (c) => c.json(await listTableTemplates(db, { actor: requireActor(c) }), 200),
  );
  app.openapi(
    createRoute({
      ...access('data-loader'),
      method: 'put',
      path: '/api/assessment-data/tables/templates',
      tags,
      summary: 'Сохранение шаблона сопоставления (новое название или замена с версией)',
      request: { query: regionQuery, ...jsonBody(saveTableTemplateInput) },
      responses: okJson('Шаблон', tableTemplateView),
    }),
    async (c) =>
      c.json(
        await saveTableTemplate(db, {
          actor: requireActor(c),
          regionId: c.req.valid('query').regionId,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );
  app.openapi(
    createRoute({
      ...access('data-loader'),
      method: 'delete',
      path: '/api/assessment-data/tables/templates',
      tags,
      summary: 'Удаление шаблона сопоставления региона по названию (с версией)',
      request: { query: versionQuery.extend({ name: z.string().min(1).max(200) }).merge(regionQuery) },
      responses: okJson('Удалён', okSchema),
    }),
    async (c) => {
      await deleteTableTemplate(db, {
        actor: requireActor(c),
        regionId: c.req.valid('query').regionId,
        name: c.req.valid('query').name,
        version: c.req.valid('query').version,
      });
      return c.json(OK, 200);
    },
  );
  app.openapi(
    createRoute({
      ...access('data-loader'),
      method: 'get',
      path: '/api/assessment-data/tables/school-names',
      tags,
      summary:
        'Запомненные названия школ: как школа названа в файле, с какой школой сопоставлена, кто и когда подтвердил',
      request: { query: regionQuery },
      responses: okJson('Запомненные названия', z.array(schoolNameConfirmationView)),
    }),
    async (c) =>
      c.json(
        await listSchoolNameConfirmations(db, {
          actor: requireActor(c),
          regionId: c.req.valid('query').regionId,
        }),
        200,
      ),
  );
  app.openapi(
    createRoute({
      ...access('data-loader'),
      method: 'delete',
      path: '/api/assessment-data/tables/school-names',
      tags,
      summary:
        'Забыть запомненное название (id) или все названия одной школы (schoolId): следующий файл спросит снова',
      request: { query: forgetSchoolNamesQuery },
      responses: okJson('Сколько названий забыто', forgetSchoolNamesView),
    }),
    async (c) =>
      c.json(await forgetSchoolNames(db, { actor: requireActor(c), ...c.req.valid('query') }), 200),
  );
  app.openapi(
    createRoute({
      ...access('region-level'),
      method: 'get',
      path: '/api/assessment-data/tables/template.xlsx',
      tags,
      summary:
        'Шаблон таблицы результатов XLSX с русскими заголовками и строкой-примером; package — пример пакета Опоры',
      request: { query: z.object({ layout: z.enum(['long', 'wide', 'package']).default('long') }) },
      responses: okFile('Шаблон XLSX', [XLSX_TYPE]),
    }),
    async (c) => {
      // The templates carry no data, but only those who load or read the region's data are given them.
      dataRegions(requireActor(c));
      const { layout } = c.req.valid('query');
      return fileAnswer(c, {
        mime: XLSX_TYPE,
        name: TEMPLATE_FILES[layout],
        data: layout === 'package' ? await examplePackageXlsx() : await buildTableTemplate(layout),
      });
    },
  );
}
