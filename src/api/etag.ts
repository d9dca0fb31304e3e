import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';

// Conditional GET for JSON the operation already wrote as text (see docs/decisions/0011-cheap-reads.md).
// Such answers may be kept by the browser of the signed-in user only, and revalidated on every use:
// `private, no-cache` replaces the API's `no-store` for them (securityHeaders leaves an ETag'd answer's
// own Cache-Control alone).
export const REVALIDATE_PRIVATE = 'private, no-cache';

const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/** If-None-Match uses the weak comparison: any listed tag (or `*`) equal to ours, W/ ignored. */
export function tagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const ours = opaque(etag);
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || opaque(t) === ours);
}

export function notModified(c: Context, etag: string): Response {
  return c.body(null, 304, { ETag: etag, 'Cache-Control': REVALIDATE_PRIVATE });
}

/** A JSON body written by the database, sent as is (no parse and stringify on the way). */
export function jsonText(c: Context, json: string, etag: string): Response {
  return c.body(json, 200, {
    'Content-Type': 'application/json',
    ETag: etag,
    'Cache-Control': REVALIDATE_PRIVATE,
  });
}

/** The request header of a conditional GET, for the OpenAPI document. */
export const ifNoneMatch = z.object({
  'if-none-match': z.string().max(2000).optional().openapi({ description: 'ETag полученной ранее версии' }),
});
