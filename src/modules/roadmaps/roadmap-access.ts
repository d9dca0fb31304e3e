import { and, eq, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { roadmaps } from '../../db/schema/roadmaps.js';
import { forbidden, invalid, notFound } from '../../lib/errors.js';
import { type Actor, pathIsAncestorOfActor, pathReadable, readablePrefixes } from '../access/actor.js';
import { canConfirmUnit, canManageUnit, type OwnerUnit } from '../access/roadmap-rules.js';

const parentUnit = alias(orgUnits, 'parent_unit');

/**
 * A roadmap is visible to whoever reads its unit's subtree, and, once approved by an order,
 * to every unit below its owner: the level below executes the approved roadmap of the level above.
 */
export function roadmapVisible(actor: Actor): SQL {
  return or(
    pathReadable(actor, orgUnits.path),
    and(ne(roadmaps.status, 'draft'), pathIsAncestorOfActor(actor, orgUnits.path)),
  ) as SQL;
}

/**
 * roadmapVisible for the unit row `u` and the roadmap row `r`, with the actor's paths as the array
 * parameters `readable` and `own` (see visibilityParams): the SQL text is the same for every actor,
 * so a query using it is prepared once.
 */
export const roadmapVisiblePrepared = (u: string, r: string): SQL =>
  sql`(${sql.raw(u)}.path like any(${sql.placeholder('readable')}::text[]) or (${sql.raw(r)}.status <> 'draft' and exists (select 1 from unnest(${sql.placeholder('own')}::text[]) own(path) where own.path like ${sql.raw(u)}.path || '%')))`;

export function visibilityParams(actor: Actor): { readable: string[]; own: string[] } {
  return {
    readable: readablePrefixes(actor).map((p) => `${p}%`),
    own: [...new Set(actor.assignments.map((a) => a.unitPath))],
  };
}

export type RoadmapAccess = {
  roadmap: typeof roadmaps.$inferSelect;
  owner: typeof orgUnits.$inferSelect;
  canManage: boolean;
  canConfirm: boolean;
};

export function ownerRules(actor: Actor, owner: OwnerUnit, parentKind: string | null) {
  const governingKind = owner.kind === 'institution' && parentKind ? parentKind : owner.kind;
  const ancestors = owner.path.split('/').filter(Boolean).slice(0, -1).reverse();
  return {
    canManage: canManageUnit(actor, owner),
    canConfirm: canConfirmUnit(actor, owner, governingKind as OwnerUnit['kind'], ancestors),
  };
}

/** Loads a roadmap the actor may see; an invisible one is reported exactly as a missing one. */
export async function loadRoadmapAccess(db: Db, actor: Actor, roadmapId: string): Promise<RoadmapAccess> {
  const [row] = await db
    .select({ r: roadmaps, u: orgUnits, parentKind: parentUnit.kind })
    .from(roadmaps)
    .innerJoin(orgUnits, eq(orgUnits.id, roadmaps.orgUnitId))
    .leftJoin(parentUnit, eq(parentUnit.id, orgUnits.parentId))
    .where(and(eq(roadmaps.id, roadmapId), roadmapVisible(actor)));
  if (!row) throw notFound('Дорожная карта');
  return { roadmap: row.r, owner: row.u, ...ownerRules(actor, row.u, row.parentKind) };
}

/** Why an archived record imported from a past period's document is not edited (see save-imported-roadmaps.ts). */
export const IMPORTED_RECORD_READ_ONLY =
  'Это архивная запись завершённого периода, загруженная из документа: она только для просмотра. Если она загружена по ошибке, удалите её и загрузите документ заново';

/**
 * A roadmap the actor keeps, for changing it. An imported archived record is read-only: only its
 * deletion passes (`forDeletion`), so that a wrong import can be undone.
 */
export async function loadManagedRoadmap(
  db: Db,
  actor: Actor,
  roadmapId: string,
  opts: { forDeletion?: boolean } = {},
): Promise<RoadmapAccess> {
  const access = await loadRoadmapAccess(db, actor, roadmapId);
  if (!access.canManage)
    throw forbidden('Изменять эту дорожную карту может только ответственный за неё орган или организация');
  if (access.roadmap.executionImported && !opts.forDeletion) throw invalid(IMPORTED_RECORD_READ_ONLY);
  return access;
}
