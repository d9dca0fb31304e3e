import type { Db } from '../../db/client.js';
import type { CoverageBinding, PeriodKind } from '../../db/schema/values.js';
import { regionOfPath } from '../access/region-level.js';
import { bindingValues, coverageBase } from './coverage.js';
import { bindingPeriod } from './refresh-bound.js';

/**
 * The roll-up of a cascaded item bound to coverage (issue 12 §4): each addressed unit's own value of the
 * item's metric over the item's period, by one set of statements for all of them. Unbound: nothing.
 */
export async function boundValuesOfUnits(
  db: Db,
  opts: {
    binding: CoverageBinding | null;
    roadmap: { periodKind: PeriodKind; periodYear: number };
    ownerPath: string;
    unitIds: string[];
  },
): Promise<Map<string, number | null> | null> {
  const regionId = regionOfPath(opts.ownerPath);
  if (!opts.binding || !regionId || opts.unitIds.length === 0) return null;
  const { year, period } = bindingPeriod(opts.binding, opts.roadmap);
  const base = await coverageBase(db, { regionId, year, period });
  return bindingValues(db, { base, unitIds: opts.unitIds, binding: opts.binding });
}
