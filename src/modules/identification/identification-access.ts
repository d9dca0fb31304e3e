import { forbidden, type Noun, notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { regionLevelRegions } from '../access/region-level.js';

// Who may do what with methodologies, runs and what-if comparisons: only roles of the region level
// (docs/identification-api.md). The regional operator writes; the regional center, experts and
// administrators read. Everything is scoped to the region the role belongs to.

export type IdentificationMode = 'read' | 'write';

const READERS = ['regional_operator', 'regional_center', 'expert', 'admin'] as const;
const WRITERS = ['regional_operator'] as const;

/** Regions in which the actor may read (or write) identification data, in the order of the assignments. */
export function identificationRegions(actor: Actor, mode: IdentificationMode): string[] {
  return regionLevelRegions(actor, mode === 'write' ? WRITERS : READERS);
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
  what: Noun = 'Объект',
): void {
  if (!identificationRegions(actor, 'read').includes(regionId)) throw notFound(what);
  if (mode === 'write' && !identificationRegions(actor, 'write').includes(regionId)) {
    throw forbidden('Изменять методики и запускать расчёты может только региональный оператор');
  }
}
