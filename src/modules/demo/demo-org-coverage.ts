import { and, eq, inArray, isNull, like, or, sql } from 'drizzle-orm';
import { orgUnits } from '../../db/schema/orgs.js';
import { items, roadmaps } from '../../db/schema/roadmaps.js';
import type { CoverageBinding } from '../../db/schema/values.js';
import { regionPath } from '../access/region-level.js';
import { refreshBoundIndicators } from '../organisation/refresh-bound.js';
import type { DemoRun } from './demo-run.js';

// The demo's roadmap indicators bound to coverage (issue 12 §4, §6): measures whose indicator is a
// coverage figure the system can count, found by their text (demo-content.ts, demo-content-local.ts) so
// the binding holds whatever the other demo steps add; then their actual values are computed once.

export type DemoBinding = { measureStarts: string; binding: CoverageBinding };

export const DEMO_BINDINGS: DemoBinding[] = [
  // «Приказ ОМСУ; 100 % ШНОР имеют куратора и школу-наставника» — regional and municipal roadmaps.
  {
    measureStarts: 'Закрепление за ШНОР кураторов и школ-наставников',
    binding: { metric: 'shnor_with_curator' },
  },
  // «Сетевое соглашение; 100 % ШНОР заключили соглашение».
  {
    measureStarts: 'Заключение сетевых соглашений со школами-наставниками',
    binding: { metric: 'shnor_with_agreement' },
  },
  // «Информационная справка; охват 100 % ШНОР»: ШНОР that took part in методические десанты.
  {
    measureStarts: '«Методический десант»',
    binding: { metric: 'schools_at_events', group: 'shnor', eventKinds: ['method_landing'] },
  },
  // «Участвует не менее 75 % управленческих команд ШНОР»: ШНОР that took part in the region's seminars
  // and webinars for management teams (demo-org-events.ts) — an import of a webinar's list moves it.
  {
    measureStarts: 'Постоянно действующий семинар',
    binding: { metric: 'schools_at_events', group: 'shnor', eventKinds: ['seminar', 'webinar'] },
  },
  // «Программа вебинара, запись; участвуют 100 % координаторов»: municipalities whose own people
  // attended the region's webinars (demo-org-events.ts announces the coordinators' webinar).
  {
    measureStarts: 'Вебинар для муниципальных координаторов',
    binding: { metric: 'municipalities_at_events', eventKinds: ['webinar'] },
  },
  // «Рисковые профили 100 % ШНОР»: the profiles the curators verified.
  {
    measureStarts: 'Проведение анкетирования ШНОР и формирование рисковых профилей',
    binding: { metric: 'shnor_with_verified_profile' },
  },
];

/**
 * Binds the demo region's matching items of regional and municipal roadmaps and computes them; an item
 * whose unit has nothing to count from (a municipality without ШНОР: no base for a share) stays typed,
 * with the value it had. Returns how many stay bound. Issue 14's teachers' bindings use it too
 * (demo-people-coverage.ts).
 */
export async function bindDemoCoverage(
  run: DemoRun,
  bindings: DemoBinding[] = DEMO_BINDINGS,
): Promise<number> {
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
  for (const b of bindings) {
    const rows = await db
      .select({ id: items.id, actual: items.actualValue })
      .from(items)
      .where(
        and(
          like(items.measure, `${b.measureStarts}%`),
          isNull(items.parentItemId),
          // an item bound by an earlier step keeps its binding
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
  await refreshBoundIndicators(db, { regionId, itemIds: [...typed.keys()] });
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
