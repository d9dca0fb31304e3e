import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { users } from '../../src/db/schema/auth.js';
import { notify } from '../../src/modules/notifications/notify.js';
import type { Target } from './requests.js';
import type { Samples } from './samples.js';
import { LOGINS, type Login } from './scope.js';

// Helper «notifications» (issue 15 §3): a notice of the `curator` account; every other account must not
// see it (404). The centre's other endpoints work on the caller's own notices: everyone signed in may.

const STALE = 999_999;

export type NotificationSamples = { curatorNoticeId: string };

export async function notificationSamples(db: Db): Promise<NotificationSamples> {
  const [curator] = await db.select({ id: users.id }).from(users).where(eq(users.login, 'curator'));
  if (!curator) throw new Error('no curator account in the demo');
  await notify(db, [
    {
      userId: curator.id,
      kind: 'awaiting_confirmation',
      title: 'Мероприятие ждёт подтверждения',
      body: 'Проверка доступа',
      dedupeKey: 'access-matrix:sample',
    },
  ]);
  const [row] = await db.query.notifications.findMany({
    where: (n, { and, eq }) => and(eq(n.userId, curator.id), eq(n.dedupeKey, 'access-matrix:sample')),
  });
  if (!row) throw new Error('no sample notice');
  return { curatorNoticeId: row.id };
}

type Case = {
  label: string;
  params: Record<string, string>;
  target: Target;
  sees: readonly Login[];
  may: readonly Login[];
};

export function notificationCases(rule: string, s: Samples, user: Target['user']): Case[] | null {
  const target: Target = { all: s, user };
  switch (rule) {
    case 'notification.own':
      // The list, the count and «read all»: the caller's own.
      return [{ label: 'own', params: {}, target, sees: LOGINS, may: LOGINS }];
    case 'notification.one':
      return [
        {
          label: 'curatorNotice',
          params: { id: s.notifications.curatorNoticeId },
          target,
          sees: ['curator'],
          may: ['curator'],
        },
      ];
    case 'notification-settings.own':
      return [{ label: 'own', params: {}, target, sees: LOGINS, may: LOGINS }];
    default:
      return null;
  }
}

/** A stale version: the settings' write answers 409 to everyone and changes nothing. */
export const NOTIFICATION_REQUESTS: Record<string, (t: Target) => { query?: string; body?: unknown }> = {
  'PUT /api/notifications/settings': () => ({
    body: { emailMode: 'digest', immediateKinds: [], email: null, version: STALE },
  }),
};
