import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { workingBodies } from '../../db/schema/organisation.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import type { OwnerUnit } from '../access/roadmap-rules.js';
import { MEETING_MSG } from './meeting-labels.js';
import { canKeepUnitWork } from './organise-access.js';

// A working body is read by whoever sees its unit and kept by the keeper of the unit's roadmaps
// (canKeepUnitWork): the same people answer for the unit's work.

export type UnitRef = OwnerUnit & { name: string };

const unitCols = {
  id: orgUnits.id,
  kind: orgUnits.kind,
  parentId: orgUnits.parentId,
  path: orgUnits.path,
  name: orgUnits.name,
};

/** A unit the actor sees; an unknown and an unseen one get the same 404. */
export async function readableUnit(db: Db, actor: Actor, unitId: string): Promise<UnitRef> {
  const [u] = await db
    .select(unitCols)
    .from(orgUnits)
    .where(and(eq(orgUnits.id, unitId), pathReadable(actor, orgUnits.path)));
  if (!u) throw notFound('Организация');
  return u;
}

export async function unitById(db: Db, unitId: string): Promise<UnitRef> {
  const [u] = await db.select(unitCols).from(orgUnits).where(eq(orgUnits.id, unitId));
  if (!u) throw notFound('Организация');
  return u;
}

export function assertKeepsUnit(actor: Actor, unit: OwnerUnit): void {
  if (!canKeepUnitWork(actor, unit)) throw forbidden(MEETING_MSG.notKeeper);
}

/** The body with its unit, if the actor sees the unit. */
export async function loadBody(db: Db, actor: Actor, bodyId: string) {
  const [row] = await db
    .select({ body: workingBodies, unit: unitCols })
    .from(workingBodies)
    .innerJoin(orgUnits, eq(orgUnits.id, workingBodies.orgUnitId))
    .where(and(eq(workingBodies.id, bodyId), pathReadable(actor, orgUnits.path)));
  if (!row) throw notFound('Рабочий орган');
  return row;
}
