import { createMiddleware } from 'hono/factory';
import type { Env } from './context.js';

// The first start in demo mode loads the demo in one transaction while the server already listens
// (docs/decisions/0010-start-in-seconds.md). On PGlite that transaction holds the only connection,
// so until it ends the API answers from memory: /api/health says the demo is loading, the reference
// pages need no database, and everything else is refused at once rather than left hanging.

export type DemoState = 'off' | 'loading' | 'loaded' | 'failed';
export type DemoStatus = { readonly state: DemoState };

export const DEMO_LOADING_MESSAGE = 'Демо-данные загружаются, повторите через несколько секунд';
const DEMO_FAILED_MESSAGE = 'Демо-данные не загрузились: сервер останавливается, причина — в его журнале';
/** Seconds a client is asked to wait: the demo takes 5–15 s on a 2-core machine. */
export const RETRY_AFTER_S = 3;

/** The state of a demo load in progress (`loading` is its promise), or `off` when there is none. */
export function demoStatus(loading?: Promise<unknown>): DemoStatus {
  const status: { state: DemoState } = { state: loading ? 'loading' : 'off' };
  loading?.then(
    () => {
      status.state = 'loaded';
    },
    () => {
      status.state = 'failed';
    },
  );
  return status;
}

export const isDemoPending = (demo: DemoStatus | undefined) =>
  demo?.state === 'loading' || demo?.state === 'failed';

// /api/ready answers for itself: 503 with its checks and reasons (src/api/readiness.ts).
const OPEN_WHILE_LOADING = new Set([
  '/api/health',
  '/api/ready',
  '/api/openapi.json',
  '/api/docs',
  '/api/docs.js',
]);

/** 503 with Retry-After for every API request but the few above while the demo is loading. */
export const demoGate = (demo: DemoStatus | undefined) =>
  createMiddleware<Env>(async (c, next) => {
    if (!isDemoPending(demo) || OPEN_WHILE_LOADING.has(c.req.path)) return next();
    const loading = demo?.state === 'loading';
    return c.json(
      { error: { code: 'UNAVAILABLE', message: loading ? DEMO_LOADING_MESSAGE : DEMO_FAILED_MESSAGE } },
      503,
      loading ? { 'Retry-After': String(RETRY_AFTER_S) } : {},
    );
  });
