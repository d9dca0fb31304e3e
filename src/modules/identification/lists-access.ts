import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { identificationListSchools, identificationLists } from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { forbidden, invalid, notFound } from '../../lib/errors.js';
import { type Actor, pathIsAncestorOfActor, pathReadable } from '../access/actor.js';
import { identificationRegions } from './identification-access.js';

// Who sees and keeps the region's lists (ШНОР, ШНСУ, зона риска, резильентные; docs/identification-api.md,
// «Доступ»):
// - the regional operator of the region writes (drafts, decisions, approval);
// - the regional operator, the regional centre, the expert of the region and the administrator read
//   every list of the region, drafts included, with every school;
// - a municipality sees every approved list of its region, and in it only its schools' rows;
// - a curator, a school team or a teacher sees only the approved lists that concern him — those with a
//   school he reads among their frozen schools — and in them only those rows: a school its own row.
//   A draft, or a list without his schools, is reported to him exactly as a missing list.

export const FROZEN_MESSAGE = 'Список утверждён и изменён быть не может';

// Region-level roles are those of identification-access.ts, so that runs and lists follow one rule.

/** The actor reads everything of the region's identification (runs, drafts, every school). */
export function isRegionReader(actor: Actor, regionId: string): boolean {
  return identificationRegions(actor, 'read').includes(regionId);
}

/** The actor keeps the region's lists: creates drafts, records decisions, approves. */
export function canWriteLists(actor: Actor, regionId: string): boolean {
  return identificationRegions(actor, 'write').includes(regionId);
}

/** SQL: the approved list has among its frozen schools one the actor reads (a school: itself). */
function concernsActor(actor: Actor): SQL {
  return sql`exists (select 1 from ${identificationListSchools} join ${orgUnits} as "list_school"
    on "list_school"."id" = ${identificationListSchools.schoolId}
    where ${identificationListSchools.listId} = ${identificationLists.id}
      and ${pathReadable(actor, sql`"list_school"."path"`)})`;
}

/**
 * SQL: the list (joined with its region as `orgUnits`) is visible to the actor — every list of a region
 * he reads as a region, an approved list of a region above one of his units that has his schools.
 */
export function listVisible(actor: Actor): SQL {
  const ids = identificationRegions(actor, 'read');
  // A municipality sees every approved list of its region (an empty one says «none of your schools»),
  // a school, a curator or a teacher only a list with his schools.
  const municipal = { ...actor, assignments: actor.assignments.filter((a) => a.unitKind === 'municipality') };
  const approvedAbove = and(
    eq(identificationLists.status, 'approved'),
    or(
      pathIsAncestorOfActor(municipal, orgUnits.path),
      and(pathIsAncestorOfActor(actor, orgUnits.path), concernsActor(actor)),
    ),
  ) as SQL;
  if (ids.length === 0) return approvedAbove;
  return or(inArray(identificationLists.regionId, ids), approvedAbove) as SQL;
}

export type ListRow = typeof identificationLists.$inferSelect;
export type RegionRef = { id: string; name: string; path: string };

export type ListAccess = {
  list: ListRow;
  region: RegionRef;
  /** Sees every school of the list; false: only the schools `schoolFilter` lets through. */
  regionLevel: boolean;
  canWrite: boolean;
  /** SQL over a school's path: null when every school is visible. */
  schoolFilter: (pathColumn: SQL | typeof orgUnits.path) => SQL | null;
};

export function accessFor(actor: Actor, list: ListRow, region: RegionRef): ListAccess {
  const regionLevel = isRegionReader(actor, list.regionId);
  return {
    list,
    region,
    regionLevel,
    canWrite: canWriteLists(actor, list.regionId),
    schoolFilter: (path) => (regionLevel ? null : pathReadable(actor, path)),
  };
}

/** A list the actor may see; an invisible one (a draft for a municipality) is reported as missing. */
export async function loadListAccess(db: Db, actor: Actor, listId: string): Promise<ListAccess> {
  if (!/^[0-9a-f-]{36}$/i.test(listId)) throw notFound('Список');
  const [row] = await db
    .select({ l: identificationLists, r: { id: orgUnits.id, name: orgUnits.name, path: orgUnits.path } })
    .from(identificationLists)
    .innerJoin(orgUnits, eq(orgUnits.id, identificationLists.regionId))
    .where(and(eq(identificationLists.id, listId), listVisible(actor)));
  if (!row) throw notFound('Список');
  return accessFor(actor, row.l, row.r);
}

/** A list the actor keeps; an approved one cannot be changed. */
export async function loadWritableList(db: Db, actor: Actor, listId: string): Promise<ListAccess> {
  const access = await loadListAccess(db, actor, listId);
  if (!access.canWrite) throw forbidden('Изменять списки может только региональный оператор региона');
  if (access.list.status !== 'draft') throw invalid(FROZEN_MESSAGE);
  return access;
}
