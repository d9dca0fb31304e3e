import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { isTrustedProxy } from '../lib/client-ip.js';
import { log } from '../lib/log.js';
import type { Deps, Env } from './context.js';
import { processMetrics } from './metrics.js';

// Every request, first in and last out (issue 17 §8): a request id, one log line and the HTTP metrics.
// The line holds ids only — request id, the route's template, the user's UUID — never the raw URL (ids,
// query strings with names), a login, a body, a cookie or an address: support finds a request by the
// «код обращения» of a 500 answer, the user by the UUID.

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** What a proxy may name a request by; anything else is replaced by our own id. */
const GOOD_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Hono's matched path as the OpenAPI path: `/api/roadmaps/:id` → `/api/roadmaps/{id}`. */
export function routeTemplate(routePath: string): string {
  return routePath.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}');
}

function requestId(header: string | undefined, peer: string | undefined, proxies: readonly string[]) {
  // Only a proxy we trust names requests: a client could otherwise plant one id on many lines.
  if (header && GOOD_ID.test(header) && isTrustedProxy(peer, proxies)) return header;
  return randomUUID();
}

type Series = { count: { inc: () => void }; time: { observe: (s: number) => void } };
const seriesCache = new Map<string, Series>();

/** The label children of one method, route and status, kept: prom-client hashes labels on every call. */
function series(method: string, route: string, status: number): Series {
  const key = `${method} ${route} ${status}`;
  let s = seriesCache.get(key);
  if (!s) {
    const m = processMetrics();
    s = {
      count: m.requests.labels({ method, route, status: String(status) }),
      time: m.duration.labels({ method, route }),
    };
    seriesCache.set(key, s);
  }
  return s;
}

export const observe = (deps: Deps) =>
  createMiddleware<Env>(async (c, next) => {
    const started = performance.now();
    const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
    const id = requestId(
      c.req.header('x-request-id'),
      env?.incoming?.socket?.remoteAddress,
      deps.config.trustedProxies,
    );
    const logger = deps.log ?? log;
    c.set('requestId', id);
    c.set('log', logger);
    await next();
    try {
      c.res.headers.set('X-Request-Id', id);
    } catch {
      // A response with immutable headers (a fetched one) goes out without it.
    }
    const seconds = (performance.now() - started) / 1000;
    const method = METHODS.has(c.req.method) ? c.req.method : 'OTHER';
    const route = routeTemplate(c.req.routePath);
    const status = c.res.status;
    const s = series(method, route, status);
    s.count.inc();
    s.time.observe(seconds);
    const user = c.get('actor')?.userId;
    logger[status >= 500 && status !== 503 ? 'warn' : 'info'](
      { req: id, method, route, status, ms: Math.round(seconds * 10_000) / 10, ...(user ? { user } : {}) },
      'запрос',
    );
  });
