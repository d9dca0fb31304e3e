import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { users } from '../../src/db/schema/auth.js';
import { publicSessionId } from '../../src/modules/auth/session-list.js';
import { createSession, tokenId } from '../../src/modules/auth/sessions.js';
import { createUser } from '../../src/modules/auth/users.js';
import { TEST_SYSTEM } from '../helpers/system.js';
import type { Target } from './requests.js';
import type { Samples } from './samples.js';
import { LOGINS, type Login } from './scope.js';

// Helper «mfa» (issue 17 §3–4): the second factor and the sessions are the caller's own. A session of an
// account outside the demo's logins stands for «someone else's session»: every login must get 404 for it
// (the owner's own ending is tested in tests/api-mfa.test.ts; here «end the others» runs before it).

const SETTINGS = { secret: 'test-secret-test-secret', ttlHours: 1 };

export type MfaSamples = { foreignSessionId: string };

export async function mfaSamples(db: Db): Promise<MfaSamples> {
  const login = 'matrix-sessions';
  const [found] = await db.select({ id: users.id }).from(users).where(eq(users.login, login));
  const userId =
    found?.id ??
    (
      await createUser(db, {
        actor: TEST_SYSTEM,
        input: { login, fullName: 'Сеансы Проверки', password: 'пароль-проверки' },
      })
    ).id;
  const { token } = await createSession(db, SETTINGS, userId, {
    ip: '192.0.2.1',
    userAgent: null,
    method: 'password',
  });
  return { foreignSessionId: publicSessionId(tokenId(SETTINGS.secret, token)) };
}

type Case = {
  label: string;
  params: Record<string, string>;
  target: Target;
  sees: readonly Login[];
  may: readonly Login[];
};

export function mfaCases(rule: string, s: Samples, user: Target['user']): Case[] | null {
  const target: Target = { all: s, user };
  switch (rule) {
    case 'mfa.own':
      return [{ label: 'own', params: {}, target, sees: LOGINS, may: LOGINS }];
    case 'session.own':
      return [{ label: 'foreignSession', params: { id: s.mfa.foreignSessionId }, target, sees: [], may: [] }];
    default:
      return null;
  }
}

/** Wrong codes: permitted callers get 400 (confirm) or 409 (no second factor to regenerate or remove). */
export const MFA_REQUESTS: Record<string, (t: Target) => { query?: string; body?: unknown }> = {
  'POST /api/auth/mfa/verify': () => ({ body: { code: '000000' } }),
  'POST /api/me/mfa/confirm': () => ({ body: { code: '000000' } }),
  'POST /api/me/mfa/recovery-codes': () => ({ body: { code: '000000' } }),
  'DELETE /api/me/mfa': () => ({ body: { code: '000000' } }),
};
