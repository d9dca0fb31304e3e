import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { roadmaps } from '../../db/schema/roadmaps.js';
import { getDashboard } from '../dashboard/get-dashboard.js';
import { createItem } from './create-item.js';
import { createRoadmap } from './create-roadmap.js';
import { findItems } from './find-items.js';
import { getRoadmap } from './get-roadmap.js';
import { listRoadmaps } from './list-roadmaps.js';

// The read cache (read-cache.ts) may only ever serve what the read would return now: these tests change
// what a card shows behind the application's back and read it again.

const CARD_TABLES = [
  'roadmaps',
  'roadmap_sections',
  'roadmap_items',
  'roadmap_item_responsibles',
  'roadmap_item_evidence',
  'roadmap_item_comments',
  'cascade_tasks',
  'org_units',
];

describe.each(DB_KINDS)('read cache of the roadmap card on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  let roadmapId: string;
  const stamp = async () => {
    const r = await database.db.execute<{ s: string }>(sql`select sum(n)::text as s from card_generation`);
    return (r as unknown as { rows: { s: string }[] }).rows[0]?.s;
  };
  const card = () => getRoadmap(database.db, { actor: f.as('mun1'), roadmapId });

  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
    const r = await createRoadmap(database.db, {
      actor: f.as('mun1'),
      input: {
        orgUnitId: f.M1.id,
        title: 'План района',
        kind: 'shnor_support',
        periodKind: 'school_year',
        periodYear: 2026,
        approvalBody: null,
        orderNumber: null,
        orderDate: null,
      },
    });
    roadmapId = r.id;
    const sectionId = (await card()).sections[0]?.id ?? '';
    await createItem(database.db, {
      actor: f.as('mun1'),
      roadmapId,
      input: {
        sectionId,
        measure: 'Семинар',
        deadlineText: 'октябрь',
        responsibleUnitIds: [f.S1.id],
      } as never,
    });
  });
  afterAll(() => database.close());

  it('serves a change made outside the application at the next read', async () => {
    expect((await card()).title).toBe('План района');
    await card(); // now from memory
    await database.db
      .update(roadmaps)
      .set({ title: 'План района, новая редакция' })
      .where(eq(roadmaps.id, roadmapId));
    expect((await card()).title).toBe('План района, новая редакция');
    await database.db.execute(
      sql`update roadmap_items set measure = 'Семинар-практикум' where roadmap_id = ${roadmapId}`,
    );
    expect((await card()).sections[0]?.items[0]?.measure).toBe('Семинар-практикум');
    await database.db.update(orgUnits).set({ shortName: 'Школа № 1' }).where(eq(orgUnits.id, f.S1.id));
    expect((await card()).sections[0]?.items[0]?.responsibleUnits.map((u) => u.name)).toEqual(['Школа № 1']);
  });

  it('serves the roadmap list, the item list and the dashboard anew after a change', async () => {
    const actor = f.as('mun1');
    const titles = async () => ({
      list: (await listRoadmaps(database.db, { actor })).map((r) => r.title),
      dashboard: (await getDashboard(database.db, { actor })).ownRoadmaps.map((r) => r.title),
      items: (await findItems(database.db, { actor, filter: { view: 'mine' } as never })).map(
        (i) => i.measure,
      ),
    });
    const first = await titles();
    expect(await titles()).toEqual(first); // the second time from memory
    await database.db.execute(sql`update roadmaps set title = title || ' (ред.)' where id = ${roadmapId}`);
    await database.db.execute(
      sql`update roadmap_items set measure = measure || ' (ред.)' where roadmap_id = ${roadmapId}`,
    );
    const after = await titles();
    expect(after.list).toEqual(first.list.map((t) => (t.startsWith('План района') ? `${t} (ред.)` : t)));
    expect(after.dashboard).toEqual(first.dashboard.map((t) => `${t} (ред.)`));
    expect(after.items).toEqual(first.items.map((m) => `${m} (ред.)`));
    expect(after.items.length).toBeGreaterThan(0);
    expect(after.dashboard.length).toBeGreaterThan(0);
  });

  it('moves the stamp on a committed change of every table the card reads, once per transaction', async () => {
    const triggers = await database.db.execute<{ t: string }>(
      sql`select tgrelid::regclass::text as t from pg_trigger where tgname = 'card_generation_bump' order by 1`,
    );
    expect((triggers as unknown as { rows: { t: string }[] }).rows.map((r) => r.t).sort()).toEqual(
      [...CARD_TABLES].sort(),
    );
    const before = Number(await stamp());
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`update roadmap_items set measure = measure`);
      await tx.execute(sql`update roadmaps set title = title`);
      await tx.execute(sql`update org_units set name = name`);
    });
    expect(Number(await stamp())).toBe(before + 1);
  });

  it('never serves one actor the card read for another', async () => {
    await card(); // the draft, kept for mun1
    // A school below the municipality does not see its draft: the kept card must not leak to it.
    await expect(getRoadmap(database.db, { actor: f.as('school1'), roadmapId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const region = await getRoadmap(database.db, { actor: f.as('region'), roadmapId });
    expect(region.permissions).not.toEqual((await card()).permissions);
  });

  it('reads its own uncommitted changes inside a transaction, and nothing of them after a rollback', async () => {
    const committed = (await card()).title;
    await expect(
      database.db.transaction(async (tx) => {
        await tx.update(roadmaps).set({ title: 'Черновик правки' }).where(eq(roadmaps.id, roadmapId));
        const inside = await getRoadmap(tx, { actor: f.as('mun1'), roadmapId });
        expect(inside.title).toBe('Черновик правки');
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect((await card()).title).toBe(committed);
  });
});
