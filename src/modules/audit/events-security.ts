import { z } from 'zod';

// The history events of sign-in, sessions and the system's operation (issue 17), part of the one
// closed list in events.ts. Secrets never enter a payload: no codes, tokens, hashes or passwords.

export const SECURITY_EVENT_PAYLOADS = {
  /** An external account (LDAP DN, OIDC subject) linked to a user; `created` — the user was made for it. */
  'user.identity_linked': z.object({ provider: z.string(), subject: z.string(), created: z.boolean() }),
  'user.identity_unlinked': z.object({ provider: z.string(), subject: z.string() }),
  /** Roles given or taken by an LDAP group rule at sign-in (only rules the administrator configured). */
  'user.roles_synced': z.object({
    provider: z.string(),
    added: z.array(z.object({ role: z.string(), orgUnitId: z.string() })),
    removed: z.array(z.object({ role: z.string(), orgUnitId: z.string() })),
  }),
  'user.mfa_enabled': z.object({}),
  'user.mfa_disabled': z.object({ by: z.enum(['self', 'admin']) }),
  'user.mfa_recovery_used': z.object({ left: z.number().int() }),
  'user.mfa_recovery_regenerated': z.object({}),
  'user.mfa_failed': z.object({ ip: z.string() }),
  /** Sessions ended by their owner ('self') or by an administrator ('admin'). */
  'session.ended': z.object({ by: z.enum(['self', 'admin']), count: z.number().int() }),
  /** The audit log read as CSV: the filter that was applied and the number of rows given. */
  'audit.exported': z.object({ filter: z.record(z.string(), z.string()), rows: z.number().int() }),
  'region.exported': z.object({ counts: z.record(z.string(), z.number().int()) }),
  'region.imported': z.object({ sourceVersion: z.string(), counts: z.record(z.string(), z.number().int()) }),
} as const;
