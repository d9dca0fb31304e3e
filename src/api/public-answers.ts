import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { tagMatches } from './etag.js';

// Answers of the public site (issue 15 §1): cacheable by anyone for a minute, revalidated by ETag
// (304 on If-None-Match), and with their own security policy — no scripts at all, framed by nobody —
// which securityHeaders leaves in place for public paths. The embed block is the one framable page.

export const PUBLIC_CACHE = 'public, max-age=60';
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

const CSP_BASE =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'";
export const PUBLIC_CSP = `${CSP_BASE}; frame-ancestors 'none'`;
/** The embed block: framable by any site, its one script (height for the host) from our origin. */
export const EMBED_CSP = `${CSP_BASE}; script-src 'self'; frame-ancestors *`;

export const isPublicPath = (p: string) =>
  p === '/public' || p.startsWith('/public/') || p === '/robots.txt' || p === '/sitemap.xml';

export function etagOf(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

type Options = {
  status?: number;
  type: string;
  framable?: boolean;
  cache?: string;
  extra?: Record<string, string>;
};

/** A public answer with an ETag of its bytes; 304 when the client already has them. */
export function publicAnswer(c: Context, body: string | Uint8Array, o: Options): Response {
  const etag = etagOf(body);
  const headers: Record<string, string> = {
    'Cache-Control': o.cache ?? PUBLIC_CACHE,
    'Content-Security-Policy': o.framable ? EMBED_CSP : PUBLIC_CSP,
    ETag: etag,
    ...o.extra,
  };
  if (!o.framable) headers['X-Frame-Options'] = 'DENY';
  if ((o.status ?? 200) === 200 && tagMatches(c.req.header('if-none-match'), etag)) {
    return c.body(null, 304, headers);
  }
  headers['Content-Type'] = o.type;
  const bytes = typeof body === 'string' ? body : new Uint8Array(body);
  return c.body(bytes, (o.status ?? 200) as 200, headers);
}

export const HTML = 'text/html; charset=utf-8';
