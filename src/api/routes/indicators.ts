import type { App, Deps } from '../context.js';

// Показатели и цели (helper «indicators», issue 13 §1).
export function indicatorRoutes(_app: App, _deps: Deps) {}
