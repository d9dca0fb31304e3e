import { and, eq, isNotNull, isNull, like, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { staffMembers } from '../../db/schema/people.js';
import { notFound } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { canKeepStaff, staffReader, staffVisible } from '../access/people-rules.js';
import { recordEvent } from '../audit/record-event.js';
import { loadMember, readsStaffOf, visibleSchool } from './access.js';
import { entityHistory } from './history.js';
import { memberViews } from './member-rows.js';
import type { staffListQuery } from './schemas.js';
import type { staffCardView, staffListView, staffSchoolView } from './views.js';

// Reading the registry: a school's list with filters (a teacher gets only his own record), a teacher's
// card with its history, and for the region and the municipality the count of teachers per school.

export async function listStaff(
  db: Db,
  opts: { actor: Actor; query: z.infer<typeof staffListQuery> },
): Promise<z.infer<typeof staffListView>> {
  const { actor, query: q } = opts;
  const school = await visibleSchool(db, actor, q.schoolId);
  const conds = [
    eq(staffMembers.schoolId, school.id),
    staffVisible(actor, sql`${school.path}`, staffMembers.userId),
  ];
  if (q.state === 'current') conds.push(isNull(staffMembers.leftOn));
  if (q.state === 'left') conds.push(isNotNull(staffMembers.leftOn));
  if (q.position) conds.push(eq(staffMembers.position, q.position));
  if (q.subject) conds.push(sql`${q.subject} = any(${staffMembers.subjects})`);
  if (q.young) conds.push(eq(staffMembers.isYoung, q.young === 'true'));
  if (q.newlyHired) conds.push(eq(staffMembers.newlyHired, q.newlyHired === 'true'));
  const members = await memberViews(db, and(...conds));
  // The filters' choices come from the whole registry the actor reads, not from the filtered rows.
  const all = await db
    .select({ position: staffMembers.position, subjects: staffMembers.subjects })
    .from(staffMembers)
    .where(
      and(
        eq(staffMembers.schoolId, school.id),
        staffVisible(actor, sql`${school.path}`, staffMembers.userId),
      ),
    );
  const ru = byRussian((s: string) => s);
  return {
    schoolId: school.id,
    schoolName: school.name,
    canKeep: canKeepStaff(actor, school.path),
    readsAll: readsStaffOf(actor, school.path),
    members,
    positions: [...new Set(all.map((r) => r.position))].sort(ru),
    subjects: [...new Set(all.flatMap((r) => r.subjects))].sort(ru),
  };
}

export async function getStaffCard(
  db: Db,
  opts: { actor: Actor; id: string },
): Promise<z.infer<typeof staffCardView>> {
  const row = await loadMember(db, opts.actor, opts.id);
  const [member] = await memberViews(db, eq(staffMembers.id, row.m.id));
  if (!member) throw notFound('Педагог');
  // Reading a teacher's personal data is an event of its own (issue 17 §7), like a pupil's card; the
  // list views are not recorded. No name in the payload: the target is the record.
  await recordEvent(
    db,
    opts.actor,
    'staff.card_read',
    { entityType: 'staff_member', entityId: row.m.id, orgUnitId: row.m.schoolId },
    { schoolId: row.m.schoolId },
  );
  return {
    member,
    canKeep: canKeepStaff(opts.actor, row.schoolPath),
    history: await entityHistory(db, 'staff_member', row.m.id),
  };
}

/**
 * Schools whose registries the actor reads (under `unitId` if given) with their counts: the region and the
 * municipality choose a school here. A school's team gets its own school.
 */
export async function listStaffSchools(
  db: Db,
  opts: { actor: Actor; unitId?: string },
): Promise<z.infer<typeof staffSchoolView>[]> {
  const reader = staffReader(opts.actor);
  const parent = alias(orgUnits, 'staff_parent');
  const conds = [eq(orgUnits.kind, 'school'), pathReadable(reader, orgUnits.path)];
  if (opts.unitId) {
    const [unit] = await db
      .select({ path: orgUnits.path })
      .from(orgUnits)
      .where(and(eq(orgUnits.id, opts.unitId), pathReadable(reader, orgUnits.path)));
    if (!unit) throw notFound('Организация');
    conds.push(like(orgUnits.path, `${unit.path}%`));
  }
  const n = (cond: ReturnType<typeof sql>) =>
    sql<number>`count(${staffMembers.id}) filter (where ${cond})`.mapWith(Number);
  const rows = await db
    .select({
      schoolId: orgUnits.id,
      schoolName: orgUnits.name,
      municipalityName: parent.name,
      current: n(sql`${staffMembers.leftOn} is null`),
      young: n(sql`${staffMembers.leftOn} is null and ${staffMembers.isYoung}`),
      newlyHired: n(sql`${staffMembers.leftOn} is null and ${staffMembers.newlyHired}`),
      left: n(sql`${staffMembers.leftOn} is not null`),
    })
    .from(orgUnits)
    .leftJoin(parent, eq(parent.id, orgUnits.parentId))
    .leftJoin(staffMembers, eq(staffMembers.schoolId, orgUnits.id))
    .where(and(...conds))
    .groupBy(orgUnits.id, orgUnits.name, parent.name);
  const ru = byRussian((s: string) => s);
  return rows.sort(
    (a, b) =>
      b.current - a.current ||
      ru(a.municipalityName ?? '', b.municipalityName ?? '') ||
      ru(a.schoolName, b.schoolName),
  );
}
