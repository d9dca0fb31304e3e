import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../lib/errors.js';
import { loadActor } from '../modules/auth/load-actor.js';
import { findSessionUser } from '../modules/auth/sessions.js';
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

export const sessionLoader = (deps: Deps) =>
  createMiddleware<Env>(async (c, next) => {
    c.set('actor', null);
    c.set('sessionToken', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token && token.length < 200) {
      const userId = await findSessionUser(deps.db, deps.sessions, token);
      if (userId) {
        c.set('actor', await loadActor(deps.db, userId));
        c.set('sessionToken', token);
      }
    }
    return next();
  });

export const securityHeaders = createMiddleware<Env>(async (c, next) => {
  await next();
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('X-Frame-Options', 'DENY');
  c.header('Referrer-Policy', 'same-origin');
  // API answers (files included) carry personal data: no browser or proxy may keep a copy.
  if (c.req.path === '/api' || c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
  if (c.error instanceof RateLimitedError) c.header('Retry-After', String(c.error.retryAfterSeconds));
  c.header(
    'Content-Security-Policy',
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
  );
});
