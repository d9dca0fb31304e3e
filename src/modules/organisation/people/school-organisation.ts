import { aliasedTable, and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { users } from '../../../db/schema/auth.js';
import {
  curatorAssignments,
  curators,
  mentorPairs,
  organisationOrders,
  partnershipAgreements,
} from '../../../db/schema/organisation.js';
import { orgUnits } from '../../../db/schema/orgs.js';
import { notFound } from '../../../lib/errors.js';
import { byRussian } from '../../../lib/sort.js';
import { type Actor, pathReadable } from '../../access/actor.js';
import { schoolYearOf } from '../school-year.js';
import { todayIso } from './access.js';
import { agreementView } from './mentor-pairs.js';

// The organisation of one school for a year, as the school card shows it: its curators, its mentor
// schools with the agreements, and — when it is a mentor itself — the schools it mentors. Whoever sees the
// school reads it; another school does not see the school at all (404).

const orderOf = (id: string | null, number: string | null, date: string | null, fileId: string | null) =>
  id ? { id, number: number ?? '', date: date ?? '', hasFile: Boolean(fileId) } : null;

export async function getSchoolOrganisation(db: Db, opts: { actor: Actor; schoolId: string; year?: number }) {
  const year = opts.year ?? schoolYearOf(todayIso());
  const [school] = await db
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, opts.schoolId), pathReadable(opts.actor, orgUnits.path)));
  if (school?.kind !== 'school') throw notFound('Школа');
  const work = aliasedTable(orgUnits, 'work');
  const curatorRows = await db
    .select({
      a: curatorAssignments,
      c: curators,
      fullName: users.fullName,
      workUnitName: work.name,
      orderNumber: organisationOrders.number,
      orderDate: organisationOrders.date,
      orderFileId: organisationOrders.fileId,
    })
    .from(curatorAssignments)
    .innerJoin(curators, eq(curators.id, curatorAssignments.curatorId))
    .innerJoin(users, eq(users.id, curators.userId))
    .leftJoin(work, eq(work.id, curators.workUnitId))
    .leftJoin(organisationOrders, eq(organisationOrders.id, curatorAssignments.orderId))
    .where(and(eq(curatorAssignments.schoolId, school.id), eq(curatorAssignments.year, year)));
  const other = aliasedTable(orgUnits, 'other');
  const pairRows = await db
    .select({
      p: mentorPairs,
      otherName: other.name,
      orderNumber: organisationOrders.number,
      orderDate: organisationOrders.date,
      orderFileId: organisationOrders.fileId,
    })
    .from(mentorPairs)
    .innerJoin(
      other,
      or(
        and(eq(mentorPairs.schoolId, school.id), eq(other.id, mentorPairs.mentorSchoolId)),
        and(eq(mentorPairs.mentorSchoolId, school.id), eq(other.id, mentorPairs.schoolId)),
      ),
    )
    .leftJoin(organisationOrders, eq(organisationOrders.id, mentorPairs.orderId))
    .where(
      and(
        eq(mentorPairs.year, year),
        or(eq(mentorPairs.schoolId, school.id), eq(mentorPairs.mentorSchoolId, school.id)),
      ),
    );
  const pairIds = pairRows.map((r) => r.p.id);
  const agreements = pairIds.length
    ? await db.select().from(partnershipAgreements).where(inArray(partnershipAgreements.pairId, pairIds))
    : [];
  const pairView = (r: (typeof pairRows)[number]) => ({
    pairId: r.p.id,
    schoolId: r.p.schoolId === school.id ? r.p.mentorSchoolId : r.p.schoolId,
    schoolName: r.otherName,
    order: orderOf(r.p.orderId, r.orderNumber, r.orderDate, r.orderFileId),
    agreements: agreements.filter((a) => a.pairId === r.p.id).map(agreementView),
  });
  return {
    schoolId: school.id,
    schoolName: school.name,
    year,
    curators: curatorRows
      .map((r) => ({
        assignmentId: r.a.id,
        curatorId: r.c.id,
        fullName: r.fullName,
        position: r.c.position,
        workplace: r.workUnitName ?? r.c.workplace,
        phone: r.c.phone,
        email: r.c.email,
        order: orderOf(r.a.orderId, r.orderNumber, r.orderDate, r.orderFileId),
      }))
      .sort(byRussian((c) => c.fullName)),
    mentors: pairRows
      .filter((r) => r.p.schoolId === school.id)
      .map(pairView)
      .sort(byRussian((p) => p.schoolName)),
    mentees: pairRows
      .filter((r) => r.p.mentorSchoolId === school.id)
      .map(pairView)
      .sort(byRussian((p) => p.schoolName)),
  };
}
