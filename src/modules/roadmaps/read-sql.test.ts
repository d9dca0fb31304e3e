import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, freshDatabase } from '../../../tests/helpers/db.js';
import { buildRegion } from '../../../tests/helpers/fixture.js';
import type { Database } from '../../db/client.js';
import { preparedRead } from '../../db/prepared-read.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { roadmaps } from '../../db/schema/roadmaps.js';
import { createItem } from './create-item.js';
import { createRoadmap } from './create-roadmap.js';
import { getRoadmap } from './get-roadmap.js';
import { roadmapVisible, roadmapVisiblePrepared, visibilityParams } from './roadmap-access.js';
import { updateRoadmap } from './update-roadmap.js';
import { itemView, roadmapDetailView, sectionView } from './views.js';

// The hot reads are hand-written SQL that writes the API's JSON itself (read-sql.ts): these tests hold
// it to the Zod views, and the prepared-statement runner to exact round trips of awkward arguments.

const visibleIds = preparedRead(
  'test_visible_roadmaps',
  { ids: sql<string[]>`ids` },
  sql`(select coalesce(array_agg(r.id::text order by r.id), '{}') as ids from roadmaps r
    join org_units u on u.id = r.org_unit_id where ${roadmapVisiblePrepared('u', 'r')}) q`,
);

const echo = preparedRead(
  'test_echo',
  { text: sql<string | null>`t`, list: sql<string[]>`l`, n: sql<number>`n` },
  sql`(select ${sql.placeholder('t')}::text as t, ${sql.placeholder('l')}::text[] as l, ${sql.placeholder('n')}::int as n) q`,
);

describe.each(DB_KINDS)('hand-written reads on %s', (kind) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof buildRegion>>;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    f = await buildRegion(database.db);
  });
  afterAll(() => database.close());

  it('passes arguments through the prepared statement unchanged, quotes and all', async () => {
    const awkward = [`it's`, 'back\\slash', 'a "quoted", {braced} value', 'Ёлки — «ёж»', '', 'null'];
    for (const text of [...awkward, null]) {
      const [row] = await echo(database.db, { t: text, l: awkward, n: 7 });
      expect(row).toEqual({ text, list: awkward, n: 7 });
    }
    const [empty] = await echo(database.db, { t: `'); drop table users; --`, l: [], n: -1 });
    expect(empty).toEqual({ text: `'); drop table users; --`, list: [], n: -1 });
  });

  it('states the visibility rule of roadmaps the same way with parameters as roadmapVisible', async () => {
    const plan = [
      ['region', f.R.id],
      ['mun1', f.M1.id],
      ['mun2', f.M2.id],
      ['school1', f.S1.id],
      ['school3', f.S3.id],
    ] as const;
    for (const [login, unitId] of plan) {
      for (const approve of [false, true]) {
        const r = await createRoadmap(database.db, {
          actor: f.as(login),
          input: {
            orgUnitId: unitId,
            title: `Карта ${login}`,
            kind: 'other',
            periodKind: 'calendar_year',
            periodYear: 2026,
            approvalBody: null,
            orderNumber: null,
            orderDate: null,
          },
        });
        if (approve)
          await updateRoadmap(database.db, {
            actor: f.as(login),
            roadmapId: r.id,
            input: { status: 'approved', orderNumber: '1', orderDate: '2026-01-10', version: r.version },
          });
      }
    }
    for (const login of [
      'admin',
      'region',
      'center',
      'mun1',
      'mun2',
      'curator',
      'school1',
      'school3',
      'expert',
      'teacher',
    ]) {
      const actor = f.as(login);
      const expected = await database.db
        .select({ id: roadmaps.id })
        .from(roadmaps)
        .innerJoin(orgUnits, eq(orgUnits.id, roadmaps.orgUnitId))
        .where(roadmapVisible(actor));
      const [row] = await visibleIds(database.db, visibilityParams(actor));
      expect(row?.ids, login).toEqual(expected.map((e) => e.id).sort());
    }
  });

  it('writes the card with exactly the keys of the API views', async () => {
    const r = await createRoadmap(database.db, {
      actor: f.as('mun1'),
      input: {
        orgUnitId: f.M1.id,
        title: 'План',
        kind: 'shnor_support',
        periodKind: 'school_year',
        periodYear: 2025,
        approvalBody: null,
        orderNumber: null,
        orderDate: null,
      },
    });
    const first = await getRoadmap(database.db, { actor: f.as('mun1'), roadmapId: r.id });
    const sectionId = first.sections[0]?.id ?? '';
    await createItem(database.db, {
      actor: f.as('mun1'),
      roadmapId: r.id,
      input: {
        sectionId,
        measure: 'Мероприятие',
        deadlineText: 'октябрь 2025',
        responsibleUnitIds: [f.S1.id, f.S2.id],
        targetValue: 0.1,
      } as never,
    });
    const card = await getRoadmap(database.db, { actor: f.as('mun1'), roadmapId: r.id });
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(card)).toEqual(keys(roadmapDetailView.shape));
    const section = card.sections[0];
    expect(section && keys(section)).toEqual(keys(sectionView.shape));
    const item = section?.items[0];
    expect(item && keys(item)).toEqual(keys(itemView.shape));
    expect(roadmapDetailView.parse(card)).toEqual(card);
    expect(item?.responsibleUnits.map((u) => u.name).sort()).toEqual(['Школа 1', 'Школа 2']);
    expect(item?.targetValue).toBe(0.1);
    expect(card.progress).toMatchObject({ total: 1, planned: 1, overdue: 0 });
    // Timestamps as toISOString() writes them: what the API sent before the SQL wrote its JSON.
    expect(new Date(card.updatedAt).toISOString()).toBe(card.updatedAt);
    expect(item && new Date(item.updatedAt).toISOString()).toBe(item?.updatedAt);
  });
});
