import { z } from 'zod';
import { ROLE_SOURCES, ROLES, roleAssignments, SESSION_STAGES, users } from '../../db/schema/auth.js';
import { ORG_KINDS } from '../../db/schema/orgs.js';
import { rowSchema } from '../../lib/row-schema.js';

// Response shapes of the account operations; the password hash never leaves the server.
const role = z.enum(ROLES);

/** `stage` other than 'full': the second factor is asked for ('mfa') or must be set up ('mfa_enrol'). */
export const loginView = z
  .object({ ok: z.literal(true), expiresAt: z.string(), stage: z.enum(SESSION_STAGES) })
  .meta({ id: 'LoginResult' });

export const meView = z
  .object({
    id: z.uuid(),
    login: z.string(),
    fullName: z.string(),
    demo: z.boolean(),
    assignments: z.array(
      z.object({ role, orgUnitId: z.uuid(), unitName: z.string(), unitKind: z.enum(ORG_KINDS) }),
    ),
    /** What the menu offers (modules/access/capabilities.ts); the server checks access regardless. */
    capabilities: z.object({
      keepsRoadmaps: z.boolean(),
      receivesTasks: z.boolean(),
      confirms: z.boolean(),
      monitors: z.boolean(),
      identification: z.enum(['region', 'approved']).nullable(),
      riskReference: z.enum(['edit', 'read']).nullable(),
      admin: z.boolean(),
      programs: z.boolean(),
      /** Expertise (issue 11 §6): 'region' sees the summary, 'municipality' organizes its schools'. */
      expertiseOrganizer: z.enum(['region', 'municipality']).nullable(),
      /** May be named to examine documents: an expert, the centre, a school team (mutual expertise). */
      expertiseReviewer: z.boolean(),
      riskProfiles: z.enum(['map', 'school']).nullable(),
      campaigns: z.enum(['owner', 'reader']).nullable(),
      organisation: z.enum(['keep', 'read']).nullable(),
      coverage: z.boolean(),
      analysis: z.enum(['region', 'municipality', 'school']).nullable(),
      monitorings: z.enum(['owner', 'participant', 'reader']).nullable(),
      reports: z.enum(['keep', 'read']).nullable(),
      people: z.enum(['school', 'municipality', 'region', 'read', 'self']).nullable(),
      pupils: z.enum(['registry', 'teacher', 'summary']).nullable(),
      publishes: z.boolean(),
      practices: z.enum(['review', 'submit', 'read']),
      escalations: z.boolean(),
      audit: z.boolean(),
      participant: z.boolean(),
    }),
  })
  .meta({ id: 'Me' });

/** The session probe: the signed-in user, or null without a 401 (the login page asks it first). */
export const sessionView = z
  .object({
    user: meView.nullable(),
    /** A sign-in waiting for its second factor: the login page continues with it (issue 17 §3). */
    pending: z.enum(['mfa', 'mfa_enrol']).nullable(),
  })
  .meta({ id: 'Session' });

export const userListView = z
  .object({
    id: z.uuid(),
    login: z.string(),
    fullName: z.string(),
    email: z.string().nullable(),
    position: z.string().nullable(),
    isActive: z.boolean(),
    isDemo: z.boolean(),
    /** A person of another region imported with a region's records (id and name only): never signs in. */
    isStub: z.boolean(),
    version: z.number().int(),
    assignments: z.array(
      z.object({
        id: z.uuid(),
        role,
        orgUnitId: z.uuid(),
        unitName: z.string(),
        unitKind: z.enum(ORG_KINDS),
        /** 'directory': given by an LDAP group rule at sign-in; taken away when the person leaves the group. */
        source: z.enum(ROLE_SOURCES),
      }),
    ),
  })
  .meta({ id: 'UserWithRoles' });

export const userRow = rowSchema(users, {}, ['passwordHash']).meta({ id: 'User' });
export const assignmentRow = rowSchema(roleAssignments, { role, source: z.enum(ROLE_SOURCES) }).meta({
  id: 'RoleAssignment',
});
