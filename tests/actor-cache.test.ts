import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { roleAssignments, users } from '../src/db/schema/auth.js';
import { ActorCache } from '../src/modules/auth/actor-cache.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS } from './helpers/db.js';
import { demoDatabase } from './helpers/demo-db.js';

// The actor of a session is cached for a moment per instance (issue 9): it must never answer for
// another session, and a change of roles, a blocked account or a sign-out must take effect at once.

describe('actor cache', () => {
  it('keeps an entry for its time only and drops the oldest when full', () => {
    const cache = new ActorCache(1000, 2);
    cache.set('a', null, 0);
    expect(cache.get('a', 999)).toBeNull();
    expect(cache.get('a', 1000)).toBeUndefined();
    cache.set('a', null, 0);
    cache.set('b', null, 0);
    cache.set('c', null, 0);
    expect(cache.get('a', 1)).toBeUndefined();
    expect(cache.get('c', 1)).toBeNull();
  });

  it('does not store an actor loaded before a change, nor anything while suspended', () => {
    const cache = new ActorCache(1000);
    const loadedAt = cache.generation;
    cache.apply('other-session'); // a change heard while the load was under way
    cache.set('a', null, 0, loadedAt);
    expect(cache.get('a', 1)).toBeUndefined();
    cache.set('a', null, 0, cache.generation);
    expect(cache.get('a', 1)).toBeNull();
    cache.suspend();
    expect(cache.get('a', 1)).toBeUndefined();
    cache.set('b', null, 0);
    expect(cache.get('b', 1)).toBeUndefined();
    cache.resume();
    cache.set('b', null, 0);
    expect(cache.get('b', 1)).toBeNull();
  });
});

describe.each(DB_KINDS)('cached sessions over HTTP on %s', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  const me = async (cookie: string) => {
    const res = await t.call('GET', '/api/me', { cookie });
    return res.status === 200
      ? ((await res.json()) as { login: string; assignments: unknown[] })
      : res.status;
  };

  beforeAll(async () => {
    database = await demoDatabase(kind);
    t = testApp(database);
  }, 300_000);
  afterAll(() => database.close());

  it('answers every session with its own user, however the requests interleave', async () => {
    const logins = ['school', 'school2', 'teacher', 'curator'];
    const cookies = await Promise.all(logins.map((l) => t.login(l)));
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(cookies.map((c) => me(c)));
      expect(answers.map((a) => (typeof a === 'number' ? a : a.login))).toEqual(logins);
    }
  });

  it('takes a removed role, a blocked account and a sign-out into account at once', async () => {
    const admin = await t.login('admin');
    const teacher = await t.login('teacher');
    const before = await me(teacher);
    expect(typeof before === 'number' ? before : before.assignments.length).toBe(1);
    const [row] = await database.db
      .select({ userId: users.id, version: users.version, assignmentId: roleAssignments.id })
      .from(users)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .where(eq(users.login, 'teacher'));
    if (!row) throw new Error('no teacher');
    const removed = await t.call('DELETE', `/api/users/${row.userId}/assignments/${row.assignmentId}`, {
      cookie: admin,
    });
    expect(removed.status).toBe(200);
    const after = await me(teacher);
    expect(typeof after === 'number' ? after : after.assignments.length).toBe(0);
    // Blocking ends the sessions: the cached actor must not outlive them.
    const blocked = await t.call('PATCH', `/api/users/${row.userId}`, {
      cookie: admin,
      body: { isActive: false, version: row.version },
    });
    expect(blocked.status).toBe(200);
    expect(await me(teacher)).toBe(401);
    // Signing out: the same cookie is refused on the next request.
    const school = await t.login('school');
    expect(typeof (await me(school))).toBe('object');
    expect((await t.call('POST', '/api/auth/logout', { cookie: school })).status).toBe(200);
    expect(await me(school)).toBe(401);
  });
});
