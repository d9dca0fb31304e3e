import type { Role } from '../../db/schema/auth.js';
import type { Actor, Assignment } from './actor.js';

// «Роль уровня региона» — defined here once. The regional operator, the regional centre and the expert
// work for the whole region when their unit is the region itself or an institution governed by it
// (a centre attached to a municipality is not region-level); the administrator is region-level everywhere.

export const REGION_LEVEL_ROLES = ['admin', 'regional_operator', 'regional_center', 'expert'] as const;
export type RegionLevelRole = (typeof REGION_LEVEL_ROLES)[number];

/** The root segment of a materialised path "/rootId/…/id/": the region the unit belongs to. */
export const regionOfPath = (path: string): string | null => path.split('/')[1] || null;

/** Path of the region's subtree. */
export const regionPath = (regionId: string) => `/${regionId}/`;

/** The assignment works at the level of its region (the region itself, or an institution governed by it). */
export function isRegionLevel(a: Assignment): boolean {
  if (!(REGION_LEVEL_ROLES as readonly Role[]).includes(a.role)) return false;
  return a.role === 'admin' || a.governingPath === regionPath(a.governingId);
}

/** Regions where the actor holds one of `roles` at the region level, in the order of the assignments. */
export function regionLevelRegions(
  actor: Actor,
  roles: readonly RegionLevelRole[] = REGION_LEVEL_ROLES,
): string[] {
  const out: string[] = [];
  for (const a of actor.assignments) {
    if (!(roles as readonly Role[]).includes(a.role) || !isRegionLevel(a)) continue;
    const region = regionOfPath(a.unitPath);
    if (region && !out.includes(region)) out.push(region);
  }
  return out;
}

/** The first region-level assignment of the actor (the region he oversees), if any. */
export function regionLevelAssignment(actor: Actor): Assignment | undefined {
  return actor.assignments.find((a) => a.role !== 'admin' && isRegionLevel(a));
}
