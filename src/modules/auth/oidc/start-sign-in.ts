import { lt } from 'drizzle-orm';
import * as client from 'openid-client';
import type { OidcProviderConfig } from '../../../config.js';
import type { Db } from '../../../db/client.js';
import { signInStates } from '../../../db/schema/auth.js';
import { reserveAttempts, type ThrottlePolicy } from '../throttle.js';
import { callbackUrl, oidcConfiguration, providerById } from './providers.js';
import { safeReturnTo } from './return-to.js';

/** How long a sign-in begun at a provider may take before its state is refused. */
export const SIGN_IN_STATE_MINUTES = 10;

/**
 * Every /start writes a row: an address gets 60 sign-ins begun and not finished, then waits 1 s, 2 s …
 * up to a minute between starts. A finished sign-in from the address starts its count over, so a
 * school behind one address is not held up by its own people.
 */
export const OIDC_STARTS_PER_IP: ThrottlePolicy = { free: 60, baseMs: 1000, maxMs: 60_000 };
export const oidcStartKey = (ip: string) => `oidcs:${ip}`;

/**
 * Begins the authorization code flow with PKCE: state, nonce and the code verifier are kept in the
 * database (any instance may receive the callback) and the provider's authorization address returned
 * with the state, which the route also puts into the browser's cookie (the callback must match it).
 */
export async function startOidcSignIn(
  db: Db,
  opts: {
    providers: readonly OidcProviderConfig[];
    id: string;
    publicUrl: string;
    returnTo?: string;
    ip: string;
  },
): Promise<{ url: string; state: string }> {
  const p = providerById(opts.providers, opts.id);
  await reserveAttempts(db, [{ key: oidcStartKey(opts.ip), policy: OIDC_STARTS_PER_IP }]);
  const config = await oidcConfiguration(p);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  // Abandoned sign-ins are swept here: no job needed, and the table stays as small as the traffic.
  await db
    .delete(signInStates)
    .where(lt(signInStates.createdAt, new Date(Date.now() - SIGN_IN_STATE_MINUTES * 60_000)));
  await db.insert(signInStates).values({
    state,
    provider: p.id,
    codeVerifier,
    nonce,
    returnTo: safeReturnTo(opts.returnTo),
  });
  const url = client
    .buildAuthorizationUrl(config, {
      redirect_uri: callbackUrl(opts.publicUrl, p.id),
      scope: p.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    })
    .toString();
  return { url, state };
}
