import { and, eq, gt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { roleAssignments, sessions, users } from '../../db/schema/auth.js';
import { orgUnits } from '../../db/schema/orgs.js';
import type { Actor, Assignment } from '../access/actor.js';

const parent = alias(orgUnits, 'parent');

// One statement, built once per database handle and prepared on the server: this runs on every API
// request whose session is not in the actor cache (see docs/decisions/0012-every-core.md).
function build(db: Db) {
  return db
    .select({
      userId: users.id,
      login: users.login,
      fullName: users.fullName,
      role: roleAssignments.role,
      unitId: orgUnits.id,
      unitName: orgUnits.name,
      unitShortName: orgUnits.shortName,
      unitKind: orgUnits.kind,
      unitPath: orgUnits.path,
      parentId: parent.id,
      parentPath: parent.path,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .leftJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId))
    .leftJoin(parent, eq(parent.id, orgUnits.parentId))
    .where(
      and(
        eq(sessions.id, sql.placeholder('id')),
        gt(sessions.expiresAt, sql`now()`),
        // A session waiting for its second factor gives no actor (issue 17 §3).
        eq(sessions.stage, 'full'),
        eq(users.isActive, true),
      ),
    )
    .prepare('opora_session_actor');
}

const prepared = new WeakMap<Db, ReturnType<typeof build>>();

/** The actor of a live session of an active user (by the session's stored id), or null. */
export async function loadSessionActor(db: Db, sessionId: string): Promise<Actor | null> {
  let query = prepared.get(db);
  if (!query) {
    query = build(db);
    prepared.set(db, query);
  }
  const rows = await query.execute({ id: sessionId });
  const first = rows[0];
  if (!first) return null;
  const assignments: Assignment[] = [];
  for (const r of rows) {
    // A user without roles: one row whose assignment columns are null.
    if (!r.role || !r.unitId || !r.unitKind || r.unitPath === null || r.unitName === null) continue;
    const governed = r.unitKind === 'institution' && r.parentId !== null && r.parentPath !== null;
    assignments.push({
      role: r.role,
      orgUnitId: r.unitId,
      unitName: r.unitShortName ?? r.unitName,
      unitKind: r.unitKind,
      unitPath: r.unitPath,
      governingId: governed && r.parentId ? r.parentId : r.unitId,
      governingPath: governed && r.parentPath ? r.parentPath : r.unitPath,
    });
  }
  return { kind: 'user', userId: first.userId, login: first.login, fullName: first.fullName, assignments };
}
