import { and, eq, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { deficitScales } from '../../db/schema/people.js';
import type { DeficitLevel } from '../../db/schema/values.js';
import { conflict, forbidden, invalid, notFound, parseInput } from '../../lib/errors.js';
import { type Actor, isAdmin, pathIsAncestorOfActor, pathReadable } from '../access/actor.js';
import { regionOfPath } from '../access/region-level.js';
import { recordEvent } from '../audit/record-event.js';
import { DEFAULT_LEVELS } from './levels.js';
import { saveScaleInput } from './schemas.js';
import type { scaleView } from './views.js';

// The region's scale of deficit levels (reference data): names and cut-offs, edited by the regional
// operator or centre. Without a saved scale the default of levels.ts applies. A diagnostic freezes the
// scale it was created with, so saving a new one never rewrites old levels.

type ScaleView = z.infer<typeof scaleView>;

/** The actor's own region: the region of his first assignment. */
export function actorRegionId(actor: Actor): string | null {
  for (const a of actor.assignments) {
    const r = regionOfPath(a.governingPath);
    if (r) return r;
  }
  return null;
}

const canKeepScale = (actor: Actor, regionId: string) =>
  isAdmin(actor) ||
  actor.assignments.some(
    (a) =>
      (a.role === 'regional_operator' || a.role === 'regional_center') &&
      regionOfPath(a.governingPath) === regionId,
  );

async function loadRegion(db: Db, actor: Actor, regionId: string | undefined): Promise<string> {
  const id = regionId ?? actorRegionId(actor);
  if (!id) throw invalid('Укажите регион');
  const [region] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.id, id),
        eq(orgUnits.kind, 'region'),
        or(pathReadable(actor, orgUnits.path), pathIsAncestorOfActor(actor, orgUnits.path)),
      ),
    );
  if (!region) throw notFound('Регион');
  return region.id;
}

/** The levels a new diagnostic of the region freezes. */
export async function levelsOfRegion(db: Db, regionId: string): Promise<DeficitLevel[]> {
  const [row] = await db.select().from(deficitScales).where(eq(deficitScales.regionId, regionId));
  return row?.levels ?? DEFAULT_LEVELS;
}

export async function getScale(
  db: Db,
  opts: { actor: Actor; regionId?: string | undefined },
): Promise<ScaleView> {
  const regionId = await loadRegion(db, opts.actor, opts.regionId);
  const [row] = await db.select().from(deficitScales).where(eq(deficitScales.regionId, regionId));
  return {
    regionId,
    levels: row?.levels ?? DEFAULT_LEVELS,
    version: row?.version ?? null,
    canEdit: canKeepScale(opts.actor, regionId),
  };
}

export async function saveScale(db: Db, opts: { actor: Actor; input: unknown }): Promise<ScaleView> {
  const input = parseInput(saveScaleInput, opts.input);
  const { actor } = opts;
  const regionId = await loadRegion(db, actor, input.regionId);
  if (!canKeepScale(actor, regionId))
    throw forbidden('Шкалу уровней ведут региональный оператор и центр региона');
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(deficitScales).where(eq(deficitScales.regionId, regionId));
    if (row) {
      if (input.version !== row.version) throw conflict();
      const done = await tx
        .update(deficitScales)
        .set({ levels: input.levels, version: row.version + 1, updatedAt: new Date() })
        .where(and(eq(deficitScales.regionId, regionId), eq(deficitScales.version, row.version)))
        .returning({ v: deficitScales.version });
      if (!done.length) throw conflict();
    } else {
      if (input.version !== undefined) throw conflict();
      await tx.insert(deficitScales).values({ regionId, levels: input.levels });
    }
    await recordEvent(
      tx,
      actor,
      'deficit_scale.saved',
      { entityType: 'deficit_scale', entityId: regionId, orgUnitId: regionId },
      { levels: input.levels.map(({ key, name, minPercent }) => ({ key, name, minPercent })) },
    );
  });
  return getScale(db, { actor, regionId });
}
