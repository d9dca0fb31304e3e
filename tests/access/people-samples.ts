import { eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { roleAssignments, users } from '../../src/db/schema/auth.js';
import {
  coordinatorAppointments,
  curatorAssignments,
  curators,
  mentorPairs,
  organisationOrders,
  partnershipAgreements,
} from '../../src/db/schema/organisation.js';
import { orgUnits } from '../../src/db/schema/orgs.js';
import { saveFile } from '../../src/modules/files/save-file.js';
import { databaseStorage } from '../../src/modules/files/storage.js';
import type { Login } from './scope.js';

// Helper «people»: the demo's organisation objects the matrix calls endpoints on (issue 12 §1).

type PerSchool = {
  curatorId: string;
  mentorSchoolId: string;
  assignmentId: string;
  pairId: string;
  agreementId: string;
};

export type PeopleSamples = {
  year: number;
  /** the ministry's order appointing the coordinators (issued by the region), with a file attached here */
  orderId: string;
  /** the appointment of the `municipality` account */
  coordinatorId: string;
  /** the registry entry of the `curator` account */
  curatorId: string;
  school: PerSchool;
  school2: PerSchool;
};

async function perSchool(db: Db, schoolId: string): Promise<PerSchool> {
  const [a] = await db
    .select()
    .from(curatorAssignments)
    .where(eq(curatorAssignments.schoolId, schoolId))
    .limit(1);
  const [p] = await db.select().from(mentorPairs).where(eq(mentorPairs.schoolId, schoolId)).limit(1);
  const [ag] = p
    ? await db.select().from(partnershipAgreements).where(eq(partnershipAgreements.pairId, p.id)).limit(1)
    : [];
  if (!a || !p || !ag) throw new Error(`the demo school ${schoolId} has no curator, pair or agreement`);
  return {
    curatorId: a.curatorId,
    mentorSchoolId: p.mentorSchoolId,
    assignmentId: a.id,
    pairId: p.id,
    agreementId: ag.id,
  };
}

export async function peopleSamples(db: Db, schoolId: string, school2Id: string): Promise<PeopleSamples> {
  const [mun] = await db
    .select({ a: coordinatorAppointments })
    .from(coordinatorAppointments)
    .innerJoin(users, eq(users.id, coordinatorAppointments.userId))
    .where(eq(users.login, 'municipality'));
  const [cur] = await db
    .select({ id: curators.id })
    .from(curators)
    .innerJoin(users, eq(users.id, curators.userId))
    .where(eq(users.login, 'curator'));
  if (!mun?.a.orderId || !cur) throw new Error('no demo coordinator or curator');
  const [order] = await db.select().from(organisationOrders).where(eq(organisationOrders.id, mun.a.orderId));
  const [region] = await db.select({ id: users.id }).from(users).where(eq(users.login, 'region'));
  if (order && !order.fileId && region) {
    const file = await saveFile(db, databaseStorage(db), {
      upload: { name: 'приказ.pdf', data: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') },
      userId: region.id,
      maxBytes: 1 << 20,
    });
    await db
      .update(organisationOrders)
      .set({ fileId: file.id })
      .where(eq(organisationOrders.id, mun.a.orderId));
  }
  const school = await perSchool(db, schoolId);
  const school2 = await perSchool(db, school2Id);
  // The agreements' scans too: reading one is tried on a real file.
  if (region)
    for (const p of [school, school2]) {
      const [ag] = await db
        .select()
        .from(partnershipAgreements)
        .where(eq(partnershipAgreements.id, p.agreementId));
      if (ag?.fileId) continue;
      const file = await saveFile(db, databaseStorage(db), {
        upload: {
          name: 'соглашение.pdf',
          data: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
        },
        userId: region.id,
        maxBytes: 1 << 20,
      });
      await db
        .update(partnershipAgreements)
        .set({ fileId: file.id })
        .where(eq(partnershipAgreements.id, p.agreementId));
    }
  return {
    year: mun.a.year,
    orderId: mun.a.orderId,
    coordinatorId: mun.a.id,
    curatorId: cur.id,
    school,
    school2,
  };
}

/**
 * A school sees its own curators' and mentors' names and workplaces, and a mentor its mentees (issue 12
 * §1, §5): for the logins of a school (and its curator) these are not foreign content.
 */
export async function withoutPartners(
  db: Db,
  foreign: Record<Login, string[]>,
): Promise<Record<Login, string[]>> {
  const logins: Login[] = ['school', 'school2', 'curator', 'teacher'];
  const out = { ...foreign };
  for (const login of logins) {
    const schools = (
      await db
        .select({ id: orgUnits.id })
        .from(users)
        .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
        .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId))
        .where(eq(users.login, login))
    ).map((r) => r.id);
    if (schools.length === 0) continue;
    const pairs = await db
      .select()
      .from(mentorPairs)
      .where(or(inArray(mentorPairs.schoolId, schools), inArray(mentorPairs.mentorSchoolId, schools)));
    const works = await db
      .select({ id: curators.workUnitId })
      .from(curatorAssignments)
      .innerJoin(curators, eq(curators.id, curatorAssignments.curatorId))
      .where(inArray(curatorAssignments.schoolId, schools));
    const partnerIds = [
      ...pairs.flatMap((p) => [p.schoolId, p.mentorSchoolId]),
      ...works.flatMap((w) => (w.id ? [w.id] : [])),
    ];
    const partners = partnerIds.length
      ? await db
          .select({ id: orgUnits.id, name: orgUnits.name })
          .from(orgUnits)
          .where(inArray(orgUnits.id, partnerIds))
      : [];
    const allowed = new Set(partners.flatMap((p) => [p.id, p.name]));
    out[login] = foreign[login].filter((f) => !allowed.has(f));
  }
  return out;
}
