import type { TargetLevel } from '../../db/schema/values.js';
import type { Actor } from '../access/actor.js';
import { regionLevelRegions, regionOfPath } from '../access/region-level.js';

// Who keeps what (issue 13 §1). The regional operator of a region keeps its own indicators and every
// target. A municipal coordinator sets targets for the schools of his municipality only — one school at
// a time (a target «for every school» is the region's): he answers for those schools' results.
// Reading follows the unit: whoever sees a unit sees its figures (access inside each query).

export const keepsIndicators = (actor: Actor, regionId: string): boolean =>
  regionLevelRegions(actor, ['regional_operator']).includes(regionId);

export function canSetTarget(
  actor: Actor,
  regionId: string,
  target: { level: TargetLevel; unit: { path: string; kind: string } | null },
): boolean {
  if (keepsIndicators(actor, regionId)) return true;
  const { unit } = target;
  if (target.level !== 'school' || !unit || unit.kind !== 'school') return false;
  return actor.assignments.some(
    (a) =>
      a.role === 'municipal_coordinator' &&
      a.unitKind === 'municipality' &&
      regionOfPath(a.unitPath) === regionId &&
      unit.path.startsWith(a.unitPath),
  );
}

/** May set some target in the region: shows the targets' editor. */
export const setsSomeTargets = (actor: Actor, regionId: string, unitPath: string): boolean =>
  keepsIndicators(actor, regionId) ||
  actor.assignments.some(
    (a) =>
      a.role === 'municipal_coordinator' &&
      regionOfPath(a.unitPath) === regionId &&
      (unitPath.startsWith(a.unitPath) || a.unitPath.startsWith(unitPath)),
  );
