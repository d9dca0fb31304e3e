import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { createPractice, updatePractice } from '../../modules/practices/create-practice.js';
import { getPractice } from '../../modules/practices/get-practice.js';
import {
  createPracticeInput,
  practiceListQuery,
  updatePracticeInput,
} from '../../modules/practices/input.js';
import { listPractices } from '../../modules/practices/list-practices.js';
import { practiceOptions } from '../../modules/practices/practice-options.js';
import { resilientAuthors } from '../../modules/practices/resilient.js';
import { similarSchools } from '../../modules/practices/similar-schools.js';
import {
  practiceOptionsView,
  practiceSummaryView,
  practiceView,
  resilientAuthorView,
  similarSchoolsView,
} from '../../modules/practices/views.js';
import { type App, type Deps, requireActor } from '../context.js';
import { idParam, jsonBody, okJson } from '../openapi.js';
import { practicePathRoutes } from './practice-path.js';

// Банк практик: подача, рассмотрение, публикация, поиск, похожие школы (helper «practices», issue 15 §2).
// Lists answer with what the actor sees (access inside the queries); the path's steps in practice-path.ts.

export const PRACTICE_TAGS = ['Банк практик'];
const tags = PRACTICE_TAGS;

export function practiceRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/practices',
      tags,
      summary:
        'Практики банка: опубликованные в регионе, свои черновики и поданные, поданные на рассмотрение своей зоны (с фильтрами)',
      request: { query: practiceListQuery },
      responses: okJson('Практики', z.array(practiceSummaryView)),
    }),
    async (c) =>
      c.json(await listPractices(db, { actor: requireActor(c), query: c.req.valid('query') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/practices/options',
      tags,
      summary:
        'Выбор для фильтров и формы: факторы риска, предметы, муниципалитеты, критерии, свои организации',
      responses: okJson('Выбор', practiceOptionsView),
    }),
    async (c) => c.json(await practiceOptions(db, { actor: requireActor(c) }), 200),
  );

  app.openapi(
    createRoute({
      ...access('practice.reviewer'),
      method: 'get',
      path: '/api/practices/resilient-authors',
      tags,
      summary: 'Резильентные школы своей зоны по списку в силе — кого пригласить поделиться опытом',
      responses: okJson('Школы', z.array(resilientAuthorView)),
    }),
    async (c) => c.json(await resilientAuthors(db, { actor: requireActor(c) }), 200),
  );

  app.openapi(
    createRoute({
      ...access('practice.similar'),
      method: 'get',
      path: '/api/practices/similar/{id}',
      tags,
      summary:
        'Похожие школы: практики школ той же группы по социальному контексту, которые улучшили результаты (id — школа)',
      request: { params: idParam },
      responses: okJson('Похожие школы', similarSchoolsView),
    }),
    async (c) =>
      c.json(await similarSchools(db, { actor: requireActor(c), schoolId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('practice.create'),
      method: 'post',
      path: '/api/practices',
      tags,
      summary: 'Новая практика (черновик) школы или муниципалитета',
      request: jsonBody(createPracticeInput),
      responses: okJson('Практика', practiceView),
    }),
    async (c) =>
      c.json(await createPractice(db, { actor: requireActor(c), input: c.req.valid('json') }), 200),
  );

  app.openapi(
    createRoute({
      ...access('practice.read'),
      method: 'get',
      path: '/api/practices/{id}',
      tags,
      summary: 'Практика: описание, результаты, материалы, рассмотрения',
      request: { params: idParam },
      responses: okJson('Практика', practiceView),
    }),
    async (c) =>
      c.json(await getPractice(db, { actor: requireActor(c), practiceId: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      ...access('practice.author'),
      method: 'patch',
      path: '/api/practices/{id}',
      tags,
      summary: 'Изменить черновик или возвращённую практику (с версией записи)',
      request: { params: idParam, ...jsonBody(updatePracticeInput) },
      responses: okJson('Практика', practiceView),
    }),
    async (c) =>
      c.json(
        await updatePractice(db, {
          actor: requireActor(c),
          practiceId: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  practicePathRoutes(app, deps);
}
