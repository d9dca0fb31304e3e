import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import { createItem } from '../roadmaps/create-item.js';
import { createRoadmap } from '../roadmaps/create-roadmap.js';
import { findItems } from '../roadmaps/find-items.js';
import { getRoadmap } from '../roadmaps/get-roadmap.js';
import { listMyTasks } from '../roadmaps/tasks.js';
import { updateRoadmap } from '../roadmaps/update-roadmap.js';
import { getDashboard } from './get-dashboard.js';

// The start page counts in SQL and decorates only the 20 rows it shows: the counts must still be
// those of the full lists, and the rows the first of them.

describe.each(DB_KINDS)('dashboard on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;

  const approvedRoadmap = async (login: string, orgUnitId: string, measures: Record<string, unknown>[]) => {
    const r = await createRoadmap(database.db, {
      actor: f.as(login),
      input: {
        orgUnitId,
        title: `План ${login}`,
        kind: 'shnor_support',
        periodKind: 'school_year',
        periodYear: 2025,
        approvalBody: null,
        orderNumber: null,
        orderDate: null,
      },
    });
    const sectionId = (await getRoadmap(database.db, { actor: f.as(login), roadmapId: r.id })).sections[0]
      ?.id;
    for (const m of measures)
      await createItem(database.db, {
        actor: f.as(login),
        roadmapId: r.id,
        input: { sectionId, ...m } as never,
      });
    await updateRoadmap(database.db, {
      actor: f.as(login),
      roadmapId: r.id,
      input: {
        status: 'approved',
        acknowledgePastDeadlines: true,
        orderNumber: '1',
        orderDate: '2025-09-01',
        version: r.version,
      },
    });
    return r;
  };

  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    // 25 overdue measures of the municipality (September 2025 has passed), on different dates.
    const months = ['сентябрь 2025', 'октябрь 2025', 'ноябрь 2025', 'декабрь 2025', 'январь 2026'];
    await approvedRoadmap(
      'mun1',
      f.M1.id,
      Array.from({ length: 25 }, (_, k) => ({
        measure: `Мероприятие ${k + 1}`,
        deadlineText: months[k % 5],
      })),
    );
    // Regional measures for the municipal level: tasks of both municipalities.
    await approvedRoadmap('region', f.R.id, [
      { measure: 'Назначить координаторов', level: 'municipal', deadlineText: 'октябрь 2025' },
      { measure: 'Провести семинары', level: 'municipal', deadlineText: 'ноябрь 2025' },
    ]);
  }, 120_000);
  afterAll(() => database.close());

  it('counts the whole lists and shows their first 20 rows', async () => {
    for (const login of ['mun1', 'region', 'school1']) {
      const actor = f.as(login);
      const dash = await getDashboard(database.db, { actor });
      const overdue = await findItems(database.db, { actor, filter: { view: 'overdue' } });
      expect(dash.overdue.total, login).toBe(overdue.length);
      expect(dash.overdue.items.map((i) => i.id)).toEqual(overdue.slice(0, 20).map((i) => i.id));
      expect(dash.overdue.items[0]).toEqual(overdue[0]);
    }
    const mun = await getDashboard(database.db, { actor: f.as('mun1') });
    expect(mun.overdue.total).toBeGreaterThanOrEqual(25);
    expect(mun.overdue.items).toHaveLength(20);
  });

  it('sums the tasks from above and rolls the units below up', async () => {
    const actor = f.as('mun1');
    const dash = await getDashboard(database.db, { actor });
    const tasks = await listMyTasks(database.db, { actor });
    expect(tasks).toHaveLength(2);
    expect(dash.tasks).toEqual({
      total: 2,
      done: 0,
      overdue: tasks.filter((t) => t.source.overdue).length,
      items: tasks.filter((t) => t.status !== 'done'),
    });
    const region = await getDashboard(database.db, { actor: f.as('region') });
    expect(region.rollUp?.level).toBe('municipality');
    const m1 = region.rollUp?.units.find((u) => u.unit.id === f.M1.id);
    expect(m1).toMatchObject({ roadmaps: 1, items: 25, done: 0, overdue: 25, tasksDone: 0, tasksTotal: 2 });
    expect(region.rollUp?.units.map((u) => u.unit.name)).toEqual(['Второй район', 'Первый район']);
  });
});
