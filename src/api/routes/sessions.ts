import { createRoute } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { endedView, sessionListView } from '../../modules/auth/mfa-views.js';
import {
  endOtherSessions,
  endSession,
  endSessionsOfUser,
  listSessions,
} from '../../modules/auth/session-list.js';
import { type App, type Deps, requireActor } from '../context.js';
import { idParam, OK, okJson, okSchema } from '../openapi.js';
import { sessionIdParam } from './mfa.js';

// The user's sessions (issue 17 §4): the list with device, address and last use; ending one, all
// others, or (administrator) all of a user. Ended sessions stop at once in every process: these paths
// are among those that forget cached actors everywhere (app.ts, forgetActorsAfterChange).

export function sessionRoutes(app: App, deps: Deps) {
  const { db } = deps;
  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/me/sessions',
      tags: ['Вход'],
      summary: 'Свои открытые сеансы: устройство, адрес, способ входа, последнее использование',
      responses: okJson('Сеансы', sessionListView),
    }),
    async (c) =>
      c.json(
        await listSessions(db, deps.sessions, { actor: requireActor(c), token: c.get('sessionToken') }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'post',
      path: '/api/me/sessions/end-others',
      tags: ['Вход'],
      summary: 'Завершить все свои сеансы, кроме текущего',
      responses: okJson('Завершены', endedView),
    }),
    async (c) => {
      const token = c.get('sessionToken');
      const actor = requireActor(c);
      const ended = token ? await endOtherSessions(db, deps.sessions, { actor, token }) : 0;
      return c.json({ ended }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('session.own'),
      method: 'delete',
      path: '/api/me/sessions/{id}',
      tags: ['Вход'],
      summary: 'Завершить свой сеанс (чужой выглядит отсутствующим)',
      request: { params: sessionIdParam },
      responses: okJson('Завершён', okSchema),
    }),
    async (c) => {
      await endSession(db, { actor: requireActor(c), id: c.req.valid('param').id });
      return c.json(OK, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('admin'),
      method: 'post',
      path: '/api/users/{id}/sessions/end',
      tags: ['Пользователи'],
      summary: 'Завершить все сеансы пользователя',
      request: { params: idParam },
      responses: okJson('Завершены', endedView),
    }),
    async (c) => {
      const ended = await endSessionsOfUser(db, { actor: requireActor(c), userId: c.req.valid('param').id });
      return c.json({ ended }, 200);
    },
  );
}
