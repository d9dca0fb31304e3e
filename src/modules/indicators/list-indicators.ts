import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { indicatorDefinitions } from '../../db/schema/monitoring.js';
import { notFound } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import { type Actor, isAdmin } from '../access/actor.js';
import { regionOfPath } from '../access/region-level.js';
import { CATALOGUE, type IndicatorDef } from './catalogue.js';

// The indicators of a region: the catalogue's, then the region's own (the inactive ones too, marked).

/** The actor works in the region (any role of any unit of it), or is an administrator. */
export const worksInRegion = (actor: Actor, regionId: string): boolean =>
  isAdmin(actor) || actor.assignments.some((a) => regionOfPath(a.unitPath) === regionId);

type DefRow = typeof indicatorDefinitions.$inferSelect;

/** Stored parameters are written through a block's schema: strings and numbers only. */
export const plainParams = (p: Record<string, unknown>): Record<string, string | number> =>
  Object.fromEntries(
    Object.entries(p).filter(
      (e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number',
    ),
  );

export const ownDef = (r: DefRow): IndicatorDef => ({
  code: r.code,
  title: r.title,
  unit: r.unit,
  direction: r.direction,
  definition: r.definition,
  block: r.block,
  params: plainParams(r.params),
  own: { id: r.id, version: r.version, active: r.active },
});

export async function listIndicators(
  db: Db,
  opts: { actor: Actor; regionId: string },
): Promise<IndicatorDef[]> {
  if (!worksInRegion(opts.actor, opts.regionId)) throw notFound('Регион');
  const rows = await db
    .select()
    .from(indicatorDefinitions)
    .where(eq(indicatorDefinitions.regionId, opts.regionId));
  return [...CATALOGUE, ...rows.map(ownDef).sort(byRussian((d) => d.title))];
}

/** One indicator of the region by its code (the catalogue's or the region's own); 404 otherwise. */
export async function findIndicator(db: Db, regionId: string, code: string): Promise<IndicatorDef> {
  const fromCatalogue = CATALOGUE.find((d) => d.code === code);
  if (fromCatalogue) return fromCatalogue;
  const [row] = await db
    .select()
    .from(indicatorDefinitions)
    .where(and(eq(indicatorDefinitions.regionId, regionId), eq(indicatorDefinitions.code, code)));
  if (!row) throw notFound('Показатель');
  return ownDef(row);
}
