import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from './orgs.js';
import type { Role } from './values.js';

export type { Role } from './values.js';

export const ROLE_SOURCES = ['manual', 'directory'] as const;
export type RoleSource = (typeof ROLE_SOURCES)[number];
export { ROLES } from './values.js';

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  login: text('login').notNull().unique(),
  fullName: text('full_name').notNull(),
  email: text('email'),
  position: text('position'),
  /** Null: no local password — the account signs in only through OIDC or LDAP (issue 17). */
  passwordHash: text('password_hash'),
  isActive: boolean('is_active').notNull().default(true),
  isDemo: boolean('is_demo').notNull().default(false),
  /**
   * A person of another region that imported records point to (authors): only id and name came with a
   * region's archive. Never signs in: inactive, no password, not to be activated (ADR 0044).
   */
  isStub: boolean('is_stub').notNull().default(false),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /**
     * Who gave the pair: 'manual' — an administrator or an appointment (coordinator, curator);
     * 'directory' — an LDAP group rule at sign-in. Sign-in takes away only 'directory' rows (ADR 0041).
     */
    source: text('source').$type<RoleSource>().notNull().default('manual'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('role_assignments_uq').on(t.userId, t.role, t.orgUnitId)],
);

export const sessions = pgTable(
  'sessions',
  {
    // HMAC of the cookie token: a leaked table does not give usable sessions.
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
    ip: text('ip'),
    /** Bumped at most once a minute by the request that uses the session (the «Сеансы» list). */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
    /** How the user signed in: 'password', 'ldap' or 'oidc:<provider id>'. */
    method: text('method').notNull().default('password'),
    /**
     * 'full' — a signed-in session; 'mfa' — the first factor passed, the second is asked for;
     * 'mfa_enrol' — the first factor passed and the role requires a second one not yet set up.
     * Only a full session gives an Actor (session-actor.ts).
     */
    stage: text('stage').$type<SessionStage>().notNull().default('full'),
    /** The id_token of an OIDC sign-in, kept for the provider's sign-out (id_token_hint). */
    idTokenHint: text('id_token_hint'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const SESSION_STAGES = ['full', 'mfa', 'mfa_enrol'] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];

/**
 * An account of an external identity provider linked to a user (issue 17 §1–2): `provider` is
 * 'ldap' or 'oidc:<provider id>', `subject` the provider's stable id of the person (OIDC `sub`, LDAP DN).
 */
export const userIdentities = pgTable(
  'user_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    subject: text('subject').notNull(),
    /** The login or e-mail the provider gave at the last sign-in, for the administrator's list. */
    claimValue: text('claim_value'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('user_identities_subject_uq').on(t.provider, t.subject),
    index('user_identities_user_idx').on(t.userId),
  ],
);

/**
 * A sign-in in progress at an OIDC provider: state, nonce and the PKCE verifier, kept in the database
 * so that any instance behind the balancer can finish it; used once and only for a few minutes.
 */
export const signInStates = pgTable('sign_in_states', {
  state: text('state').primaryKey(),
  provider: text('provider').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  /** A path inside Opora to open after the sign-in. */
  returnTo: text('return_to'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A user's TOTP second factor (issue 17 §3); `enabledAt` null — enrolment begun, not confirmed. */
export const userMfa = pgTable('user_mfa', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** The TOTP secret, encrypted (AES-GCM) with a key derived from SESSION_SECRET. */
  secretEnc: text('secret_enc').notNull(),
  enabledAt: timestamp('enabled_at', { withTimezone: true }),
  /** The last time step accepted: a code is never accepted twice. */
  lastStep: integer('last_step'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One-time recovery codes of the second factor, stored as hashes. */
export const mfaRecoveryCodes = pgTable(
  'mfa_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('mfa_recovery_codes_user_idx').on(t.userId)],
);

/**
 * Failed (or in-flight) password attempts per key: `li:<ip>|<login>`, `ip:<ip>`, `pw:<user id>`.
 * One row per key, incremented atomically before the password is checked, so parallel guesses
 * cannot outrun the counter; `next_at` is when the next attempt is allowed (growing delays).
 */
export const authThrottle = pgTable(
  'auth_throttle',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull().default(0),
    nextAt: timestamp('next_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('auth_throttle_updated_idx').on(t.updatedAt)],
);
