import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { access } from '../../modules/access/endpoint-rules.js';
import { OidcSignInError } from '../../modules/auth/oidc/errors.js';
import { finishOidcSignIn } from '../../modules/auth/oidc/finish-sign-in.js';
import { oidcLogError } from '../../modules/auth/oidc/log-error.js';
import { SIGN_IN_STATE_MINUTES, startOidcSignIn } from '../../modules/auth/oidc/start-sign-in.js';
import { RateLimitedError } from '../../modules/auth/throttle.js';
import type { App, Deps, Env } from '../context.js';
import { clientIp } from '../context.js';
import { okJson } from '../openapi.js';
import { setSessionCookie } from '../session-cookie.js';

// Sign-in through OpenID Connect providers (issue 17 §1). Start and callback are browser navigations:
// they answer only with redirects, and every failure lands on the login page with a code of the reason
// (/login?error=<code>, texts in modules/auth/oidc/errors.ts) — never with JSON or a stack.

const methodsView = z
  .object({
    oidc: z.array(z.object({ id: z.string(), label: z.string() })),
    ldap: z.boolean().describe('Вход по логину и паролю каталога LDAP / Active Directory настроен'),
  })
  .openapi('SignInMethods');

const providerParam = z.object({ id: z.string().max(100) });
const text = z.string().max(4000).optional();
/** What providers send to the redirect URI (RFC 6749 §4.1.2, RFC 9207, OIDC session management). */
const callbackQuery = z.object({
  code: text,
  state: text,
  iss: text,
  error: text,
  error_description: text,
  error_uri: text,
  session_state: text,
  scope: text,
});

const redirect = (description: string) => ({
  302: { description, headers: { Location: { schema: { type: 'string' as const } } } },
});

/**
 * The browser's half of the state (login CSRF, ADR 0040 «Проверка ревью»): set at /start, required equal
 * to the callback's state, cleared there. Lax: it travels on the provider's top-level redirect back.
 */
const STATE_COOKIE = 'opora_oidc_state';
const STATE_COOKIE_PATH = '/api/auth/oidc/';

const toLogin = (c: Context<Env>, e: unknown) => {
  const code = e instanceof OidcSignInError ? e.code : e instanceof RateLimitedError ? 'busy' : 'failed';
  if (code === 'failed' || code === 'provider') {
    // Not under `err`: its serializer would log the whole error with its cause (a response body).
    c.var.log.warn({ req: c.var.requestId, code, failure: oidcLogError(e) }, 'OIDC sign-in failed');
  }
  return `/login?error=${code}`;
};

export function authOidcRoutes(app: App, deps: Deps) {
  const { config } = deps;
  app.openapi(
    createRoute({
      ...access('public'),
      method: 'get',
      path: '/api/auth/methods',
      tags: ['Вход'],
      summary: 'Способы входа: поставщики OpenID Connect и наличие входа через LDAP',
      responses: okJson('Способы входа', methodsView),
    }),
    (c) =>
      c.json(
        {
          oidc: config.oidcProviders.map((p) => ({ id: p.id, label: p.label })),
          ldap: config.ldap !== undefined,
        },
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...access('public'),
      method: 'get',
      path: '/api/auth/oidc/{id}/start',
      tags: ['Вход'],
      summary: 'Начать вход через поставщика OpenID Connect (переход к поставщику)',
      request: { params: providerParam, query: z.object({ returnTo: z.string().max(1000).optional() }) },
      responses: redirect('Переход к поставщику входа или на страницу входа с кодом ошибки'),
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      try {
        const { url, state } = await startOidcSignIn(deps.db, {
          providers: config.oidcProviders,
          id,
          publicUrl: config.publicUrl,
          returnTo: c.req.valid('query').returnTo,
          ip: clientIp(c, config.trustedProxies),
        });
        setCookie(c, STATE_COOKIE, state, {
          httpOnly: true,
          sameSite: 'Lax',
          secure: config.cookieSecure,
          path: STATE_COOKIE_PATH,
          maxAge: SIGN_IN_STATE_MINUTES * 60,
        });
        return c.redirect(url, 302);
      } catch (e) {
        return c.redirect(toLogin(c, e), 302);
      }
    },
  );

  app.openapi(
    createRoute({
      ...access('public'),
      method: 'get',
      path: '/api/auth/oidc/{id}/callback',
      tags: ['Вход'],
      summary: 'Возврат от поставщика OpenID Connect: проверка ответа, сеанс, переход в Опору',
      request: { params: providerParam, query: callbackQuery },
      responses: redirect('Переход на страницу Опоры или на страницу входа с кодом ошибки'),
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const browserState = getCookie(c, STATE_COOKIE);
      // One use, whatever the outcome: the next sign-in starts over at /start.
      if (browserState !== undefined) {
        deleteCookie(c, STATE_COOKIE, { path: STATE_COOKIE_PATH, secure: config.cookieSecure });
      }
      try {
        const s = await finishOidcSignIn(deps.db, deps.sessions, {
          providers: config.oidcProviders,
          id,
          publicUrl: config.publicUrl,
          search: new URL(c.req.url).search,
          browserState,
          meta: { ip: clientIp(c, config.trustedProxies), userAgent: c.req.header('user-agent') ?? null },
        });
        setSessionCookie(c, config.cookieSecure, s);
        // A second factor still to give (helper «mfa»): the login page continues the sign-in.
        if ('stage' in s && s.stage !== 'full') return c.redirect('/login?mfa=1', 302);
        return c.redirect(s.returnTo, 302);
      } catch (e) {
        return c.redirect(toLogin(c, e), 302);
      }
    },
  );
}
