import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { todayIso } from '../../modules/organisation/school-year.js';
import { generateReport } from '../../modules/reports/generate-report.js';
import { getReport, listReports } from '../../modules/reports/get-report.js';
import { issueReport, readReportFile } from '../../modules/reports/issue-report.js';
import {
  generateReportInput,
  issueReportInput,
  listReportsQuery,
  reportFileQuery,
  updateReportInput,
} from '../../modules/reports/report-input.js';
import { REPORT_TEMPLATE_LABELS } from '../../modules/reports/report-labels.js';
import {
  listReviewDecisions,
  reviewDecisionsQuery,
  reviewDecisionView,
} from '../../modules/reports/review-decisions.js';
import { availableTemplates } from '../../modules/reports/templates.js';
import { updateReport } from '../../modules/reports/update-report.js';
import {
  generateReportView,
  reportDetailView,
  reportSummaryView,
  reportTemplatesView,
} from '../../modules/reports/views.js';
import { type App, type Deps, requireActor } from '../context.js';
import { fileAnswer, idParam, jsonBody, okFile, okJson } from '../openapi.js';

// Аналитические справки и управленческие решения (helper «reports», issue 13 §5). A decision on a report
// is recorded as a meeting of kind `review` through POST /api/meetings (reportId), as every meeting is.

const tags = ['Аналитические справки'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PDF = 'application/pdf';

export function reportRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/report-templates',
      tags,
      summary: 'Шаблоны аналитических справок, доступные сейчас',
      responses: okJson('Шаблоны', reportTemplatesView),
    }),
    async (c) => {
      requireActor(c);
      return c.json(
        availableTemplates().map((t) => ({ template: t, label: REPORT_TEMPLATE_LABELS[t] })),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/reports',
      tags,
      summary: 'Аналитические справки организаций в зоне видимости',
      request: { query: listReportsQuery },
      responses: okJson('Справки', z.array(reportSummaryView)),
    }),
    async (c) => c.json(await listReports(db, { actor: requireActor(c), ...c.req.valid('query') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('report.generate'),
      method: 'post',
      path: '/api/reports',
      tags,
      summary: 'Сформировать справку (фоновое задание; ход — в GET /api/reports/{id})',
      request: jsonBody(generateReportInput),
      responses: okJson('Справка и задание', generateReportView),
    }),
    async (c) =>
      c.json(await generateReport(db, { actor: requireActor(c), input: c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('report.read'),
      method: 'get',
      path: '/api/reports/{id}',
      tags,
      summary: 'Справка: ход формирования, содержание, рассмотрения',
      request: { params: idParam },
      responses: okJson('Справка', reportDetailView),
    }),
    async (c) =>
      c.json(await getReport(db, { actor: requireActor(c), reportId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('report.author'),
      method: 'patch',
      path: '/api/reports/{id}',
      tags,
      summary: 'Править выводы и рекомендации черновика (устаревшая версия — 409)',
      request: { params: idParam, ...jsonBody(updateReportInput) },
      responses: okJson('Справка', reportDetailView),
    }),
    async (c) => {
      const actor = requireActor(c);
      const reportId = c.req.valid('param').id;
      await updateReport(db, { actor, reportId, input: c.req.valid('json') });
      return c.json(await getReport(db, { actor, reportId }), 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('report.author'),
      method: 'post',
      path: '/api/reports/{id}/issue',
      tags,
      summary: 'Выпустить справку: DOCX и PDF формируются один раз, правка закрывается',
      request: { params: idParam, ...jsonBody(issueReportInput) },
      responses: okJson('Справка', reportDetailView),
    }),
    async (c) => {
      const actor = requireActor(c);
      const reportId = c.req.valid('param').id;
      await issueReport(db, deps.storage, { actor, reportId, input: c.req.valid('json'), today: todayIso() });
      return c.json(await getReport(db, { actor, reportId }), 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('report.read'),
      method: 'get',
      path: '/api/reports/{id}/file',
      tags,
      summary: 'Файл выпущенной справки: format=docx или pdf',
      request: { params: idParam, query: reportFileQuery },
      responses: okFile('Файл справки', [DOCX, PDF]),
    }),
    async (c) => {
      const { file, data } = await readReportFile(db, deps.storage, {
        actor: requireActor(c),
        reportId: c.req.valid('param').id,
        format: c.req.valid('query').format,
      });
      return fileAnswer(c, { mime: file.mime, name: file.name, data });
    },
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/review-decisions',
      tags,
      summary: 'Реестр управленческих решений по справкам и мониторингам в зоне видимости',
      request: { query: reviewDecisionsQuery },
      responses: okJson('Решения', z.array(reviewDecisionView)),
    }),
    async (c) =>
      c.json(
        await listReviewDecisions(db, {
          actor: requireActor(c),
          query: c.req.valid('query'),
          today: todayIso(),
        }),
        200,
      ),
  );
}
