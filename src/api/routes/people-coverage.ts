import type { App, Deps } from '../context.js';

// Охват поддержки педагогов (helper «coverage», issue 14 §1).
export function peopleCoverageRoutes(_app: App, _deps: Deps) {}
