import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { items } from '../../db/schema/roadmaps.js';
import { regionOfPath } from '../access/region-level.js';
import { refreshBoundIndicators } from '../organisation/refresh-bound.js';
import { FIGURES } from './figures.js';

// Every operation that changes what teachers' coverage counts — staff joining or leaving, diagnostic
// results, routes and their status, mentoring pairs, course completions — calls this inside its own
// transaction (ADR 0022: a bound indicator is never behind the data it reads). Only the indicators bound
// to teachers' metrics are recomputed; the others do not read these tables.

export async function refreshPeopleBound(db: Db, opts: { regionId: string | null }): Promise<number> {
  if (!opts.regionId) return 0;
  const metrics = sql.join(
    FIGURES.map((f) => sql`${f.metric}`),
    sql`, `,
  );
  const rows = await db
    .select({ id: items.id })
    .from(items)
    .where(and(isNotNull(items.coverageBinding), sql`${items.coverageBinding}->>'metric' in (${metrics})`));
  if (rows.length === 0) return 0;
  return refreshBoundIndicators(db, { regionId: opts.regionId, itemIds: rows.map((r) => r.id) });
}

/** The same for the region of a unit (a school, or a diagnostic's owner): what the operations have at hand. */
export async function refreshPeopleBoundOf(db: Db, unitId: string): Promise<number> {
  const [unit] = await db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, unitId));
  return refreshPeopleBound(db, { regionId: unit ? regionOfPath(unit.path) : null });
}
