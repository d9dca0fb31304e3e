import { forbidden, type Noun, notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { regionLevelRegions, regionOfPath } from '../access/region-level.js';

// Who may see and change a region's questionnaires (instruments) and risk factors (issue 11 §1): the
// regional operator (and the administrator) edits; every region-level role reads, and so do municipal
// coordinators of the region, because municipalities run campaigns with the region's instruments.
// Everything is scoped to the region; an instrument of another region does not exist for the actor.

export type RiskReferenceMode = 'read' | 'write';

const WRITE_DENIED = 'Изменять анкеты и факторы риска может только региональный оператор';
const READ_DENIED =
  'Анкеты и факторы риска доступны пользователям уровня региона и муниципальным координаторам';

/** Regions whose instruments and factors the actor may read (or write), in the order of the assignments. */
export function riskReferenceRegions(actor: Actor, mode: RiskReferenceMode): string[] {
  if (mode === 'write') return regionLevelRegions(actor, ['regional_operator', 'admin']);
  const out = regionLevelRegions(actor);
  for (const a of actor.assignments) {
    if (a.role !== 'municipal_coordinator') continue;
    const region = regionOfPath(a.unitPath);
    if (region && !out.includes(region)) out.push(region);
  }
  return out;
}

/** The actor's region for operations without an object (lists, new versions); FORBIDDEN without one. */
export function requireRiskReferenceRegion(actor: Actor, mode: RiskReferenceMode): string {
  const [region] = riskReferenceRegions(actor, mode);
  if (!region) throw forbidden(mode === 'write' ? WRITE_DENIED : READ_DENIED);
  return region;
}

/** An object of a region: NOT_FOUND for an actor who cannot read the region, FORBIDDEN for a reader who writes. */
export function assertRiskReferenceAccess(
  actor: Actor,
  regionId: string,
  mode: RiskReferenceMode,
  what: Noun,
): void {
  if (!riskReferenceRegions(actor, 'read').includes(regionId)) throw notFound(what);
  if (mode === 'write' && !riskReferenceRegions(actor, 'write').includes(regionId))
    throw forbidden(WRITE_DENIED);
}
