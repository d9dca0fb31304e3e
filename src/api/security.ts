import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../lib/errors.js';
import type { ActorCache } from '../modules/auth/actor-cache.js';
import { loadActor } from '../modules/auth/load-actor.js';
import { findSessionUser, tokenId } from '../modules/auth/sessions.js';
import { RateLimitedError } from '../modules/auth/throttle.js';
import { type Deps, type Env, SESSION_COOKIE } from './context.js';

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

/** The session's actor, from the short-lived cache of this instance or from the database. */
export const sessionLoader = (deps: Deps, cache: ActorCache) =>
  createMiddleware<Env>(async (c, next) => {
    c.set('actor', null);
    c.set('sessionToken', null);
    c.set('actorCache', cache);
    const token = getCookie(c, SESSION_COOKIE);
    if (token && token.length < 200) {
      const id = tokenId(deps.sessions.secret, token);
      let actor = cache.get(id);
      if (actor === undefined) {
        const userId = await findSessionUser(deps.db, deps.sessions, token);
        actor = userId ? await loadActor(deps.db, userId) : null;
        cache.set(id, actor);
      }
      if (actor) {
        c.set('actor', actor);
        c.set('sessionToken', token);
      }
    }
    return next();
  });

/**
 * After a change of accounts, roles, a password or a sign-out on this instance, no cached actor may
 * outlive it here: the cache is emptied (it refills from the database in one query per session).
 */
export const forgetActorsAfterChange = createMiddleware<Env>(async (c, next) => {
  await next();
  if (c.req.method !== 'GET' && c.res.status < 400) c.var.actorCache.clear();
});

export const securityHeaders = createMiddleware<Env>(async (c, next) => {
  await next();
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('X-Frame-Options', 'DENY');
  c.header('Referrer-Policy', 'same-origin');
  // API answers (files included) carry personal data: no browser or proxy may keep a copy. An answer
  // with an ETag chose its own policy (src/api/etag.ts: private, revalidated every time).
  if ((c.req.path === '/api' || c.req.path.startsWith('/api/')) && !c.res.headers.has('ETag'))
    c.header('Cache-Control', 'no-store');
  if (c.error instanceof RateLimitedError) c.header('Retry-After', String(c.error.retryAfterSeconds));
  c.header(
    'Content-Security-Policy',
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
  );
});
