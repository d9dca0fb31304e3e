import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import type { ListKind } from '../../src/db/schema/identification.js';
import {
  identificationListSchools,
  identificationLists,
  identificationRuns,
  methodologies,
} from '../../src/db/schema/identification.js';
import {
  curatorAssignments,
  curators,
  eventParticipants,
  events,
  meetings,
  mentorPairs,
  partnershipAgreements,
  workingBodies,
} from '../../src/db/schema/organisation.js';
import { orgUnits } from '../../src/db/schema/orgs.js';
import { schoolDocuments } from '../../src/db/schema/programs.js';
import { riskCampaigns, riskInstruments, riskVerifications } from '../../src/db/schema/risk-profiles.js';
import { items, roadmaps, sections } from '../../src/db/schema/roadmaps.js';
import type { CoverageBinding, EventKind, ParticipantCategory } from '../../src/db/schema/values.js';
import { DEFAULT_INSTRUMENT } from '../../src/modules/risk-profiles/default-instrument.js';
import type { buildRegion } from './fixture.js';

// Hand-made rows of the organisation for coverage tests: the other helpers' operations are not on this
// branch, so the tables are filled directly, each row saying what it must (or must not) count for.

type Region = Awaited<ReturnType<typeof buildRegion>>;

export async function approvedList(
  db: Db,
  regionId: string,
  year: number,
  kind: ListKind,
  schoolIds: string[],
) {
  const [m] = await db.select().from(methodologies).where(eq(methodologies.regionId, regionId));
  const [run] = await db
    .insert(identificationRuns)
    .values({ regionId, methodologyId: m?.id ?? '', year, status: 'done', finishedAt: new Date() })
    .returning();
  const [list] = await db
    .insert(identificationLists)
    .values({
      regionId,
      year,
      kind,
      runId: run?.id ?? '',
      status: 'approved',
      orderNumber: `${year}-п`,
      orderDate: `${year}-09-15`,
    })
    .returning();
  const listId = list?.id ?? '';
  if (schoolIds.length)
    await db.insert(identificationListSchools).values(schoolIds.map((schoolId) => ({ listId, schoolId })));
  return listId;
}

export async function addCurator(db: Db, f: Region, userLogin: string) {
  const [c] = await db
    .insert(curators)
    .values({ regionId: f.R.id, userId: f.as(userLogin).userId, position: 'Директор (тест)' })
    .returning();
  return c?.id ?? '';
}

export const assign = (db: Db, curatorId: string, schoolId: string, year: number) =>
  db.insert(curatorAssignments).values({ curatorId, schoolId, year });

export async function pair(
  db: Db,
  schoolId: string,
  mentorSchoolId: string,
  year: number,
  agreement: boolean,
) {
  const [p] = await db.insert(mentorPairs).values({ schoolId, mentorSchoolId, year }).returning();
  if (agreement)
    await db
      .insert(partnershipAgreements)
      .values({ pairId: p?.id ?? '', kinds: ['programs'], signedOn: `${year}-10-01` });
  return p?.id ?? '';
}

export async function roadmapOf(
  db: Db,
  unitId: string,
  year: number,
  status: 'draft' | 'approved',
  bound?: { binding: CoverageBinding; targetValue?: number },
) {
  const [r] = await db
    .insert(roadmaps)
    .values({
      orgUnitId: unitId,
      title: 'Карта (тест)',
      kind: 'shnor_support',
      periodKind: 'school_year',
      periodYear: year,
      status,
    })
    .returning();
  const [s] = await db
    .insert(sections)
    .values({ roadmapId: r?.id ?? '', position: 0, title: 'Раздел' })
    .returning();
  const [i] = await db
    .insert(items)
    .values({
      roadmapId: r?.id ?? '',
      sectionId: s?.id ?? '',
      position: 0,
      measure: 'Участие школ в вебинарах',
      coverageBinding: bound?.binding ?? null,
      targetComparator: bound ? 'gte' : null,
      targetValue: bound?.targetValue ?? null,
      targetUnit: bound ? '%' : null,
    })
    .returning();
  return { roadmapId: r?.id ?? '', itemId: i?.id ?? '' };
}

export const programOf = (
  db: Db,
  schoolId: string,
  year: number,
  kind: 'concept' | 'midterm_program',
  status: 'approved' | 'draft',
) =>
  db.insert(schoolDocuments).values({ schoolId, year, kind, title: 'Программа (тест)', status, content: {} });

export async function verifiedProfile(db: Db, f: Region, schoolId: string, year: number) {
  const [ins] = await db
    .insert(riskInstruments)
    .values({
      regionId: f.R.id,
      code: `c${year}`,
      versionNo: 1,
      title: 'Анкеты',
      document: DEFAULT_INSTRUMENT,
      status: 'frozen',
    })
    .returning();
  const [camp] = await db
    .insert(riskCampaigns)
    .values({
      ownerUnitId: f.R.id,
      instrumentId: ins?.id ?? '',
      year,
      title: 'Анкетирование',
      groups: ['director'],
      opensOn: `${year}-09-20`,
      closesOn: `${year}-10-20`,
      status: 'closed',
    })
    .returning();
  await db.insert(riskVerifications).values({ campaignId: camp?.id ?? '', schoolId, status: 'verified' });
}

export async function eventOf(
  db: Db,
  organiserUnitId: string,
  kind: EventKind,
  startsOn: string,
  status: 'held' | 'announced' = 'held',
  coverageTarget?: number,
) {
  const [e] = await db
    .insert(events)
    .values({
      organiserUnitId,
      kind,
      title: `Событие ${kind} ${startsOn} (тест)`,
      status,
      startsOn,
      coverageTarget,
    })
    .returning();
  return e?.id ?? '';
}

export const participant = (
  db: Db,
  eventId: string,
  orgUnitId: string,
  fullName: string,
  category: ParticipantCategory,
  attended: boolean,
) =>
  db
    .insert(eventParticipants)
    .values({ eventId, orgUnitId, fullName, category, attended, source: 'organiser' });

export async function bodyWithMeetings(db: Db, unitId: string, dates: string[]) {
  const [b] = await db
    .insert(workingBodies)
    .values({
      orgUnitId: unitId,
      kind: 'working_group',
      name: 'Рабочая группа (тест)',
      periodicity: 'monthly',
      activeFrom: '2026-09-01',
    })
    .returning();
  for (const date of dates)
    await db
      .insert(meetings)
      .values({ kind: 'body_meeting', bodyId: b?.id, orgUnitId: unitId, date, title: 'Заседание' });
  return b?.id ?? '';
}

export const setTeachers = (db: Db, unitId: string, teachers: number | null) =>
  db.update(orgUnits).set({ teachers }).where(eq(orgUnits.id, unitId));
