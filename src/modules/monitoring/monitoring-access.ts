import { and, eq, exists, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { monitoringResponses, monitorings } from '../../db/schema/monitoring.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { campaignReader, runsCampaignOf } from '../access/campaign-roles.js';
import { MSG } from './strings.js';

// Who sees a monitoring and who acts on it. The owner's subtree readers see it whole (a municipality
// sees a region's monitoring with its own schools only); once it is open, a participant sees it through
// its own form. The owner's operator (regional operator, municipal coordinator) runs it; the participant
// fills its form; the owner and, for a school, the municipality above it review. A teacher reads none.

/** SQL: the unit with this path is one whose form the actor may read. */
export const unitInScope = (actor: Actor, path: SQL | typeof orgUnits.path): SQL =>
  pathReadable(campaignReader(actor), path);

/** SQL over monitorings: the owner's side sees it; a participant, once it is no longer a draft. */
export function monitoringVisible(actor: Actor): SQL {
  const reader = campaignReader(actor);
  return or(
    exists(
      sql`(select 1 from ${orgUnits} o where o.id = ${monitorings.ownerUnitId} and ${pathReadable(reader, sql`o.path`)})`,
    ),
    and(
      sql`${monitorings.status} <> 'draft'`,
      exists(
        sql`(select 1 from ${monitoringResponses} r join org_units u on u.id = r.org_unit_id where r.monitoring_id = ${monitorings.id} and ${pathReadable(reader, sql`u.path`)})`,
      ),
    ),
  ) as SQL;
}

export type MonitoringRow = typeof monitorings.$inferSelect;
export type UnitRef = { id: string; name: string; kind: string; path: string };

/** The monitoring and its owner, if the actor sees it; otherwise «not found». */
export async function loadMonitoring(
  db: Db,
  actor: Actor,
  monitoringId: string,
): Promise<{ monitoring: MonitoringRow; owner: UnitRef }> {
  const [row] = await db
    .select({
      monitoring: monitorings,
      owner: { id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path },
    })
    .from(monitorings)
    .innerJoin(orgUnits, eq(orgUnits.id, monitorings.ownerUnitId))
    .where(and(eq(monitorings.id, monitoringId), monitoringVisible(actor)));
  if (!row) throw notFound('Мониторинг');
  return row;
}

export function assertKeeps(actor: Actor, owner: { id: string; kind: string }): void {
  if (!runsCampaignOf(actor, owner)) throw forbidden(MSG.notOwner);
}

/** The participant fills its own form: a school's team, a municipality's coordinator. */
export function fillsFor(actor: Actor, unit: { id: string; kind: string }): boolean {
  if (unit.kind === 'school')
    return actor.assignments.some((a) => a.role === 'school_team' && a.orgUnitId === unit.id);
  return actor.assignments.some((a) => a.role === 'municipal_coordinator' && a.governingId === unit.id);
}

/** The owner reviews every form; the municipality above a school reviews that school's form too. */
export function reviewsFor(actor: Actor, owner: { id: string; kind: string }, unit: UnitRef): boolean {
  if (runsCampaignOf(actor, owner)) return true;
  return (
    unit.kind === 'school' &&
    actor.assignments.some(
      (a) =>
        a.role === 'municipal_coordinator' &&
        a.unitKind === 'municipality' &&
        unit.path.startsWith(a.governingPath),
    )
  );
}

/**
 * The monitoring's status read with a share lock inside the transaction of a change to one of its forms: a
 * close cannot commit between the check and the change (closing updates the row, so it waits for us).
 */
export async function lockedStatus(tx: Db, monitoringId: string): Promise<MonitoringRow['status'] | null> {
  const r = (await tx.execute(
    sql`select status from monitorings where id = ${monitoringId} for share`,
  )) as unknown as { rows: { status: MonitoringRow['status'] }[] };
  return r.rows[0]?.status ?? null;
}

export type ResponseRow = typeof monitoringResponses.$inferSelect;

/** A participant's form, if the actor sees both the monitoring and the participant; otherwise 404. */
export async function loadResponse(db: Db, actor: Actor, monitoringId: string, unitId: string) {
  const { monitoring, owner } = await loadMonitoring(db, actor, monitoringId);
  const [row] = await db
    .select({
      response: monitoringResponses,
      unit: { id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path },
    })
    .from(monitoringResponses)
    .innerJoin(orgUnits, eq(orgUnits.id, monitoringResponses.orgUnitId))
    .where(
      and(
        eq(monitoringResponses.monitoringId, monitoringId),
        eq(monitoringResponses.orgUnitId, unitId),
        unitInScope(actor, orgUnits.path),
      ),
    );
  if (!row) throw notFound('Организация');
  return { monitoring, owner, response: row.response, unit: row.unit };
}
