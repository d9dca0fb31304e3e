import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { MAX_YEAR, MIN_YEAR } from '../../modules/assessment-data/types.js';
import { compareRuns } from '../../modules/identification/compare-runs.js';
import { FLAG_KEYS, type Flags } from '../../modules/identification/identify.js';
import {
  createMethodologyVersion,
  listMethodologies,
  makeMethodologyCurrent,
} from '../../modules/identification/methodologies.js';
import { startRun } from '../../modules/identification/run-identification.js';
import { getRun, listRuns, runResults } from '../../modules/identification/runs.js';
import {
  methodologyView,
  runComparisonView,
  runResultView,
  runView,
  startedRunView,
} from '../../modules/identification/views.js';
import { type App, type Deps, requireActor } from '../context.js';
import { idParam, jsonBody, okJson } from '../openapi.js';

// Methodologies, identification runs, their results and what-if comparisons (docs/identification-api.md,
// «Методики» and «Расчёты»). Only roles of the region level see any of it.

const tags = ['Выявление ШНОР'];

const yearSchema = z.coerce
  .number({ message: 'Укажите год' })
  .int({ message: 'Год — целое число' })
  .min(MIN_YEAR, { message: `Год не раньше ${MIN_YEAR}` })
  .max(MAX_YEAR, { message: `Год не позже ${MAX_YEAR}` });
const uuid = (message: string) => z.uuid({ message });
const booleanQuery = z.enum(['true', 'false'], { message: 'Значение: true или false' }).optional();
const toBoolean = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');

export const createMethodologyInput = z.object({
  basedOnId: uuid('Выберите методику, на основе которой создаётся версия'),
  name: z.string().trim().min(1, { message: 'Укажите название версии' }).max(300),
  document: z.record(z.string(), z.unknown(), { message: 'Документ методики должен быть объектом JSON' }),
});

export const startRunInput = z.object({
  year: yearSchema,
  methodologyId: uuid('Выберите методику'),
});

export const resultsQuery = z.object({
  flag: z.enum(FLAG_KEYS as [keyof Flags, ...(keyof Flags)[]], { message: 'Неизвестный признак' }).optional(),
  municipalityId: uuid('Неверный идентификатор муниципалитета').optional(),
  cluster: z.coerce.number().int().min(1).max(100).optional(),
  rural: booleanQuery,
  small: booleanQuery,
  q: z.string().max(200).optional(),
});

export function identificationRunRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    createRoute({
      ...access('region-level'),
      method: 'get',
      path: '/api/methodologies',
      tags,
      summary: 'Методики региона (при первом обращении создаётся opora-default версии 1)',
      responses: okJson('Версии методик', z.array(methodologyView)),
    }),
    async (c) => c.json(await listMethodologies(db, { actor: requireActor(c) }), 200),
  );

  app.openapi(
    createRoute({
      ...access('methodology.keep'),
      method: 'post',
      path: '/api/methodologies',
      tags,
      summary: 'Новая версия методики (черновик) на основе существующей',
      request: jsonBody(createMethodologyInput),
      responses: okJson('Созданная версия', methodologyView),
    }),
    async (c) => {
      const input = c.req.valid('json');
      return c.json(await createMethodologyVersion(db, { actor: requireActor(c), ...input }), 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('methodology.keep'),
      method: 'post',
      path: '/api/methodologies/{id}/make-current',
      tags,
      summary: 'Сделать версию методики текущей (прежняя текущая уходит в архив)',
      request: { params: idParam },
      responses: okJson('Текущая версия', methodologyView),
    }),
    async (c) =>
      c.json(await makeMethodologyCurrent(db, { actor: requireActor(c), id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('region-operator'),
      method: 'post',
      path: '/api/identification/runs',
      tags,
      summary: 'Запустить расчёт (фоновое задание)',
      request: jsonBody(startRunInput),
      responses: okJson('Расчёт поставлен в очередь', startedRunView),
    }),
    async (c) => c.json(await startRun(db, { actor: requireActor(c), ...c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('region-level'),
      method: 'get',
      path: '/api/identification/runs',
      tags,
      summary: 'Расчёты региона (новые первыми)',
      request: { query: z.object({ year: yearSchema.optional() }) },
      responses: okJson(
        'Расчёты с ходом выполнения, итогами и признаком «данные изменены после расчёта»',
        z.array(runView),
      ),
    }),
    async (c) => c.json(await listRuns(db, { actor: requireActor(c), year: c.req.valid('query').year }), 200),
  );

  app.openapi(
    createRoute({
      ...access('run.read'),
      method: 'get',
      path: '/api/identification/runs/{id}',
      tags,
      summary: 'Расчёт с ходом выполнения и итогами',
      request: { params: idParam },
      responses: okJson('Расчёт; stale — данные его лет загружены заново после расчёта', runView),
    }),
    async (c) => c.json(await getRun(db, { actor: requireActor(c), runId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('run.read'),
      method: 'get',
      path: '/api/identification/runs/{id}/results',
      tags,
      summary: 'Результаты расчёта по школам с фильтрами',
      request: { params: idParam, query: resultsQuery },
      responses: okJson('Школы с признаками, показателями и обоснованиями', z.array(runResultView)),
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(
        await runResults(db, {
          actor: requireActor(c),
          runId: c.req.valid('param').id,
          filter: {
            flag: q.flag,
            municipalityId: q.municipalityId,
            cluster: q.cluster,
            rural: toBoolean(q.rural),
            small: toBoolean(q.small),
            q: q.q,
          },
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('run.read'),
      method: 'get',
      path: '/api/identification/compare',
      tags,
      summary: 'Что-если: сравнение двух расчётов одного года',
      request: {
        query: z.object({
          base: uuid('Укажите базовый расчёт'),
          other: uuid('Укажите сравниваемый расчёт'),
        }),
      },
      responses: okJson(
        'По признакам: сколько школ, кто вошёл и кто вышел; по муниципалитетам',
        runComparisonView,
      ),
    }),
    async (c) => {
      const { base, other } = c.req.valid('query');
      const r = await compareRuns(db, { actor: requireActor(c), baseRunId: base, otherRunId: other });
      return c.json({ flags: r.flags, byMunicipality: r.byMunicipality, base: r.base, other: r.other }, 200);
    },
  );
}
