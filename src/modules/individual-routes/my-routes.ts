import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { individualRoutes, staffMembers } from '../../db/schema/people.js';
import type { Actor } from '../access/actor.js';
import { todayIso } from '../organisation/school-year.js';
import { routeDetail } from './get-route.js';

// «Мой маршрут»: the routes of the staff records bound to the caller's own account, newest year first.
// Nobody else's route is ever in this answer, whatever the caller's roles.

export async function myRoutes(db: Db, opts: { actor: Actor; today?: string }) {
  const rows = await db
    .select({
      route: individualRoutes,
      staff: staffMembers,
      schoolPath: orgUnits.path,
      schoolName: orgUnits.name,
    })
    .from(individualRoutes)
    .innerJoin(staffMembers, eq(staffMembers.id, individualRoutes.staffMemberId))
    .innerJoin(orgUnits, eq(orgUnits.id, individualRoutes.schoolId))
    .where(and(eq(staffMembers.userId, opts.actor.userId)))
    .orderBy(desc(individualRoutes.year));
  const today = opts.today ?? todayIso();
  const out = [];
  for (const row of rows) out.push(await routeDetail(db, opts.actor, row, today));
  return out;
}
