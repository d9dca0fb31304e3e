// A loopback OpenID Connect provider for tests, the browser stories and trying OIDC sign-in locally
// (issue 17 §1). Its login page accepts any login without a password — it is a stand-in for a region's
// identity provider, never something to expose. Run alone:
//   node scripts/dev-oidc-provider.mjs            (port 3990, or OIDC_DEV_PORT)
// then start Opora with the OIDC_PROVIDERS it prints.
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import Provider from 'oidc-provider';

const html = (s) =>
  String(s).replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch],
  );

const page = (
  title,
  body,
) => `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${html(title)}</title>
<style>body{font-family:sans-serif;background:#eef2f7;margin:0}main{max-width:360px;margin:60px auto;background:#fff;
padding:24px;border-radius:8px;box-shadow:0 1px 4px #0003}input{width:100%;padding:8px;margin:6px 0 14px;box-sizing:border-box}
button{padding:8px 14px;margin-right:8px}</style></head><body><main>${body}</main></body></html>`;

async function readForm(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * Starts the provider on 127.0.0.1. `port` 0 takes a free one. The login typed is the person's `sub`
 * and `preferred_username`; the e-mail is `emails[login]` or `<login>@example.org`, verified unless the
 * login is in `unverified`.
 */
export async function startDevProvider({
  port = 0,
  clientId = 'opora',
  clientSecret = 'opora-dev-secret',
  redirectUris,
  postLogoutRedirectUris = [],
  emails = {},
  unverified = [],
}) {
  const server = http.createServer();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const issuer = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        post_logout_redirect_uris: postLogoutRedirectUris,
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    // PKCE is required of every client here, so a sign-in without the verifier fails at the token endpoint.
    pkce: { required: () => true },
    cookies: { keys: ['dev-oidc-provider-cookie-key'] },
    // Fixed lives (seconds) instead of the defaults, which the library asks to be chosen explicitly.
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    claims: { openid: ['sub'], profile: ['preferred_username', 'name'], email: ['email', 'email_verified'] },
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({
        sub,
        preferred_username: sub,
        name: `Пользователь ${sub}`,
        email: emails[sub] ?? `${sub}@example.org`,
        email_verified: !unverified.includes(sub),
      }),
    }),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        // The confirmation is submitted at once: the person already chose «Выйти» in Opora.
        logoutSource: async (ctx, form) => {
          ctx.body = page('Выход', `<p>Выход…</p>${form}<script>document.forms[0].submit()</script>`);
        },
      },
    },
  });
  // Koa's proxy setting off: the provider is reached directly on loopback.
  const callback = provider.callback();
  server.on('request', async (req, res) => {
    const m = req.url?.match(/^\/interaction\/([\w-]+)$/);
    if (!m) return callback(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (req.method === 'GET') {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(
          page(
            'Вход у поставщика',
            `<h1>Региональный вход (тестовый)</h1>
<form method="post"><label>Логин<input name="login" autofocus autocomplete="off"></label>
<button type="submit" name="action" value="login">Войти</button>
<button type="submit" name="action" value="deny">Отказать</button></form>`,
          ),
        );
        return;
      }
      const form = await readForm(req);
      const login = (form.get('login') ?? '').trim().toLowerCase();
      if (form.get('action') === 'deny' || !login) {
        await provider.interactionFinished(req, res, {
          error: 'access_denied',
          error_description: 'Пользователь отказал в доступе',
        });
        return;
      }
      const grant = new provider.Grant({ accountId: login, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: login }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    } catch (e) {
      res.statusCode = 400;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end(`Ошибка входа у поставщика: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve(undefined));
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const opora = process.env.PUBLIC_URL ?? 'http://localhost:3000';
  const p = await startDevProvider({
    port: Number(process.env.OIDC_DEV_PORT ?? 3990),
    redirectUris: [`${opora}/api/auth/oidc/dev/callback`],
    postLogoutRedirectUris: [`${opora}/login`],
  });
  const providers = [
    {
      id: 'dev',
      label: 'тестовый вход',
      issuer: p.issuer,
      clientId: p.clientId,
      clientSecret: p.clientSecret,
    },
  ];
  console.log(`OIDC provider ${p.issuer}\nOIDC_PROVIDERS='${JSON.stringify(providers)}'`);
}
