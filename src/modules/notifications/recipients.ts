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
