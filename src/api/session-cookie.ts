import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { Env } from './context.js';
import { SESSION_COOKIE } from './context.js';

/** The session cookie, set one way for every way of signing in (password, OIDC, LDAP). */
export function setSessionCookie(
  c: Context<Env>,
  secure: boolean,
  session: { token: string; expiresAt: Date },
) {
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    expires: session.expiresAt,
  });
}
