import { type DevProvider, startDevProvider } from '../../scripts/dev-oidc-provider.mjs';

// A real OpenID Connect provider on loopback for the tests (oidc-provider, scripts/dev-oidc-provider.mjs)
// and a browser stand-in that walks its pages: cookies kept, redirects followed by hand, the form posted.

/** testApp's PUBLIC_URL: the provider redirects there, and the test hands the address to testApp. */
export const TEST_PUBLIC_URL = 'http://localhost:3000';

export async function startTestProvider(
  ids: string[],
  emails: Record<string, string> = {},
  unverified: string[] = [],
) {
  return startDevProvider({
    redirectUris: ids.map((id) => `${TEST_PUBLIC_URL}/api/auth/oidc/${id}/callback`),
    postLogoutRedirectUris: [`${TEST_PUBLIC_URL}/login`],
    emails,
    unverified,
  });
}

/** OIDC_PROVIDERS for testApp: one entry per id, all at the given provider. */
export const providersEnv = (
  p: DevProvider,
  entries: {
    id: string;
    linkBy?: 'login' | 'email';
    autoCreate?: boolean;
    claim?: string;
    issuer?: string;
  }[],
) =>
  JSON.stringify(
    entries.map((e) => ({
      label: `поставщик ${e.id}`,
      issuer: p.issuer,
      clientId: p.clientId,
      clientSecret: p.clientSecret,
      ...e,
    })),
  );

/**
 * Signs in at the provider as `login` (or refuses when `deny`), starting from its authorization address;
 * returns the address the provider sent the browser back to (Opora's callback with code and state).
 */
export async function signInAtProvider(authorizationUrl: string, login: string, deny = false): Promise<URL> {
  const jar = new Map<string, string>();
  const send = async (url: URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair && eq > 0) jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return res;
  };
  let url = new URL(authorizationUrl);
  let posted = false;
  for (let hops = 0; hops < 10; hops++) {
    if (url.origin === TEST_PUBLIC_URL) return url;
    let res = await send(url);
    if (res.status === 200 && url.pathname.startsWith('/interaction/') && !posted) {
      posted = true;
      const body = new URLSearchParams({ login, action: deny ? 'deny' : 'login' });
      res = await send(url, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    }
    const location = res.headers.get('location');
    if (!location)
      throw new Error(`provider answered ${res.status} at ${url}: ${(await res.text()).slice(0, 300)}`);
    url = new URL(location, url);
  }
  throw new Error('too many redirects at the provider');
}
