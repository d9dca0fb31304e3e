import type { App, Deps } from '../context.js';

// Публикация: опубликовать и снять с публикации карты, документы, справки и списки, история публикаций (helper «publish», issue 15 §1).
export function publicationRoutes(_app: App, _deps: Deps) {}
