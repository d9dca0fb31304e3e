import { createHash, timingSafeEqual } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../lib/errors.js';
import { access } from '../../modules/access/endpoint-rules.js';
import type { App, Deps } from '../context.js';
import { RETRY_AFTER_S } from '../demo-gate.js';
import { appMetrics, renderMetrics } from '../metrics.js';
import { ERRORS } from '../openapi.js';
import { checkReadiness } from '../readiness.js';

// Operations of a region's IT department (issue 17 §8): readiness for a load balancer and Prometheus
// metrics behind a token. Liveness (/api/health) stays in misc.ts.

const checkState = z.enum(['ok', 'fail', 'skipped', 'off']);
const readiness = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z
    .object({ database: checkState, migrations: checkState, jobs: checkState, demo: checkState })
    .describe('ok — в порядке, fail — нет, skipped — не проверялось (нечем), off — не используется'),
  reasons: z.array(z.string()).describe('Почему не готов, по-русски; пусто, когда готов'),
});

const sha = (s: string) => createHash('sha256').update(s).digest();

/** Bearer token of the request equals the configured one (hashes compared: no length or timing leak). */
function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return !!m?.[1] && timingSafeEqual(sha(m[1].trim()), sha(token));
}

export function operationsRoutes(app: App, deps: Deps) {
  app.openapi(
    createRoute({
      ...access('public'),
      method: 'get',
      path: '/api/ready',
      tags: ['Служебное'],
      summary:
        'Готов ли сервис принимать работу: база отвечает, миграции применены, обработчик заданий этого ' +
        'процесса работает, демо-данные (если есть) загружены; иначе 503 с причинами',
      responses: {
        200: { description: 'Готов', content: { 'application/json': { schema: readiness } } },
        503: {
          description: 'Не готов: причины в reasons',
          content: { 'application/json': { schema: readiness } },
        },
      },
    }),
    async (c) => {
      const r = await checkReadiness(deps);
      const body = {
        status: r.ready ? ('ready' as const) : ('not_ready' as const),
        checks: r.checks,
        reasons: r.reasons,
      };
      if (r.ready) return c.json(body, 200);
      if (deps.demo?.state === 'loading') c.header('Retry-After', String(RETRY_AFTER_S));
      return c.json(body, 503);
    },
  );

  const registries = appMetrics(deps.db, deps.pool);
  app.openapi(
    createRoute({
      ...access('metrics-token'),
      method: 'get',
      path: '/api/metrics',
      tags: ['Служебное'],
      summary:
        'Метрики в формате Prometheus (запросы, задержки, очередь заданий, соединения с базой, процесс); ' +
        'заголовок Authorization: Bearer METRICS_TOKEN; без настроенного токена адреса нет (404)',
      responses: {
        200: {
          description: 'Метрики; при нескольких процессах (WORKERS) — сумма по всем',
          content: { 'text/plain': { schema: z.string() } },
        },
        401: ERRORS[401],
        404: ERRORS[404],
        503: ERRORS[503],
      },
    }),
    async (c) => {
      const token = deps.config.metricsToken;
      if (!token) throw new AppError('NOT_FOUND', 'Нет такого адреса API');
      if (!tokenMatches(c.req.header('authorization'), token))
        throw new AppError('UNAUTHENTICATED', 'Нужен токен метрик: заголовок Authorization: Bearer …');
      const text = await renderMetrics(registries);
      return c.text(text, 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
    },
  );
}
