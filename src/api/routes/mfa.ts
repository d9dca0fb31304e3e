import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { invalid } from '../../lib/errors.js';
import { access } from '../../modules/access/endpoint-rules.js';
import { confirmMfa, type MfaUser, setupMfa } from '../../modules/auth/enrol-mfa.js';
import {
  disableMfa,
  mfaStatus,
  regenerateRecoveryCodes,
  resetUserMfa,
} from '../../modules/auth/manage-mfa.js';
import {
  codeInput,
  mfaResetView,
  mfaSetupView,
  mfaStatusView,
  recoveryCodesView,
  verifyInput,
  verifyView,
} from '../../modules/auth/mfa-views.js';
import { readSession, type SessionRow } from '../../modules/auth/sessions.js';
import { pendingSessionOf, verifyMfa } from '../../modules/auth/verify-mfa.js';
import { type App, clientIp, type Deps, type Env, requireActor, SESSION_COOKIE } from '../context.js';
import { idParam, jsonBody, OK, okJson, okSchema } from '../openapi.js';

const tags = ['Вход'];

/** The session cookie of a full session replaced by a new token (the second factor passed). */
function setSessionCookie(c: Context<Env>, deps: Deps, s: { token: string; expiresAt: Date }) {
  setCookie(c, SESSION_COOKIE, s.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.config.cookieSecure,
    path: '/',
    expires: s.expiresAt,
  });
}

/** The enrolling user: a signed-in one, or the holder of a session waiting to set up a required factor. */
async function enrollingUser(c: Context<Env>, deps: Deps): Promise<{ user: MfaUser; session: SessionRow }> {
  const token = getCookie(c, SESSION_COOKIE);
  const actor = c.get('actor');
  if (actor) {
    const session = await readSession(deps.db, deps.sessions, token);
    if (session) return { user: { id: actor.userId, login: actor.login, fullName: actor.fullName }, session };
  }
  const { user, session } = await pendingSessionOf(deps.db, deps.sessions, token, ['mfa_enrol']);
  return { user: { id: user.id, login: user.login, fullName: user.fullName }, session };
}

export function mfaRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const required = deps.config.mfaRequiredRoles;

  app.openapi(
    createRoute({
      ...access('public'),
      method: 'post',
      path: '/api/auth/mfa/verify',
      tags,
      summary: 'Второй шаг входа: код из приложения или резервный код (сеанс, ожидающий второго фактора)',
      request: jsonBody(verifyInput),
      responses: okJson('Вход завершён, сеанс заменён новым', verifyView),
    }),
    async (c) => {
      const body = c.req.valid('json');
      const proof = body.code
        ? { code: body.code }
        : body.recoveryCode
          ? { recoveryCode: body.recoveryCode }
          : null;
      if (!proof) throw invalid('Введите код из приложения или резервный код');
      const s = await verifyMfa(db, deps.sessions, {
        token: getCookie(c, SESSION_COOKIE) ?? null,
        proof,
        ip: clientIp(c, deps.config.trustedProxies),
      });
      setSessionCookie(c, deps, s);
      return c.json(
        { ok: true as const, expiresAt: s.expiresAt.toISOString(), recoveryCodesLeft: s.recoveryCodesLeft },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'get',
      path: '/api/me/mfa',
      tags,
      summary: 'Свой второй фактор: включён ли, обязателен ли, сколько резервных кодов осталось',
      responses: okJson('Состояние', mfaStatusView),
    }),
    async (c) => c.json(await mfaStatus(db, { actor: requireActor(c), requiredRoles: required }), 200),
  );

  app.openapi(
    createRoute({
      ...access('mfa.own'),
      method: 'post',
      path: '/api/me/mfa/setup',
      tags,
      summary:
        'Начать подключение приложения-аутентификатора: QR-код и секрет (до подтверждения не действует)',
      responses: okJson('Секрет для приложения', mfaSetupView),
    }),
    async (c) => {
      const { user } = await enrollingUser(c, deps);
      return c.json(await setupMfa(db, deps.sessions, { user }), 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('mfa.own'),
      method: 'post',
      path: '/api/me/mfa/confirm',
      tags,
      summary: 'Подтвердить подключение кодом из приложения: второй фактор включён, выданы резервные коды',
      request: jsonBody(codeInput),
      responses: okJson('Включено', recoveryCodesView),
    }),
    async (c) => {
      const { user, session } = await enrollingUser(c, deps);
      const r = await confirmMfa(db, deps.sessions, {
        user,
        session,
        code: c.req.valid('json').code,
        ip: clientIp(c, deps.config.trustedProxies),
      });
      if (r.session) setSessionCookie(c, deps, r.session);
      return c.json(
        { recoveryCodes: r.recoveryCodes, expiresAt: r.session?.expiresAt.toISOString() ?? null },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'post',
      path: '/api/me/mfa/recovery-codes',
      tags,
      summary: 'Новые резервные коды вместо прежних (нужен текущий код из приложения)',
      request: jsonBody(codeInput),
      responses: okJson('Новые коды', recoveryCodesView),
    }),
    async (c) => {
      const r = await regenerateRecoveryCodes(db, deps.sessions, {
        actor: requireActor(c),
        code: c.req.valid('json').code,
        ip: clientIp(c, deps.config.trustedProxies),
      });
      return c.json({ recoveryCodes: r.recoveryCodes, expiresAt: null }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('signed-in'),
      method: 'delete',
      path: '/api/me/mfa',
      tags,
      summary: 'Отключить второй фактор (нужен текущий код; нельзя, если роль требует его)',
      request: jsonBody(codeInput),
      responses: okJson('Отключён', okSchema),
    }),
    async (c) => {
      await disableMfa(db, deps.sessions, {
        actor: requireActor(c),
        code: c.req.valid('json').code,
        ip: clientIp(c, deps.config.trustedProxies),
        requiredRoles: required,
      });
      return c.json(OK, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('admin'),
      method: 'post',
      path: '/api/users/{id}/mfa/reset',
      tags: ['Пользователи'],
      summary: 'Сбросить второй фактор пользователя (потерян телефон); его сеансы завершаются',
      request: { params: idParam },
      responses: okJson('Сброшен', mfaResetView),
    }),
    async (c) =>
      c.json(await resetUserMfa(db, { actor: requireActor(c), userId: c.req.valid('param').id }), 200),
  );
}

export const sessionIdParam = z.object({
  id: z.string().regex(/^[\w-]{1,64}$/, 'Неверный идентификатор сеанса'),
});
