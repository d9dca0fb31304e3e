import type { Role } from '../../db/schema/auth.js';
import { forbidden, notFound } from '../../lib/errors.js';
import type { Actor, Assignment } from '../access/actor.js';

// Who may do what with methodologies, runs and what-if comparisons: only roles of the region level
// (docs/identification-api.md). The regional operator writes; the regional center, experts and
// administrators read. Everything is scoped to the region the role belongs to.

export type IdentificationMode = 'read' | 'write';

const READERS: Role[] = ['regional_operator', 'regional_center', 'expert', 'admin'];
const WRITERS: Role[] = ['regional_operator'];

/** The root segment of a materialised path "/rootId/…/id/": the region the unit belongs to. */
export const regionOfPath = (path: string): string | null => path.split('/')[1] || null;

/** Path of the region's subtree. */
export const regionPath = (regionId: string) => `/${regionId}/`;

/** The assignment works at the level of its region (the region itself, or an institution governed by it). */
function isRegionLevel(a: Assignment): boolean {
  if (a.role === 'admin') return true;
  return a.governingPath === regionPath(a.governingId);
}

/** Regions in which the actor may read (or write) identification data, in the order of the assignments. */
export function identificationRegions(actor: Actor, mode: IdentificationMode): string[] {
  const roles = mode === 'write' ? WRITERS : READERS;
  const out: string[] = [];
  for (const a of actor.assignments) {
    if (!roles.includes(a.role) || !isRegionLevel(a)) continue;
    const region = regionOfPath(a.unitPath);
    if (region && !out.includes(region)) out.push(region);
  }
  return out;
}

/** The actor's region for operations without an object (lists, new versions, new runs); FORBIDDEN without one. */
export function requireIdentificationRegion(actor: Actor, mode: IdentificationMode): string {
  const [region] = identificationRegions(actor, mode);
  if (!region) {
    throw forbidden(
      mode === 'write'
        ? 'Изменять методики и запускать расчёты может только региональный оператор'
        : 'Методики и расчёты доступны только пользователям уровня региона',
    );
  }
  return region;
}

/**
 * Checks access to an object of a region. Objects of a region the actor cannot read do not exist for
 * him (NOT_FOUND); a reader who tries to write gets FORBIDDEN.
 */
export function assertRegionAccess(
  actor: Actor,
  regionId: string,
  mode: IdentificationMode,
  what = 'Объект',
): void {
  if (!identificationRegions(actor, 'read').includes(regionId)) throw notFound(what);
  if (mode === 'write' && !identificationRegions(actor, 'write').includes(regionId)) {
    throw forbidden('Изменять методики и запускать расчёты может только региональный оператор');
  }
}
