// Roles and the kinds of units they are assigned to.

export const ROLES = [
  'admin',
  'regional_operator',
  'regional_center',
  'municipal_coordinator',
  'curator',
  'school_team',
  'expert',
  'teacher',
  // Reads the region's audit log (issue 17 §7) and nothing else: the security office, not a participant.
  'security_officer',
] as const;
export type Role = (typeof ROLES)[number];

/** Which kind of unit each role is assigned to: a wrong pairing would give a scope nobody intended. */
export const ROLE_UNIT_KINDS: Record<Role, readonly string[]> = {
  admin: ['region'],
  regional_operator: ['region'],
  regional_center: ['institution'],
  municipal_coordinator: ['municipality'],
  curator: ['school'],
  school_team: ['school'],
  expert: ['region', 'municipality'],
  teacher: ['school'],
  security_officer: ['region'],
};

export const ORG_KINDS = ['region', 'municipality', 'school', 'institution'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const INSTITUTION_TYPES = [
  'department',
  'iro',
  'quality_center',
  'cnppm',
  'omsu',
  'moc',
  'methodical_association',
  'other',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];
