import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { roleAssignments, users } from '../../db/schema/auth.js';
import { orgUnits } from '../../db/schema/orgs.js';
import type { Actor } from '../access/actor.js';

const parent = alias(orgUnits, 'parent');

export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user?.isActive) return null;
  const rows = await db
    .select({ a: roleAssignments, u: orgUnits, p: parent })
    .from(roleAssignments)
    .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId))
    .leftJoin(parent, eq(parent.id, orgUnits.parentId))
    .where(eq(roleAssignments.userId, userId));
  return {
    kind: 'user',
    userId: user.id,
    login: user.login,
    fullName: user.fullName,
    assignments: rows.map(({ a, u, p }) => {
      const governed = u.kind === 'institution' && p;
      return {
        role: a.role,
        orgUnitId: u.id,
        unitName: u.shortName ?? u.name,
        unitKind: u.kind,
        unitPath: u.path,
        governingId: governed ? p.id : u.id,
        governingPath: governed ? p.path : u.path,
      };
    }),
  };
}
