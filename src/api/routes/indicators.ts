import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { getUnitRollUp, unitRollUpPageView } from '../../modules/dashboard/get-unit-roll-up.js';
import { computeIndicator, targetRowView } from '../../modules/indicators/compute-indicator.js';
import { getIndicatorData } from '../../modules/indicators/indicator-data.js';
import { getIndicatorsOverview } from '../../modules/indicators/indicators-overview.js';
import {
  definitionInput,
  definitionPatch,
  targetInput,
  targetPatch,
} from '../../modules/indicators/inputs.js';
import {
  createIndicatorDefinition,
  updateIndicatorDefinition,
} from '../../modules/indicators/save-definition.js';
import { createTarget, deleteTarget, updateTarget } from '../../modules/indicators/save-target.js';
import {
  indicatorDataView,
  indicatorResultView,
  indicatorsOverviewView,
  indicatorView,
  targetView,
} from '../../modules/indicators/views.js';
import { currentSchoolYear } from '../../modules/organisation/school-year.js';
import { type App, type Deps, requireActor } from '../context.js';
import { idParam, jsonBody, OK, okJson, okSchema, versionQuery } from '../openapi.js';
import { onReportDb } from '../report-db.js';

// Показатели и цели (helper «indicators», issue 13 §1): the region's indicators for a unit and a year,
// one indicator down the units with targets and colour bands, the data behind a school's figure, the
// region's own indicators and the targets; the drill-down of the start page's roll-up. Reads are
// reports: they go to the replica when it has caught up.

const tags = ['Показатели и цели'];
const year = z.coerce
  .number({ message: 'Укажите год числом' })
  .int({ message: 'Укажите год числом' })
  .min(2000, { message: 'Год вне допустимого диапазона' })
  .max(2100, { message: 'Год вне допустимого диапазона' });
const unitId = z.uuid({ message: 'Неверный идентификатор организации' });
const codeParam = z.object({
  code: z
    .string()
    .max(50)
    .regex(/^[a-z][a-z0-9_]*$/, { message: 'Неверный код показателя' }),
});

export function indicatorRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    createRoute({
      ...access('unit.read'),
      method: 'get',
      path: '/api/indicators',
      tags,
      summary:
        'Показатели региона (каталог и свои) для организации и года: значение, числитель и знаменатель, ' +
        'цель и цветовая зона, «откуда эта цифра»; без организации — самая широкая организация пользователя',
      request: { query: z.object({ unitId: unitId.optional(), year: year.optional() }) },
      responses: okJson('Показатели', indicatorsOverviewView),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const actor = requireActor(c);
      return c.json(await onReportDb(c, deps, (rdb) => getIndicatorsOverview(rdb, { actor, ...q })), 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('unit.read'),
      method: 'get',
      path: '/api/indicators/{code}',
      tags,
      summary:
        'Показатель для организации и каждой видимой организации уровнем ниже (муниципалитеты, школы) ' +
        'с целями и цветовыми зонами',
      request: { params: codeParam, query: z.object({ unitId, year: year.optional() }) },
      responses: okJson('Показатель по организациям', indicatorResultView),
    }),
    async (c) => {
      const { unitId: id, year: y } = c.req.valid('query');
      const actor = requireActor(c);
      const code = c.req.valid('param').code;
      return c.json(
        await onReportDb(c, deps, (rdb) =>
          computeIndicator(rdb, { actor, code, unitId: id, year: y ?? currentSchoolYear() }),
        ),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('school.read'),
      method: 'get',
      path: '/api/indicators/{code}/data',
      tags,
      summary: 'Данные за цифрой школы: строки результатов, записи списков, мероприятия, уровни рисков',
      request: { params: codeParam, query: z.object({ schoolId: unitId, year: year.optional() }) },
      responses: okJson('Данные за цифрой', indicatorDataView),
    }),
    async (c) => {
      const { schoolId, year: y } = c.req.valid('query');
      const actor = requireActor(c);
      const code = c.req.valid('param').code;
      return c.json(
        await onReportDb(c, deps, (rdb) =>
          getIndicatorData(rdb, { actor, code, schoolId, year: y ?? currentSchoolYear() }),
        ),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('indicator.keep'),
      method: 'post',
      path: '/api/indicator-definitions',
      tags,
      summary: 'Создать свой показатель региона из основы каталога с параметрами',
      request: jsonBody(definitionInput),
      responses: okJson('Показатель', indicatorView),
    }),
    async (c) =>
      c.json(
        await createIndicatorDefinition(db, { actor: requireActor(c), input: c.req.valid('json') }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('indicator.keep'),
      method: 'patch',
      path: '/api/indicator-definitions/{id}',
      tags,
      summary: 'Изменить или отключить свой показатель региона (устаревшая версия — 409)',
      request: { params: idParam, ...jsonBody(definitionPatch) },
      responses: okJson('Показатель', indicatorView),
    }),
    async (c) =>
      c.json(
        await updateIndicatorDefinition(db, {
          actor: requireActor(c),
          id: c.req.valid('param').id,
          patch: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('target.keep'),
      method: 'post',
      path: '/api/indicator-targets',
      tags,
      summary: 'Задать цель показателя для уровня (или одной организации) и года: зелёная и жёлтая зоны',
      request: jsonBody(targetInput),
      responses: okJson('Цель', targetView),
    }),
    async (c) => {
      const row = await createTarget(db, { actor: requireActor(c), input: c.req.valid('json') });
      return c.json(targetRowView(row, null), 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('target.keep'),
      method: 'patch',
      path: '/api/indicator-targets/{id}',
      tags,
      summary: 'Изменить цель показателя (устаревшая версия — 409)',
      request: { params: idParam, ...jsonBody(targetPatch) },
      responses: okJson('Цель', targetView),
    }),
    async (c) => {
      const row = await updateTarget(db, {
        actor: requireActor(c),
        id: c.req.valid('param').id,
        patch: c.req.valid('json'),
      });
      return c.json(targetRowView(row, null), 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('target.keep'),
      method: 'delete',
      path: '/api/indicator-targets/{id}',
      tags,
      summary: 'Удалить цель показателя (устаревшая версия — 409)',
      request: { params: idParam, query: versionQuery },
      responses: okJson('Удалено', okSchema),
    }),
    async (c) => {
      await deleteTarget(db, {
        actor: requireActor(c),
        id: c.req.valid('param').id,
        version: c.req.valid('query').version,
      });
      return c.json(OK, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('unit.read'),
      method: 'get',
      path: '/api/roll-up/{id}',
      tags: ['Рабочий стол'],
      summary:
        'Исполнение дорожных карт по организациям уровнем ниже (муниципалитета — по школам); для школы — её ' +
        'дорожные карты: переход со сводки рабочего стола',
      request: { params: idParam },
      responses: okJson('Сводка исполнения', unitRollUpPageView),
    }),
    async (c) => {
      const actor = requireActor(c);
      const id = c.req.valid('param').id;
      return c.json(await onReportDb(c, deps, (rdb) => getUnitRollUp(rdb, { actor, unitId: id })), 200);
    },
  );
}
