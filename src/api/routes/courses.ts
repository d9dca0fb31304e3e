import type { App, Deps } from '../context.js';

// Курсы ПК/ПП и стажировки, запись и прохождение, запрос на ПК, сбор образовательных потребностей (helper «courses», issue 14 §1).
export function courseRoutes(_app: App, _deps: Deps) {}
