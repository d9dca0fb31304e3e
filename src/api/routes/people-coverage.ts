import { createRoute } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { exportPeopleCoverage, XLSX_TYPE } from '../../modules/people-coverage/export-people-coverage.js';
import { getPeopleCoverage } from '../../modules/people-coverage/get-people-coverage.js';
import { peopleCoverageQuery, peopleCoverageView } from '../../modules/people-coverage/views.js';
import { type App, type Deps, requireActor } from '../context.js';
import { okFile, okJson } from '../openapi.js';
import { onReportDb } from '../report-db.js';

// Охват поддержки педагогов (issue 14 §1): the figures of a unit and of the units below it, and the same
// table as XLSX. Reports: they read the replica when it has caught up.

const tags = ['Охват поддержки педагогов'];

export function peopleCoverageRoutes(app: App, deps: Deps) {
  app.openapi(
    createRoute({
      ...access('people-coverage.read'),
      method: 'get',
      path: '/api/people-coverage',
      tags,
      summary:
        'Охват поддержки педагогов организации и организаций уровнем ниже: доля прошедших диагностику, ' +
        'с критическим или высоким уровнем дефицитов, из них с ИОМ, с наставником, освоивших ИОМ; доля ' +
        'освоенных ИОМ; доля завершивших курс — с числителем, знаменателем, целью и «откуда эта цифра»',
      request: { query: peopleCoverageQuery },
      responses: okJson('Охват поддержки педагогов', peopleCoverageView),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const actor = requireActor(c);
      return c.json(await onReportDb(c, deps, (rdb) => getPeopleCoverage(rdb, { actor, ...q })), 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('people-coverage.read'),
      method: 'get',
      path: '/api/people-coverage/export',
      tags,
      summary: 'Охват поддержки педагогов в XLSX (те же числа, что на странице)',
      request: { query: peopleCoverageQuery },
      responses: okFile('XLSX', [XLSX_TYPE]),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const actor = requireActor(c);
      const file = await onReportDb(c, deps, (rdb) => exportPeopleCoverage(rdb, { actor, ...q }));
      c.header('Content-Type', file.contentType);
      c.header(
        'Content-Disposition',
        `attachment; filename="people-coverage.xlsx"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      );
      return c.body(new Uint8Array(file.data), 200);
    },
  );
}
