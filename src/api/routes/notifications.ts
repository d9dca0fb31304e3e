import type { App, Deps } from '../context.js';

// Уведомления: центр уведомлений, отметка о прочтении, настройки почты (helper «notifications», issue 15 §3).
export function notificationRoutes(_app: App, _deps: Deps) {}
