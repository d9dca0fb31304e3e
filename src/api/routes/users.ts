import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import {
  addAssignment,
  assignmentInput,
  createUser,
  createUserInput,
  listUsers,
  removeAssignment,
  updateUser,
  updateUserInput,
} from '../../modules/auth/users.js';
import { assignmentRow, userListView, userRow } from '../../modules/auth/views.js';
import { type App, type Deps, requireActor } from '../context.js';
import { idParam, jsonBody, OK, okJson, okSchema } from '../openapi.js';

const tags = ['Пользователи'];

export function userRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const strip = <T extends { passwordHash?: string | null }>({ passwordHash: _, ...rest }: T) => rest;
  app.openapi(
    createRoute({
      ...access('admin'),
      method: 'get',
      path: '/api/users',
      tags,
      summary: 'Пользователи и их роли (администратор)',
      responses: okJson('Пользователи', z.array(userListView)),
    }),
    async (c) => c.json(await listUsers(db, { actor: requireActor(c) }), 200),
  );
  app.openapi(
    createRoute({
      ...access('admin'),
      method: 'post',
      path: '/api/users',
      tags,
      summary: 'Создать пользователя',
      request: jsonBody(createUserInput),
      responses: okJson('Создан', userRow),
    }),
    async (c) =>
      c.json(strip(await createUser(db, { actor: requireActor(c), input: c.req.valid('json') })), 200),
  );
  app.openapi(
    createRoute({
      ...access('admin'),
      method: 'patch',
      path: '/api/users/{id}',
      tags,
      summary: 'Изменить, заблокировать, сбросить пароль',
      request: { params: idParam, ...jsonBody(updateUserInput) },
      responses: okJson('Изменён', userRow),
    }),
    async (c) =>
      c.json(
        strip(
          await updateUser(db, {
            actor: requireActor(c),
            userId: c.req.valid('param').id,
            input: c.req.valid('json'),
          }),
        ),
        200,
      ),
  );
  app.openapi(
    createRoute({
      ...access('admin'),
      method: 'post',
      path: '/api/users/{id}/assignments',
      tags,
      summary: 'Назначить роль в организации',
      request: { params: idParam, ...jsonBody(assignmentInput) },
      responses: okJson('Назначено', z.union([assignmentRow, okSchema])),
    }),
    async (c) =>
      c.json(
        (await addAssignment(db, {
          actor: requireActor(c),
          userId: c.req.valid('param').id,
          input: c.req.valid('json'),
        })) ?? OK,
        200,
      ),
  );
  app.openapi(
    createRoute({
      ...access('admin'),
      method: 'delete',
      path: '/api/users/{id}/assignments/{assignmentId}',
      tags,
      summary: 'Снять роль',
      request: { params: idParam.extend({ assignmentId: z.uuid() }) },
      responses: okJson('Снято', okSchema),
    }),
    async (c) => {
      const { id, assignmentId } = c.req.valid('param');
      await removeAssignment(db, { actor: requireActor(c), userId: id, assignmentId });
      return c.json(OK, 200);
    },
  );
}
