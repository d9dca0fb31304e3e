import net from 'node:net';
import { and, desc, eq } from 'drizzle-orm';
import { Client } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/client.js';
import { auditEvents } from '../src/db/schema/audit.js';
import { authThrottle, roleAssignments, sessions, userIdentities, users } from '../src/db/schema/auth.js';
import { orgUnits } from '../src/db/schema/orgs.js';
import { checkDirectoryPassword, type LdapSettings } from '../src/modules/auth/ldap/directory.js';
import { userFilter } from '../src/modules/auth/ldap/filter.js';
import { login } from '../src/modules/auth/login.js';
import { addAssignment, createUser } from '../src/modules/auth/users.js';
import { createOrgUnit } from '../src/modules/orgs/org-units.js';
import { DB_KINDS, freshDatabase } from './helpers/db.js';
import {
  freePort,
  ldapTestsEnabled,
  modifyDirectory,
  OPERATORS_GROUP,
  READER_DN,
  READER_PASSWORD,
  type Slapd,
  SUFFIX,
  startSlapd,
} from './helpers/slapd.js';
import { TEST_SYSTEM } from './helpers/system.js';

// LDAP sign-in (issue 17 §2) against a real slapd on loopback, on each database engine.

const SESSIONS = { secret: 'test-secret-test-secret', ttlHours: 1 };
const enabled = ldapTestsEnabled();

/** The configuration as an administrator writes it in the environment. */
function ldapOf(url: string, env: Record<string, string> = {}): LdapSettings {
  const config = loadConfig({
    LDAP_URL: url,
    LDAP_BIND_DN: READER_DN,
    LDAP_BIND_PASSWORD: READER_PASSWORD,
    LDAP_SEARCH_BASE: SUFFIX,
    LDAP_USER_FILTER: '(&(objectClass=inetOrgPerson)(uid={login}))',
    LDAP_GROUP_ROLES: JSON.stringify([
      { group: OPERATORS_GROUP, role: 'regional_operator', orgUnit: 'R-TEST' },
    ]),
    ...env,
  });
  if (!config.ldap) throw new Error('LDAP is not configured');
  return config.ldap;
}

describe.skipIf(!enabled).each(DB_KINDS)('LDAP sign-in on %s', (kind) => {
  let database: Database;
  let slapd: Slapd;
  let ldap: LdapSettings;
  let regionId: string;
  let ip = 0;
  // Each case from its own address, so that one case's failures do not hold up the next.
  const signIn = (name: string, password: string, settings = ldap) =>
    login(
      database.db,
      SESSIONS,
      { login: name, password, ip: `192.0.2.${++ip}`, userAgent: null },
      {},
      settings,
    );
  const userOf = async (name: string) =>
    (await database.db.select().from(users).where(eq(users.login, name)))[0];
  const rolesOf = async (userId: string) =>
    (await database.db.select().from(roleAssignments).where(eq(roleAssignments.userId, userId)))
      .map((r) => `${r.role}@${r.orgUnitId === regionId ? 'R' : r.orgUnitId}`)
      .sort();
  const sourcesOf = async (userId: string) =>
    (await database.db.select().from(roleAssignments).where(eq(roleAssignments.userId, userId)))
      .map((r) => `${r.role}@${r.orgUnitId === regionId ? 'R' : r.orgUnitId}:${r.source}`)
      .sort();

  beforeAll(async () => {
    [database, slapd] = await Promise.all([freshDatabase(kind), startSlapd()]);
    ldap = ldapOf(slapd.url);
    const region = await createOrgUnit(database.db, {
      actor: TEST_SYSTEM,
      audit: false,
      input: { parentId: null, kind: 'region', name: 'Тестовая область' },
    });
    regionId = region.id;
    await database.db.update(orgUnits).set({ code: 'R-TEST' }).where(eq(orgUnits.id, regionId));
    // Ivanova's account exists without a local password: she signs in only through the directory.
    const ivanova = await createUser(database.db, {
      actor: TEST_SYSTEM,
      input: { login: 'ivanova', fullName: 'Иванова А. С.', password: 'unused-password' },
    });
    await database.db.update(users).set({ passwordHash: null }).where(eq(users.id, ivanova.id));
    // An administrator gave her the expert role by hand; no rule names it.
    await addAssignment(database.db, {
      actor: TEST_SYSTEM,
      userId: ivanova.id,
      input: { role: 'expert', orgUnitId: regionId },
    });
  });
  afterAll(async () => {
    await slapd?.stop();
    await database?.close();
  });

  it('signs in with the directory password, links the entry and gives the role of the group rule', async () => {
    const s = await signIn('Ivanova', 'Domain-Pass-1');
    const user = await userOf('ivanova');
    expect(s.userId).toBe(user?.id);
    expect(s.rolesChanged).toBe(true);
    const [identity] = await database.db
      .select()
      .from(userIdentities)
      .where(eq(userIdentities.userId, s.userId));
    expect(identity).toMatchObject({ provider: 'ldap', subject: `uid=ivanova,ou=people,${SUFFIX}` });
    const [session] = await database.db.select().from(sessions).where(eq(sessions.userId, s.userId));
    expect(session?.method).toBe('ldap');
    expect(await rolesOf(s.userId)).toEqual(['expert@R', 'regional_operator@R']);
    const [synced] = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, 'user.roles_synced'), eq(auditEvents.entityId, s.userId)));
    expect(synced?.payload).toEqual({
      provider: 'ldap',
      added: [{ role: 'regional_operator', orgUnitId: regionId }],
      removed: [],
    });
    // Nothing changed at the next sign-in: no new event, no cache to drop.
    expect((await signIn('ivanova', 'Domain-Pass-1')).rolesChanged).toBe(false);
  });

  it('refuses a wrong password and counts it like a wrong local password', async () => {
    const address = `192.0.2.${++ip}`;
    const attempt = () =>
      login(
        database.db,
        SESSIONS,
        { login: 'ivanova', password: 'wrong', ip: address, userAgent: null },
        {},
        ldap,
      );
    await expect(attempt()).rejects.toThrow('Неверный логин или пароль');
    await expect(attempt()).rejects.toThrow('Неверный логин или пароль');
    const counters = await database.db.select().from(authThrottle);
    expect(counters.find((c) => c.key === `li:${address}|ivanova`)?.failures).toBe(2);
    expect(counters.find((c) => c.key === `ip:${address}`)?.failures).toBe(2);
  });

  it('never lets an empty password through, though this directory answers it with success', async () => {
    // The trap itself: slapd here allows an unauthenticated bind (as some AD setups do).
    const raw = new Client({ url: slapd.url });
    await raw.bind(`uid=ivanova,ou=people,${SUFFIX}`, '');
    await raw.unbind();
    expect(await checkDirectoryPassword(ldap, 'ivanova', '')).toBeNull();
    await expect(signIn('ivanova', '')).rejects.toThrow('Неверный логин или пароль');
  });

  it('treats filter syntax in the login as plain characters', async () => {
    // Unescaped, the pattern would match every person (and so Ivanova's password would fit one).
    const raw = new Client({ url: slapd.url });
    const { searchEntries } = await raw.search(SUFFIX, {
      filter: '(&(objectClass=inetOrgPerson)(uid=*)(uid=*))',
    });
    await raw.unbind();
    expect(searchEntries.length).toBeGreaterThan(1);
    for (const name of ['*)(uid=*', '*', 'ivanov*', 'ivanova)(|(uid=*', 'ivanova\\']) {
      expect(await checkDirectoryPassword(ldap, name, 'Domain-Pass-1')).toBeNull();
      await expect(signIn(name, 'Domain-Pass-1')).rejects.toThrow('Неверный логин или пароль');
    }
    expect(userFilter(ldap.userFilter, '*)(uid=*')).toBe(
      '(&(objectClass=inetOrgPerson)(uid=\\2a\\29\\28uid=\\2a))',
    );
  });

  it('refuses a login the directory does not know', async () => {
    await expect(signIn('nobody', 'Domain-Pass-1')).rejects.toThrow('Неверный логин или пароль');
  });

  it('refuses a directory person without an Opora account unless auto-creation is on', async () => {
    const address = `192.0.2.${++ip}`;
    await expect(
      login(
        database.db,
        SESSIONS,
        { login: 'sidorov', password: 'Domain-Pass-3', ip: address, userAgent: null },
        {},
        ldap,
      ),
    ).rejects.toThrow('не найдена в Опоре');
    expect(await userOf('sidorov')).toBeUndefined();
    // The right password did not sign anybody in: a failed sign-in in the log, and the counter stays.
    const failed = await database.db
      .select({ payload: auditEvents.payload })
      .from(auditEvents)
      .where(and(eq(auditEvents.type, 'user.login_failed'), eq(auditEvents.entityId, 'sidorov')));
    expect(failed.map((e) => e.payload)).toEqual([{ login: 'sidorov', ip: address }]);
    const counters = await database.db.select().from(authThrottle);
    expect(counters.find((c) => c.key === `li:${address}|sidorov`)?.failures).toBe(1);
    const s = await signIn('sidorov', 'Domain-Pass-3', ldapOf(slapd.url, { LDAP_AUTO_CREATE: 'true' }));
    const created = await userOf('sidorov');
    expect(created).toMatchObject({ id: s.userId, fullName: 'Сидоров Павел Андреевич', passwordHash: null });
    // Not in the operators' group: created without any role.
    expect(await rolesOf(s.userId)).toEqual([]);
  });

  it('keeps a local password account local even when the directory has the same login', async () => {
    await createUser(database.db, {
      actor: TEST_SYSTEM,
      input: { login: 'petrov', fullName: 'Петров (местный)', password: 'local-password-1' },
    });
    await expect(signIn('petrov', 'Domain-Pass-2')).rejects.toThrow('Неверный логин или пароль');
    const s = await signIn('petrov', 'local-password-1');
    expect(s.rolesChanged).toBe(false);
    expect(
      await database.db.select().from(userIdentities).where(eq(userIdentities.userId, s.userId)),
    ).toEqual([]);
  });

  it('takes the rule role away when the group drops the member, and leaves hand-given roles', async () => {
    const user = await userOf('ivanova');
    if (!user) throw new Error('no ivanova');
    expect(await sourcesOf(user.id)).toEqual(['expert@R:manual', 'regional_operator@R:directory']);
    await modifyDirectory(
      slapd,
      `dn: ${OPERATORS_GROUP}\nchangetype: modify\ndelete: member\nmember: uid=ivanova,ou=people,${SUFFIX}\n`,
    );
    try {
      const s = await signIn('ivanova', 'Domain-Pass-1');
      expect(s.rolesChanged).toBe(true);
      expect(await rolesOf(user.id)).toEqual(['expert@R']);
      const events = await database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.type, 'user.roles_synced'), eq(auditEvents.entityId, user.id)));
      expect(events.map((e) => e.payload)).toContainEqual({
        provider: 'ldap',
        added: [],
        removed: [{ role: 'regional_operator', orgUnitId: regionId }],
      });
    } finally {
      await modifyDirectory(
        slapd,
        `dn: ${OPERATORS_GROUP}\nchangetype: modify\nadd: member\nmember: uid=ivanova,ou=people,${SUFFIX}\n`,
      );
    }
  });

  it('answers in Russian, within the timeouts, when the directory is down or silent', async () => {
    const closed = await freePort();
    await expect(signIn('ivanova', 'Domain-Pass-1', ldapOf(`ldap://127.0.0.1:${closed}`))).rejects.toThrow(
      'Каталог учётных записей (LDAP) не отвечает',
    );
    // A server that accepts the connection and never answers: the operation timeout ends the wait.
    const silent = net.createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      const settings = { ...ldapOf(`ldap://127.0.0.1:${port}`), timeoutMs: 300 };
      await expect(signIn('ivanova', 'Domain-Pass-1', settings)).rejects.toThrow(
        'Каталог учётных записей (LDAP) не отвечает',
      );
    } finally {
      silent.close();
    }
    // A directory that cannot be asked is no wrong guess: the address's failures did not move.
    const counters = await database.db.select().from(authThrottle);
    expect(counters.find((c) => c.key === `ip:192.0.2.${ip}`)).toBeUndefined();
  });

  it('refuses with a message for the administrator when the service account is rejected', async () => {
    await expect(
      signIn('ivanova', 'Domain-Pass-1', ldapOf(slapd.url, { LDAP_BIND_PASSWORD: 'not-the-secret' })),
    ).rejects.toThrow('каталог отклонил служебную учётную запись Опоры');
  });

  it('leaves a role given by hand that a group rule names, though the person is not in the group', async () => {
    // Sidorov is in «accounting» only. An administrator gives him the operators' pair by hand.
    const auto = ldapOf(slapd.url, { LDAP_AUTO_CREATE: 'true' });
    const first = await signIn('sidorov', 'Domain-Pass-3', auto);
    expect(await rolesOf(first.userId)).toEqual([]);
    await addAssignment(database.db, {
      actor: TEST_SYSTEM,
      userId: first.userId,
      input: { role: 'regional_operator', orgUnitId: regionId },
    });
    const again = await signIn('sidorov', 'Domain-Pass-3', auto);
    expect(again.rolesChanged).toBe(false);
    expect(await sourcesOf(first.userId)).toEqual(['regional_operator@R:manual']);
    // Joining the group gives nothing more (no second row), leaving it takes nothing away.
    const member = `dn: ${OPERATORS_GROUP}\nchangetype: modify\n%s: member\nmember: uid=sidorov,ou=people,${SUFFIX}\n`;
    await modifyDirectory(slapd, member.replace('%s', 'add'));
    try {
      expect((await signIn('sidorov', 'Domain-Pass-3', auto)).rolesChanged).toBe(false);
      expect(await sourcesOf(first.userId)).toEqual(['regional_operator@R:manual']);
    } finally {
      await modifyDirectory(slapd, member.replace('%s', 'delete'));
    }
    expect((await signIn('sidorov', 'Domain-Pass-3', auto)).rolesChanged).toBe(false);
    expect(await sourcesOf(first.userId)).toEqual(['regional_operator@R:manual']);
  });

  it("makes a directory role given again by hand the administrator's: it stays after the group drops the member", async () => {
    const s = await signIn('ivanova', 'Domain-Pass-1');
    expect(await sourcesOf(s.userId)).toEqual(['expert@R:manual', 'regional_operator@R:directory']);
    await addAssignment(database.db, {
      actor: TEST_SYSTEM,
      userId: s.userId,
      input: { role: 'regional_operator', orgUnitId: regionId },
    });
    expect(await sourcesOf(s.userId)).toEqual(['expert@R:manual', 'regional_operator@R:manual']);
    const [converted] = await database.db
      .select({ payload: auditEvents.payload })
      .from(auditEvents)
      .where(and(eq(auditEvents.type, 'assignment.added'), eq(auditEvents.entityId, s.userId)))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(converted?.payload).toEqual({
      role: 'regional_operator',
      orgUnitId: regionId,
      fromDirectory: true,
    });
    await modifyDirectory(
      slapd,
      `dn: ${OPERATORS_GROUP}\nchangetype: modify\ndelete: member\nmember: uid=ivanova,ou=people,${SUFFIX}\n`,
    );
    try {
      expect((await signIn('ivanova', 'Domain-Pass-1')).rolesChanged).toBe(false);
      expect(await sourcesOf(s.userId)).toEqual(['expert@R:manual', 'regional_operator@R:manual']);
    } finally {
      await modifyDirectory(
        slapd,
        `dn: ${OPERATORS_GROUP}\nchangetype: modify\nadd: member\nmember: uid=ivanova,ou=people,${SUFFIX}\n`,
      );
    }
  });
});

describe.skipIf(!enabled)('groups read from the member lists (no memberOf)', () => {
  let slapd: Slapd;
  beforeAll(async () => {
    slapd = await startSlapd({ memberOf: false });
  });
  afterAll(() => slapd?.stop());

  it('finds the groups listing the person, and only by member search', async () => {
    const ldap = ldapOf(slapd.url, { LDAP_BIND_DN: '', LDAP_BIND_PASSWORD: '' });
    // Anonymous service bind (no LDAP_BIND_DN), groups found under the group base by member=DN.
    const person = await checkDirectoryPassword(ldap, 'petrov', 'Domain-Pass-2');
    expect(person).toMatchObject({ dn: `uid=petrov,ou=people,${SUFFIX}`, groups: [OPERATORS_GROUP] });
    const elsewhere = { ...ldap, groupBase: `ou=people,${SUFFIX}` };
    expect((await checkDirectoryPassword(elsewhere, 'petrov', 'Domain-Pass-2'))?.groups).toEqual([]);
  });

  it('reads memberOf where the directory keeps it', async () => {
    const withOverlay = await startSlapd({ memberOf: true });
    try {
      // No group lies under the group base here: what is found came from memberOf.
      const ldap = { ...ldapOf(withOverlay.url), groupBase: `ou=people,${SUFFIX}` };
      expect((await checkDirectoryPassword(ldap, 'petrov', 'Domain-Pass-2'))?.groups).toEqual([
        OPERATORS_GROUP,
      ]);
    } finally {
      await withOverlay.stop();
    }
  });
});

describe.skipIf(!enabled)('TLS to the directory', () => {
  let slapd: Slapd;
  beforeAll(async () => {
    slapd = await startSlapd({ tls: true });
  });
  afterAll(() => slapd?.stop());

  it('signs in over ldaps:// and over StartTLS with the CA of LDAP_CA_FILE, and refuses an unknown CA', async () => {
    const { ldapsUrl, caFile } = slapd;
    if (!ldapsUrl || !caFile) throw new Error('no TLS');
    const ldaps = ldapOf(ldapsUrl, { LDAP_CA_FILE: caFile });
    expect((await checkDirectoryPassword(ldaps, 'petrov', 'Domain-Pass-2'))?.dn).toBe(
      `uid=petrov,ou=people,${SUFFIX}`,
    );
    const startTls = ldapOf(slapd.url, { LDAP_CA_FILE: caFile, LDAP_STARTTLS: 'true' });
    expect((await checkDirectoryPassword(startTls, 'petrov', 'Domain-Pass-2'))?.dn).toBe(
      `uid=petrov,ou=people,${SUFFIX}`,
    );
    // Without the CA the server's certificate is not trusted: no password is sent.
    await expect(checkDirectoryPassword(ldapOf(ldapsUrl), 'petrov', 'Domain-Pass-2')).rejects.toThrow(
      'Каталог учётных записей (LDAP) не отвечает',
    );
    await expect(
      checkDirectoryPassword(ldapOf(slapd.url, { LDAP_STARTTLS: 'true' }), 'petrov', 'Domain-Pass-2'),
    ).rejects.toThrow('Каталог учётных записей (LDAP) не отвечает');
  });
});

describe('LDAP configuration', () => {
  it('refuses a service DN without its password (it would bind as nobody)', () => {
    expect(() =>
      loadConfig({ LDAP_URL: 'ldap://127.0.0.1:389', LDAP_SEARCH_BASE: SUFFIX, LDAP_BIND_DN: READER_DN }),
    ).toThrow('LDAP_BIND_PASSWORD: обязателен вместе с LDAP_BIND_DN');
  });
});
