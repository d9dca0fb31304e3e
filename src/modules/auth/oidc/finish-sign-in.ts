import { and, eq } from 'drizzle-orm';
import * as client from 'openid-client';
import type { OidcProviderConfig } from '../../../config.js';
import type { Db } from '../../../db/client.js';
import { signInStates } from '../../../db/schema/auth.js';
import { recordEvent } from '../../audit/record-event.js';
import { LinkRefused, linkExternalPerson } from '../identities.js';
import type { SessionSettings } from '../sessions.js';
import { finishSignIn } from '../sign-in.js';
import { clearAttempts } from '../throttle.js';
import { OidcSignInError } from './errors.js';
import { callbackUrl, oidcConfiguration, providerById } from './providers.js';
import { safeReturnTo } from './return-to.js';
import { oidcStartKey, SIGN_IN_STATE_MINUTES } from './start-sign-in.js';

type Meta = { ip: string; userAgent: string | null };

/** Refusals recorded as `user.login_failed` (a provider down or a person who cancelled are not attempts). */
const RECORDED = new Set(['unknown', 'ambiguous', 'blocked', 'unverified', 'privileged', 'state']);

type FinishOpts = {
  providers: readonly OidcProviderConfig[];
  id: string;
  publicUrl: string;
  /** The query string the provider sent to the callback. */
  search: string;
  /** The state of the browser's sign-in cookie (set at /start): binds the callback to that browser. */
  browserState: string | undefined;
  meta: Meta;
};

/** As `finish`, and a refusal of the person (not of the provider) is recorded in the audit log. */
export async function finishOidcSignIn(db: Db, settings: SessionSettings, opts: FinishOpts) {
  try {
    return await finish(db, settings, opts);
  } catch (e) {
    if (e instanceof OidcSignInError && RECORDED.has(e.code)) {
      const login = (e.login ?? `oidc:${opts.id}`).trim().toLowerCase().slice(0, 200);
      await recordEvent(
        db,
        null,
        'user.login_failed',
        { entityType: 'session', entityId: login },
        { login, ip: opts.meta.ip },
      );
    }
    throw e;
  }
}

/**
 * Finishes the sign-in at the callback: the state must be the one of this browser's cookie (else an
 * attacker's own callback link would sign the victim in as the attacker — login CSRF); the state is taken once (DELETE … RETURNING — a replayed
 * callback finds nothing), openid-client checks the code exchange with the PKCE verifier, the id_token's
 * signature, issuer, audience, nonce and expiry; the configured claim finds the account by the one linking
 * rule, and the session is made by finishSignIn like every other way of signing in.
 */
async function finish(db: Db, settings: SessionSettings, opts: FinishOpts) {
  const p = providerById(opts.providers, opts.id);
  const params = new URLSearchParams(opts.search);
  const state = params.get('state');
  // Checked before the state is taken: a foreign link does not use up the state of its owner.
  if (!state || opts.browserState !== state) throw new OidcSignInError('state');
  const [saved] = await db
    .delete(signInStates)
    .where(and(eq(signInStates.state, state), eq(signInStates.provider, p.id)))
    .returning();
  if (!saved || Date.now() - saved.createdAt.getTime() > SIGN_IN_STATE_MINUTES * 60_000) {
    throw new OidcSignInError('state');
  }
  if (params.has('error')) throw new OidcSignInError('denied', params.get('error'));
  const config = await oidcConfiguration(p);
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(
      config,
      new URL(`${callbackUrl(opts.publicUrl, p.id)}?${params}`),
      {
        pkceCodeVerifier: saved.codeVerifier,
        expectedState: saved.state,
        expectedNonce: saved.nonce,
        idTokenExpected: true,
      },
    );
  } catch (e) {
    // A provider that cannot be reached is told apart from an answer that does not verify.
    const unreachable = e instanceof TypeError || (e as { code?: string }).code === 'OAUTH_TIMEOUT';
    throw new OidcSignInError(unreachable ? 'provider' : 'failed', e);
  }
  const claims = tokens.claims();
  if (!claims || !tokens.id_token) throw new OidcSignInError('failed');
  let all: Record<string, unknown> = claims;
  // Many providers put profile claims only in userinfo, not in the id_token.
  if (typeof all[p.claim] !== 'string') {
    try {
      all = { ...(await client.fetchUserInfo(config, tokens.access_token, claims.sub)), ...claims };
    } catch (e) {
      throw new OidcSignInError('provider', e);
    }
  }
  const value = all[p.claim];
  if (typeof value !== 'string' || !value.trim()) throw new OidcSignInError('claim');
  let user: Awaited<ReturnType<typeof linkExternalPerson>>;
  try {
    user = await linkExternalPerson(db, {
      provider: `oidc:${p.id}`,
      subject: claims.sub,
      claimValue: value,
      linkBy: p.linkBy,
      emailVerified: all.email_verified === true,
      autoCreate: p.autoCreate,
      fullName: typeof all.name === 'string' ? all.name : undefined,
      email: typeof all.email === 'string' ? all.email : undefined,
    });
  } catch (e) {
    if (e instanceof LinkRefused) throw new OidcSignInError(e.reason, e, value);
    throw e;
  }
  await clearAttempts(db, [oidcStartKey(opts.meta.ip)]);
  const session = await finishSignIn(db, settings, user, {
    ...opts.meta,
    method: `oidc:${p.id}`,
    idTokenHint: tokens.id_token,
  });
  return { ...session, returnTo: safeReturnTo(saved.returnTo) };
}
