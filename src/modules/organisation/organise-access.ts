import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../access/actor.js';
import { canManageUnit, type OwnerUnit } from '../access/roadmap-rules.js';

// Who organises the work (issue 12), written once for every operation of the module:
// - a school's curators and mentor school are appointed by the regional operator of its region or the
//   municipal coordinator of its municipality (DOMAIN §3: the municipality «curators and mentor schools
//   for its schools»);
// - a unit's bodies, meetings and events are kept by whoever keeps the unit's roadmaps (canManageUnit):
//   the same people answer for the unit's work, so one rule serves both.

/** Paths under which the actor appoints curators and mentor schools of schools. */
export function organisedPrefixes(actor: Actor): string[] {
  return actor.assignments
    .filter(
      (a) =>
        (a.role === 'regional_operator' && a.unitKind === 'region') ||
        (a.role === 'municipal_coordinator' && a.unitKind === 'municipality'),
    )
    .map((a) => a.unitPath);
}

/** Whether the actor appoints the curators and the mentor school of a school with this path. */
export function canOrganiseSchool(actor: Actor, schoolPath: string): boolean {
  return organisedPrefixes(actor).some((p) => schoolPath.startsWith(p) && schoolPath !== p);
}

/** SQL: the school with this path is one whose curators and mentor the actor appoints. */
export function schoolOrganisedBy(actor: Actor, pathColumn: AnyPgColumn | SQL): SQL {
  const prefixes = organisedPrefixes(actor);
  if (prefixes.length === 0) return sql`false`;
  const terms = prefixes.map((p) => sql`${pathColumn} like ${`${p}%`}`);
  return sql`(${sql.join(terms, sql` or `)})`;
}

/** Whether the actor keeps the bodies, meetings and events of a unit (the keeper of its roadmaps). */
export function canKeepUnitWork(actor: Actor, unit: OwnerUnit): boolean {
  return canManageUnit(actor, unit);
}
