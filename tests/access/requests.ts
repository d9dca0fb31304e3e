import { COURSE_REQUESTS } from './courses.js';
import { DIAGNOSTIC_REQUESTS } from './diagnostics.js';
import { ESCALATION_REQUESTS } from './escalations.js';
import { INDICATOR_REQUESTS } from './indicators.js';
import { MEETING_REQUESTS } from './meetings.js';
import { MFA_REQUESTS } from './mfa.js';
import { MONITORING_REQUESTS } from './monitorings.js';
import { NOTIFICATION_REQUESTS } from './notifications.js';
import { PEOPLE_COVERAGE_REQUESTS } from './people-coverage.js';
import { PRACTICE_REQUESTS } from './practices.js';
import { PUBLICATION_REQUESTS } from './publication.js';
import { PUPIL_REQUESTS } from './pupils.js';
import { REPORT_REQUESTS } from './reports.js';
import { ROUTE_REQUESTS } from './routes.js';
import type { Samples, UnitSample } from './samples.js';
import { STAFF_REQUESTS } from './staff.js';

// What the matrix sends to each endpoint: a valid request that changes nothing it should not. Writes carry
// a stale version where the endpoint has one, so a permitted caller gets 409 and the data stay as they are.
// A write endpoint without an entry here is sent an empty body: its permitted callers then get 400 and the
// matrix reports the endpoint as untested.

export const STALE = 999_999;

/** The object a call is made on: one of the samples, as the rule of the endpoint selects it. */
export type Target = {
  unit?: UnitSample;
  draft?: Samples['schoolDraft'];
  list?: Samples['approvedList'];
  document?: Samples['documents']['school'];
  all: Samples;
  /** A throwaway account for the administrator's endpoints. */
  user: { id: string; assignmentId: string; identityId?: string };
  /** Expertise: the target of an assignment, or the kind of reviewer a review has. */
  expertise?: { documentId?: string; roadmapId?: string; mutual?: boolean };
  /** Helper «meetings»: the body of a new meeting. */
  meeting?: Record<string, unknown>;
};

export type Request = { query?: string; body?: unknown };

const pdf = () => {
  const fd = new FormData();
  fd.append(
    'file',
    new File([Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')], 'приказ.pdf'),
  );
  return fd;
};
const textFile = (name: string, text: string) => {
  const fd = new FormData();
  fd.append('file', new File([Buffer.from(text)], name));
  return fd;
};
const roadmapOf = (t: Target) => t.draft?.roadmapId ?? t.unit?.roadmapId;
const sectionOf = (t: Target) => t.draft?.sectionId ?? t.unit?.sectionId;

export const REQUESTS: Record<string, (t: Target) => Request> = {
  'POST /api/auth/login': () => ({ body: { login: 'никто', password: 'неверный' } }),
  // Region export (issue 17 §6): the administrator queues a real job (nothing runs it in the matrix).
  'POST /api/region-exports': (t) => ({ body: { regionId: t.all.units.region.unitId } }),
  'POST /api/me/password': () => ({
    body: { currentPassword: 'неверный-пароль', newPassword: 'новый-пароль-123' },
  }),
  'POST /api/roadmaps': (t) => ({
    body: {
      orgUnitId: t.unit?.unitId,
      title: 'Проверка доступа',
      kind: 'other',
      periodKind: 'school_year',
      periodYear: 2026,
    },
  }),
  'PATCH /api/roadmaps/{id}': () => ({ body: { title: 'Проверка доступа', version: STALE } }),
  'DELETE /api/roadmaps/{id}': () => ({ query: `version=${STALE}` }),
  'GET /api/roadmaps/{id}/export': () => ({ query: 'format=xlsx' }),
  'POST /api/roadmaps/{id}/order-file': () => ({ body: pdf() }),
  'POST /api/roadmaps/{id}/sections': () => ({ body: { title: 'Проверка доступа' } }),
  'PATCH /api/sections/{id}': () => ({ body: { title: 'Проверка доступа', version: STALE } }),
  'DELETE /api/sections/{id}': () => ({ query: `version=${STALE}` }),
  'POST /api/roadmaps/{id}/items': (t) => ({
    body: { sectionId: sectionOf(t), measure: 'Проверка доступа' },
  }),
  'PATCH /api/items/{id}': () => ({ body: { measure: 'Проверка доступа', version: STALE } }),
  'DELETE /api/items/{id}': () => ({ query: `version=${STALE}` }),
  'POST /api/items/{id}/status': () => ({ body: { status: 'done', version: STALE } }),
  'POST /api/items/{id}/confirmation': () => ({ body: { decision: 'confirmed', version: STALE } }),
  'POST /api/items/{id}/evidence': () => ({ body: pdf() }),
  'POST /api/items/{id}/comments': () => ({ body: { text: 'Проверка доступа' } }),
  'PATCH /api/tasks/{id}': () => ({ body: { status: 'in_progress', version: STALE } }),
  'POST /api/tasks/{id}/adopt': (t) => ({ body: { roadmapId: roadmapOf(t), sectionId: sectionOf(t) } }),
  'POST /api/roadmap-imports/parse': () => ({
    body: textFile('карта.txt', '№\tМероприятие\tСроки\tОтветственные\n1\tСовещание\tсентябрь 2026\tОО\n'),
  }),
  'POST /api/roadmap-imports': (t) => ({
    body: {
      orgUnitId: t.unit?.unitId,
      roadmaps: [
        {
          title: 'Проверка доступа',
          periodKind: 'school_year',
          periodYear: 2026,
          sections: [{ items: [{ measure: 'Проверка доступа' }] }],
        },
      ],
    },
  }),
  'POST /api/org-units': (t) => ({
    body: { parentId: t.all.units.region.unitId, kind: 'municipality', name: 'Проверка доступа (демо)' },
  }),
  'PATCH /api/org-units/{id}': () => ({ body: { name: 'Проверка доступа', version: STALE } }),
  'POST /api/org-units/import': () => ({ body: textFile('школы.csv', 'Наименование;Муниципалитет\n') }),
  'POST /api/users': () => ({
    body: {
      login: `matrix-${Math.random().toString(36).slice(2, 10)}`,
      fullName: 'Проверка Доступа',
      password: 'пароль-проверки',
    },
  }),
  'PATCH /api/users/{id}': () => ({ body: { fullName: 'Проверка Доступа', version: STALE } }),
  'POST /api/users/{id}/assignments': (t) => ({
    body: { role: 'teacher', orgUnitId: t.all.units.school.unitId },
  }),
  'POST /api/assessment-data/import': () => ({ body: textFile('results.csv', 'school_id;year\n') }),
  // Assessment tables (issue 16 §1): a dry run of a file without data; a stale version changes no template.
  'POST /api/assessment-data/tables/analyse': () => ({ body: textFile('результаты.csv', 'Код ОО;Класс\n') }),
  'POST /api/assessment-data/tables/import': () => ({ body: textFile('результаты.csv', 'Код ОО;Класс\n') }),
  'PUT /api/assessment-data/tables/templates': () => ({
    body: {
      name: 'Проверка доступа',
      signature: 'проверка',
      mapping: {
        sheet: null,
        headerRows: [1],
        layout: 'long',
        columns: [{ column: 1, field: 'school_code', group: null }],
        groups: [],
        fixed: { assessment: null, subject: null, grade: null, year: null },
      },
      version: STALE,
    },
  }),
  'DELETE /api/assessment-data/tables/templates': () => ({ query: `name=Проверка&version=${STALE}` }),
  // Every remembered name of a school: the demo remembers none, so a permitted caller forgets nothing.
  'DELETE /api/assessment-data/tables/school-names': (t) => ({
    query: `schoolId=${t.all.units.school.unitId}`,
  }),
  'GET /api/identification/compare': (t) => ({ query: `base=${t.all.runId}&other=${t.all.runId}` }),
  'POST /api/identification/runs': (t) => ({ body: { year: 2025, methodologyId: t.all.methodologyId } }),
  'POST /api/methodologies': (t) => ({
    body: { basedOnId: t.all.methodologyId, name: 'Проверка доступа', document: { thresholds: 'неверно' } },
  }),
  'POST /api/identification/lists': (t) => ({ body: { runId: t.all.runId, version: STALE } }),
  'PUT /api/identification/lists/{id}/decisions/{schoolId}': () => ({
    body: { decision: 'exclude', reason: 'Проверка доступа', version: STALE },
  }),
  'DELETE /api/identification/lists/{id}/decisions/{schoolId}': () => ({ query: `version=${STALE}` }),
  'POST /api/identification/lists/{id}/approve': () => ({
    body: { orderNumber: '1', orderDate: '2026-01-01', version: STALE },
  }),
  'GET /api/identification/lists/{id}/export': () => ({ query: 'format=xlsx' }),
  'POST /api/identification/orders/{id}/file': () => ({ body: pdf() }),
  // Helper «programs»: stale versions, so that a permitted caller gets 409 and nothing changes.
  'GET /api/school-documents/{id}/diff': () => ({ query: 'from=1&to=1' }),
  'POST /api/school-documents': (t) => ({
    body: { schoolId: t.unit?.unitId, year: 2026, kind: 'antirisk_program', factorCode: '9' },
  }),
  'PATCH /api/school-documents/{id}': () => ({ body: { title: 'Проверка доступа', version: STALE } }),
  'POST /api/school-documents/{id}/submit': () => ({ body: { version: STALE } }),
  'POST /api/school-documents/{id}/curator-decision': () => ({
    body: { decision: 'return', comment: 'Проверка доступа', version: STALE },
  }),
  'POST /api/school-documents/{id}/expertise': () => ({ body: { version: STALE } }),
  'POST /api/school-documents/{id}/rework': () => ({ body: { comment: 'Проверка доступа', version: STALE } }),
  'POST /api/school-documents/{id}/approve': () => ({
    body: { orderNumber: '1', orderDate: '2026-01-01', version: STALE },
  }),
  'POST /api/school-documents/{id}/publish': () => ({ body: { version: STALE } }),
  'POST /api/school-documents/{id}/order-file': () => ({ body: pdf() }),
  'POST /api/school-documents/{id}/new-version': () => ({ body: { version: STALE } }),
  'POST /api/school-documents/{id}/comments': () => ({ body: { anchor: 'goal', text: 'Проверка доступа' } }),
  'PUT /api/program-templates': () => ({
    body: {
      kind: 'concept',
      factorCode: '',
      content: {
        goal: '',
        tasks: [],
        indicators: [],
        measures: [],
        responsible: [],
        partners: [],
        sections: [],
      },
      version: STALE,
    },
  }),
  'POST /api/identification/orders': (t) => ({
    body: {
      orderNumber: '1',
      orderDate: '2026-01-01',
      lists: [{ listId: t.list?.id ?? 'missing-list', version: STALE }],
    },
  }),
  // Questionnaires and risk factors (issue 11 §1): the demo's instrument is frozen, so writes get 409.
  'POST /api/risk-instruments': (t) => ({ body: { basedOnId: t.all.instrumentId } }),
  'POST /api/risk-instruments/import': () => ({
    body: { document: { id: 'matrix', version: 1, factors: [], items: [] } },
  }),
  'PUT /api/risk-instruments/{id}': () => ({
    body: { version: STALE, document: { id: 'matrix', version: 1, factors: [], items: [] } },
  }),
  'DELETE /api/risk-instruments/{id}': () => ({ query: `version=${STALE}` }),
  'GET /api/risk-factors': () => ({ query: 'year=2026' }),
  'PUT /api/risk-factors': () => ({
    body: { year: 2026, version: STALE, factors: [{ code: '1', name: 'Проверка доступа', description: '' }] },
  }),
  // Expertise (issue 11 §6): stale versions and already-assigned experts — permitted callers get 409.
  'POST /api/expertise/criteria-sets': () => ({
    body: {
      subject: 'concept',
      title: 'Проверка доступа',
      criteria: [
        {
          code: 'П1',
          name: 'Проверка',
          description: '',
          scale: [
            { score: 0, label: 'нет' },
            { score: 1, label: 'да' },
          ],
        },
      ],
    },
  }),
  'POST /api/expertise/reviews': (t) => ({
    body: {
      ...(t.expertise?.roadmapId
        ? { roadmapId: t.expertise.roadmapId }
        : { schoolDocumentId: t.expertise?.documentId }),
      reviewerUserId: t.all.expertise.expertUserId,
    },
  }),
  'PUT /api/expertise/reviews/{id}': () => ({
    body: { scores: [], conclusion: null, recommendations: '', version: STALE },
  }),
  'POST /api/expertise/reviews/{id}/submit': () => ({ body: { version: STALE } }),
  'PATCH /api/expertise/reviews/{id}/reviewer': (t) => ({
    body: t.expertise?.mutual
      ? { reviewerSchoolId: t.all.expertise.school2Id, version: STALE }
      : { reviewerUserId: t.all.expertise.expertUserId, version: STALE },
  }),
  // A year without programs: the permitted get «нет программ» (400) and nothing is distributed.
  'POST /api/expertise/mutual-rounds': (t) => ({
    body: { unitId: t.unit?.unitId, year: t.all.expertise.year - 5 },
  }),
  'POST /api/expertise/samples': (t) => ({
    body: { unitId: t.unit?.unitId, year: t.all.expertise.year, share: 0.2, seed: 'MATRIX' },
  }),
  // Risk profiles: writes with a stale version, so a permitted caller gets 409 and nothing changes.
  'PUT /api/risk-profiles/campaigns/{id}/schools/{schoolId}/visit': () => ({
    body: {
      visitDate: '2026-11-20',
      participants: 'Проверка доступа',
      observed: { documents: 'Проверка', lessons: '', interviews: '' },
      version: STALE,
    },
  }),
  'PUT /api/risk-profiles/campaigns/{id}/schools/{schoolId}/verification': () => ({
    body: {
      levels: Object.fromEntries(
        Array.from({ length: 12 }, (_, i) => [String(i + 1), { level: 'high', comment: 'Проверка доступа' }]),
      ),
      priorityFactors: ['1', '2'],
      version: STALE,
    },
  }),
  'PUT /api/risk-profiles/campaigns/{id}/schools/{schoolId}/priorities': () => ({
    body: { factors: ['1', '2'], version: STALE },
  }),
  // Questionnaire campaigns (issue 11 §2): writes carry a stale version where they have one.
  'GET /api/risk-campaign-setup': (t) => ({ query: `ownerUnitId=${t.unit?.unitId}&year=2026` }),
  'POST /api/risk-campaigns': (t) => ({
    body: {
      ownerUnitId: t.unit?.unitId,
      instrumentId: t.all.campaign.instrumentId,
      year: 2026,
      title: 'Проверка доступа',
      stage: 'baseline',
      groups: ['pupil'],
      opensOn: '2026-01-01',
      closesOn: '2026-01-31',
      // A school of the owner's own subtree: the region's or the municipality's demo school.
      schools: [{ schoolId: t.all.units.school.unitId, expected: { pupil: 1 } }],
    },
  }),
  'PATCH /api/risk-campaigns/{id}': () => ({ body: { title: 'Проверка доступа', version: STALE } }),
  'POST /api/risk-campaigns/{id}/open': () => ({ body: { version: STALE } }),
  'POST /api/risk-campaigns/{id}/close': () => ({ body: { version: STALE } }),
  'POST /api/risk-campaigns/{id}/schools/{schoolId}/teacher-links': () => ({ body: { count: 1 } }),
  'POST /api/risk-campaigns/{id}/schools/{schoolId}/director': (t) => ({
    body: { answers: t.all.campaign.directorAnswers },
  }),
  'POST /api/answer/{token}': () => ({ body: { answers: { x: '1' } } }),
  // Helper «events»: stale versions, empty lists and files, a dry run — permitted callers change nothing
  // but a new draft (the create) and one link.
  'POST /api/events': (t) => ({
    body: {
      organiserUnitId: t.unit?.unitId,
      kind: 'seminar',
      title: 'Проверка доступа',
      startsOn: '2026-12-01',
    },
  }),
  'PATCH /api/events/{id}': () => ({ body: { title: 'Проверка доступа', version: STALE } }),
  'DELETE /api/events/{id}': () => ({ query: `version=${STALE}` }),
  'POST /api/events/{id}/status': () => ({ body: { status: 'cancelled', version: STALE } }),
  'POST /api/events/{id}/attendance': () => ({ body: { participantIds: [], attended: true } }),
  'POST /api/events/{id}/import': () => ({
    query: 'dryRun=true',
    body: textFile('участники.csv', 'ФИО;ОО\nПроверка Доступа Иванович;Нет такой школы\n'),
  }),
  'POST /api/events/{id}/materials': () => ({ body: textFile('пусто.pdf', '') }),
  'POST /api/events/{id}/links': () => ({ body: { name: 'Проверка доступа', url: 'https://example.ru/x' } }),
  'POST /api/events/{id}/participants': (t) => ({
    body: {
      orgUnitId: t.all.units.school.unitId,
      fullName: 'Проверка Доступа Иванович',
      position: 'Учитель',
    },
  }),
  'DELETE /api/events/{id}/participants/{participantId}': () => ({ query: `version=${STALE}` }),
  // Helper «meetings».
  ...MEETING_REQUESTS,
  ...STAFF_REQUESTS,
  // Helper «indicators» (issue 13 §1).
  ...INDICATOR_REQUESTS,
  ...PEOPLE_COVERAGE_REQUESTS,
  // Helper «monitoring» (issue 13 §2).
  ...MONITORING_REQUESTS,
  // Helper «reports» (issue 13 §5).
  ...REPORT_REQUESTS,
  ...ROUTE_REQUESTS,
  // Helper «courses» (issue 14 §1).
  ...COURSE_REQUESTS,
  // Helper «deadlines» (issue 15 §3).
  ...ESCALATION_REQUESTS,
  ...DIAGNOSTIC_REQUESTS,
  ...PUPIL_REQUESTS,
  // Helper «publish» (issue 15 §1).
  ...PUBLICATION_REQUESTS,
  // Helper «practices» (issue 15 §2).
  ...PRACTICE_REQUESTS,
  // Helper «notifications» (issue 15 §3).
  ...NOTIFICATION_REQUESTS,
  ...MFA_REQUESTS,
  // Helper «coverage» (issue 12 §4).
  'GET /api/coverage': (t) => ({ query: `unitId=${t.unit?.unitId}&year=2026` }),
  'GET /api/coverage/gaps': (t) => ({ query: `unitId=${t.unit?.unitId}&year=2026` }),
  // Helper «analysis»: the demo's latest approved ШНОР list (no year: the latest the data allow).
  'GET /api/analysis/positive-change': (t) => ({ query: `unitId=${t.unit?.unitId}` }),
  'GET /api/analysis/effect': (t) => ({ query: `unitId=${t.unit?.unitId}` }),
  // Helper «people» (issue 12 §1): writes repeat what the demo holds (409) or carry a stale version.
  'POST /api/organisation-orders/{id}/file': () => ({ body: pdf() }),
  'POST /api/organisation/coordinators': (t) => ({
    body: {
      municipalityId: t.all.units.ownMunicipality.unitId,
      year: t.all.people.year,
      login: 'municipality',
      order: { number: 'Проверка', date: TODAY },
    },
  }),
  'DELETE /api/organisation/coordinators/{id}': () => ({ query: `version=${STALE}` }),
  'POST /api/organisation/curators': () => ({ body: { login: 'curator', position: 'Проверка доступа' } }),
  'PATCH /api/organisation/curators/{id}': () => ({ body: { phone: '1', version: STALE } }),
  'POST /api/organisation/curator-assignments': (t) => ({
    body: {
      curatorId: t.all.people[peopleSchool(t)].curatorId,
      schoolIds: [t.unit?.unitId],
      year: t.all.people.year,
      order: { number: 'Проверка', date: TODAY },
    },
  }),
  'DELETE /api/organisation/curator-assignments/{id}': () => ({ query: `version=${STALE}` }),
  'POST /api/organisation/mentor-pairs': (t) => ({
    body: {
      schoolId: t.unit?.unitId,
      mentorSchoolId: t.all.people[peopleSchool(t)].mentorSchoolId,
      year: t.all.people.year,
      order: { number: 'Проверка', date: TODAY },
    },
  }),
  'DELETE /api/organisation/mentor-pairs/{id}': () => ({ query: `version=${STALE}` }),
  'POST /api/organisation/mentor-pairs/{id}/agreements': () => ({
    body: { kinds: ['programs'], signedOn: TODAY },
  }),
  'PATCH /api/organisation/agreements/{id}': () => ({ body: { number: '1', version: STALE } }),
  'DELETE /api/organisation/agreements/{id}': () => ({ query: `version=${STALE}` }),
  'POST /api/organisation/agreements/{id}/file': () => ({ query: `version=${STALE}`, body: pdf() }),
  'GET /api/organisation/appendix': (t) => ({ query: `kind=curators&year=${t.all.people.year}` }),
};

const TODAY = new Date().toISOString().slice(0, 10);
/** Which demo school a «people» call is made for. */
const peopleSchool = (t: Target): 'school' | 'school2' =>
  t.unit?.unitId === t.all.units.school2.unitId ? 'school2' : 'school';
