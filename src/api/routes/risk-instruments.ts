import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { createInstrumentVersion } from '../../modules/risk-profiles/create-instrument-version.js';
import { deleteInstrument } from '../../modules/risk-profiles/delete-instrument.js';
import { getInstrument, getSystemDraft } from '../../modules/risk-profiles/get-instrument.js';
import { getRiskFactors } from '../../modules/risk-profiles/get-risk-factors.js';
import { importInstrument } from '../../modules/risk-profiles/import-instrument.js';
import {
  instrumentDocumentView,
  instrumentSummaryView,
  instrumentView,
  riskFactorsView,
  systemDraftView,
} from '../../modules/risk-profiles/instrument-views.js';
import { listInstruments } from '../../modules/risk-profiles/list-instruments.js';
import { riskFactorsInput, saveRiskFactors } from '../../modules/risk-profiles/save-risk-factors.js';
import { updateInstrument } from '../../modules/risk-profiles/update-instrument.js';
import { type App, type Deps, requireActor } from '../context.js';
import { idParam, jsonBody, OK, okJson, okSchema, versionQuery } from '../openapi.js';

// Questionnaires (instrument versions) and risk factors of the region (issue 11 §1, docs/data-formats.md).
// The regional operator (and the administrator) edits; region-level roles and municipal coordinators read.

const tags = ['Анкеты и факторы риска'];
const documentInput = z.record(z.string(), z.unknown(), { message: 'Анкеты — объект JSON' });

export const createInstrumentInput = z.object({
  /** null — from the system's draft */
  basedOnId: z.uuid({ message: 'Выберите версию, на основе которой создаётся новая' }).nullable(),
});
export const updateInstrumentInput = z.object({
  version: z.number({ message: 'Нужна версия записи' }).int().min(1),
  document: documentInput,
});
const yearQuery = z.object({
  year: z.coerce
    .number({ message: 'Укажите год' })
    .int({ message: 'Год — целое число' })
    .min(2000, { message: 'Год не раньше 2000' })
    .max(2100, { message: 'Год не позже 2100' }),
});

export function riskInstrumentRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    createRoute({
      ...access('risk-reference.read'),
      method: 'get',
      path: '/api/risk-instruments',
      tags,
      summary: 'Версии анкет региона (новые первыми) с кампаниями, которые ими пользуются',
      responses: okJson('Версии анкет', z.array(instrumentSummaryView)),
    }),
    async (c) => c.json(await listInstruments(db, { actor: requireActor(c) }), 200),
  );

  app.openapi(
    createRoute({
      ...access('risk-reference.read'),
      method: 'get',
      path: '/api/risk-instruments/system-draft',
      tags,
      summary: 'Черновик анкет системы — основа для версии региона',
      responses: okJson('Черновик системы', systemDraftView),
    }),
    async (c) => c.json(getSystemDraft({ actor: requireActor(c) }), 200),
  );

  app.openapi(
    createRoute({
      ...access('risk-reference.keep'),
      method: 'post',
      path: '/api/risk-instruments',
      tags,
      summary: 'Новая версия анкет (черновик) — копия версии или черновика системы',
      request: jsonBody(createInstrumentInput),
      responses: okJson('Созданная версия', instrumentView),
    }),
    async (c) =>
      c.json(await createInstrumentVersion(db, { actor: requireActor(c), ...c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('risk-reference.keep'),
      method: 'post',
      path: '/api/risk-instruments/import',
      tags,
      summary: 'Загрузить анкеты из JSON: новая версия (черновик) кода из файла',
      request: jsonBody(z.object({ document: documentInput })),
      responses: okJson('Созданная версия', instrumentView),
    }),
    async (c) =>
      c.json(
        await importInstrument(db, { actor: requireActor(c), document: c.req.valid('json').document }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('instrument.read'),
      method: 'get',
      path: '/api/risk-instruments/{id}',
      tags,
      summary: 'Версия анкет с документом',
      request: { params: idParam },
      responses: okJson('Версия анкет', instrumentView),
    }),
    async (c) =>
      c.json(await getInstrument(db, { actor: requireActor(c), id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('instrument.read'),
      method: 'get',
      path: '/api/risk-instruments/{id}/export',
      tags,
      summary: 'Выгрузить анкеты в JSON (формат docs/data-formats.md; читает и opora risk-profile)',
      request: { params: idParam },
      responses: okJson('Документ анкет', instrumentDocumentView),
    }),
    async (c) => {
      const view = await getInstrument(db, { actor: requireActor(c), id: c.req.valid('param').id });
      const name = `${view.code}-v${view.versionNo}.json`.replace(/[^\w.-]/g, '_');
      return c.json(view.document, 200, { 'Content-Disposition': `attachment; filename="${name}"` });
    },
  );

  app.openapi(
    createRoute({
      ...access('instrument.keep'),
      method: 'put',
      path: '/api/risk-instruments/{id}',
      tags,
      summary: 'Сохранить черновик анкет целиком (замороженная версия не меняется — 409)',
      request: { params: idParam, ...jsonBody(updateInstrumentInput) },
      responses: okJson('Сохранённая версия', instrumentView),
    }),
    async (c) =>
      c.json(
        await updateInstrument(db, {
          actor: requireActor(c),
          id: c.req.valid('param').id,
          ...c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('instrument.keep'),
      method: 'delete',
      path: '/api/risk-instruments/{id}',
      tags,
      summary: 'Удалить черновик анкет, который не выбрала ни одна кампания',
      request: { params: idParam, query: versionQuery },
      responses: okJson('Удалён', okSchema),
    }),
    async (c) => {
      await deleteInstrument(db, {
        actor: requireActor(c),
        id: c.req.valid('param').id,
        version: c.req.valid('query').version,
      });
      return c.json(OK, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('risk-reference.read'),
      method: 'get',
      path: '/api/risk-factors',
      tags,
      summary: 'Факторы риска региона на год (свой список или список системы)',
      request: { query: yearQuery },
      responses: okJson('Факторы риска', riskFactorsView),
    }),
    async (c) =>
      c.json(await getRiskFactors(db, { actor: requireActor(c), year: c.req.valid('query').year }), 200),
  );

  app.openapi(
    createRoute({
      ...access('risk-reference.keep'),
      method: 'put',
      path: '/api/risk-factors',
      tags,
      summary: 'Сохранить список факторов риска региона на год («Изменить для года»)',
      request: jsonBody(riskFactorsInput),
      responses: okJson('Факторы риска', riskFactorsView),
    }),
    async (c) =>
      c.json(await saveRiskFactors(db, { actor: requireActor(c), input: c.req.valid('json') }), 200),
  );
}
