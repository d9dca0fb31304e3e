import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../lib/errors.js';
import { type ActorCache, ALL_ACTORS } from '../modules/auth/actor-cache.js';
import { loadSessionActor } from '../modules/auth/session-actor.js';
import { TOUCH_EVERY_MS, tokenId, touchSession } from '../modules/auth/sessions.js';
import { RateLimitedError } from '../modules/auth/throttle.js';
import { type Deps, type Env, SESSION_COOKIE } from './context.js';
import { isPublicPath } from './public-answers.js';

/**
 * CSRF: session cookies are SameSite=Lax, and every state-changing request must come from our own
 * origin by the browser's own account (Sec-Fetch-Site, else Origin). A same-origin fetch passes
 * with no token; a non-browser client sends neither header and carries no ambient cookie.
 */
export const csrfGuard = createMiddleware<Env>(async (c, next) => {
  if (['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) return next();
  const site = c.req.header('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') {
    throw new AppError('FORBIDDEN', 'Запрос с чужого сайта отклонён');
  }
  const origin = c.req.header('origin');
  if (!site && origin !== undefined) {
    const host = c.req.header('x-forwarded-host') ?? c.req.header('host');
    // `Origin: null` (sandboxed frames, file://, some redirects) and garbage cannot be ours.
    if (originHost(origin) !== host) throw new AppError('FORBIDDEN', 'Запрос с чужого сайта отклонён');
  }
  return next();
});

function originHost(origin: string): string | null {
  if (!URL.canParse(origin)) return null;
  const url = new URL(origin);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.host : null;
}

/** The session's actor, from the short-lived cache of this process or from the database (one query). */
export const sessionLoader = (deps: Deps, cache: ActorCache) => {
  // The HMAC of a token is the same each time: remembered for the tokens seen lately.
  const ids = new Map<string, string>();
  const idOf = (token: string) => {
    let id = ids.get(token);
    if (id === undefined) {
      if (ids.size >= 10_000) ids.clear();
      id = tokenId(deps.sessions.secret, token);
      ids.set(token, id);
    }
    return id;
  };
  // When this process last marked a session used: the database is asked at most once a minute per
  // session (and its UPDATE is conditional, so several processes do not each write within the minute).
  const touched = new Map<string, number>();
  const touch = async (id: string) => {
    const now = Date.now();
    if (now - (touched.get(id) ?? 0) < TOUCH_EVERY_MS) return;
    if (touched.size >= 10_000) touched.clear();
    touched.set(id, now);
    try {
      await touchSession(deps.db, id, new Date(now));
    } catch (e) {
      // The list of sessions shows an older time; the request itself is not refused for it.
      console.error('Не удалось отметить использование сеанса:', e);
    }
  };
  return createMiddleware<Env>(async (c, next) => {
    c.set('actor', null);
    c.set('sessionToken', null);
    c.set('actorCache', cache);
    const token = getCookie(c, SESSION_COOKIE);
    if (token && token.length < 200) {
      const id = idOf(token);
      let actor = cache.get(id);
      if (actor === undefined) {
        const generation = cache.generation;
        actor = await loadSessionActor(deps.db, id);
        cache.set(id, actor, Date.now(), generation);
      }
      if (actor) {
        c.set('actor', actor);
        c.set('sessionToken', token);
        await touch(id);
      }
    }
    return next();
  });
};

/**
 * After a change of accounts, roles, a password or a sign-out, no cached actor may outlive it in any
 * process: a sign-out forgets its session, anything else every session (they refill in one query each).
 * The change has committed by now; the announcement reaches the other processes (actor-sync.ts).
 */
export const forgetActorsAfterChange = (deps: Deps) =>
  createMiddleware<Env>(async (c, next) => {
    await next();
    if (c.req.method === 'GET' || c.res.status >= 400) return;
    const token = c.var.sessionToken;
    const change =
      c.req.path === '/api/auth/logout' && token ? tokenId(deps.sessions.secret, token) : ALL_ACTORS;
    try {
      await c.var.actorCache.invalidate(change);
    } catch (e) {
      // Done here already; the others see the change when their entries expire (2 s).
      c.var.log.error(
        { req: c.var.requestId, err: e },
        'Не удалось оповестить другие процессы о смене сеансов или ролей',
      );
    }
  });

const CSP_BASE =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'";
const CSP = `${CSP_BASE}; frame-ancestors 'none'`;
/** A file shown inline in the proof's preview may be framed by our own pages, and by nobody else. */
const CSP_FRAMED_BY_SELF = `${CSP_BASE}; frame-ancestors 'self'`;

export const securityHeaders = createMiddleware<Env>(async (c, next) => {
  await next();
  // Straight onto the answer's headers: Hono's c.header() after the handler rebuilds the whole
  // Response on each call, which cost more than the session check itself (docs/decisions/0012).
  const h = c.res.headers;
  h.set('X-Content-Type-Options', 'nosniff');
  const framedBySelf = h.get('X-Frame-Options') === 'SAMEORIGIN' && c.req.path.startsWith('/api/files/');
  // The public site (issue 15 §1) sets its own policy: no scripts, and its embed block framable by anyone.
  const ownPolicy = isPublicPath(c.req.path) && h.has('Content-Security-Policy');
  if (!ownPolicy) h.set('X-Frame-Options', framedBySelf ? 'SAMEORIGIN' : 'DENY');
  h.set('Referrer-Policy', 'same-origin');
  // API answers (files included) carry personal data: no browser or proxy may keep a copy. An answer
  // with an ETag chose its own policy (src/api/etag.ts: private, revalidated every time).
  if ((c.req.path === '/api' || c.req.path.startsWith('/api/')) && !h.has('ETag'))
    h.set('Cache-Control', 'no-store');
  if (c.error instanceof RateLimitedError) h.set('Retry-After', String(c.error.retryAfterSeconds));
  if (!ownPolicy) h.set('Content-Security-Policy', framedBySelf ? CSP_FRAMED_BY_SELF : CSP);
});
