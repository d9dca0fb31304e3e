import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie } from 'hono/cookie';
import type { Actor } from '../../modules/access/actor.js';
import { capabilitiesOf } from '../../modules/access/capabilities.js';
import { access } from '../../modules/access/endpoint-rules.js';
import { ALL_ACTORS } from '../../modules/auth/actor-cache.js';
import { changePassword } from '../../modules/auth/change-password.js';
import { login } from '../../modules/auth/login.js';
import { providerLogoutUrl } from '../../modules/auth/oidc/providers.js';
import { deleteSession, logout, readSession } from '../../modules/auth/sessions.js';
import { changePasswordInput } from '../../modules/auth/user-schemas.js';
import { loginView, meView, sessionView } from '../../modules/auth/views.js';
import { type App, clientIp, type Deps, requireActor, SESSION_COOKIE } from '../context.js';
import { jsonBody, OK, okJson, okSchema } from '../openapi.js';
import { setSessionCookie } from '../session-cookie.js';

const loginBody = z.object({
  login: z.string().trim().min(1, 'Введите логин').max(100),
  password: z.string().min(1, 'Введите пароль').max(200),
});

const logoutView = z
  .object({
    ok: z.literal(true),
    /** The provider's end_session address with id_token_hint, when the session was begun there. */
    providerLogoutUrl: z.string().optional(),
  })
  .openapi('LogoutResult');

export function authRoutes(app: App, deps: Deps) {
  app.openapi(
    createRoute({
      ...access('public'),
      method: 'post',
      path: '/api/auth/login',
      tags: ['Вход'],
      summary: 'Вход по логину и паролю',
      request: jsonBody(loginBody),
      responses: okJson('Сеанс начат', loginView),
    }),
    async (c) => {
      const body = c.req.valid('json');
      const s = await login(
        deps.db,
        deps.sessions,
        {
          ...body,
          ip: clientIp(c, deps.config.trustedProxies),
          userAgent: c.req.header('user-agent') ?? null,
        },
        {},
        deps.config.ldap,
      );
      // A directory group rule changed roles: the user's other open sessions must not keep the old ones.
      if (s.rolesChanged) {
        await c.var.actorCache.invalidate(ALL_ACTORS).catch((e: unknown) => {
          // Done here already; the other processes' entries expire within 2 s.
          c.var.log.error(
            { req: c.var.requestId, err: e },
            'Не удалось оповестить другие процессы о смене ролей',
          );
        });
      }
      setSessionCookie(c, deps.config.cookieSecure, s);
      // Stage 'mfa' or 'mfa_enrol': the page continues with the second factor (this cookie gives no actor).
      return c.json({ ok: true as const, expiresAt: s.expiresAt.toISOString(), stage: s.stage }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('public'),
      method: 'post',
      path: '/api/auth/logout',
      tags: ['Вход'],
      summary: 'Выход',
      responses: okJson('Сеанс завершён', logoutView),
    }),
    async (c) => {
      const token = c.get('sessionToken');
      const actor = c.get('actor');
      const ended = token && actor ? await logout(deps.db, deps.sessions, { token, actor }) : undefined;
      if (!ended) {
        // «Отмена» at the second factor: the pending session ends (it never was a sign-in).
        const pending = getCookie(c, SESSION_COOKIE);
        if (pending && pending.length < 200) await deleteSession(deps.db, deps.sessions, pending);
      }
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      // A session begun at an OIDC provider: the browser also opens the provider's sign-out.
      const providerLogout = ended
        ? await providerLogoutUrl(deps.config.oidcProviders, ended, deps.config.publicUrl)
        : undefined;
      return c.json(providerLogout ? { ...OK, providerLogoutUrl: providerLogout } : OK, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/me',
      tags: ['Вход'],
      summary: 'Текущий пользователь и его роли',
      responses: okJson('Пользователь', meView),
    }),
    (c) => c.json(meOf(requireActor(c), deps), 200),
  );

  app.openapi(
    createRoute({
      ...access('public'),
      method: 'get',
      path: '/api/session',
      tags: ['Вход'],
      summary: 'Текущий сеанс: пользователь или null (без ответа 401 — для страницы входа)',
      responses: okJson('Сеанс', sessionView),
    }),
    async (c) => {
      const actor = c.get('actor');
      if (actor) return c.json({ user: meOf(actor, deps), pending: null }, 200);
      // A sign-in waiting for its second factor (after a password, LDAP or OIDC): the login page goes on.
      const session = await readSession(deps.db, deps.sessions, getCookie(c, SESSION_COOKIE));
      const pending = session && session.stage !== 'full' ? session.stage : null;
      return c.json({ user: null, pending }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'post',
      path: '/api/me/password',
      tags: ['Вход'],
      summary: 'Смена своего пароля',
      request: jsonBody(changePasswordInput),
      responses: okJson('Пароль изменён', okSchema),
    }),
    async (c) => {
      const token = c.get('sessionToken');
      await changePassword(deps.db, {
        actor: requireActor(c),
        ...c.req.valid('json'),
        session: token ? { settings: deps.sessions, token } : undefined,
      });
      return c.json(OK, 200);
    },
  );
}

/** The signed-in user with his roles, as /api/me and /api/session show him. */
function meOf(actor: Actor, deps: Deps) {
  return {
    id: actor.userId,
    login: actor.login,
    fullName: actor.fullName,
    demo: deps.config.demo,
    assignments: actor.assignments.map((a) => ({
      role: a.role,
      orgUnitId: a.orgUnitId,
      unitName: a.unitName,
      unitKind: a.unitKind,
    })),
    capabilities: capabilitiesOf(actor),
  };
}
