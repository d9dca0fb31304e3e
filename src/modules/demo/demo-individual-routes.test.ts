import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPglite } from '../../db/client.js';
import { users } from '../../db/schema/auth.js';
import type { Actor } from '../access/actor.js';
import { loadActor } from '../auth/load-actor.js';
import { databaseStorage } from '../files/storage.js';
import { listRoutes } from '../individual-routes/list-routes.js';
import { myRoutes } from '../individual-routes/my-routes.js';
import { loadDemo } from './load-demo.js';

// The demo's individual routes as the brief promises them: every state, the teacher's route in progress,
// teachers who still need a route in the `school` account's school.

let database: Database;
const as = {} as Record<string, Actor>;
const TODAY = '2026-12-06';

beforeAll(async () => {
  database = await openPglite(null);
  await loadDemo(database.db, { storage: databaseStorage, today: new Date(`${TODAY}T10:00:00Z`) });
  for (const login of ['school', 'region', 'teacher', 'expert']) {
    const [u] = await database.db.select({ id: users.id }).from(users).where(eq(users.login, login));
    const actor = u ? await loadActor(database.db, u.id) : null;
    if (!actor) throw new Error(login);
    as[login] = actor;
  }
}, 300_000);
afterAll(() => database.close());

describe('demo individual routes', () => {
  it('the region sees routes in every state and teachers who need one', async () => {
    const list = await listRoutes(database.db, { actor: as.region as Actor, query: {}, today: TODAY });
    for (const s of ['draft', 'approved', 'in_progress', 'mastered', 'not_mastered'] as const)
      expect(list.counts[s], s).toBeGreaterThan(0);
    expect(list.needing.length).toBeGreaterThan(0);
    const school = await listRoutes(database.db, { actor: as.school as Actor, query: {}, today: TODAY });
    expect(school.needing.length).toBeGreaterThanOrEqual(2);
    expect(school.needing.every((n) => n.canCreate)).toBe(true);
    expect((await listRoutes(database.db, { actor: as.expert as Actor, query: {} })).routes).toEqual([]);
  });

  it('the teacher’s own route is in progress with a confirmed activity that has a certificate', async () => {
    const [mine, ...more] = await myRoutes(database.db, { actor: as.teacher as Actor, today: TODAY });
    expect(more).toEqual([]);
    expect(mine?.status).toBe('in_progress');
    const confirmed = mine?.activities.filter((a) => a.status === 'confirmed') ?? [];
    expect(confirmed).toHaveLength(1);
    expect(confirmed[0]?.files.length).toBe(1);
    expect(mine?.activities.filter((a) => a.status === 'done')).toHaveLength(1);
    expect(mine?.activities.some((a) => a.status === 'planned' && a.canMarkDone)).toBe(true);
    const seen = await listRoutes(database.db, { actor: as.teacher as Actor, query: {} });
    expect(seen.routes.map((r) => r.id)).toEqual([mine?.id]);
  });
});
