import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/auth.js';
import { notificationSettings } from '../../db/schema/notifications.js';
import { NOTIFICATION_KINDS } from '../../db/schema/values.js';
import { conflict, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { type NotificationSettingsInput, notificationSettingsInput } from './views.js';

// A user's e-mail choice. No row means the defaults (a daily digest, nothing at once) at version 1; the
// first save inserts the row, so a stale form still meets the version check.

async function current(db: Db, userId: string) {
  const [row] = await db
    .select({
      emailMode: notificationSettings.emailMode,
      immediateKinds: notificationSettings.immediateKinds,
      version: notificationSettings.version,
    })
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId));
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return {
    emailMode: row?.emailMode ?? ('digest' as const),
    immediateKinds: NOTIFICATION_KINDS.filter((k) => (row?.immediateKinds ?? []).includes(k)),
    email: user?.email ?? null,
    version: row?.version ?? 1,
    stored: Boolean(row),
  };
}

/** Access: the actor's own settings. */
export async function getNotificationSettings(db: Db, opts: { actor: Actor; emailEnabled: boolean }) {
  const { stored: _, ...s } = await current(db, opts.actor.userId);
  return { ...s, emailEnabled: opts.emailEnabled };
}

/** Access: the actor's own settings and e-mail address. */
export async function updateNotificationSettings(
  db: Db,
  opts: { actor: Actor; input: NotificationSettingsInput; emailEnabled: boolean },
) {
  const input = parseInput(notificationSettingsInput, opts.input);
  const userId = opts.actor.userId;
  // In the catalogue's order, each once.
  const immediateKinds = NOTIFICATION_KINDS.filter((k) => input.immediateKinds.includes(k));
  return db.transaction(async (tx) => {
    const before = await current(tx, userId);
    if (before.version !== input.version) throw conflict({ version: before.version });
    const values = { emailMode: input.emailMode, immediateKinds, updatedAt: new Date() };
    const [row] = before.stored
      ? await tx
          .update(notificationSettings)
          .set({ ...values, version: sql`${notificationSettings.version} + 1` })
          .where(
            sql`${notificationSettings.userId} = ${userId} and ${notificationSettings.version} = ${input.version}`,
          )
          .returning({ version: notificationSettings.version })
      : await tx
          .insert(notificationSettings)
          .values({ userId, ...values, version: 2 })
          .onConflictDoNothing()
          .returning({ version: notificationSettings.version });
    if (!row) throw conflict();
    // The address is the user's own field: its version moves too, so an administrator's form opened
    // before this change gets a conflict instead of silently writing the old address back.
    if (input.email !== before.email)
      await tx
        .update(users)
        .set({ email: input.email, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
        .where(eq(users.id, userId));
    const changes = [
      { field: 'emailMode', old: before.emailMode, new: input.emailMode },
      { field: 'immediateKinds', old: before.immediateKinds, new: immediateKinds },
      { field: 'email', old: before.email, new: input.email },
    ].filter((c) => JSON.stringify(c.old) !== JSON.stringify(c.new));
    await recordEvent(
      tx,
      opts.actor,
      'notification_settings.updated',
      { entityType: 'notification_settings', entityId: userId },
      { changes },
    );
    return {
      emailMode: input.emailMode,
      immediateKinds,
      email: input.email,
      version: row.version,
      emailEnabled: opts.emailEnabled,
    };
  });
}
