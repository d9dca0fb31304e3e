import { and, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { notFound } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { readableUnitOfRegion } from '../organisation/get-coverage.js';
import { currentSchoolYear } from '../organisation/school-year.js';
import { BLOCKS } from './catalogue.js';
import { figureOf, figuresOf, loadTargets } from './compute-indicator.js';
import { keepsIndicators } from './indicator-access.js';
import { listIndicators } from './list-indicators.js';
import type { IndicatorsOverviewView } from './views.js';

// The page «Показатели»: every indicator of the region for one unit and year — by default the widest unit
// the user works for (the region, his municipality, his school) — with its target and colour band.

/** The actor's widest unit he sees: the one with the shortest path among his assignments. */
export async function widestUnitId(db: Db, actor: Actor): Promise<string> {
  const ids = [...new Set(actor.assignments.map((a) => a.governingId))];
  if (ids.length === 0) throw notFound('Организация');
  const rows = await db
    .select({ id: orgUnits.id, path: orgUnits.path })
    .from(orgUnits)
    .where(and(inArray(orgUnits.id, ids), pathReadable(actor, orgUnits.path) as SQL));
  const [widest] = rows.sort((a, b) => a.path.length - b.path.length);
  if (!widest) throw notFound('Организация');
  return widest.id;
}

export async function getIndicatorsOverview(
  db: Db,
  opts: { actor: Actor; unitId?: string; year?: number },
): Promise<IndicatorsOverviewView> {
  const unit = await readableUnitOfRegion(
    db,
    opts.actor,
    opts.unitId ?? (await widestUnitId(db, opts.actor)),
  );
  const now = currentSchoolYear();
  const year = opts.year ?? now;
  const keeper = keepsIndicators(opts.actor, unit.regionId);
  const defs = (await listIndicators(db, { actor: opts.actor, regionId: unit.regionId })).filter(
    (d) => !d.own || d.own.active || keeper,
  );
  const targets = await loadTargets(db, unit.regionId, { year, actor: opts.actor });
  const rows = [];
  // One indicator after another: `db` may be a single connection (PGlite, a transaction).
  for (const def of defs) {
    const f = await figuresOf(db, { regionId: unit.regionId, year, def, units: [unit] });
    rows.push({ indicator: def, figure: figureOf(def, f, unit, year, targets), source: f.source });
  }
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    regionId: unit.regionId,
    year,
    years: Array.from({ length: 5 }, (_, i) => now - 4 + i),
    canKeep: keeper,
    rows,
    blocks: Object.values(BLOCKS).map((b) => ({ code: b.code, title: b.title, unit: b.unit })),
  };
}
