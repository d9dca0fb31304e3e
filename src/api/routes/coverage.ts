import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { coverageView } from '../../modules/organisation/coverage-views.js';
import { getGaps } from '../../modules/organisation/gaps.js';
import { gapsView } from '../../modules/organisation/gaps-views.js';
import { getCoverage } from '../../modules/organisation/get-coverage.js';
import { currentSchoolYear } from '../../modules/organisation/school-year.js';
import { type App, type Deps, requireActor } from '../context.js';
import { okJson } from '../openapi.js';
import { onReportDb } from '../report-db.js';

// Coverage computed from the data (issue 12 §4): the summary of a unit and the units below it, and the
// «Пробелы» of its subtree. Both are reports: they read the replica when it has caught up.

const tags = ['Охват и пробелы'];
const coverageQuery = z.object({
  unitId: z.uuid({ message: 'Неверный идентификатор организации' }),
  year: z.coerce
    .number({ message: 'Укажите учебный год числом' })
    .int({ message: 'Укажите учебный год числом' })
    .min(2000, { message: 'Учебный год вне допустимого диапазона' })
    .max(2100, { message: 'Учебный год вне допустимого диапазона' })
    .optional()
    .describe('Учебный год по году начала (2026 = 2026/27); по умолчанию текущий'),
});
const currentYear = currentSchoolYear;

export function coverageRoutes(app: App, deps: Deps) {
  app.openapi(
    createRoute({
      ...access('unit.read'),
      method: 'get',
      path: '/api/coverage',
      tags,
      summary:
        'Охват по данным системы: организация и организации уровнем ниже (видимые пользователю) — доли ШНОР ' +
        'списка в силе с куратором, наставником, соглашением, утверждённой картой и программой, ' +
        'верифицированным профилем; участие школ и педагогов в проведённых мероприятиях; заседания органов',
      request: { query: coverageQuery },
      responses: okJson('Охват', coverageView),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const actor = requireActor(c);
      return c.json(
        await onReportDb(c, deps, (rdb) =>
          getCoverage(rdb, { actor, unitId: q.unitId, year: q.year ?? currentYear() }),
        ),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('unit.read'),
      method: 'get',
      path: '/api/coverage/gaps',
      tags,
      summary:
        'Пробелы в поддереве организации: ШНОР без куратора, наставника, соглашения, утверждённой карты или ' +
        'программы; кураторы сверх нагрузки; органы без ожидаемых заседаний; мероприятия ниже целевого охвата',
      request: { query: coverageQuery },
      responses: okJson('Пробелы', gapsView),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const actor = requireActor(c);
      return c.json(
        await onReportDb(c, deps, (rdb) =>
          getGaps(rdb, { actor, unitId: q.unitId, year: q.year ?? currentYear() }),
        ),
        200,
      );
    },
  );
}
