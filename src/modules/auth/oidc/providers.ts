import * as client from 'openid-client';
import type { OidcProviderConfig } from '../../../config.js';
import { OidcSignInError } from './errors.js';

// The configured providers and their discovered metadata. Discovery is made once per process and
// kept; a failed discovery is forgotten at once, so the next sign-in tries again (the provider may
// have been down for a minute) instead of the process refusing the provider until restart.

const cache = new Map<string, Promise<client.Configuration>>();

export function providerById(providers: readonly OidcProviderConfig[], id: string): OidcProviderConfig {
  const p = providers.find((x) => x.id === id);
  if (!p) throw new OidcSignInError('no-provider');
  return p;
}

/** Plain http only to a provider on this machine (tests, trying it locally); otherwise https only. */
const isLoopback = (url: URL) =>
  url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

export function oidcConfiguration(p: OidcProviderConfig): Promise<client.Configuration> {
  const key = `${p.id}|${p.issuer}|${p.clientId}`;
  let found = cache.get(key);
  if (!found) {
    const issuer = new URL(p.issuer);
    found = client
      .discovery(issuer, p.clientId, p.clientSecret, p.clientSecret ? undefined : client.None(), {
        execute: isLoopback(issuer) ? [client.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((e: unknown) => {
        cache.delete(key);
        throw new OidcSignInError('provider', e);
      });
    cache.set(key, found);
  }
  return found;
}

/** The redirect URI registered at the provider: PUBLIC_URL/api/auth/oidc/<id>/callback. */
export const callbackUrl = (publicUrl: string, id: string) =>
  `${publicUrl.replace(/\/+$/, '')}/api/auth/oidc/${id}/callback`;

/**
 * The provider's sign-out address for a session begun there, or undefined when the provider has no
 * end_session_endpoint (or cannot be reached now: Opora's own sign-out must not depend on it).
 */
export async function providerLogoutUrl(
  providers: readonly OidcProviderConfig[],
  session: { method: string | null; idTokenHint: string | null },
  publicUrl: string,
): Promise<string | undefined> {
  if (!session.method?.startsWith('oidc:') || !session.idTokenHint) return undefined;
  const p = providers.find((x) => `oidc:${x.id}` === session.method);
  if (!p) return undefined;
  try {
    const config = await oidcConfiguration(p);
    if (!config.serverMetadata().end_session_endpoint) return undefined;
    return client
      .buildEndSessionUrl(config, {
        id_token_hint: session.idTokenHint,
        post_logout_redirect_uri: `${publicUrl.replace(/\/+$/, '')}/login`,
      })
      .toString();
  } catch {
    return undefined;
  }
}
