import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../tests/helpers/db.js';
import type { Database } from '../../db/client.js';
import { individualRoutes, routeActivities, staffMembers } from '../../db/schema/people.js';
import { confirmActivity, markActivityDone } from './activity-status.js';
import { getRoute } from './get-route.js';
import { closeRoute, lockRoute } from './route-status.js';
import { code, type RoutesSetting, setUpRoutes, TODAY, YEAR } from './routes-setup.js';

// Confirming a route's activities: closing «освоен» against an activity returned at the same moment, and
// the activity's responsible user who reads nothing else of the teacher. Each test makes its own route.

describe.each(DB_KINDS)('individual routes on %s', (kind) => {
  let database: Database;
  let f: RoutesSetting['f'];
  beforeAll(async () => {
    ({ database, f } = await setUpRoutes(kind));
  }, 60_000);
  afterAll(async () => database?.close());

  it('closing «освоен» serializes with an activity move: it waits for the route lock and sees the return', async () => {
    const db = database.db;
    const [m] = await db
      .insert(staffMembers)
      .values({ schoolId: f.S1.id, lastName: 'Параллельнов', firstName: 'Пётр', position: 'Учитель' })
      .returning();
    const [r] = await db
      .insert(individualRoutes)
      .values({ staffMemberId: m?.id ?? '', schoolId: f.S1.id, year: YEAR, status: 'in_progress' })
      .returning();
    const [a] = await db
      .insert(routeActivities)
      .values({ routeId: r?.id ?? '', kind: 'course', title: 'Курс', status: 'confirmed' })
      .returning();
    if (!r || !a) throw new Error('no route');
    const close = () =>
      code(
        closeRoute(db, {
          actor: f.as('school1'),
          routeId: r.id,
          input: { version: r.version, outcome: 'mastered', conclusion: 'Освоен' },
        }),
      );
    let closing: Promise<string> = Promise.resolve('not started');
    // An activity being returned holds the route's lock, as every activity move does.
    await db.transaction(async (tx) => {
      await lockRoute(tx, r.id);
      closing = close();
      await new Promise((done) => setTimeout(done, 300));
      await tx
        .update(routeActivities)
        .set({ status: 'returned', returnComment: 'Нужна справка' })
        .where(eq(routeActivities.id, a.id));
    });
    expect(await closing).toBe('INVALID_INPUT ИОМ освоен, только когда подтверждены все действия');
    const [still] = await db.select().from(individualRoutes).where(eq(individualRoutes.id, r.id));
    expect(still?.status).toBe('in_progress');
  });

  it("the activity's responsible user confirms it without reading the teacher's data; only that activity", async () => {
    const db = database.db;
    const expert = f.as('expert');
    const [m] = await db
      .insert(staffMembers)
      .values({ schoolId: f.S1.id, lastName: 'Ответственнов', firstName: 'Илья', position: 'Учитель' })
      .returning();
    const [r] = await db
      .insert(individualRoutes)
      .values({ staffMemberId: m?.id ?? '', schoolId: f.S1.id, year: YEAR, status: 'in_progress' })
      .returning();
    const [mine, other] = await db
      .insert(routeActivities)
      .values([
        {
          routeId: r?.id ?? '',
          kind: 'course',
          title: 'Стажировка',
          status: 'done',
          responsibleUserId: expert.userId,
        },
        { routeId: r?.id ?? '', kind: 'course', title: 'Курс', status: 'done' },
      ])
      .returning();
    if (!r || !mine || !other) throw new Error('no route');
    // An expert reads nothing of teachers: not the route, not another activity of it.
    expect(await code(getRoute(db, { actor: expert, routeId: r.id, today: TODAY }))).toMatch(/^NOT_FOUND/);
    expect(
      await code(confirmActivity(db, { actor: expert, activityId: other.id, version: other.version })),
    ).toMatch(/^NOT_FOUND/);
    // His own activity he may review, and he may not mark it done for the teacher.
    expect(
      await code(markActivityDone(db, { actor: expert, activityId: mine.id, version: mine.version })),
    ).toMatch(/^FORBIDDEN/);
    const c = await confirmActivity(db, { actor: expert, activityId: mine.id, version: mine.version });
    const [after] = await db.select().from(routeActivities).where(eq(routeActivities.id, mine.id));
    expect([after?.status, after?.confirmedBy, c.version]).toEqual([
      'confirmed',
      expert.userId,
      mine.version + 1,
    ]);
  });
});
