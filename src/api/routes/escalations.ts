import type { App, Deps } from '../context.js';

// Сроки и эскалации: правила региона, список «Эскалации» (helper «deadlines», issue 15 §3).
export function escalationRoutes(_app: App, _deps: Deps) {}
