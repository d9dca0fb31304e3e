import type { App, Deps } from '../context.js';

// Реестр педагогов, наставничество «учитель–учитель» (helper «staff», issue 14 §1).
export function staffRoutes(_app: App, _deps: Deps) {}
