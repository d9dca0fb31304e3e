import { randomUUID } from 'node:crypto';
import { createRoute } from '@hono/zod-openapi';
import { getCookie, setCookie } from 'hono/cookie';
import { access } from '../../modules/access/endpoint-rules.js';
import { publicAnswerInput, tokenParam } from '../../modules/risk-campaigns/answer-input.js';
import { getAnswerForm } from '../../modules/risk-campaigns/answer-link.js';
import { todayIso } from '../../modules/risk-campaigns/close-campaign.js';
import { submitByLink } from '../../modules/risk-campaigns/submit-answer.js';
import { answerFormView, submittedView } from '../../modules/risk-campaigns/views.js';
import { type App, clientIp, type Deps } from '../context.js';
import { jsonBody, okJson } from '../openapi.js';

// Answering by a link, without signing in (the `public` rule): the form reveals only the questions of
// the link's group, the school's short name and the campaign's dates; the submission returns only «ok».

const tags = ['Анкетирование: ответы'];
/** A random id of the device, kept by the browser for the answering pages only (ADR 0020). */
const DEVICE_COOKIE = 'opora_device';
const cookiePath = '/api/answer';

export function riskAnswerRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.openapi(
    createRoute({
      ...access('public'),
      method: 'get',
      path: '/api/answer/{token}',
      tags,
      summary: 'Анкета по ссылке: вопросы группы, краткое название школы, сроки',
      request: { params: tokenParam },
      responses: okJson('Анкета', answerFormView),
    }),
    async (c) => {
      const form = await getAnswerForm(db, { token: c.req.valid('param').token, today: todayIso() });
      if (!getCookie(c, DEVICE_COOKIE))
        setCookie(c, DEVICE_COOKIE, randomUUID(), {
          httpOnly: true,
          sameSite: 'Lax',
          secure: deps.config.cookieSecure,
          path: cookiePath,
          maxAge: 400 * 24 * 3600,
        });
      c.header('Cache-Control', 'no-store');
      return c.json(form, 200);
    },
  );

  app.openapi(
    createRoute({
      ...access('public'),
      method: 'post',
      path: '/api/answer/{token}',
      tags,
      summary:
        'Отправить анкету по ссылке: один раз с устройства (анонимная ссылка) или один раз (личная ссылка учителя)',
      request: { params: tokenParam, ...jsonBody(publicAnswerInput) },
      responses: okJson('Принято', submittedView),
    }),
    async (c) => {
      const cookie = getCookie(c, DEVICE_COOKIE);
      return c.json(
        await submitByLink(db, {
          token: c.req.valid('param').token,
          ...c.req.valid('json'),
          secret: deps.sessions.secret,
          ip: clientIp(c, deps.config.trustedProxies),
          deviceCookie: cookie && /^[0-9a-f-]{36}$/.test(cookie) ? cookie : null,
        }),
        200,
      );
    },
  );
}
