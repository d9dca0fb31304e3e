import type { Db } from '../../db/client.js';

/**
 * Recomputes the actual values of the roadmap indicators bound to coverage in a region (issue 12 §4),
 * inside the caller's transaction: every operation that changes what coverage counts (appointments,
 * pairs, agreements, meetings, participation, roadmap approval) calls it, so a bound indicator is never
 * behind the data it reads. Returns the number of indicators whose value changed.
 *
 * FOUNDATION: the helper «coverage» writes the body (coverage.ts is the one definition of each metric).
 */
export async function refreshBoundIndicators(_db: Db, _opts: { regionId: string }): Promise<number> {
  return 0;
}
