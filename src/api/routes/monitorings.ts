import type { App, Deps } from '../context.js';

// Мониторинги и формы (helper «monitoring», issue 13 §2).
export function monitoringRoutes(_app: App, _deps: Deps) {}
