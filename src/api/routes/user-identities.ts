import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { listUserIdentities, unlinkUserIdentity } from '../../modules/auth/user-identities.js';
import { type App, type Deps, requireActor } from '../context.js';
import { idParam, OK, okJson, okSchema } from '../openapi.js';

// A user's linked accounts at OIDC providers and LDAP (issue 17 §1), on the administrator's user card.

const identityView = z
  .object({
    id: z.uuid(),
    provider: z.string().describe("'ldap' или 'oidc:<поставщик>'"),
    subject: z.string(),
    claimValue: z.string().nullable(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .openapi('UserIdentity');

const tags = ['Пользователи'];

export function userIdentityRoutes(app: App, deps: Deps) {
  app.openapi(
    createRoute({
      ...access('admin'),
      method: 'get',
      path: '/api/users/{id}/identities',
      tags,
      summary: 'Связанные внешние учётные записи пользователя (OIDC, LDAP)',
      request: { params: idParam },
      responses: okJson('Связанные учётные записи', z.array(identityView)),
    }),
    async (c) =>
      c.json(
        await listUserIdentities(deps.db, { actor: requireActor(c), userId: c.req.valid('param').id }),
        200,
      ),
  );
  app.openapi(
    createRoute({
      ...access('admin'),
      method: 'delete',
      path: '/api/users/{id}/identities/{identityId}',
      tags,
      summary: 'Отвязать внешнюю учётную запись',
      request: { params: idParam.extend({ identityId: z.uuid({ message: 'Неверный идентификатор' }) }) },
      responses: okJson('Отвязано', okSchema),
    }),
    async (c) => {
      const { id, identityId } = c.req.valid('param');
      await unlinkUserIdentity(deps.db, { actor: requireActor(c), userId: id, identityId });
      return c.json(OK, 200);
    },
  );
}
