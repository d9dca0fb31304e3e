import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Replica } from '../db/replica.js';
import { resolveClientIp } from '../lib/client-ip.js';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import type { Actor } from '../modules/access/actor.js';
import type { BulkLoader } from '../modules/assessment-data/store.js';
import type { ActorCache } from '../modules/auth/actor-cache.js';
import type { SessionSettings } from '../modules/auth/sessions.js';
import type { FileStorage } from '../modules/files/storage.js';
import type { DemoStatus } from './demo-gate.js';
import type { PoolStats } from './metrics.js';

export type Deps = {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  storage: FileStorage;
  config: Config;
  sessions: SessionSettings;
  /** Fast bulk loading of assessment data (COPY) when the driver offers it. */
  bulk?: BulkLoader;
  /** A streaming replica for reports (DATABASE_REPLICA_URL); see api/report-db.ts. */
  replica?: Replica;
  /** Shared with the LISTEN/NOTIFY feed on PostgreSQL (server.ts); a private one when not given. */
  actorCache?: ActorCache;
  /** A demo being loaded while the server listens: the API waits for it (demo-gate.ts). */
  demo?: DemoStatus;
  /** Request lines and errors (src/lib/log.ts); the process's logger when not given. */
  log?: Logger;
  /** This process's job worker, for /api/ready; absent where the app runs without one (tests). */
  jobs?: { alive: () => boolean };
  /** The PostgreSQL pool's counts for /api/metrics; absent on the embedded database. */
  pool?: PoolStats;
};

export type Env = {
  Variables: {
    actor: Actor | null;
    sessionToken: string | null;
    actorCache: ActorCache;
    /** Names the request in the log, the X-Request-Id header and a 500 answer (observe.ts). */
    requestId: string;
    log: Logger;
  };
};
export type App = OpenAPIHono<Env>;

export function requireActor(c: Context<Env>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Войдите в систему');
  return actor;
}

export const SESSION_COOKIE = 'opora_session';

/**
 * The client's address for limits and the audit log. The socket peer comes from the Node server's
 * bindings (`c.env.incoming`); tests pass the same bindings to `app.request`.
 */
export function clientIp(c: Context<Env>, trustedProxies: readonly string[]): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return resolveClientIp(
    env?.incoming?.socket?.remoteAddress,
    c.req.header('x-forwarded-for'),
    trustedProxies,
  );
}
