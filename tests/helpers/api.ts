import { createApp } from '../../src/api/app.js';
import type { Deps } from '../../src/api/context.js';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/client.js';
import { databaseStorage } from '../../src/modules/files/storage.js';
import { checkResponse, responseSchemas } from './response-check.js';

/**
 * The real HTTP app over a test database, called in-process (no socket). `peer` stands for the
 * socket's remote address: it is passed the way @hono/node-server passes it (`c.env.incoming`).
 */
export function testApp(
  database: Database,
  env: Record<string, string> = {},
  extra: Pick<Deps, 'actorCache' | 'demo' | 'log' | 'jobs' | 'pool'> = {},
) {
  const config = loadConfig({ DEMO: 'true', UPLOAD_MAX_MB: '2', ...env });
  const app = createApp({
    db: database.db,
    dbKind: database.kind,
    storage: databaseStorage(database.db),
    config,
    sessions: { secret: 'test-secret-test-secret', ttlHours: 1 },
    ...extra,
  });
  const routes = responseSchemas(app);
  const call = async (
    method: string,
    url: string,
    opts: { cookie?: string; body?: unknown; headers?: Record<string, string>; peer?: string } = {},
  ) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.cookie) headers.cookie = opts.cookie;
    let body: BodyInit | undefined;
    if (opts.body instanceof FormData) body = opts.body;
    else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    const bindings = opts.peer ? { incoming: { socket: { remoteAddress: opts.peer } } } : undefined;
    const res = await app.request(`http://localhost${url}`, { method, headers, body }, bindings);
    // Every API test thereby checks that the answers are true to the OpenAPI document.
    await checkResponse(routes, method, url, res);
    return res;
  };
  const login = async (loginName: string, password = 'demo') => {
    const res = await call('POST', '/api/auth/login', { body: { login: loginName, password } });
    if (res.status !== 200) throw new Error(`login ${loginName}: ${res.status} ${await res.text()}`);
    const cookie = res.headers.get('set-cookie')?.split(';')[0];
    if (!cookie) throw new Error('no cookie');
    return cookie;
  };
  return { app, call, login };
}
