import { aliasedTable, and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { users } from '../../../db/schema/auth.js';
import { identificationListSchools } from '../../../db/schema/identification.js';
import {
  curatorAssignments,
  curators,
  mentorPairs,
  partnershipAgreements,
} from '../../../db/schema/organisation.js';
import { orgUnits } from '../../../db/schema/orgs.js';
import { byRussian } from '../../../lib/sort.js';
import { type Actor, pathReadable } from '../../access/actor.js';
import { listInForce, listInForceText } from '../list-in-force.js';
import { readRegions } from './access.js';

// The schools of the organisation tabs: the ШНОР of the list in force for the year plus any school that
// has a curator or a mentor that year, each with its curators and mentors — only schools the actor sees.

export async function listOrganisedSchools(
  db: Db,
  opts: { actor: Actor; year: number; municipalityId?: string },
) {
  const { actor, year } = opts;
  const regionId = readRegions(actor)[0];
  const list = regionId ? await listInForce(db, { regionId, year, kind: 'shnor' }) : null;
  const shnorIds = list
    ? (
        await db
          .select({ id: identificationListSchools.schoolId })
          .from(identificationListSchools)
          .where(eq(identificationListSchools.listId, list.id))
      ).map((r) => r.id)
    : [];
  const [assigned, paired] = await Promise.all([
    db
      .select({ schoolId: curatorAssignments.schoolId, fullName: users.fullName, curatorId: curators.id })
      .from(curatorAssignments)
      .innerJoin(curators, eq(curators.id, curatorAssignments.curatorId))
      .innerJoin(users, eq(users.id, curators.userId))
      .where(eq(curatorAssignments.year, year)),
    db
      .select({ p: mentorPairs, hasAgreement: partnershipAgreements.id })
      .from(mentorPairs)
      .leftJoin(partnershipAgreements, eq(partnershipAgreements.pairId, mentorPairs.id))
      .where(eq(mentorPairs.year, year)),
  ]);
  const ids = [
    ...new Set([...shnorIds, ...assigned.map((a) => a.schoolId), ...paired.map((p) => p.p.schoolId)]),
  ];
  if (ids.length === 0) return { listText: listInForceText(list), schools: [] };
  const municipality = aliasedTable(orgUnits, 'municipality');
  const schools = await db
    .select({
      id: orgUnits.id,
      name: orgUnits.name,
      municipalityId: municipality.id,
      municipalityName: municipality.name,
    })
    .from(orgUnits)
    .innerJoin(municipality, eq(municipality.id, orgUnits.parentId))
    .where(
      and(
        inArray(orgUnits.id, ids),
        pathReadable(actor, orgUnits.path),
        opts.municipalityId ? eq(orgUnits.parentId, opts.municipalityId) : undefined,
      ),
    );
  const mentorIds = [...new Set(paired.map((p) => p.p.mentorSchoolId))];
  const mentors = mentorIds.length
    ? await db
        .select({ id: orgUnits.id, name: orgUnits.name })
        .from(orgUnits)
        .where(and(inArray(orgUnits.id, mentorIds), or(pathReadable(actor, orgUnits.path))))
    : [];
  const shnor = new Set(shnorIds);
  return {
    listText: listInForceText(list),
    schools: schools
      .map((s) => {
        const pairs = paired.filter((p) => p.p.schoolId === s.id);
        return {
          schoolId: s.id,
          schoolName: s.name,
          municipalityId: s.municipalityId,
          municipalityName: s.municipalityName,
          shnor: shnor.has(s.id),
          curators: [...new Set(assigned.filter((a) => a.schoolId === s.id).map((a) => a.fullName))].sort(
            byRussian((n) => n),
          ),
          mentors: [
            ...new Set(
              pairs.flatMap((p) => mentors.filter((m) => m.id === p.p.mentorSchoolId).map((m) => m.name)),
            ),
          ],
          hasAgreement: pairs.some((p) => p.hasAgreement !== null),
        };
      })
      .sort(byRussian((s) => `${s.municipalityName} ${s.schoolName}`)),
  };
}
