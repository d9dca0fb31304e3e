import type { App, Deps } from '../context.js';

// Банк практик: подача, рассмотрение, публикация, поиск, похожие школы (helper «practices», issue 15 §2).
export function practiceRoutes(_app: App, _deps: Deps) {}
