import type { App, Deps } from '../context.js';

// Позитивные изменения и эффект поддержки (helper «analysis», issue 13 §3–4).
export function analysisRoutes(_app: App, _deps: Deps) {}
