import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { orgUnits } from '../src/db/schema/orgs.js';
import { ActorCache } from '../src/modules/auth/actor-cache.js';
import { createOrgUnit } from '../src/modules/orgs/org-units.js';
import { testApp } from './helpers/api.js';
import { freshDatabase } from './helpers/db.js';
import {
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

// POST /api/auth/login through the directory (issue 17 §2): the ordinary form's request, and the roles
// a group rule takes away gone at once from the user's other open session (the actor cache is dropped).

const enabled = ldapTestsEnabled();

describe.skipIf(!enabled)('POST /api/auth/login with LDAP', () => {
  let database: Database;
  let slapd: Slapd;
  let api: ReturnType<typeof testApp>;
  beforeAll(async () => {
    [database, slapd] = await Promise.all([freshDatabase('pglite'), startSlapd()]);
    const region = await createOrgUnit(database.db, {
      actor: TEST_SYSTEM,
      audit: false,
      input: { parentId: null, kind: 'region', name: 'Тестовая область' },
    });
    await database.db.update(orgUnits).set({ oktmo: '99000000' }).where(eq(orgUnits.id, region.id));
    api = testApp(
      database,
      {
        DEMO: 'false',
        LDAP_URL: slapd.url,
        LDAP_BIND_DN: READER_DN,
        LDAP_BIND_PASSWORD: READER_PASSWORD,
        LDAP_SEARCH_BASE: `ou=people,${SUFFIX}`,
        LDAP_GROUP_BASE: `ou=groups,${SUFFIX}`,
        LDAP_AUTO_CREATE: 'true',
        // The region named by its OKTMO, as the browser tests' server names the demo region.
        LDAP_GROUP_ROLES: JSON.stringify([
          { group: OPERATORS_GROUP, role: 'regional_operator', orgUnit: '99000000' },
        ]),
      },
      // A cache that keeps actors (as on a running server), so that a stale one would show.
      { actorCache: new ActorCache(60_000) },
    );
  });
  afterAll(async () => {
    await slapd?.stop();
    await database?.close();
  });

  const rolesSeenBy = async (cookie: string) => {
    const res = await api.call('GET', '/api/me', { cookie });
    expect(res.status).toBe(200);
    const me = (await res.json()) as { assignments: { role: string }[] };
    return me.assignments.map((a) => a.role);
  };

  it('creates the account, gives the rule role, and drops it from open sessions when the group drops him', async () => {
    const first = await api.login('petrov', 'Domain-Pass-2');
    expect(await rolesSeenBy(first)).toEqual(['regional_operator']);
    await modifyDirectory(
      slapd,
      `dn: ${OPERATORS_GROUP}\nchangetype: modify\ndelete: member\nmember: uid=petrov,ou=people,${SUFFIX}\n`,
    );
    const second = await api.login('petrov', 'Domain-Pass-2');
    expect(await rolesSeenBy(second)).toEqual([]);
    // The first session's actor was cached with the role; the sign-in that took it dropped the cache.
    expect(await rolesSeenBy(first)).toEqual([]);
  });

  it('answers a wrong directory password with 401 and the usual message', async () => {
    const res = await api.call('POST', '/api/auth/login', { body: { login: 'ivanova', password: 'nope' } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      'Неверный логин или пароль',
    );
  });
});
