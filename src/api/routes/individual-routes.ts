import type { App, Deps } from '../context.js';

// ИОМ педагогов: построение из дефицитов, действия, подтверждение, статусы (helper «routes», issue 14 §1).
export function individualRouteRoutes(_app: App, _deps: Deps) {}
