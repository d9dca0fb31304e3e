import type { Samples, UnitSample } from './samples.js';

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
  all: Samples;
  /** A throwaway account for the administrator's endpoints. */
  user: { id: string; assignmentId: string };
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
  'POST /api/identification/orders': (t) => ({
    body: {
      orderNumber: '1',
      orderDate: '2026-01-01',
      lists: [{ listId: t.list?.id ?? 'missing-list', version: STALE }],
    },
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
};
