import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPostgres } from '../src/db/client.js';
import { roleAssignments, users } from '../src/db/schema/auth.js';
import { ActorCache } from '../src/modules/auth/actor-cache.js';
import { type ActorSync, syncActorCache } from '../src/modules/auth/actor-sync.js';
import { testApp } from './helpers/api.js';
import { demoDatabase } from './helpers/demo-db.js';

// Two processes (here: two apps over two pools) behind one cookie secret, as src/cluster.ts runs them
// or as instances behind a balancer. Their caches keep actors for a minute here, far longer than the
// test waits: only the LISTEN/NOTIFY feed can make the second one refuse a session in time.

/** Polls until `ok` holds, for at most `ms` (the NOTIFY round trip is milliseconds). */
async function within<T>(ms: number, probe: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.runIf(process.env.DATABASE_URL)('actor cache across processes on PostgreSQL', () => {
  let first: Database;
  let second: Database;
  let url: string;
  const caches = [new ActorCache(60_000), new ActorCache(60_000)];
  const syncs: ActorSync[] = [];
  const logged: string[] = [];
  let a: ReturnType<typeof testApp>;
  let b: ReturnType<typeof testApp>;
  const meOn = async (t: typeof a, cookie: string) => {
    const res = await t.call('GET', '/api/me', { cookie });
    return res.status === 200 ? ((await res.json()) as { assignments: unknown[] }) : res.status;
  };

  beforeAll(async () => {
    first = await demoDatabase('postgres');
    if (first.raw?.kind !== 'postgres') throw new Error('expected PostgreSQL');
    url = first.raw.pool.options.connectionString ?? '';
    second = await openPostgres(url, 2, { migrate: false });
    for (const [i, db] of [first.db, second.db].entries()) {
      const cache = caches[i] ?? new ActorCache();
      syncs.push(syncActorCache(db, url, cache, (line) => logged.push(line)));
    }
    await Promise.all(syncs.map((s) => s.ready));
    a = testApp(first, {}, { actorCache: caches[0] });
    b = testApp(second, {}, { actorCache: caches[1] });
  }, 300_000);
  afterAll(async () => {
    for (const s of syncs) await s.close();
    await second.close();
    await first.close();
  });

  it('listens on both', () => {
    expect(syncs.map((s) => s.listening())).toEqual([true, true]);
  });

  it('refuses a session on the other process as soon as it signs out on one', async () => {
    const cookie = await a.login('school');
    expect(typeof (await meOn(b, cookie))).toBe('object'); // now cached by the second
    expect(typeof (await meOn(b, cookie))).toBe('object');
    expect((await a.call('POST', '/api/auth/logout', { cookie })).status).toBe(200);
    expect(
      await within(
        3000,
        () => meOn(b, cookie),
        (v) => v === 401,
      ),
    ).toBe(401);
  });

  it('takes a removed role into account on the other process at once', async () => {
    const admin = await a.login('admin');
    const teacher = await a.login('teacher');
    const before = await meOn(b, teacher);
    expect(typeof before === 'number' ? before : before.assignments.length).toBe(1);
    const [row] = await first.db
      .select({ userId: users.id, assignmentId: roleAssignments.id })
      .from(users)
      .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .where(eq(users.login, 'teacher'));
    if (!row) throw new Error('no teacher');
    const removed = await a.call('DELETE', `/api/users/${row.userId}/assignments/${row.assignmentId}`, {
      cookie: admin,
    });
    expect(removed.status).toBe(200);
    const after = await within(
      3000,
      () => meOn(b, teacher),
      (v) => typeof v !== 'number' && v.assignments.length === 0,
    );
    expect(typeof after === 'number' ? after : after.assignments.length).toBe(0);
  });

  it('forgets everything and caches nothing while the listening connection is lost', async () => {
    caches[1]?.set('some-session', null);
    expect(caches[1]?.get('some-session')).toBeNull();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const db = new URL(url).pathname.slice(1);
    const killed = await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and query ilike 'listen %'`,
      [db],
    );
    await admin.end();
    expect(killed.rowCount).toBe(2);
    const lost = await within(
      3000,
      async () => syncs[1]?.listening(),
      (v) => v === false,
    );
    expect(lost).toBe(false);
    expect(caches[1]?.get('some-session')).toBeUndefined();
    caches[1]?.set('other-session', null);
    expect(caches[1]?.get('other-session')).toBeUndefined();
    expect(logged.some((l) => l.includes('Кэш сеансов отключён'))).toBe(true);
    const back = await within(
      5000,
      async () => syncs[1]?.listening(),
      (v) => v === true,
    );
    expect(back).toBe(true);
    caches[1]?.set('other-session', null);
    expect(caches[1]?.get('other-session')).toBeNull();
  });
});
