import type { Role } from '../../db/schema/auth.js';
import type { Actor } from './actor.js';

// Campaigns of a region or a municipality — questionnaires for risk profiles (issue 11) and monitorings
// (issue 13) — follow one rule: the owner's operator runs them (the regional operator a region's, the
// municipal coordinator a municipality's), and only the roles that follow schools read them; a teacher
// reads none.

const READER_ROLES: readonly Role[] = [
  'admin',
  'regional_operator',
  'regional_center',
  'expert',
  'municipal_coordinator',
  'curator',
  'school_team',
];

/** The actor with only the assignments that read campaigns. */
export const campaignReader = (actor: Actor): Actor => ({
  ...actor,
  assignments: actor.assignments.filter((a) => READER_ROLES.includes(a.role)),
});

/** The regional operator of a region's campaign, the municipal coordinator of a municipality's. */
export function runsCampaignOf(actor: Actor, owner: { id: string; kind: string }): boolean {
  const role = owner.kind === 'region' ? 'regional_operator' : 'municipal_coordinator';
  return actor.assignments.some((a) => a.role === role && a.governingId === owner.id);
}
