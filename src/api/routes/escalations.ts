import { createRoute } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { listEscalations } from '../../modules/deadlines/list-escalations.js';
import { getEscalationRules, updateEscalationRules } from '../../modules/deadlines/rules.js';
import { localDay } from '../../modules/deadlines/scheduled-sweep.js';
import {
  escalationListView,
  escalationRulesInput,
  escalationRulesView,
  escalationsQuery,
} from '../../modules/deadlines/views.js';
import { type App, type Deps, requireActor } from '../context.js';
import { jsonBody, okJson } from '../openapi.js';

// Сроки и эскалации: правила региона, список «Эскалации» (helper «deadlines», issue 15 §3).

const tags = ['Сроки и эскалации'];

export function escalationRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    createRoute({
      ...access('escalations.read'),
      method: 'get',
      path: '/api/escalations',
      tags,
      summary:
        'Эскалации: работа нижестоящих организаций, просроченная дольше порога региона, с возрастом в днях (живой список)',
      request: { query: escalationsQuery },
      responses: okJson('Просроченная работа ниже пользователя', escalationListView),
    }),
    async (c) =>
      c.json(
        await listEscalations(db, {
          actor: requireActor(c),
          today: localDay(new Date()),
          query: c.req.valid('query'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('escalations.read'),
      method: 'get',
      path: '/api/escalation-rules',
      tags,
      summary: 'Правила напоминаний и эскалации региона пользователя (без записи — по умолчанию 7 и 14 дней)',
      responses: okJson('Правила региона', escalationRulesView),
    }),
    async (c) => c.json(await getEscalationRules(db, { actor: requireActor(c) }), 200),
  );

  app.openapi(
    createRoute({
      ...access('region-operator'),
      method: 'put',
      path: '/api/escalation-rules',
      tags,
      summary: 'Изменить правила напоминаний и эскалации своего региона (устаревшая версия — 409)',
      request: jsonBody(escalationRulesInput),
      responses: okJson('Правила региона', escalationRulesView),
    }),
    async (c) =>
      c.json(await updateEscalationRules(db, { actor: requireActor(c), input: c.req.valid('json') }), 200),
  );
}
