import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import type { Env } from './context.js';

// Vite puts a content hash in every name under /assets: a file there never changes.
export const IMMUTABLE = 'public, max-age=31536000, immutable';
// The shell names the current hashes, so the browser must revalidate it on every load.
export const REVALIDATE = 'no-cache';
export const ONE_DAY = 'public, max-age=86400';

/** Sets Cache-Control on successful answers only: a 404 must not be remembered for a year. */
const cacheFor = (value: string) =>
  createMiddleware<Env>(async (c, next) => {
    await next();
    if (c.res.status !== 200 && c.res.status !== 206 && c.res.status !== 304) return;
    c.header('Cache-Control', value);
    // The same URL may be answered with br, gzip or plain bytes: caches must key on the request's encoding.
    if (!c.res.headers.get('Vary')?.includes('Accept-Encoding')) c.header('Vary', 'Accept-Encoding');
  });

/**
 * The built UI: hashed assets (with the .br/.gz siblings written at build), the favicon and the app
 * shell for every other GET, so that client-side routes survive a reload.
 */
export function serveWeb(app: OpenAPIHono<Env>, webDir: string) {
  const root = path.relative(process.cwd(), webDir);
  app.use('/assets/*', cacheFor(IMMUTABLE), serveStatic({ root, precompressed: true }));
  // A stale tab asking for a chunk of a previous build gets a 404, not the HTML shell as JavaScript.
  app.get('/assets/*', (c) => {
    c.header('Cache-Control', REVALIDATE);
    return c.text('Файл не найден', 404);
  });
  app.get(
    '/favicon.svg',
    cacheFor(ONE_DAY),
    serveStatic({ path: path.join(root, 'favicon.svg'), precompressed: true }),
  );
  // Read per request: a rebuilt UI is served without restarting the server.
  app.get('*', (c) => {
    c.header('Cache-Control', REVALIDATE);
    return c.html(fs.readFileSync(path.join(webDir, 'index.html'), 'utf8'));
  });
}
