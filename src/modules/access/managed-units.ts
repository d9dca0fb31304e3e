import { and, eq, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import type { Actor } from './actor.js';

/** Ids of the units whose roadmaps and tasks the actor keeps (the same rule as canManageUnit). */
export async function managedUnitIds(db: Db, actor: Actor): Promise<string[]> {
  const conds: SQL[] = [];
  for (const a of actor.assignments) {
    if (a.role === 'regional_operator' || a.role === 'municipal_coordinator') {
      const own = a.role === 'regional_operator' ? 'region' : 'municipality';
      conds.push(
        and(eq(orgUnits.id, a.orgUnitId), eq(orgUnits.kind, own)) as SQL,
        and(eq(orgUnits.parentId, a.orgUnitId), eq(orgUnits.kind, 'institution')) as SQL,
      );
    } else if (a.role === 'school_team') {
      conds.push(and(eq(orgUnits.id, a.orgUnitId), eq(orgUnits.kind, 'school')) as SQL);
    } else if (a.role === 'regional_center') {
      conds.push(eq(orgUnits.id, a.orgUnitId));
    }
  }
  if (conds.length === 0) return [];
  const rows = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(or(...conds));
  return rows.map((r) => r.id);
}
