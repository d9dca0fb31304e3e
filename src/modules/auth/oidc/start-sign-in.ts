import { lt } from 'drizzle-orm';
import * as client from 'openid-client';
import type { OidcProviderConfig } from '../../../config.js';
import type { Db } from '../../../db/client.js';
import { signInStates } from '../../../db/schema/auth.js';
import { callbackUrl, oidcConfiguration, providerById } from './providers.js';
import { safeReturnTo } from './return-to.js';

/** How long a sign-in begun at a provider may take before its state is refused. */
export const SIGN_IN_STATE_MINUTES = 10;

/**
 * Begins the authorization code flow with PKCE: state, nonce and the code verifier are kept in the
 * database (any instance may receive the callback) and the provider's authorization address returned.
 */
export async function startOidcSignIn(
  db: Db,
  opts: { providers: readonly OidcProviderConfig[]; id: string; publicUrl: string; returnTo?: string },
): Promise<string> {
  const p = providerById(opts.providers, opts.id);
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
  return client
    .buildAuthorizationUrl(config, {
      redirect_uri: callbackUrl(opts.publicUrl, p.id),
      scope: p.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    })
    .toString();
}
