import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ZodType } from 'zod';
import type { Env } from '../../src/api/context.js';

type RouteSchema = { method: string; pattern: RegExp; path: string; responses: Map<number, ZodType> };

function isZod(v: unknown): v is ZodType {
  return typeof v === 'object' && v !== null && 'safeParse' in v;
}

/** The Zod response schemas of every route of the app, matched by method and path template. */
export function responseSchemas(app: OpenAPIHono<Env>): RouteSchema[] {
  const out: RouteSchema[] = [];
  for (const d of app.openAPIRegistry.definitions) {
    if (d.type !== 'route') continue;
    const { method, path, responses } = d.route;
    const byStatus = new Map<number, ZodType>();
    for (const [status, r] of Object.entries(responses)) {
      const media = 'content' in r ? r.content?.['application/json'] : undefined;
      const schema = media && 'schema' in media ? media.schema : undefined;
      if (isZod(schema)) byStatus.set(Number(status), schema);
    }
    const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    out.push({ method: method.toUpperCase(), pattern, path, responses: byStatus });
  }
  return out;
}

/**
 * Throws when a JSON response does not parse with the schema its route declares for the status; a 2xx
 * must be declared, an error status is checked when it is (every declared one uses the error schema).
 */
export async function checkResponse(routes: RouteSchema[], method: string, url: string, res: Response) {
  if (!res.headers.get('content-type')?.includes('application/json')) return;
  const pathname = new URL(url, 'http://localhost').pathname;
  const route = routes.find((r) => r.method === method.toUpperCase() && r.pattern.test(pathname));
  if (!route) return;
  const schema = route.responses.get(res.status);
  if (!schema) {
    if (res.status >= 200 && res.status < 300) {
      throw new Error(`${method} ${route.path}: no JSON schema declared for ${res.status}`);
    }
    return;
  }
  const r = schema.safeParse(await res.clone().json());
  if (!r.success) {
    const issues = r.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ');
    throw new Error(`${method} ${route.path}: the response does not match its schema: ${issues}`);
  }
}
