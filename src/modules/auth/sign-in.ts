import type { Db } from '../../db/client.js';
import { recordEvent } from '../audit/record-event.js';
import { signInStage } from './mfa-stage.js';
import { createSession, type SessionSettings, type SignInMeta } from './sessions.js';

/**
 * The one end of every way of signing in (password, LDAP, OIDC): the first factor has been checked by
 * the caller; the session and its history event land together or not at all. The session's stage says
 * whether a second factor is still to come (issue 17 §3): 'mfa' — a code is asked for, 'mfa_enrol' — a
 * role requires one that is not set up yet; such a session gives no actor, and `user.logged_in` is
 * written only when the session becomes full (verify-mfa.ts, enrol-mfa.ts). The caller sets the
 * cookie in any case and, when the stage is not 'full', sends the browser to the code's form.
 */
export async function finishSignIn(
  db: Db,
  settings: SessionSettings,
  user: { id: string; fullName: string },
  meta: SignInMeta,
) {
  const session = await db.transaction(async (tx) => {
    const stage = await signInStage(tx, user.id, settings.mfaRequiredRoles ?? []);
    const created = { ...(await createSession(tx, settings, user.id, { ...meta, stage })), stage };
    if (stage !== 'full') return created;
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
