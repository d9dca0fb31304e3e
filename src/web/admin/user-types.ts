import type { components } from '../shared/api-schema.js';
import type { Role } from '../shared/types.js';

/** A row of GET /api/users. */
export type UserRow = components['schemas']['UserWithRoles'];

/** Which kind of unit each role is assigned to (ROLE_UNIT_KINDS in src/modules/auth/users.ts). */
export const ROLE_UNIT_KINDS: Record<Role, string[]> = {
  admin: ['region'],
  regional_operator: ['region'],
  regional_center: ['institution'],
  municipal_coordinator: ['municipality'],
  curator: ['school'],
  school_team: ['school'],
  expert: ['region', 'municipality'],
  teacher: ['school'],
};

export const ROLES = Object.keys(ROLE_UNIT_KINDS) as Role[];
