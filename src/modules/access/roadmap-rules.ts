import type { OrgKind } from '../../db/schema/orgs.js';
import type { Actor } from './actor.js';

/** Roles that keep some unit's roadmaps (see canManageUnit). */
export const ROADMAP_KEEPER_ROLES = [
  'regional_operator',
  'regional_center',
  'municipal_coordinator',
  'school_team',
] as const;

/** What access rules need to know about the unit owning a roadmap. */
export type OwnerUnit = { id: string; kind: OrgKind; parentId: string | null; path: string };

export function governingIdOf(unit: OwnerUnit): string {
  return unit.kind === 'institution' && unit.parentId ? unit.parentId : unit.id;
}

/**
 * Who keeps a unit's roadmaps (creates, edits, marks execution):
 * the regional operator for the region and its institutions, the municipal coordinator for the
 * municipality and its institutions, the school team for its school, a regional centre for itself.
 */
export function canManageUnit(actor: Actor, unit: OwnerUnit): boolean {
  const governing = governingIdOf(unit);
  return actor.assignments.some((a) => {
    switch (a.role) {
      case 'regional_operator':
        return (unit.kind === 'region' || unit.kind === 'institution') && a.orgUnitId === governing;
      case 'municipal_coordinator':
        return (unit.kind === 'municipality' || unit.kind === 'institution') && a.orgUnitId === governing;
      case 'school_team':
        return unit.kind === 'school' && a.orgUnitId === unit.id;
      case 'regional_center':
        return a.orgUnitId === unit.id;
      default:
        return false;
    }
  });
}

/**
 * Who confirms execution: the level above the unit (the curator or the municipality for a school,
 * the region for a municipality); the region confirms its own roadmap, having no level above here.
 * `ancestors` are the owner's ancestor ids, nearest first.
 */
export function canConfirmUnit(
  actor: Actor,
  unit: OwnerUnit,
  governingKind: OrgKind,
  ancestors: string[],
): boolean {
  const governing = governingIdOf(unit);
  return actor.assignments.some((a) => {
    if (governingKind === 'school') {
      return (
        (a.role === 'curator' && a.orgUnitId === governing) ||
        (a.role === 'municipal_coordinator' && ancestors.includes(a.orgUnitId))
      );
    }
    if (governingKind === 'municipality')
      return a.role === 'regional_operator' && ancestors.includes(a.orgUnitId);
    return a.role === 'regional_operator' && a.orgUnitId === governing;
  });
}
