import type { App, Deps } from '../context.js';

// Обучающиеся с рисками учебной неуспешности: реестр школы, меры, контрольные точки, сводки без имён (helper «pupils», issue 14 §2).
export function pupilRoutes(_app: App, _deps: Deps) {}
