import { type SQL, sql } from 'drizzle-orm';
import { auditEvents } from '../../db/schema/audit.js';
import { forbidden } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { regionOfPath, regionPath } from '../access/region-level.js';

// Whose audit log a reader sees (issue 17 §7), defined once (ADR 0045). The readers are the
// administrator and the security officer, both assigned at a region; each sees the events of his
// region(s):
//  · an event with a unit — the unit is in the region's subtree;
//  · an event without a unit (sign-ins, sessions, accounts) — its author holds a role in the region,
//    or the account it concerns does (entity `user`), or, for a failed sign-in, the login it named does.
// "Holds a role" is read from today's role assignments: a person whose roles were taken away leaves the
// region's log with his unit-less events (his units' events stay). Events of nobody about nobody in the
// region (a failed sign-in by an unknown login, the system's work without a unit) are in no region's log.

export const AUDIT_READER_ROLES = ['admin', 'security_officer'] as const;

/** The regions whose log the actor reads; empty — he reads none. */
export function auditRegions(actor: Actor): string[] {
  const out: string[] = [];
  for (const a of actor.assignments) {
    if (!(AUDIT_READER_ROLES as readonly string[]).includes(a.role)) continue;
    const region = regionOfPath(a.unitPath);
    if (region && !out.includes(region)) out.push(region);
  }
  return out;
}

export const AUDIT_FORBIDDEN =
  'Журнал аудита видят только администратор и ответственный за безопасность региона';

/** The regions, or 403 for anyone else: the log is a function of a role, not of a unit one can see. */
export function requireAuditRegions(actor: Actor): string[] {
  const regions = auditRegions(actor);
  if (regions.length === 0) throw forbidden(AUDIT_FORBIDDEN);
  return regions;
}

/** SQL "the path column is inside one of the regions". */
function inRegions(path: SQL, regions: string[]): SQL {
  return sql`(${sql.join(
    regions.map((r) => sql`${path} like ${`${regionPath(r)}%`}`),
    sql` or `,
  )})`;
}

/** SQL "the user with this id holds a role at a unit of the regions". */
export function userInRegions(userId: SQL, regions: string[]): SQL {
  return sql`exists (select 1 from role_assignments ra join org_units rou on rou.id = ra.org_unit_id
    where ra.user_id = ${userId} and ${inRegions(sql`rou.path`, regions)})`;
}

/** The condition every read of the audit log carries (the list, the CSV). */
export function auditScope(regions: string[]): SQL {
  const e = auditEvents;
  return sql`(
    (${e.orgUnitId} is not null and exists (select 1 from org_units sou
      where sou.id = ${e.orgUnitId} and ${inRegions(sql`sou.path`, regions)}))
    or (${e.orgUnitId} is null and (
      (${e.actorId} is not null and ${userInRegions(sql`${e.actorId}`, regions)})
      or (${e.entityType} = 'user' and exists (select 1 from users su
        where su.id::text = ${e.entityId} and ${userInRegions(sql`su.id`, regions)}))
      or (${e.type} = 'user.login_failed' and exists (select 1 from users su
        where lower(su.login) = ${e.entityId} and ${userInRegions(sql`su.id`, regions)}))
    ))
  )`;
}
