import { and, eq, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { roleAssignments } from '../../db/schema/auth.js';
import type { Role } from '../../db/schema/values.js';

// Roles given by a person — an administrator by hand, or an appointment (coordinator, curator) — as
// opposed to roles an LDAP group rule gives at sign-in (ldap/sync-roles.ts). A pair given by a person is
// stored as 'manual', and sign-in never takes a 'manual' row away. If the directory already gave the
// pair, its row becomes 'manual': it then outlives the person's membership of the group (ADR 0041).

export type RolePair = { role: Role; orgUnitId: string };

export type GrantedRole = typeof roleAssignments.$inferSelect & {
  /** The pair existed, given by the directory; now it is held by hand. */
  fromDirectory: boolean;
};

/** Gives the pairs by hand; returns the rows that are new or were the directory's (nothing for a pair already held by hand). */
export async function grantByHand(
  tx: Db,
  userId: string,
  pairs: readonly RolePair[],
): Promise<GrantedRole[]> {
  if (pairs.length === 0) return [];
  const samePair = or(
    ...pairs.map((p) => and(eq(roleAssignments.role, p.role), eq(roleAssignments.orgUnitId, p.orgUnitId))),
  );
  const converted = await tx
    .update(roleAssignments)
    .set({ source: 'manual' })
    .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.source, 'directory'), samePair))
    .returning();
  const inserted = await tx
    .insert(roleAssignments)
    .values(pairs.map((p) => ({ userId, role: p.role, orgUnitId: p.orgUnitId, source: 'manual' as const })))
    .onConflictDoNothing()
    .returning();
  return [
    ...inserted.map((r) => ({ ...r, fromDirectory: false })),
    ...converted.map((r) => ({ ...r, fromDirectory: true })),
  ];
}
