import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevProvider } from '../scripts/dev-oidc-provider.mjs';
import type { Database } from '../src/db/client.js';
import { auditEvents } from '../src/db/schema/audit.js';
import { sessions, signInStates, userIdentities, users } from '../src/db/schema/auth.js';
import { createUser } from '../src/modules/auth/users.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS, freshDatabase } from './helpers/db.js';
import { buildRegion } from './helpers/fixture.js';
import { providersEnv, signInAtProvider, startTestProvider } from './helpers/oidc.js';
import { TEST_SYSTEM } from './helpers/system.js';

// OIDC sign-in over real HTTP (issue 17 §1): a real provider on loopback, openid-client in Opora, the
// browser's part played by signInAtProvider. Every refusal must land on the login page with a code.

describe.each(DB_KINDS)('OIDC sign-in on %s', (kind) => {
  let database: Database;
  let provider: DevProvider;
  let t: ReturnType<typeof testApp>;
  let adminCookie: string;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    await buildRegion(database.db);
    await createUser(database.db, {
      actor: TEST_SYSTEM,
      input: {
        login: 'petrova',
        fullName: 'Петрова Анна',
        password: 'password-123',
        email: 'Anna@School.example',
      },
    });
    await database.db.update(users).set({ email: 'boss@region.example' }).where(eq(users.login, 'admin'));
    provider = await startTestProvider(
      ['main', 'mail', 'auto'],
      // «mallory» claims Anna's e-mail (and the administrator's) without the provider having verified it.
      { anna: 'anna@school.example', mallory: 'anna@school.example', boss: 'boss@region.example' },
      ['mallory'],
    );
    t = testApp(database, {
      OIDC_PROVIDERS: JSON.stringify([
        ...JSON.parse(
          providersEnv(provider, [{ id: 'main' }, { id: 'mail', linkBy: 'email', claim: 'email' }]),
        ),
        ...JSON.parse(providersEnv(provider, [{ id: 'auto', autoCreate: true }])),
        // Nothing listens on port 1: the provider is down.
        { id: 'down', label: 'недоступный', issuer: 'http://127.0.0.1:1', clientId: 'x', clientSecret: 'y' },
      ]),
    });
    adminCookie = await t.login('admin', 'password-123');
  });
  afterAll(async () => {
    await provider.close();
    await database.close();
  });

  /** The browser's sign-in cookie from the last /start (what a real browser would send back). */
  let browserCookie = '';
  const cookieOf = (res: Response) => res.headers.get('set-cookie')?.split(';')[0] ?? '';
  const start = async (id: string, query = '') => {
    const res = await t.call('GET', `/api/auth/oidc/${id}/start${query}`);
    browserCookie = cookieOf(res);
    return res;
  };

  /** Start → provider → the callback URL the provider sent back (not yet given to Opora). */
  const throughProvider = async (
    id: string,
    login: string,
    opts: { returnTo?: string; deny?: boolean } = {},
  ) => {
    const q = opts.returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(opts.returnTo)}`;
    const res = await start(id, q);
    expect(res.status).toBe(302);
    const authUrl = res.headers.get('location') ?? '';
    expect(authUrl.startsWith(provider.issuer)).toBe(true);
    return signInAtProvider(authUrl, login, opts.deny);
  };
  const callback = (url: URL, cookie = browserCookie) => t.call('GET', url.pathname + url.search, { cookie });
  /** The session cookie among the cookies set (the callback also clears the sign-in cookie). */
  const sessionOf = (res: Response) =>
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith('opora_session='))
      ?.split(';')[0] ?? '';

  it('lists the providers and whether LDAP is configured', async () => {
    const res = await t.call('GET', '/api/auth/methods');
    const body = await res.json();
    expect(body.ldap).toBe(false);
    expect(body.oidc.map((p: { id: string }) => p.id)).toEqual(['main', 'mail', 'auto', 'down']);
    expect(JSON.stringify(body)).not.toContain(provider.clientSecret);
  });

  it('signs a known login in as him, with the session cookie of the password login, and goes to returnTo', async () => {
    const back = await throughProvider('main', 'region', { returnTo: '/roadmaps?tab=2' });
    const res = await callback(back);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/roadmaps?tab=2');
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('opora_session=')) ?? '';
    expect(setCookie).toMatch(/^opora_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const me = await (await t.call('GET', '/api/me', { cookie: sessionOf(res) })).json();
    expect(me.login).toBe('region');
    const [u] = await database.db.select().from(users).where(eq(users.login, 'region'));
    const [identity] = await database.db
      .select()
      .from(userIdentities)
      .where(eq(userIdentities.userId, u?.id ?? ''));
    expect(identity).toMatchObject({ provider: 'oidc:main', subject: 'region', claimValue: 'region' });
    const [session] = await database.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, u?.id ?? ''));
    expect(session?.method).toBe('oidc:main');
    expect(session?.idTokenHint?.split('.')).toHaveLength(3);
    const logged = await database.db
      .select({ payload: auditEvents.payload })
      .from(auditEvents)
      .where(and(eq(auditEvents.type, 'user.logged_in'), eq(auditEvents.entityId, u?.id ?? '')));
    expect(logged.map((e) => (e.payload as { method?: string }).method)).toContain('oidc:main');
  });

  it('links by e-mail when the provider is configured so, whatever the login at the provider', async () => {
    const res = await callback(await throughProvider('mail', 'anna'));
    expect(res.headers.get('location')).toBe('/');
    const me = await (await t.call('GET', '/api/me', { cookie: sessionOf(res) })).json();
    expect(me.login).toBe('petrova');
  });

  it('refuses an unknown person with the Russian reason on the login page, and makes no account', async () => {
    const res = await callback(await throughProvider('main', 'stranger'));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/login?error=unknown');
    expect(sessionOf(res)).toBe('');
    expect(await database.db.select().from(users).where(eq(users.login, 'stranger'))).toEqual([]);
  });

  it('auto-creates an account WITHOUT roles only for a provider with autoCreate', async () => {
    const res = await callback(await throughProvider('auto', 'newcomer'));
    expect(res.headers.get('location')).toBe('/');
    const session = await (await t.call('GET', '/api/session', { cookie: sessionOf(res) })).json();
    expect(session.user.login).toBe('newcomer');
    expect(session.user.assignments).toEqual([]);
  });

  const failedLogins = async (login: string) =>
    (
      await database.db
        .select({ payload: auditEvents.payload })
        .from(auditEvents)
        .where(and(eq(auditEvents.type, 'user.login_failed'), eq(auditEvents.entityId, login)))
    ).map((e) => e.payload);

  it('binds the callback to the browser that started the sign-in (no login CSRF)', async () => {
    const started = await start('main');
    const set = started.headers.get('set-cookie') ?? '';
    expect(set).toMatch(/^opora_oidc_state=[\w-]+;/);
    expect(set).toMatch(/Max-Age=600/);
    expect(set).toMatch(/Path=\/api\/auth\/oidc\//);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Lax/);
    // The attacker signs in at the provider in his own browser and sends the victim the callback link.
    const attackersLink = await throughProvider('main', 'region');
    const attackersCookie = browserCookie;
    const before = (await failedLogins('oidc:main')).length;
    const bare = await callback(attackersLink, '');
    expect(bare.headers.get('location')).toBe('/login?error=state');
    expect(sessionOf(bare)).toBe('');
    // The victim had begun a sign-in of his own: his cookie does not match the attacker's state either.
    await start('main');
    const victims = await callback(attackersLink);
    expect(victims.headers.get('location')).toBe('/login?error=state');
    expect(sessionOf(victims)).toBe('');
    // The callback clears the sign-in cookie whatever the outcome.
    expect(victims.headers.get('set-cookie')).toMatch(/^opora_oidc_state=;.*Max-Age=0/);
    expect((await failedLogins('oidc:main')).length).toBe(before + 2);
    expect(await failedLogins('oidc:main')).toContainEqual({ login: 'oidc:main', ip: expect.any(String) });
    // In the attacker's own browser the link is still good (the refusals did not use the state up).
    expect((await callback(attackersLink, attackersCookie)).headers.get('location')).toBe('/');
  });

  it('links by e-mail only an e-mail the provider verified', async () => {
    const res = await callback(await throughProvider('mail', 'mallory'));
    expect(res.headers.get('location')).toBe('/login?error=unverified');
    expect(sessionOf(res)).toBe('');
    const linked = await database.db
      .select()
      .from(userIdentities)
      .where(eq(userIdentities.subject, 'mallory'));
    expect(linked).toEqual([]);
    expect(await failedLogins('anna@school.example')).toHaveLength(1);
  });

  it("never links an administrator's account automatically, by login or by e-mail", async () => {
    for (const [id, login, claim] of [
      ['main', 'admin', 'admin'],
      ['mail', 'boss', 'boss@region.example'],
    ] as const) {
      const res = await callback(await throughProvider(id, login));
      expect(res.headers.get('location'), id).toBe('/login?error=privileged');
      expect(sessionOf(res)).toBe('');
      expect(await failedLogins(claim), id).toHaveLength(1);
    }
    const [admin] = await database.db.select().from(users).where(eq(users.login, 'admin'));
    expect(
      await database.db
        .select()
        .from(userIdentities)
        .where(eq(userIdentities.userId, admin?.id ?? '')),
    ).toEqual([]);
  });

  it('records a refused unknown person as a failed sign-in', async () => {
    await callback(await throughProvider('main', 'intruder'));
    expect(await failedLogins('intruder')).toEqual([{ login: 'intruder', ip: expect.any(String) }]);
  });

  it('limits the sign-ins an address begins and does not finish', async () => {
    const peer = '198.51.100.7';
    const from = (id: string) => t.call('GET', `/api/auth/oidc/${id}/start`, { peer });
    for (let n = 0; n < 60; n++) {
      expect((await from('main')).headers.get('location')?.startsWith(provider.issuer), String(n)).toBe(true);
    }
    const held = await from('main');
    expect(held.headers.get('location')).toBe('/login?error=busy');
    expect(held.headers.get('set-cookie')).toBeNull();
    expect((await t.call('GET', '/api/auth/oidc/main/start', { peer: '198.51.100.8' })).status).toBe(302);
    expect(
      (await t.call('GET', '/api/auth/oidc/main/start', { peer: '198.51.100.8' })).headers.get('location'),
    ).not.toBe('/login?error=busy');
  });

  it('refuses a wrong state and a replayed callback', async () => {
    const back = await throughProvider('main', 'region');
    const forged = new URL(back);
    forged.searchParams.set('state', 'forged-state');
    expect((await callback(forged)).headers.get('location')).toBe('/login?error=state');
    // The forged try did not use the real state up: the real callback still works once, and only once.
    expect((await callback(back)).headers.get('location')).toBe('/');
    const replay = await callback(back);
    expect(replay.headers.get('location')).toBe('/login?error=state');
    expect(sessionOf(replay)).toBe('');
  });

  it('refuses a state of another provider and a state older than ten minutes', async () => {
    const back = await throughProvider('main', 'region');
    const other = new URL(back.toString().replace('/oidc/main/', '/oidc/mail/'));
    expect((await callback(other)).headers.get('location')).toBe('/login?error=state');
    const late = await throughProvider('main', 'region');
    await database.db
      .update(signInStates)
      .set({ createdAt: new Date(Date.now() - 11 * 60_000) })
      .where(eq(signInStates.state, late.searchParams.get('state') ?? ''));
    expect((await callback(late)).headers.get('location')).toBe('/login?error=state');
  });

  it('ignores a returnTo outside Opora', async () => {
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '/api/me']) {
      const res = await callback(await throughProvider('main', 'region', { returnTo }));
      expect(res.headers.get('location'), returnTo).toBe('/');
    }
  });

  it('sends the PKCE challenge, and the token exchange depends on the stored verifier', async () => {
    const auth = new URL((await start('main')).headers.get('location') ?? '');
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(auth.searchParams.get('nonce')).toBeTruthy();
    const back = await signInAtProvider(auth.toString(), 'region');
    // Another verifier than the one the challenge was made from: the provider refuses the code.
    await database.db
      .update(signInStates)
      .set({ codeVerifier: 'x'.repeat(43) })
      .where(eq(signInStates.state, back.searchParams.get('state') ?? ''));
    const res = await callback(back);
    expect(res.headers.get('location')).toBe('/login?error=failed');
    expect(sessionOf(res)).toBe('');
  });

  it('ends on the login page when the person refuses at the provider', async () => {
    const res = await callback(await throughProvider('main', 'region', { deny: true }));
    expect(res.headers.get('location')).toBe('/login?error=denied');
  });

  it('ends on the login page when the provider is down or not configured', async () => {
    const down = await start('down');
    expect(down.status).toBe(302);
    expect(down.headers.get('location')).toBe('/login?error=provider');
    const none = await start('nobody');
    expect(none.headers.get('location')).toBe('/login?error=no-provider');
    const noneBack = await t.call('GET', '/api/auth/oidc/nobody/callback?code=a&state=b');
    expect(noneBack.headers.get('location')).toBe('/login?error=no-provider');
  });

  it('signs out of the provider too: the logout answers its end_session address with the id_token', async () => {
    const res = await callback(await throughProvider('main', 'region'));
    const out = await (await t.call('POST', '/api/auth/logout', { cookie: sessionOf(res) })).json();
    const url = new URL(out.providerLogoutUrl);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('id_token_hint')?.split('.')).toHaveLength(3);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe('http://localhost:3000/login');
    // The provider accepts it (a bad id_token_hint or redirect would be a 400): its sign-out form follows.
    const page = await fetch(url, { redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/session/end/confirm');
    // A password session has nothing to end at a provider.
    const plain = await (
      await t.call('POST', '/api/auth/logout', { cookie: await t.login('region', 'password-123') })
    ).json();
    expect(plain).toEqual({ ok: true });
  });

  it('shows the administrator the linked identities and unlinks one with an event', async () => {
    const [u] = await database.db.select().from(users).where(eq(users.login, 'petrova'));
    const id = u?.id ?? '';
    const list = await (await t.call('GET', `/api/users/${id}/identities`, { cookie: adminCookie })).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      provider: 'oidc:mail',
      subject: 'anna',
      claimValue: 'anna@school.example',
    });
    expect(list[0].lastUsedAt).toBeTruthy();
    const regionCookie = await t.login('region', 'password-123');
    expect(
      (await t.call('DELETE', `/api/users/${id}/identities/${list[0].id}`, { cookie: regionCookie })).status,
    ).toBe(403);
    expect(
      (await t.call('DELETE', `/api/users/${id}/identities/${list[0].id}`, { cookie: adminCookie })).status,
    ).toBe(200);
    expect(
      (await t.call('DELETE', `/api/users/${id}/identities/${list[0].id}`, { cookie: adminCookie })).status,
    ).toBe(404);
    const [event] = await database.db
      .select({ payload: auditEvents.payload })
      .from(auditEvents)
      .where(and(eq(auditEvents.type, 'user.identity_unlinked'), eq(auditEvents.entityId, id)));
    expect(event?.payload).toEqual({ provider: 'oidc:mail', subject: 'anna' });
  });
});
