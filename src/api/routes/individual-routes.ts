import type { App, Deps } from '../context.js';

// ИОМ педагогов, курсы, запрос на ПК и сбор образовательных потребностей (helper «routes», issue 14 §1).
export function individualRouteRoutes(_app: App, _deps: Deps) {}
