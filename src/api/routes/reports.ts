import type { App, Deps } from '../context.js';

// Аналитические справки и управленческие решения (helper «reports», issue 13 §5).
export function reportRoutes(_app: App, _deps: Deps) {}
