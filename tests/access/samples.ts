import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { roleAssignments, users } from '../../src/db/schema/auth.js';
import { expertiseReviews, expertiseSamples as expertiseSamples_ } from '../../src/db/schema/expertise.js';
import {
  identificationLists,
  identificationRuns,
  methodologies,
} from '../../src/db/schema/identification.js';
import { eventMaterials, eventParticipants, events } from '../../src/db/schema/organisation.js';
import { orgUnits } from '../../src/db/schema/orgs.js';
import { schoolDocuments } from '../../src/db/schema/programs.js';
import { riskCampaigns, riskInstruments } from '../../src/db/schema/risk-profiles.js';
import { cascadeTasks, itemEvidence, items, roadmaps, sections } from '../../src/db/schema/roadmaps.js';
import { type CourseSamples, courseSamples } from './courses.js';
import { type DiagnosticSamples, diagnosticSamples } from './diagnostics.js';
import { type IndicatorSamples, indicatorSamples } from './indicators.js';
import { type MeetingSamples, meetingSamples } from './meetings.js';
import { type MfaSamples, mfaSamples } from './mfa.js';
import { type MonitoringSamples, monitoringSamples } from './monitorings.js';
import { type NotificationSamples, notificationSamples } from './notifications.js';
import { type PeopleSamples, peopleSamples } from './people-samples.js';
import { type PracticeSamples, practiceSamples } from './practices.js';
import { type PublicationSamples, publicationSamples } from './publication.js';
import { type PupilSamples, pupilSamples } from './pupils.js';
import { type RegionExportSamples, regionExportSamples } from './region-exports.js';
import { type ReportSamples, reportSamples } from './reports.js';
import { type RouteSamples, routeSamples } from './routes.js';
import type { UnitKey } from './scope.js';
import { type StaffSamples, staffSamples } from './staff.js';

/** Objects of one unit that the matrix calls endpoints on. */
export type UnitSample = {
  unitId: string;
  unitName: string;
  roadmapId: string;
  roadmapVersion: number;
  itemId: string;
  itemVersion: number;
  sectionId: string;
  fileId: string | null;
  taskId: string | null;
  taskVersion: number;
};

export type Samples = {
  units: Record<UnitKey, UnitSample>;
  /** A draft roadmap of the school: only the school's subtree readers see it. */
  schoolDraft: { roadmapId: string; itemId: string; sectionId: string };
  approvedList: { id: string; version: number; schoolId: string; orderId: string };
  draftList: { id: string; version: number; schoolId: string; orderId: string };
  runId: string;
  methodologyId: string;
  /** the demo's frozen instrument (questionnaires) of the region */
  instrumentId: string;
  /** School documents of the demo (helper «programs»): Нагорное's on rework, school2's approved. */
  documents: { school: DocumentSample; school2: DocumentSample };
  expertise: ExpertiseSamples;
  /** The demo's questionnaire campaign of the current year (closed, profiles computed). */
  riskCampaignId: string;
  /** The demo's open campaign of the first municipality, with the demo school in it (issue 11 §2). */
  campaign: {
    id: string;
    version: number;
    instrumentId: string;
    schoolId: string;
    directorAnswers: Record<string, string>;
  };
  /** Helper «events»: the demo's upcoming regional webinar of ИРО and seminar of the first municipality. */
  events: EventSamples;
  /** Helper «meetings»: the demo's bodies, meetings and decisions. */
  meetings: MeetingSamples;
  /** Helper «people»: coordinators, curators, pairs and agreements of the demo (issue 12 §1). */
  people: PeopleSamples;
  /** Helper «indicators»: the demo's own indicator and a region-level target (issue 13 §1). */
  indicators: IndicatorSamples;
  /** Helper «monitoring»: the demo's open form monitoring and its computed roadmap-execution one. */
  monitorings: MonitoringSamples;
  /** Helper «reports»: the demo's issued and draft analytic reports (issue 13 §5). */
  reports: ReportSamples;
  /** Helper «routes»: the demo's individual routes in progress (issue 14 §1). */
  routes: RouteSamples;
  /** Helper «courses»: the demo's courses and the `teacher` account's enrolment (issue 14 §1). */
  courses: CourseSamples;
  /** Helper «publish»: the demo's current publications (issue 15 §1). */
  publications: PublicationSamples;
  /** Helper «diagnostics»: the demo's diagnostic, an import waiting for review, the teacher's record (issue 14 §1). */
  diagnostics: DiagnosticSamples;
  /** Helper «staff»: staff records, mentoring pairs, a meeting and the school's order (issue 14 §1). */
  staff: StaffSamples;
  /** Helper «pupils»: the demo's pupils at risk (issue 14 §2). */
  pupils: PupilSamples;
  /** Helper «practices»: the demo's practices in each state (issue 15 §2). */
  practices: PracticeSamples;
  /** Helper «notifications»: a notice of the `curator` account (issue 15 §3). */
  notifications: NotificationSamples;
  /** Region export (issue 17 §6): a finished export of the demo region. */
  regionExports: RegionExportSamples;
  /** Helper «mfa»: a session of an account outside the demo's logins (issue 17 §4). */
  mfa: MfaSamples;
};

/** The demo's events (src/modules/demo/demo-org-events.ts). */
export type EventSamples = {
  regionalId: string;
  regionalMaterialId: string;
  municipalId: string;
  participantId: string;
};

/** The demo's expertise objects (src/modules/demo/demo-expertise.ts). */
export type ExpertiseSamples = {
  year: number;
  documentId: string;
  roadmapId: string;
  expertUserId: string;
  school2Id: string;
  mutualReviewId: string;
  expertSubmittedId: string;
  expertDraftId: string;
  roadmapReviewId: string;
  sampleId: string;
};

export type DocumentSample = { id: string; version: number };

async function unitOfLogin(db: Db, login: string) {
  const [r] = await db
    .select({ id: orgUnits.id, name: orgUnits.name, parentId: orgUnits.parentId })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId))
    .where(eq(users.login, login))
    .limit(1);
  if (!r) throw new Error(`no unit of ${login}`);
  return r;
}

async function unitSample(db: Db, unitId: string): Promise<UnitSample> {
  const [u] = await db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, unitId));
  // An item with evidence where the unit has one, so that removing evidence is tried on a real pair.
  const [r] = await db
    .select({
      roadmapId: roadmaps.id,
      roadmapVersion: roadmaps.version,
      itemId: items.id,
      itemVersion: items.version,
      sectionId: items.sectionId,
      fileId: itemEvidence.fileId,
    })
    .from(roadmaps)
    .innerJoin(items, eq(items.roadmapId, roadmaps.id))
    .leftJoin(itemEvidence, eq(itemEvidence.itemId, items.id))
    .where(and(eq(roadmaps.orgUnitId, unitId), eq(roadmaps.status, 'approved')))
    .orderBy(sql`${itemEvidence.fileId} is null`, asc(roadmaps.createdAt), asc(items.position))
    .limit(1);
  if (!u || !r) throw new Error(`no approved roadmap of ${unitId}`);
  const [t] = await db
    .select({ id: cascadeTasks.id, version: cascadeTasks.version })
    .from(cascadeTasks)
    .where(eq(cascadeTasks.orgUnitId, unitId))
    .limit(1);
  return { unitId, unitName: u.name, ...r, taskId: t?.id ?? null, taskVersion: t?.version ?? 1 };
}

/** Finds the matrix's objects in the loaded demo; the school's draft (created by the caller) may come later. */
export async function findSamples(db: Db, schoolDraftId: string | null): Promise<Samples> {
  const school = await unitOfLogin(db, 'school');
  const school2 = await unitOfLogin(db, 'school2');
  const region = await unitOfLogin(db, 'region');
  const municipality = await unitOfLogin(db, 'municipality');
  if (!school2.parentId) throw new Error('school2 has no municipality');
  const ids: Record<UnitKey, string> = {
    region: region.id,
    ownMunicipality: municipality.id,
    otherMunicipality: school2.parentId,
    school: school.id,
    school2: school2.id,
  };
  const units = {} as Record<UnitKey, UnitSample>;
  for (const [key, id] of Object.entries(ids) as [UnitKey, string][]) units[key] = await unitSample(db, id);
  const draftId = schoolDraftId ?? units.school.roadmapId;
  const [draftSection] = await db
    .select({ id: sections.id })
    .from(sections)
    .where(eq(sections.roadmapId, draftId));
  const [draftItem] = await db.select({ id: items.id }).from(items).where(eq(items.roadmapId, draftId));
  if (!draftSection || !draftItem) throw new Error('the draft has no section or item');
  const list = async (status: 'approved' | 'draft') => {
    const [l] = await db
      .select({
        id: identificationLists.id,
        version: identificationLists.version,
        runId: identificationLists.runId,
        orderId: identificationLists.orderId,
      })
      .from(identificationLists)
      .where(and(eq(identificationLists.status, status), eq(identificationLists.kind, 'shnor')))
      // The ШНОР list: the demo's schools of every login are in it (a school sees only lists it is in).
      .orderBy(sql`${identificationLists.year} desc`)
      .limit(1);
    if (!l) throw new Error(`no ${status} list`);
    return { id: l.id, version: l.version, schoolId: school.id, orderId: l.orderId ?? '' };
  };
  const [run] = await db.select({ id: identificationRuns.id }).from(identificationRuns).limit(1);
  const [methodology] = await db
    .select({ id: methodologies.id })
    .from(methodologies)
    .where(eq(methodologies.status, 'current'))
    .limit(1);
  if (!run || !methodology) throw new Error('no run or methodology');
  const documentOf = async (schoolId: string): Promise<DocumentSample> => {
    const [d] = await db
      .select({ id: schoolDocuments.id, version: schoolDocuments.version })
      .from(schoolDocuments)
      .where(and(eq(schoolDocuments.schoolId, schoolId), eq(schoolDocuments.kind, 'antirisk_program')))
      .limit(1);
    if (!d) throw new Error(`no school document of ${schoolId}`);
    return d;
  };
  const documents = { school: await documentOf(school.id), school2: await documentOf(school2.id) };
  return {
    documents,
    units,
    schoolDraft: { roadmapId: draftId, itemId: draftItem.id, sectionId: draftSection.id },
    approvedList: await list('approved'),
    draftList: await list('draft'),
    runId: run.id,
    methodologyId: methodology.id,
    instrumentId: await demoInstrumentId(db),
    expertise: await expertiseSamples(db, school.id, school2.id),
    riskCampaignId: await currentRiskCampaign(db),
    campaign: await campaignSample(db, school.id),
    events: await eventSamples(db, school.id),
    meetings: await meetingSamples(db, school.id),
    people: await peopleSamples(db, school.id, school2.id),
    indicators: await indicatorSamples(db),
    monitorings: await monitoringSamples(db, school2.id),
    reports: await reportSamples(db),
    routes: await routeSamples(db, school.id, school2.id),
    courses: await courseSamples(db, school.id, units.ownMunicipality.unitId),
    diagnostics: await diagnosticSamples(db, school.id, units.region.unitId),
    staff: await staffSamples(db, school.id, school2.id),
    pupils: await pupilSamples(db, school.id, school2.id),
    publications: await publicationSamples(db, units.region.unitId, school.id),
    practices: await practiceSamples(db, units.ownMunicipality.unitId, school.id, school2.id),
    notifications: await notificationSamples(db),
    regionExports: await regionExportSamples(db, units.region.unitId),
    mfa: await mfaSamples(db),
  };
}

async function expertiseSamples(db: Db, schoolId: string, school2Id: string): Promise<ExpertiseSamples> {
  const [doc] = await db
    .select({ id: schoolDocuments.id, year: schoolDocuments.year })
    .from(schoolDocuments)
    .where(and(eq(schoolDocuments.schoolId, schoolId), eq(schoolDocuments.status, 'expertise')))
    .limit(1);
  const reviews = await db.select().from(expertiseReviews);
  const [expert] = await db.select({ id: users.id }).from(users).where(eq(users.login, 'expert'));
  const [sample] = await db.select({ id: expertiseSamples_.id }).from(expertiseSamples_).limit(1);
  const find = (f: (r: (typeof reviews)[number]) => boolean) => reviews.find(f)?.id ?? '';
  const roadmapReview = reviews.find((r) => r.roadmapId !== null);
  if (!doc || !expert || !sample || !roadmapReview?.roadmapId) throw new Error('no demo expertise');
  return {
    year: doc.year,
    documentId: doc.id,
    roadmapId: roadmapReview.roadmapId,
    expertUserId: expert.id,
    school2Id,
    mutualReviewId: find((r) => r.schoolDocumentId === doc.id && r.mode === 'mutual'),
    expertSubmittedId: find(
      (r) => r.schoolDocumentId === doc.id && r.mode === 'expert' && r.status === 'submitted',
    ),
    expertDraftId: find((r) => r.schoolDocumentId !== null && r.mode === 'expert' && r.status === 'draft'),
    roadmapReviewId: roadmapReview.id,
    sampleId: sample.id,
  };
}

async function demoInstrumentId(db: Db): Promise<string> {
  const [i] = await db.select({ id: riskInstruments.id }).from(riskInstruments).limit(1);
  if (!i) throw new Error('no instrument in the demo');
  return i.id;
}

async function currentRiskCampaign(db: Db): Promise<string> {
  const [c] = await db
    .select({ id: riskCampaigns.id })
    .from(riskCampaigns)
    .where(and(eq(riskCampaigns.stage, 'baseline'), eq(riskCampaigns.status, 'closed')))
    .orderBy(sql`${riskCampaigns.year} desc`)
    .limit(1);
  if (!c) throw new Error('no risk campaign');
  return c.id;
}

async function campaignSample(db: Db, schoolId: string): Promise<Samples['campaign']> {
  const [c] = await db
    .select({
      id: riskCampaigns.id,
      version: riskCampaigns.version,
      instrumentId: riskCampaigns.instrumentId,
      document: riskInstruments.document,
    })
    .from(riskCampaigns)
    .innerJoin(riskInstruments, eq(riskInstruments.id, riskCampaigns.instrumentId))
    .where(eq(riskCampaigns.status, 'open'))
    .limit(1);
  if (!c) throw new Error('no open campaign');
  // One answer of the director's questionnaire: a permitted call really submits it.
  const items = (c.document as { items: { id: string; group: string; options?: { value: string }[] }[] })
    .items;
  const item = items.find((i) => i.group === 'director' && i.options?.length);
  const directorAnswers = item ? { [item.id]: item.options?.[0]?.value ?? '' } : {};
  return { id: c.id, version: c.version, instrumentId: c.instrumentId, schoolId, directorAnswers };
}

async function eventSamples(db: Db, schoolId: string): Promise<EventSamples> {
  const upcoming = await db
    .select({ id: events.id, title: events.title })
    .from(events)
    .where(eq(events.status, 'announced'));
  const regional = upcoming.find((e) => e.title.startsWith('Вебинар для управленческих команд ШНОР'));
  const municipal = upcoming.find((e) => e.title.startsWith('Семинар'));
  if (!regional || !municipal) throw new Error('no demo events');
  const [material] = await db
    .select({ id: eventMaterials.id })
    .from(eventMaterials)
    .where(and(eq(eventMaterials.eventId, regional.id), sql`${eventMaterials.fileId} is not null`));
  const [participant] = await db
    .select({ id: eventParticipants.id })
    .from(eventParticipants)
    .where(and(eq(eventParticipants.eventId, municipal.id), eq(eventParticipants.orgUnitId, schoolId)));
  if (!material || !participant) throw new Error('no demo event material or participant');
  return {
    regionalId: regional.id,
    regionalMaterialId: material.id,
    municipalId: municipal.id,
    participantId: participant.id,
  };
}
