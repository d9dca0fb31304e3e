import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import type { Role } from '../../db/schema/values.js';

// Who is told about a unit's work: one definition for every producer of notifications (history events,
// the daily sweep, escalation). Only active users; a role is its assignment to the unit itself.

async function withRole(tx: Db, role: Role, unitIds: readonly string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const rows = await queryRows<{ user_id: string }>(
    tx,
    sql`
    select distinct ra.user_id from role_assignments ra join users u on u.id = ra.user_id
    where u.is_active and ra.role = ${role}
      and ra.org_unit_id in (${sql.join(
        unitIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
  );
  return rows.map((r) => r.user_id);
}

/** Those who keep the unit's work: a school's team, a municipality's coordinators, a region's operators. */
export async function keepersOf(tx: Db, unitId: string): Promise<string[]> {
  const unit = await unitOf(tx, unitId);
  if (!unit) return [];
  const role: Role | null =
    unit.kind === 'school'
      ? 'school_team'
      : unit.kind === 'municipality'
        ? 'municipal_coordinator'
        : unit.kind === 'region'
          ? 'regional_operator'
          : null;
  return role ? withRole(tx, role, [unitId]) : [];
}

/** The curators assigned to a school (the role «куратор» on it). */
export function curatorsOf(tx: Db, schoolId: string): Promise<string[]> {
  return withRole(tx, 'curator', [schoolId]);
}

/** The municipal coordinators of the unit's municipality (the unit itself or its nearest ancestor). */
export async function coordinatorsOf(tx: Db, unitId: string): Promise<string[]> {
  const ancestors = await ancestorsOf(tx, unitId);
  return withRole(
    tx,
    'municipal_coordinator',
    ancestors.filter((a) => a.kind === 'municipality').map((a) => a.id),
  );
}

/** The regional operators of the unit's region. */
export async function regionOperatorsOf(tx: Db, unitId: string): Promise<string[]> {
  const ancestors = await ancestorsOf(tx, unitId);
  return withRole(
    tx,
    'regional_operator',
    ancestors.filter((a) => a.kind === 'region').map((a) => a.id),
  );
}

async function unitOf(tx: Db, unitId: string) {
  const [unit] = await queryRows<{ kind: string; path: string }>(
    tx,
    sql`select kind, path from org_units where id = ${unitId}`,
  );
  return unit;
}

/** The unit and its ancestors, from its materialised path. */
async function ancestorsOf(tx: Db, unitId: string): Promise<{ id: string; kind: string }[]> {
  const unit = await unitOf(tx, unitId);
  if (!unit) return [];
  const ids = unit.path.split('/').filter(Boolean);
  return queryRows<{ id: string; kind: string }>(
    tx,
    sql`
    select id, kind from org_units where id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
}

/** The four kinds of recipients above, for one unit. */
export type UnitRecipients = {
  keepers: string[];
  curators: string[];
  coordinators: string[];
  region: string[];
};

/**
 * keepersOf, curatorsOf, coordinatorsOf and regionOperatorsOf of many units in one query (the daily
 * sweep asks them for every unit with open work; one by one they were ~2 s on the demo). The same
 * definition: a role on the unit itself, or on its municipality / region found by the unit's path.
 * recipients.test.ts checks it against the single-unit functions.
 */
export async function recipientsOfUnits(
  tx: Db,
  unitIds: readonly string[],
): Promise<Map<string, UnitRecipients>> {
  const out = new Map<string, UnitRecipients>();
  const ids = [...new Set(unitIds)];
  for (const id of ids) out.set(id, { keepers: [], curators: [], coordinators: [], region: [] });
  if (ids.length === 0) return out;
  const rows = await queryRows<{
    unit_id: string;
    unit_kind: string;
    own: boolean;
    a_kind: string;
    role: Role;
    user_id: string;
  }>(
    tx,
    sql`
    select u.id::text as unit_id, u.kind as unit_kind, a.id = u.id as own, a.kind as a_kind, ra.role, ra.user_id::text as user_id
    from org_units u
    join org_units a on u.path like a.path || '%'
    join role_assignments ra on ra.org_unit_id = a.id
    join users us on us.id = ra.user_id and us.is_active
    where u.id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
      and ra.role in ('school_team', 'municipal_coordinator', 'regional_operator', 'curator')`,
  );
  const keeperRole: Record<string, Role> = {
    school: 'school_team',
    municipality: 'municipal_coordinator',
    region: 'regional_operator',
  };
  const add = (list: string[], id: string) => {
    if (!list.includes(id)) list.push(id);
  };
  for (const r of rows) {
    const set = out.get(r.unit_id);
    if (!set) continue;
    if (r.own && keeperRole[r.unit_kind] === r.role) add(set.keepers, r.user_id);
    if (r.own && r.role === 'curator') add(set.curators, r.user_id);
    if (r.a_kind === 'municipality' && r.role === 'municipal_coordinator') add(set.coordinators, r.user_id);
    if (r.a_kind === 'region' && r.role === 'regional_operator') add(set.region, r.user_id);
  }
  return out;
}
