import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Db } from '../db/client.js';
import { parseLsn, replicaFailure } from '../db/replica.js';
import type { Deps, Env } from './context.js';

// Reports read from the replica when one is configured (docs/decisions/0013-read-replica.md).
// Read-your-own-writes: a successful change answers with the primary's WAL position in a cookie;
// a request carrying it reads from the replica only once the replica has replayed that position.

export const WAL_COOKIE = 'opora_wal';

/** Long enough to outlive any lag at which the replica is still used; it only ever costs a
 *  primary read while the replica has not caught up. */
const WAL_COOKIE_SECONDS = 300;

/** After every successful change under /api: the cookie with the primary's position (one cheap query). */
export const walCookie = (deps: Deps) =>
  createMiddleware<Env>(async (c, next) => {
    await next();
    const replica = deps.replica;
    if (!replica || ['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) || c.res.status >= 400) return;
    // Should the position be unknown, the highest one keeps this client on the primary for a while.
    const lsn = await replica.primaryLsn().catch(() => 'FFFFFFFF/FFFFFFFF');
    setCookie(c, WAL_COOKIE, lsn, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure: deps.config.cookieSecure,
      maxAge: WAL_COOKIE_SECONDS,
    });
  });

/**
 * Runs a report's read on the replica when it may serve this request, else on the primary. A read
 * the replica fails to serve (gone, or its query cancelled by WAL replay) is repeated on the primary.
 * Operations stay framework-free: they receive a Db as always.
 */
export async function onReportDb<T>(c: Context<Env>, deps: Deps, read: (db: Db) => Promise<T>): Promise<T> {
  const replica = deps.replica;
  if (!replica) return read(deps.db);
  if (!replica.usableFor(parseLsn(getCookie(c, WAL_COOKIE)))) {
    replica.stats.primaryReads++;
    return read(deps.db);
  }
  try {
    const result = await read(replica.db);
    replica.stats.replicaReads++;
    return result;
  } catch (e) {
    const failure = replicaFailure(e);
    if (!failure) throw e;
    replica.stats.fallbacks++;
    if (failure === 'unreachable') replica.markDown(e instanceof Error ? e.message : String(e));
    replica.stats.primaryReads++;
    return read(deps.db);
  }
}
