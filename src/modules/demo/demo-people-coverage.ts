import { and, eq, inArray, isNull, like, or, sql } from 'drizzle-orm';
import { orgUnits } from '../../db/schema/orgs.js';
import { items, roadmaps } from '../../db/schema/roadmaps.js';
import type { CoverageBinding } from '../../db/schema/values.js';
import { regionPath } from '../access/region-level.js';
import { refreshPeopleBound } from '../people-coverage/refresh-people-bound.js';
import type { DemoRun } from './demo-run.js';

// The demo's roadmap indicators bound to teachers' support coverage (issue 14 §1, §3): measures of the
// regional and municipal roadmaps whose indicator the system can count (demo-content.ts,
// demo-content-local.ts), found by their text; computed once after the other demo steps of support.

export const DEMO_PEOPLE_BINDINGS: { measureStarts: string; binding: CoverageBinding }[] = [
  // «Информационная справка; продиагностировано не менее 80 % учителей ШНОР» (ЦНППМ, regional).
  {
    measureStarts: 'Диагностика профессиональных дефицитов педагогов ШНОР',
    binding: { metric: 'teachers_diagnosed', group: 'shnor' },
  },
  // «ИОМ для 100 % педагогов с критическим уровнем дефицитов» (ЦНППМ, regional).
  {
    measureStarts: 'Разработка индивидуальных образовательных маршрутов (ИОМ)',
    binding: { metric: 'deficit_teachers_with_route', group: 'shnor' },
  },
  // «Продиагностировано не менее 80 % учителей ШНОР» (municipal roadmaps).
  {
    measureStarts: 'Обеспечение участия педагогов ШНОР в диагностике профессиональных дефицитов',
    binding: { metric: 'teachers_diagnosed', group: 'shnor' },
  },
];

/**
 * Binds the matching items of the region's and municipalities' roadmaps and computes them; an item
 * whose unit has no teacher to count (a municipality without ШНОР) keeps its typed value, unbound.
 */
export async function bindDemoPeopleCoverage(run: DemoRun): Promise<number> {
  const { db } = run;
  const regionId = run.orgs.regionId;
  const owners = db
    .select({ id: roadmaps.id })
    .from(roadmaps)
    .innerJoin(orgUnits, sql`${orgUnits.id} = ${roadmaps.orgUnitId}`)
    .where(
      and(
        sql`${orgUnits.path} like ${`${regionPath(regionId)}%`}`,
        or(sql`${orgUnits.kind} = 'region'`, sql`${orgUnits.kind} = 'municipality'`),
      ),
    );
  const typed = new Map<string, number | null>();
  for (const b of DEMO_PEOPLE_BINDINGS) {
    const rows = await db
      .select({ id: items.id, actual: items.actualValue })
      .from(items)
      .where(
        and(
          like(items.measure, `${b.measureStarts}%`),
          isNull(items.parentItemId),
          isNull(items.coverageBinding),
          inArray(items.roadmapId, owners),
        ),
      );
    if (rows.length === 0) continue;
    for (const r of rows) typed.set(r.id, r.actual);
    await db
      .update(items)
      .set({ coverageBinding: b.binding })
      .where(
        inArray(
          items.id,
          rows.map((r) => r.id),
        ),
      );
  }
  if (typed.size === 0) return 0;
  await refreshPeopleBound(db, { regionId });
  const baseless = await db
    .select({ id: items.id })
    .from(items)
    .where(and(inArray(items.id, [...typed.keys()]), isNull(items.actualValue)));
  for (const { id } of baseless)
    await db
      .update(items)
      .set({ coverageBinding: null, actualComputedAt: null, actualValue: typed.get(id) ?? null })
      .where(eq(items.id, id));
  return typed.size - baseless.length;
}
