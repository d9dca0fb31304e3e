import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { startProfileCompute } from '../../modules/risk-profiles/compute-job.js';
import { heatMap, heatMapFilter, heatMapView } from '../../modules/risk-profiles/heat-map.js';
import { exportHeatMap, XLSX_TYPE } from '../../modules/risk-profiles/heat-map-export.js';
import { listProfileCampaigns, profileCampaignView } from '../../modules/risk-profiles/profile-campaigns.js';
import { getSchoolProfile } from '../../modules/risk-profiles/profile-school.js';
import { computeJobView, schoolProfileView } from '../../modules/risk-profiles/profile-views.js';
import {
  prioritiesInput,
  proposePriorities,
  recordVisit,
  verifyInput,
  verifyProfile,
  visitInput,
} from '../../modules/risk-profiles/verify-profile.js';
import { type App, type Deps, requireActor } from '../context.js';
import { idParam, jsonBody, okFile, okJson } from '../openapi.js';
import { onReportDb } from '../report-db.js';

// Risk profiles of schools (issue 11 §3, §4, §7): the campaigns' computed profiles, the school's profile,
// the heat map with the most frequent high risks and its XLSX, and the curator's verification.

const tags = ['Рисковые профили'];
const schoolParam = z.object({ schoolId: z.uuid({ message: 'Неверный идентификатор школы' }) });
const verificationParams = z.object({
  id: z.uuid({ message: 'Неверный идентификатор кампании' }),
  schoolId: z.uuid({ message: 'Неверный идентификатор школы' }),
});
const campaignQuery = z.object({
  campaignId: z.uuid({ message: 'Неверный идентификатор кампании' }).optional(),
});

export function riskProfileRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/risk-profiles/campaigns',
      tags,
      summary: 'Кампании анкетирования, школы которых видны пользователю, с числом рассчитанных профилей',
      responses: okJson('Кампании', z.array(profileCampaignView)),
    }),
    async (c) =>
      c.json(await onReportDb(c, deps, (rdb) => listProfileCampaigns(rdb, { actor: requireActor(c) })), 200),
  );

  app.openapi(
    createRoute({
      ...access('risk-campaign.compute'),
      method: 'post',
      path: '/api/risk-profiles/campaigns/{id}/compute',
      tags,
      summary: 'Пересчитать профили закрытой кампании (фоновое задание); кампания не закрыта — 409',
      request: { params: idParam },
      responses: okJson('Задание расчёта', z.object({ job: computeJobView })),
    }),
    async (c) =>
      c.json(
        await startProfileCompute(db, { actor: requireActor(c), campaignId: c.req.valid('param').id }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('risk-campaign.read'),
      method: 'get',
      path: '/api/risk-profiles/campaigns/{id}/heat-map',
      tags,
      summary:
        'Тепловая карта «школы × факторы» (только видимые школы) с фильтрами и самыми частыми высокими рисками',
      request: { params: idParam, query: heatMapFilter },
      responses: okJson('Тепловая карта', heatMapView),
    }),
    async (c) =>
      c.json(
        await onReportDb(c, deps, (rdb) =>
          heatMap(rdb, {
            actor: requireActor(c),
            campaignId: c.req.valid('param').id,
            filter: c.req.valid('query'),
          }),
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('risk-campaign.read'),
      method: 'get',
      path: '/api/risk-profiles/campaigns/{id}/heat-map/export',
      tags,
      summary: 'Тепловая карта в XLSX (с теми же фильтрами)',
      request: { params: idParam, query: heatMapFilter },
      responses: okFile('Файл XLSX', [XLSX_TYPE]),
    }),
    async (c) => {
      const file = await onReportDb(c, deps, (rdb) =>
        exportHeatMap(rdb, {
          actor: requireActor(c),
          campaignId: c.req.valid('param').id,
          filter: c.req.valid('query'),
        }),
      );
      c.header('Content-Type', file.contentType);
      c.header(
        'Content-Disposition',
        `attachment; filename="heat-map.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      );
      return c.body(new Uint8Array(file.body), 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('school.read'),
      method: 'get',
      path: '/api/risk-profiles/schools/{schoolId}',
      tags,
      summary: 'Рисковый профиль школы (кампания — последняя с профилем, если не указана), верификация',
      request: { params: schoolParam, query: campaignQuery },
      responses: okJson('Профиль', schoolProfileView),
    }),
    async (c) =>
      c.json(
        await onReportDb(c, deps, (rdb) =>
          getSchoolProfile(rdb, {
            actor: requireActor(c),
            schoolId: c.req.valid('param').schoolId,
            campaignId: c.req.valid('query').campaignId,
          }),
        ),
        200,
      ),
  );

  const verification = (
    path: string,
    rule: 'risk-verification.keep' | 'risk-priorities.keep',
    summary: string,
  ) => ({
    ...access(rule),
    method: 'put' as const,
    path: `/api/risk-profiles/campaigns/{id}/schools/{schoolId}/${path}`,
    tags,
    summary,
  });

  app.openapi(
    createRoute({
      ...verification(
        'visit',
        'risk-verification.keep',
        'Куратор отмечает визит: дата, участники, что изучено',
      ),
      request: { params: verificationParams, ...jsonBody(visitInput) },
      responses: okJson('Профиль', schoolProfileView),
    }),
    async (c) => {
      const { id, schoolId } = c.req.valid('param');
      return c.json(
        await recordVisit(db, { actor: requireActor(c), campaignId: id, schoolId, ...c.req.valid('json') }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...verification(
        'verification',
        'risk-verification.keep',
        'Куратор верифицирует профиль: уровень каждого фактора (изменение — с комментарием) и 2–3 приоритетных риска',
      ),
      request: { params: verificationParams, ...jsonBody(verifyInput) },
      responses: okJson('Профиль', schoolProfileView),
    }),
    async (c) => {
      const { id, schoolId } = c.req.valid('param');
      return c.json(
        await verifyProfile(db, { actor: requireActor(c), campaignId: id, schoolId, ...c.req.valid('json') }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...verification(
        'priorities',
        'risk-priorities.keep',
        'Предложить 2–3 приоритетных риска (команда школы или куратор, до верификации)',
      ),
      request: { params: verificationParams, ...jsonBody(prioritiesInput) },
      responses: okJson('Профиль', schoolProfileView),
    }),
    async (c) => {
      const { id, schoolId } = c.req.valid('param');
      return c.json(
        await proposePriorities(db, {
          actor: requireActor(c),
          campaignId: id,
          schoolId,
          ...c.req.valid('json'),
        }),
        200,
      );
    },
  );
}
