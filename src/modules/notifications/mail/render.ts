import type { NotificationKind } from '../../../db/schema/values.js';
import { WORDS } from '../../../lib/counted.js';
import { countLabel } from '../../../lib/plural.js';
import { KIND_LABELS } from '../kinds.js';

// The texts of e-mails: plain text and the same as simple HTML (no images, no styles beyond inline).

export type MailNotice = {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  created_at: string | Date;
};

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** ДД.ММ.ГГГГ in Moscow time, as the UI shows dates. */
const ruDate = (d: string | Date) =>
  new Date(d).toLocaleDateString('ru-RU', {
    timeZone: 'Europe/Moscow',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });

const url = (publicUrl: string, link: string | null) => `${publicUrl}${link ?? '/notifications'}`;

const SETTINGS_NOTE = 'Настроить почту: ';

export function renderImmediate(n: MailNotice, publicUrl: string) {
  const href = url(publicUrl, n.link);
  const settings = `${publicUrl}/notifications`;
  return {
    subject: `Опора: ${n.title}`,
    text: `${n.title}\n\n${n.body}\n\nОткрыть: ${href}\n\n—\n${SETTINGS_NOTE}${settings}\n`,
    html:
      `<p><strong>${escapeHtml(n.title)}</strong></p><p>${escapeHtml(n.body)}</p>` +
      `<p><a href="${escapeHtml(href)}">Открыть в Опоре</a></p>` +
      `<hr><p style="color:#666">${SETTINGS_NOTE}<a href="${escapeHtml(settings)}">${escapeHtml(settings)}</a></p>`,
  };
}

/** The daily digest: the user's unsent notices grouped by kind, newest first within a kind. */
export function renderDigest(notices: readonly MailNotice[], publicUrl: string) {
  const groups = new Map<NotificationKind, MailNotice[]>();
  for (const n of notices) groups.set(n.kind, [...(groups.get(n.kind) ?? []), n]);
  const settings = `${publicUrl}/notifications`;
  const text: string[] = [];
  const html: string[] = [];
  for (const [kind, list] of groups) {
    text.push(`${KIND_LABELS[kind]} (${list.length})`);
    html.push(`<h3>${escapeHtml(KIND_LABELS[kind])} (${list.length})</h3><ul>`);
    for (const n of list) {
      const href = url(publicUrl, n.link);
      text.push(`• ${ruDate(n.created_at)} ${n.title}. ${n.body}\n  ${href}`);
      html.push(
        `<li>${ruDate(n.created_at)} <a href="${escapeHtml(href)}">${escapeHtml(n.title)}</a>. ${escapeHtml(n.body)}</li>`,
      );
    }
    text.push('');
    html.push('</ul>');
  }
  return {
    subject: `Опора: ${countLabel(notices.length, WORDS.newNotification)}`,
    text: `${text.join('\n')}\nВсе уведомления: ${settings}\n`,
    html: `${html.join('')}<p><a href="${escapeHtml(settings)}">Все уведомления и настройки почты</a></p>`,
  };
}
