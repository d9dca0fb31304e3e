import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { items, roadmaps } from '../../db/schema/roadmaps.js';
import type { CoverageBinding, PeriodKind } from '../../db/schema/values.js';
import { regionPath } from '../access/region-level.js';
import { bindingValues, type CoverageBase, coverageBase, type Period } from './coverage.js';
import { schoolYearOf, schoolYearPeriod } from './school-year.js';

/** The period a binding counts over: its own, else the roadmap's (school or calendar year). */
export function bindingPeriod(
  binding: CoverageBinding,
  roadmap: { periodKind: PeriodKind; periodYear: number },
): { year: number; period: Period } {
  const own =
    roadmap.periodKind === 'calendar_year'
      ? { from: `${roadmap.periodYear}-01-01`, to: `${roadmap.periodYear}-12-31` }
      : schoolYearPeriod(roadmap.periodYear);
  const period = { from: binding.from ?? own.from, to: binding.to ?? own.to };
  // ШНОР metrics read the list and the assignments of a school year: the one the period starts in.
  const year = binding.from ? schoolYearOf(binding.from) : roadmap.periodYear;
  return { year, period };
}

/**
 * Recomputes the actual values of the roadmap indicators bound to coverage in a region (issue 12 §4),
 * inside the caller's transaction: every operation that changes what coverage counts (appointments,
 * pairs, agreements, meetings, participation, roadmap approval) calls it, so a bound indicator is never
 * behind the data it reads. Returns the number of indicators whose value changed.
 *
 * Items sharing a metric, period, group and kinds are computed together (one statement for all their
 * owners); only changed values are written, and the item's `version` is left alone: a computed value
 * must not make a person's concurrent edit of the item stale.
 */
export async function refreshBoundIndicators(
  db: Db,
  opts: { regionId: string; itemIds?: string[] },
): Promise<number> {
  const bound = await db
    .select({
      id: items.id,
      binding: items.coverageBinding,
      actual: items.actualValue,
      computedAt: items.actualComputedAt,
      unitId: roadmaps.orgUnitId,
      periodKind: roadmaps.periodKind,
      periodYear: roadmaps.periodYear,
    })
    .from(items)
    .innerJoin(roadmaps, eq(roadmaps.id, items.roadmapId))
    .innerJoin(orgUnits, eq(orgUnits.id, roadmaps.orgUnitId))
    .where(
      and(
        isNotNull(items.coverageBinding),
        sql`${orgUnits.path} like ${`${regionPath(opts.regionId)}%`}`,
        opts.itemIds?.length
          ? sql`${items.id} in (${sql.join(
              opts.itemIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})`
          : undefined,
      ),
    );
  if (bound.length === 0) return 0;
  const groups = new Map<
    string,
    { binding: CoverageBinding; year: number; period: Period; rows: typeof bound }
  >();
  for (const row of bound) {
    if (!row.binding) continue;
    const { year, period } = bindingPeriod(row.binding, row);
    const b = row.binding;
    const key = JSON.stringify([b.metric, b.group ?? 'all', [...(b.eventKinds ?? [])].sort(), year, period]);
    const g = groups.get(key) ?? { binding: b, year, period, rows: [] };
    g.rows.push(row);
    groups.set(key, g);
  }
  const bases = new Map<string, CoverageBase>();
  let changed = 0;
  const now = new Date();
  for (const g of groups.values()) {
    const baseKey = `${g.year}|${g.period.from}|${g.period.to}`;
    let base = bases.get(baseKey);
    if (!base) {
      base = await coverageBase(db, { regionId: opts.regionId, year: g.year, period: g.period });
      bases.set(baseKey, base);
    }
    const unitIds = [...new Set(g.rows.map((r) => r.unitId))];
    const values = await bindingValues(db, { base, unitIds, binding: g.binding });
    for (const row of g.rows) {
      const value = values.get(row.unitId) ?? null;
      if (value === row.actual && row.computedAt) continue;
      await db.update(items).set({ actualValue: value, actualComputedAt: now }).where(eq(items.id, row.id));
      if (value !== row.actual) changed++;
    }
  }
  return changed;
}
