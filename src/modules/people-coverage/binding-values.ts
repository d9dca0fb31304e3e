import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import type { CoverageBinding, SchoolGroup } from '../../db/schema/values.js';
import { regionOfPath, regionPath } from '../access/region-level.js';
import type { ListInForce } from '../organisation/list-in-force.js';
import { type SchoolSet, teacherCounts } from './coverage-sql.js';
import { figureOfMetric, sharePercent } from './figures.js';

// The value of a roadmap indicator bound to a teachers' coverage metric (issue 14 §1): called by
// organisation/coverage.ts `bindingValues`, so that refresh-bound.ts recomputes it with every other
// bound indicator. Same SQL as the page.

/** The schools of a group: the region's all, or the list in force of the year for ШНОР / зона риска. */
export function schoolSetOf(
  group: SchoolGroup,
  regionId: string,
  lists: { shnorList: ListInForce | null; riskZoneList: ListInForce | null },
): SchoolSet {
  if (group === 'all') return { all: true, pathPrefix: regionPath(regionId) };
  const list = group === 'shnor' ? lists.shnorList : lists.riskZoneList;
  return { all: false, listId: list?.id ?? null };
}

/** Whether the metric is one of teachers' support (answered here, not by organisation/coverage.ts). */
export const isPeopleMetric = (metric: CoverageBinding['metric']): boolean =>
  figureOfMetric(metric) !== undefined;

export async function peopleBindingValues(
  db: Db,
  opts: {
    base: {
      year: number;
      period: { from: string; to: string };
      shnorList: ListInForce | null;
      riskZoneList: ListInForce | null;
    };
    unitIds: string[];
    binding: CoverageBinding;
  },
): Promise<Map<string, number | null>> {
  const out = new Map<string, number | null>();
  const fig = figureOfMetric(opts.binding.metric);
  if (!fig || opts.unitIds.length === 0) return out;
  // The units of one refresh are of one region: its path bounds «all schools».
  const [first] = await db
    .select({ path: orgUnits.path })
    .from(orgUnits)
    .where(inArray(orgUnits.id, opts.unitIds))
    .limit(1);
  const regionId = first ? regionOfPath(first.path) : null;
  if (!regionId) return out;
  const counts = await teacherCounts(db, {
    unitIds: opts.unitIds,
    set: schoolSetOf(opts.binding.group ?? 'all', regionId, opts.base),
    year: opts.base.year,
    period: opts.base.period,
  });
  for (const [unitId, c] of counts) out.set(unitId, sharePercent(c[fig.numerator], c[fig.denominator]));
  return out;
}
