import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { roleAssignments, users } from '../../db/schema/auth.js';
import type { Role } from '../../db/schema/values.js';
import { invalid } from '../../lib/errors.js';

// Roles given by a person — an administrator by hand, or an appointment (coordinator, curator) — as
// opposed to roles an LDAP group rule gives at sign-in (ldap/sync-roles.ts). A pair given by a person is
// stored as 'manual', and sign-in never takes a 'manual' row away. If the directory already gave the
// pair, its row becomes 'manual': it then outlives the person's membership of the group (ADR 0041).

/** A person of another region that imported records name (region export, ADR 0044). */
export const STUB_NEVER_SIGNS_IN =
  'Это запись о человеке из другого региона, пришедшая с выгрузкой региона (автор записей): под ней ' +
  'не входят и ролей ей не назначают. Если человек будет работать здесь, создайте ему учётную запись.';

export type RolePair = { role: Role; orgUnitId: string };

export type GrantedRole = typeof roleAssignments.$inferSelect & {
  /** The pair existed, given by the directory; now it is held by hand. */
  fromDirectory: boolean;
};

/**
 * Gives the pairs by hand; returns the rows that are new or were the directory's (nothing for a pair
 * already held by hand). A stub (users.is_stub) is refused here, the one place every way of giving a
 * role by hand goes through (the administrator, a coordinator's or curator's appointment).
 */
export async function grantByHand(
  tx: Db,
  userId: string,
  pairs: readonly RolePair[],
): Promise<GrantedRole[]> {
  if (pairs.length === 0) return [];
  const [user] = await tx.select({ isStub: users.isStub }).from(users).where(eq(users.id, userId));
  if (user?.isStub) throw invalid(STUB_NEVER_SIGNS_IN);
  const unique = [...new Map(pairs.map((p) => [`${p.role}|${p.orgUnitId}`, p])).values()];
  // One statement, so that a directory sign-in inserting the same pair meanwhile cannot leave it
  // 'directory': whichever comes second either updates the row to 'manual' or does nothing. A row
  // that was there (`xmax` set by the update) can only have been the directory's.
  const rows = await tx
    .insert(roleAssignments)
    .values(unique.map((p) => ({ userId, role: p.role, orgUnitId: p.orgUnitId, source: 'manual' as const })))
    .onConflictDoUpdate({
      target: [roleAssignments.userId, roleAssignments.role, roleAssignments.orgUnitId],
      set: { source: 'manual' },
      setWhere: eq(roleAssignments.source, 'directory'),
    })
    .returning({
      ...getTableColumns(roleAssignments),
      inserted: sql<boolean>`(${roleAssignments}.xmax = 0)`,
    });
  return rows.map(({ inserted, ...r }) => ({ ...r, fromDirectory: !inserted }));
}
