import type { OpenAPIHono } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { invalid } from '../lib/errors.js';
import type { Env } from './context.js';

// Input that no route may accept, decided here once for every route: query parameters the route does
// not declare, and NUL characters (PostgreSQL refuses \u0000 in text) in the query or a JSON body.

export const NUL_MESSAGE = 'Текст не должен содержать нулевой символ (\\u0000)';

type RouteQuery = { method: string; pattern: RegExp; literal: number; keys: Set<string> };

function queryKeys(query: unknown): Set<string> {
  const shape = (query as { shape?: Record<string, unknown> } | undefined)?.shape;
  return new Set(shape ? Object.keys(shape) : []);
}

function routeQueries(app: OpenAPIHono<Env>): RouteQuery[] {
  const out: RouteQuery[] = [];
  for (const d of app.openAPIRegistry.definitions) {
    if (d.type !== 'route') continue;
    const { method, path, request } = d.route;
    out.push({
      method: method.toUpperCase(),
      pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      literal: path.replace(/\{[^}]+\}/g, '').length,
      keys: queryKeys(request?.query),
    });
  }
  // A literal segment wins over a parameter: /api/org-units/import before /api/org-units/{id}.
  return out.sort((a, b) => b.literal - a.literal);
}

/** True when a string or a key anywhere in the JSON value holds a NUL character. */
export function hasNul(value: unknown): boolean {
  // Iterative: a body of thousands of nested arrays must not overflow the stack.
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return true;
    } else if (Array.isArray(v)) {
      stack.push(...v);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k.includes('\u0000')) return true;
        stack.push(x);
      }
    }
  }
  return false;
}

export const inputGuard = (app: OpenAPIHono<Env>) => {
  // Built on the first request: the routes are registered after the middleware.
  let routes: RouteQuery[] | undefined;
  return createMiddleware<Env>(async (c, next) => {
    // Most requests have no query string: nothing to check, and no URL to parse.
    if (!c.req.url.includes('?') && c.req.method === 'GET') return next();
    const url = new URL(c.req.url);
    for (const [k, v] of url.searchParams) {
      if (k.includes('\u0000') || v.includes('\u0000')) throw invalid(NUL_MESSAGE);
    }
    routes ??= routeQueries(app);
    const route = routes.find((r) => r.method === c.req.method && r.pattern.test(url.pathname));
    if (route) {
      const unknown = [...new Set(url.searchParams.keys())].filter((k) => !route.keys.has(k));
      if (unknown.length > 0) {
        throw invalid(
          `Неизвестный параметр запроса: ${unknown.map((k) => `«${k.slice(0, 50)}»`).join(', ')}`,
          unknown.map((k) => ({ field: k.slice(0, 50), message: 'Неизвестный параметр' })),
        );
      }
    }
    if (c.req.header('content-type')?.toLowerCase().includes('json') && c.req.method !== 'GET') {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        throw invalid('Тело запроса — не JSON или повреждено');
      }
      if (hasNul(body)) throw invalid(NUL_MESSAGE);
    }
    return next();
  });
};
