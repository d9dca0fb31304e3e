import type { Db } from '../../db/client.js';
import { recordEvent } from '../audit/record-event.js';
import { createSession, type SessionSettings, type SignInMeta } from './sessions.js';

/**
 * The one end of every way of signing in (password, LDAP, OIDC): the first factor has been checked by
 * the caller; the session and its history event land together or not at all.
 */
export async function finishSignIn(
  db: Db,
  settings: SessionSettings,
  user: { id: string; fullName: string },
  meta: SignInMeta,
) {
  const session = await db.transaction(async (tx) => {
    const created = await createSession(tx, settings, user.id, meta);
    await recordEvent(
      tx,
      { userId: user.id, fullName: user.fullName },
      'user.logged_in',
      { entityType: 'user', entityId: user.id },
      { ip: meta.ip, method: meta.method },
    );
    return created;
  });
  return { ...session, userId: user.id };
}
