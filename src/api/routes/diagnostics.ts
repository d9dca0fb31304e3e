import type { App, Deps } from '../context.js';

// Диагностика профессиональных дефицитов: диагностики, шкала уровней, импорт результатов со сверкой (helper «diagnostics», issue 14 §1).
export function diagnosticRoutes(_app: App, _deps: Deps) {}
