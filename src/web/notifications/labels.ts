import { countLabel } from '../../lib/plural.js';

// Strings of the notification centre (issue 15 §3); the kinds' names are the server's (modules/notifications/kinds.ts).
export { KIND_LABELS } from '../../modules/notifications/kinds.js';

/** «1 непрочитанное», «3 непрочитанных» — an adjective after a number, not one of the counted nouns. */
const UNREAD_FORMS = ['непрочитанное', 'непрочитанных', 'непрочитанных'] as const;

export const L = {
  bell: (n: number) => `Уведомления: ${countLabel(n, UNREAD_FORMS)}`,
  title: 'Уведомления',
  latest: 'Последние уведомления',
  all: 'Все уведомления',
  none: 'Уведомлений нет',
  noneUnread: 'Непрочитанных уведомлений нет',
  markAll: 'Отметить все прочитанными',
  markRead: 'Прочитано',
  open: 'Открыть',
  unreadOnly: 'Непрочитанные',
  everything: 'Все',
  kind: 'Вид',
  anyKind: 'Любой вид',
  settings: 'Почта',
  emailMode: 'Письма',
  digest: 'Ежедневная сводка',
  off: 'Не присылать',
  immediate: 'Присылать сразу, отдельным письмом',
  email: 'Адрес электронной почты',
  emailHint: 'На этот адрес придут сводка и письма «сразу»',
  save: 'Сохранить',
  saved: 'Настройки почты сохранены',
  emailDisabled:
    'Сервер пока не отправляет почту (не настроен SMTP_URL): уведомления видны только здесь, настройки сохранятся на будущее.',
} as const;
