import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { assignReviewer } from '../../modules/expertise/assign-reviewer.js';
import { createCriteriaSet, listCriteriaSets } from '../../modules/expertise/criteria-sets.js';
import { exportSummary, XLSX_TYPE } from '../../modules/expertise/export-summary.js';
import { getReview, listReviews } from '../../modules/expertise/get-review.js';
import { getOverview } from '../../modules/expertise/overview.js';
import { reassignReview } from '../../modules/expertise/reassign-review.js';
import { runMutualRound } from '../../modules/expertise/run-mutual-round.js';
import { checkSample, createSample, listSamples } from '../../modules/expertise/samples.js';
import { saveReview, submitReview } from '../../modules/expertise/save-review.js';
import { getSummary } from '../../modules/expertise/summary.js';
import {
  assignReviewerInput,
  createCriteriaSetInput,
  createSampleInput,
  reassignReviewInput,
  reviewsQuery,
  runMutualInput,
  saveReviewInput,
  submitReviewInput,
  yearQuery,
} from '../../modules/expertise/values.js';
import {
  assignedView,
  criteriaSetView,
  overviewView,
  reviewDetailView,
  reviewSummaryView,
  roundView,
  sampleCheckView,
  sampleView,
  savedReviewView,
  submittedReviewView,
  summaryView,
} from '../../modules/expertise/views.js';
import { type App, type Deps, requireActor } from '../context.js';
import { idParam, jsonBody, okFile, okJson } from '../openapi.js';

// Expertise of schools' documents and municipal roadmaps (issue 11 §6): criteria sets, reviews by experts
// and by other ШНОР (взаимная экспертиза), random samples (выборочная экспертиза), the region's summary.

const tags = ['Экспертиза'];

export function expertiseRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/expertise/criteria-sets',
      tags,
      summary: 'Текущие наборы критериев региона пользователя (по одному на предмет экспертизы)',
      responses: okJson('Наборы критериев', z.array(criteriaSetView)),
    }),
    async (c) => c.json(await listCriteriaSets(db, { actor: requireActor(c) }), 200),
  );

  app.openapi(
    createRoute({
      ...access('region-operator'),
      method: 'post',
      path: '/api/expertise/criteria-sets',
      tags,
      summary: 'Новая версия набора критериев (использованная версия не меняется)',
      request: jsonBody(createCriteriaSetInput),
      responses: okJson('Новая версия', criteriaSetView),
    }),
    async (c) =>
      c.json(await createCriteriaSet(db, { actor: requireActor(c), input: c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('expertise.organizer'),
      method: 'get',
      path: '/api/expertise/overview',
      tags,
      summary: 'Документы и муниципальные карты года с заключениями, эксперты, ШНОР-эксперты, распределения',
      request: { query: yearQuery },
      responses: okJson('Экспертиза года', overviewView),
    }),
    async (c) =>
      c.json(await getOverview(db, { actor: requireActor(c), year: c.req.valid('query').year }), 200),
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/expertise/reviews',
      tags,
      summary: 'Заключения, видимые пользователю: свои для заполнения (mine=true) или по документу',
      request: { query: reviewsQuery },
      responses: okJson('Заключения', z.array(reviewSummaryView)),
    }),
    async (c) => c.json(await listReviews(db, { actor: requireActor(c), filter: c.req.valid('query') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('expertise.assign'),
      method: 'post',
      path: '/api/expertise/reviews',
      tags,
      summary: 'Назначить эксперта на документ школы на экспертизе или на муниципальную дорожную карту',
      request: jsonBody(assignReviewerInput),
      responses: okJson('Назначенное заключение (черновик)', assignedView),
    }),
    async (c) =>
      c.json(await assignReviewer(db, { actor: requireActor(c), input: c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('review.read'),
      method: 'get',
      path: '/api/expertise/reviews/{id}',
      tags,
      summary: 'Заключение с критериями, баллами, текстом документа и историей',
      request: { params: idParam },
      responses: okJson('Заключение', reviewDetailView),
    }),
    async (c) =>
      c.json(await getReview(db, { actor: requireActor(c), reviewId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('review.write'),
      method: 'put',
      path: '/api/expertise/reviews/{id}',
      tags,
      summary: 'Сохранить черновик заключения: баллы с комментариями, заключение, рекомендации',
      request: { params: idParam, ...jsonBody(saveReviewInput) },
      responses: okJson('Сохранено', savedReviewView),
    }),
    async (c) =>
      c.json(
        await saveReview(db, {
          actor: requireActor(c),
          reviewId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('review.write'),
      method: 'post',
      path: '/api/expertise/reviews/{id}/submit',
      tags,
      summary: 'Отправить заключение (все баллы и заключение обязательны; после отправки не меняется)',
      request: { params: idParam, ...jsonBody(submitReviewInput) },
      responses: okJson('Отправлено', submittedReviewView),
    }),
    async (c) =>
      c.json(
        await submitReview(db, {
          actor: requireActor(c),
          reviewId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('review.organize'),
      method: 'patch',
      path: '/api/expertise/reviews/{id}/reviewer',
      tags,
      summary: 'Заменить эксперта (школу — для взаимной экспертизы), пока заключение не отправлено',
      request: { params: idParam, ...jsonBody(reassignReviewInput) },
      responses: okJson('Заключение', assignedView),
    }),
    async (c) =>
      c.json(
        await reassignReview(db, {
          actor: requireActor(c),
          reviewId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('expertise.run'),
      method: 'post',
      path: '/api/expertise/mutual-rounds',
      tags,
      summary: 'Распределить программы ШНОР на взаимную экспертизу (зерно записывается)',
      request: jsonBody(runMutualInput),
      responses: okJson('Распределение', roundView),
    }),
    async (c) =>
      c.json(await runMutualRound(db, { actor: requireActor(c), input: c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('expertise.organizer'),
      method: 'get',
      path: '/api/expertise/samples',
      tags,
      summary: 'Выборки документов для выборочной экспертизы',
      request: { query: yearQuery },
      responses: okJson('Выборки', z.array(sampleView)),
    }),
    async (c) =>
      c.json(await listSamples(db, { actor: requireActor(c), year: c.req.valid('query').year }), 200),
  );

  app.openapi(
    createRoute({
      ...access('expertise.run'),
      method: 'post',
      path: '/api/expertise/samples',
      tags,
      summary:
        'Случайная выборка доли документов (региона или муниципалитета, года, вида) с записанным зерном',
      request: jsonBody(createSampleInput),
      responses: okJson('Выборка', sampleView),
    }),
    async (c) => c.json(await createSample(db, { actor: requireActor(c), input: c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('sample.read'),
      method: 'get',
      path: '/api/expertise/samples/{id}/check',
      tags,
      summary: '«Повторить выбор»: та же совокупность и зерно дают ту же выборку',
      request: { params: idParam },
      responses: okJson('Проверка', sampleCheckView),
    }),
    async (c) =>
      c.json(await checkSample(db, { actor: requireActor(c), sampleId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('region-level'),
      method: 'get',
      path: '/api/expertise/summary',
      tags,
      summary:
        'Свод экспертизы по муниципалитетам: статусы документов, ход экспертизы, средние баллы, доработка',
      request: { query: yearQuery },
      responses: okJson('Свод', summaryView),
    }),
    async (c) =>
      c.json(await getSummary(db, { actor: requireActor(c), year: c.req.valid('query').year }), 200),
  );

  app.openapi(
    createRoute({
      ...access('region-level'),
      method: 'get',
      path: '/api/expertise/summary/export',
      tags,
      summary: 'Свод экспертизы в XLSX',
      request: { query: yearQuery },
      responses: okFile('XLSX', [XLSX_TYPE]),
    }),
    async (c) => {
      const file = await exportSummary(db, { actor: requireActor(c), year: c.req.valid('query').year });
      c.header('Content-Type', file.contentType);
      c.header(
        'Content-Disposition',
        `attachment; filename="expertise.xlsx"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      );
      return c.body(new Uint8Array(file.data), 200);
    },
  );
}
