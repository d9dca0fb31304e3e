import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../../modules/access/endpoint-rules.js';
import { OidcSignInError } from '../../modules/auth/oidc/errors.js';
import { finishOidcSignIn } from '../../modules/auth/oidc/finish-sign-in.js';
import { startOidcSignIn } from '../../modules/auth/oidc/start-sign-in.js';
import type { App, Deps } from '../context.js';
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

const toLogin = (e: unknown) => {
  const code = e instanceof OidcSignInError ? e.code : 'failed';
  if (!(e instanceof OidcSignInError) || code === 'failed' || code === 'provider') {
    console.warn(`OIDC sign-in failed (${code}):`, e instanceof OidcSignInError ? e.cause : e);
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
        const url = await startOidcSignIn(deps.db, {
          providers: config.oidcProviders,
          id,
          publicUrl: config.publicUrl,
          returnTo: c.req.valid('query').returnTo,
        });
        return c.redirect(url, 302);
      } catch (e) {
        return c.redirect(toLogin(e), 302);
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
      try {
        const s = await finishOidcSignIn(deps.db, deps.sessions, {
          providers: config.oidcProviders,
          id,
          publicUrl: config.publicUrl,
          search: new URL(c.req.url).search,
          meta: { ip: clientIp(c, config.trustedProxies), userAgent: c.req.header('user-agent') ?? null },
        });
        setSessionCookie(c, config.cookieSecure, s);
        // A second factor still to give (helper «mfa»): the login page continues the sign-in.
        if ('stage' in s && s.stage !== 'full') return c.redirect('/login?mfa=1', 302);
        return c.redirect(s.returnTo, 302);
      } catch (e) {
        return c.redirect(toLogin(e), 302);
      }
    },
  );
}
