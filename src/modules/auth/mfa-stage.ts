import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type Role, roleAssignments, type SessionStage, userMfa } from '../../db/schema/auth.js';

/** Whether the user has a confirmed TOTP second factor. */
export async function hasMfa(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: userMfa.userId })
    .from(userMfa)
    .where(and(eq(userMfa.userId, userId), isNotNull(userMfa.enabledAt)));
  return row !== undefined;
}

/** Whether one of the user's roles is listed in MFA_REQUIRED_ROLES. */
export async function mfaRequired(db: Db, userId: string, requiredRoles: readonly Role[]): Promise<boolean> {
  if (requiredRoles.length === 0) return false;
  const [row] = await db
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), inArray(roleAssignments.role, [...requiredRoles])))
    .limit(1);
  return row !== undefined;
}

/**
 * What a sign-in whose first factor passed gives: an enabled TOTP asks for the code ('mfa'); a role
 * that requires a second factor without one asks to set it up ('mfa_enrol'); otherwise a full session.
 */
export async function signInStage(
  db: Db,
  userId: string,
  requiredRoles: readonly Role[],
): Promise<SessionStage> {
  if (await hasMfa(db, userId)) return 'mfa';
  if (await mfaRequired(db, userId, requiredRoles)) return 'mfa_enrol';
  return 'full';
}
