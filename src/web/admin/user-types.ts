import type { components } from '../shared/api-schema.js';

export { ROLE_UNIT_KINDS, ROLES } from '../../db/schema/values.js';

/** A row of GET /api/users. */
export type UserRow = components['schemas']['UserWithRoles'];
