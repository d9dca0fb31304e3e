import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { answersInput } from '../../modules/risk-campaigns/answer-input.js';
import {
  createCampaignInput,
  updateCampaignInput,
  versionInput,
} from '../../modules/risk-campaigns/campaign-input.js';
import { campaignProgress, progressFilter } from '../../modules/risk-campaigns/campaign-progress.js';
import { campaignSetup } from '../../modules/risk-campaigns/campaign-setup.js';
import { closeCampaign, todayIso } from '../../modules/risk-campaigns/close-campaign.js';
import { createCampaign } from '../../modules/risk-campaigns/create-campaign.js';
import { getDirectorForm, submitDirectorAnswer } from '../../modules/risk-campaigns/director-answer.js';
import { campaignsQuery, listCampaigns } from '../../modules/risk-campaigns/list-campaigns.js';
import { openCampaign } from '../../modules/risk-campaigns/open-campaign.js';
import { printSheet } from '../../modules/risk-campaigns/print-sheet.js';
import { remindSchool } from '../../modules/risk-campaigns/remind-school.js';
import { schoolCampaign } from '../../modules/risk-campaigns/school-campaign.js';
import { createTeacherLinks, teacherLinksInput } from '../../modules/risk-campaigns/teacher-links.js';
import { updateCampaign } from '../../modules/risk-campaigns/update-campaign.js';
import {
  answerFormView,
  campaignProgressView,
  campaignSummaryView,
  campaignView,
  createdLinksView,
  schoolCampaignView,
  setupView,
  submittedView,
} from '../../modules/risk-campaigns/views.js';
import { type App, type Deps, requireActor } from '../context.js';
import { idParam, jsonBody, okFile, okJson } from '../openapi.js';

// Questionnaire campaigns (issue 11 §2): the owner's campaign and its progress, the school's page with
// its links and the director's questionnaire. Anonymous answering is in routes/risk-answer.ts.

const tags = ['Анкетирование'];
const schoolParams = z.object({
  id: z.uuid({ message: 'Неверный идентификатор' }),
  schoolId: z.uuid({ message: 'Неверный идентификатор школы' }),
});
const setupQuery = z.object({
  ownerUnitId: z.uuid({ message: 'Неверный идентификатор организации' }),
  year: z.coerce
    .number({ message: 'Укажите год' })
    .int({ message: 'Год — целое число' })
    .min(2000, { message: 'Год не раньше 2000' })
    .max(2100, { message: 'Год не позже 2100' }),
});

export function riskCampaignRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/risk-campaigns',
      tags,
      summary: 'Анкетирования, которые видит пользователь, с числами ответов его школ',
      request: { query: campaignsQuery },
      responses: okJson('Анкетирования', z.array(campaignSummaryView)),
    }),
    async (c) => c.json(await listCampaigns(db, { actor: requireActor(c), ...c.req.valid('query') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('campaign.create'),
      method: 'get',
      path: '/api/risk-campaign-setup',
      tags,
      summary: 'Что предложить в форме анкетирования: анкеты региона, школы организации со списками года',
      request: { query: setupQuery },
      responses: okJson('Варианты', setupView),
    }),
    async (c) => c.json(await campaignSetup(db, { actor: requireActor(c), ...c.req.valid('query') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('campaign.create'),
      method: 'post',
      path: '/api/risk-campaigns',
      tags,
      summary: 'Черновик анкетирования региона или муниципалитета',
      request: jsonBody(createCampaignInput),
      responses: okJson('Анкетирование', campaignView),
    }),
    async (c) => c.json(await createCampaign(db, { actor: requireActor(c), ...c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('campaign.read'),
      method: 'get',
      path: '/api/risk-campaigns/{id}',
      tags,
      summary: 'Анкетирование и его ход по школам и группам (только школы зоны видимости)',
      request: { params: idParam, query: progressFilter },
      responses: okJson('Ход анкетирования', campaignProgressView),
    }),
    async (c) =>
      c.json(
        await campaignProgress(db, {
          actor: requireActor(c),
          campaignId: c.req.valid('param').id,
          filter: c.req.valid('query'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('campaign.keep'),
      method: 'patch',
      path: '/api/risk-campaigns/{id}',
      tags,
      summary: 'Изменить черновик: название, этап, группы, сроки, школы и ожидаемые числа',
      request: { params: idParam, ...jsonBody(updateCampaignInput) },
      responses: okJson('Анкетирование', campaignView),
    }),
    async (c) =>
      c.json(
        await updateCampaign(db, {
          actor: requireActor(c),
          campaignId: c.req.valid('param').id,
          ...c.req.valid('json'),
        }),
        200,
      ),
  );

  for (const [verb, op, summary] of [
    ['open', openCampaign, 'Открыть: анкеты фиксируются, школы получают анонимные ссылки'],
    ['close', closeCampaign, 'Завершить: ответы больше не принимаются'],
  ] as const)
    app.openapi(
      createRoute({
        ...access('campaign.keep'),
        method: 'post',
        path: `/api/risk-campaigns/{id}/${verb}`,
        tags,
        summary,
        request: { params: idParam, ...jsonBody(versionInput) },
        responses: okJson('Анкетирование', campaignView),
      }),
      async (c) =>
        c.json(
          await op(db, {
            actor: requireActor(c),
            campaignId: c.req.valid('param').id,
            ...c.req.valid('json'),
          }),
          200,
        ),
    );

  app.openapi(
    createRoute({
      ...access('campaign.read'),
      method: 'get',
      path: '/api/risk-campaigns/{id}/schools/{schoolId}',
      tags,
      summary: 'Страница школы в анкетировании: её числа ответов; команде школы — ещё и ссылки',
      request: { params: schoolParams },
      responses: okJson('Школа в анкетировании', schoolCampaignView),
    }),
    async (c) => {
      const { id, schoolId } = c.req.valid('param');
      return c.json(await schoolCampaign(db, { actor: requireActor(c), campaignId: id, schoolId }), 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('campaign.keep'),
      method: 'post',
      path: '/api/risk-campaigns/{id}/schools/{schoolId}/remind',
      tags,
      summary: 'Напомнить школе (запись в истории и уведомление на её странице)',
      request: { params: schoolParams },
      responses: okJson('Когда напомнили', z.object({ remindedAt: z.string() })),
    }),
    async (c) => {
      const { id, schoolId } = c.req.valid('param');
      return c.json(await remindSchool(db, { actor: requireActor(c), campaignId: id, schoolId }), 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('campaign.school'),
      method: 'post',
      path: '/api/risk-campaigns/{id}/schools/{schoolId}/teacher-links',
      tags,
      summary: 'Создать одноразовые ссылки учителей (показываются один раз)',
      request: { params: schoolParams, ...jsonBody(teacherLinksInput) },
      responses: okJson('Ссылки', createdLinksView),
    }),
    async (c) => {
      const { id, schoolId } = c.req.valid('param');
      return c.json(
        await createTeacherLinks(db, {
          actor: requireActor(c),
          campaignId: id,
          schoolId,
          ...c.req.valid('json'),
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('campaign.school'),
      method: 'get',
      path: '/api/risk-campaigns/{id}/schools/{schoolId}/sheet',
      tags,
      summary: 'Лист для печати: анонимные ссылки школы с QR-кодами и инструкцией (HTML)',
      request: { params: schoolParams },
      responses: okFile('Страница для печати', ['text/html']),
    }),
    async (c) => {
      const { id, schoolId } = c.req.valid('param');
      const html = await printSheet(db, {
        actor: requireActor(c),
        campaignId: id,
        schoolId,
        origin: new URL(c.req.url).origin,
      });
      c.header('Content-Type', 'text/html; charset=utf-8');
      c.header('Cache-Control', 'private, no-store');
      return c.body(html, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('campaign.school'),
      method: 'get',
      path: '/api/risk-campaigns/{id}/schools/{schoolId}/director',
      tags,
      summary: 'Анкета руководителя школы',
      request: { params: schoolParams },
      responses: okJson('Анкета', answerFormView),
    }),
    async (c) => {
      const { id, schoolId } = c.req.valid('param');
      return c.json(
        await getDirectorForm(db, { actor: requireActor(c), campaignId: id, schoolId, today: todayIso() }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('campaign.school'),
      method: 'post',
      path: '/api/risk-campaigns/{id}/schools/{schoolId}/director',
      tags,
      summary: 'Отправить анкету руководителя (один раз; изменить ответы нельзя)',
      request: { params: schoolParams, ...jsonBody(answersInput) },
      responses: okJson('Принято', submittedView),
    }),
    async (c) => {
      const { id, schoolId } = c.req.valid('param');
      return c.json(
        await submitDirectorAnswer(db, {
          actor: requireActor(c),
          campaignId: id,
          schoolId,
          today: todayIso(),
          ...c.req.valid('json'),
        }),
        200,
      );
    },
  );
}
