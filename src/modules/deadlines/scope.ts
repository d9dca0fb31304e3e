import { type SQL, sql } from 'drizzle-orm';
import { type Actor, isAdmin } from '../access/actor.js';
import { isRegionLevel } from '../access/region-level.js';

// Who overdue work is reported to (issue 15 §3), as a condition on the addressed unit `u`: one
// definition for the «Эскалации» list and for who may read the region's rules.

/** SQL over `u`: the units whose overdue work is reported to the actor; null — none (no such role). */
export function escalationScope(actor: Actor): SQL | null {
  if (isAdmin(actor)) return sql`u.kind in ('school', 'municipality')`;
  const parts: SQL[] = [];
  for (const a of actor.assignments) {
    if ((a.role === 'regional_operator' || a.role === 'regional_center') && isRegionLevel(a)) {
      parts.push(sql`(u.kind in ('school', 'municipality') and u.path like ${`/${a.governingId}/%`})`);
    } else if (a.role === 'municipal_coordinator' && a.unitKind === 'municipality') {
      parts.push(sql`(u.kind = 'school' and u.path like ${`${a.unitPath}%`})`);
    } else if (a.role === 'curator' && a.unitKind === 'school') {
      parts.push(sql`u.id = ${a.orgUnitId}`);
    }
  }
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : null;
}
