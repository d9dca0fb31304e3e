import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { identificationListSchools, identificationLists } from '../../db/schema/identification.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { includedSchoolsOfList } from '../identification/approved-lists.js';

// The ШНОР lists the analysis is about and their schools. A list's schools are its frozen entries
// (identification_list_schools), the same the coverage and the events use. Which of them an actor may see
// by name is decided in the query (`visibleMembers`); the comparison group of the effect is read without
// names (`allMembers`): it leaves the server only as averages.

export type ListRow = {
  id: string;
  runId: string;
  year: number;
  status: 'approved' | 'draft';
  orderNumber: string | null;
  orderDate: string | null;
};

/** The region's ШНОР lists: every approved one and the drafts of years with no approved list. */
export async function shnorLists(db: Db, regionId: string): Promise<ListRow[]> {
  const rows = await db
    .select({
      id: identificationLists.id,
      runId: identificationLists.runId,
      year: identificationLists.year,
      status: identificationLists.status,
      orderNumber: identificationLists.orderNumber,
      orderDate: identificationLists.orderDate,
    })
    .from(identificationLists)
    .where(and(eq(identificationLists.regionId, regionId), eq(identificationLists.kind, 'shnor')))
    .orderBy(asc(identificationLists.year));
  const approvedYears = new Set(rows.filter((r) => r.status === 'approved').map((r) => r.year));
  return rows.filter((r) => r.status === 'approved' || !approvedYears.has(r.year)) as ListRow[];
}

export type Member = {
  schoolId: string;
  schoolName: string;
  municipalityId: string;
  municipalityName: string;
};

/**
 * The schools of a list inside `unitPath`'s subtree that the actor sees (access inside the query: a
 * municipality sees his schools, a curator the schools he is assigned to). Without an actor: every school
 * of the list below the unit (positiveChangeOf's computations over units already in scope).
 */
export async function visibleMembers(
  db: Db,
  opts: { actor: Actor | null; listId: string; unitPath: string },
): Promise<Member[]> {
  const parent = alias(orgUnits, 'parent');
  const rows = await db
    .select({
      schoolId: orgUnits.id,
      schoolName: orgUnits.name,
      municipalityId: parent.id,
      municipalityName: parent.name,
    })
    .from(identificationListSchools)
    .innerJoin(orgUnits, eq(orgUnits.id, identificationListSchools.schoolId))
    .innerJoin(parent, eq(parent.id, orgUnits.parentId))
    .where(
      and(
        eq(identificationListSchools.listId, opts.listId),
        sql`(${orgUnits.path} = ${opts.unitPath} or ${orgUnits.path} like ${`${opts.unitPath}%`})`,
        opts.actor ? (pathReadable(opts.actor, orgUnits.path) as SQL) : undefined,
      ),
    );
  return rows;
}

/**
 * Org unit ids of the schools of the lists, by list id: no names, no access — for the comparison and the
 * exit/stagnation flags only. An approved list's entries are frozen; a draft's are its run's flags with
 * the operator's decisions (includedSchoolsOfList).
 */
export async function allMembers(db: Db, lists: ListRow[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>(lists.map((l) => [l.id, new Set()]));
  for (const l of lists.filter((x) => x.status === 'draft')) {
    out.set(l.id, await includedSchoolsOfList(db, { id: l.id, runId: l.runId, kind: 'shnor' }));
  }
  const listIds = lists.filter((l) => l.status === 'approved').map((l) => l.id);
  if (listIds.length === 0) return out;
  const rows = await db
    .select({ listId: identificationListSchools.listId, schoolId: identificationListSchools.schoolId })
    .from(identificationListSchools)
    .where(
      sql`${identificationListSchools.listId} in (${sql.join(
        listIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  for (const r of rows) out.get(r.listId)?.add(r.schoolId);
  return out;
}
