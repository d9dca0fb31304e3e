import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPglite } from '../src/db/client.js';
import { userIdentities } from '../src/db/schema/auth.js';
import { ENDPOINT_RULES } from '../src/modules/access/endpoint-rules.js';
import { addAssignment, createUser } from '../src/modules/auth/users.js';
import { courseCases } from './access/courses.js';
import { diagnosticCases } from './access/diagnostics.js';
import { escalationCases } from './access/escalations.js';
import { foreignContent, SECRET_MARKS } from './access/foreign.js';
import { INDICATOR_SAMPLE_CODE_PARAM, indicatorCases } from './access/indicators.js';
import { meetingCases } from './access/meetings.js';
import { mfaCases } from './access/mfa.js';
import { monitoringCases } from './access/monitorings.js';
import { notificationCases } from './access/notifications.js';
import { peopleCoverageCases } from './access/people-coverage.js';
import { withoutPartners } from './access/people-samples.js';
import { practiceCases, withoutPublishedAuthors } from './access/practices.js';
import { publicationCases } from './access/publication.js';
import { pupilCases } from './access/pupils.js';
import { regionExportCases } from './access/region-exports.js';
import { reportCases } from './access/reports.js';
import { REQUESTS, type Target } from './access/requests.js';
import { routeCases } from './access/routes.js';
import { findSamples, type Samples } from './access/samples.js';
import {
  APPROVED_READERS,
  CAMPAIGN_OWNERS,
  CAMPAIGN_READERS,
  CONFIRMERS,
  DOCUMENT_RIGHTS,
  EVENT_RIGHTS,
  EXPERTISE_READERS,
  KEEPERS,
  LOGINS,
  type Login,
  type Outcome,
  outcome,
  PARTICIPANTS,
  REGION_LEVEL,
  ROLE_RULES,
  SCHOOL_ORGANISERS,
  UNIT_READERS,
  UNITS,
} from './access/scope.js';
import { staffCases } from './access/staff.js';
import { testApp } from './helpers/api.js';
import { DB_KINDS } from './helpers/db.js';
import { changedTables, fingerprint } from './helpers/db-fingerprint.js';
import { demoDatabase } from './helpers/demo-db.js';
import { TEST_SYSTEM } from './helpers/system.js';

// The access matrix, generated from the OpenAPI document: every operation of /api/openapi.json is called
// by every demo role and anonymously, on objects inside and outside the role's scope, and the answer is
// compared with the operation's declared rule (`x-access`) read through the hand-written tables of
// tests/access/scope.ts. An operation without a rule fails here, so a new endpoint is covered the day it
// is added. Every successful read is also searched for other units' names, ids and staff, and for secrets.

type Operation = { method: string; path: string; rule: string | undefined };
const METRICS_TOKEN = 'access-matrix-metrics-token';

// The document is read once, before the tests are declared, so each operation is a test of its own.
const docDb = await openPglite(null);
const document = (await (await testApp(docDb).call('GET', '/api/openapi.json')).json()) as {
  paths: Record<string, Record<string, { 'x-access'?: string }>>;
};
await docDb.close();
const ORDER = { get: 0, post: 1, put: 1, patch: 1, delete: 2 } as Record<string, number>;
const operations: Operation[] = Object.entries(document.paths)
  .flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      rule: op['x-access'],
    })),
  )
  // Reads first, removals last: a permitted removal must not take away what later calls need.
  .sort((a, b) => (ORDER[a.method.toLowerCase()] ?? 1) - (ORDER[b.method.toLowerCase()] ?? 1));
const key = (op: Operation) => `${op.method} ${op.path}`;

/** A call target with who sees it and who may act on it. */
type Case = {
  label: string;
  params: Record<string, string>;
  target: Target;
  sees: readonly Login[];
  may: readonly Login[];
};

function casesOf(rule: string, s: Samples, user: Target['user']): Case[] | null {
  const all = s;
  const units = UNITS.map((u) => ({ u, x: s.units[u] }));
  const byUnit = (
    param: (x: Samples['units'][keyof Samples['units']]) => Record<string, string> | null,
    sees: (u: (typeof UNITS)[number]) => readonly Login[],
    may: (u: (typeof UNITS)[number]) => readonly Login[],
  ): Case[] =>
    units.flatMap(({ u, x }) => {
      const params = param(x);
      return params ? [{ label: u, params, target: { unit: x, all, user }, sees: sees(u), may: may(u) }] : [];
    });
  const draft = (params: Record<string, string>, may: readonly Login[]): Case => ({
    label: 'schoolDraft',
    params,
    target: { draft: s.schoolDraft, all, user },
    sees: UNIT_READERS.school,
    may,
  });
  const item = (x: Samples['units']['school']) => ({ id: x.itemId, fileId: x.fileId ?? '' });
  switch (rule) {
    case 'roadmap.read':
      return [
        ...byUnit(
          (x) => ({ id: x.roadmapId }),
          (u) => APPROVED_READERS[u],
          (u) => APPROVED_READERS[u],
        ),
        draft({ id: s.schoolDraft.roadmapId }, UNIT_READERS.school),
      ];
    case 'roadmap.keep':
      return [
        ...byUnit(
          (x) => ({ id: x.roadmapId }),
          (u) => APPROVED_READERS[u],
          (u) => KEEPERS[u],
        ),
        draft({ id: s.schoolDraft.roadmapId }, ['school']),
      ];
    case 'item.read':
      return [
        ...byUnit(
          item,
          (u) => APPROVED_READERS[u],
          (u) => APPROVED_READERS[u],
        ),
        draft({ id: s.schoolDraft.itemId }, UNIT_READERS.school),
      ];
    case 'item.keep':
      return [
        ...byUnit(
          item,
          (u) => APPROVED_READERS[u],
          (u) => KEEPERS[u],
        ),
        draft({ id: s.schoolDraft.itemId }, ['school']),
      ];
    case 'item.confirm':
      return byUnit(
        item,
        (u) => APPROVED_READERS[u],
        (u) => CONFIRMERS[u],
      );
    case 'item.discuss':
      return byUnit(
        item,
        (u) => APPROVED_READERS[u],
        (u) => [...KEEPERS[u], ...CONFIRMERS[u]],
      );
    case 'section.keep':
      return [
        ...byUnit(
          (x) => ({ id: x.sectionId }),
          (u) => APPROVED_READERS[u],
          (u) => KEEPERS[u],
        ),
        draft({ id: s.schoolDraft.sectionId }, ['school']),
      ];
    case 'task.keep':
      return byUnit(
        (x) => (x.taskId ? { id: x.taskId } : null),
        (u) => UNIT_READERS[u],
        (u) => KEEPERS[u],
      );
    case 'file.read':
      return byUnit(
        (x) => (x.fileId ? { id: x.fileId } : null),
        (u) => APPROVED_READERS[u],
        (u) => APPROVED_READERS[u],
      );
    case 'unit.read':
    case 'school.read': {
      const kinds = rule === 'school.read' ? ['school', 'school2'] : UNITS;
      return byUnit(
        (x) => ({ id: x.unitId, schoolId: x.unitId, ...INDICATOR_SAMPLE_CODE_PARAM }),
        (u) => UNIT_READERS[u],
        (u) => UNIT_READERS[u],
      ).filter((c) => kinds.includes(c.label as never));
    }
    // «Похожие школы» (issue 15 §2): those who govern the school, not every reader of it.
    case 'practice.similar':
      return byUnit(
        (x) => ({ id: x.unitId }),
        (u) => UNIT_READERS[u],
        (u) => UNIT_READERS[u].filter((l) => l !== 'teacher' && l !== 'expert'),
      ).filter((c) => ['school', 'school2'].includes(c.label));
    case 'unit.admin':
      return byUnit(
        (x) => ({ id: x.unitId }),
        (u) => UNIT_READERS[u],
        () => ['admin'],
      );
    case 'unit.keep':
      return byUnit(
        () => ({}),
        (u) => UNIT_READERS[u],
        (u) => KEEPERS[u],
      );
    case 'list.read':
    case 'list.keep': {
      const may = (sees: readonly Login[]) => (rule === 'list.read' ? sees : ['region' as const]);
      const list = (label: string, l: Samples['approvedList'], sees: readonly Login[]): Case => ({
        label,
        params: { id: l.id, schoolId: l.schoolId },
        target: { list: l, all, user },
        sees,
        may: may(sees),
      });
      return [
        list('approvedList', s.approvedList, PARTICIPANTS),
        list('draftList', s.draftList, REGION_LEVEL),
      ];
    }
    case 'order.keep':
      // The order of the demo's approved ШНОР list: every participant sees that list, hence its order.
      return [
        {
          label: 'order',
          params: { id: s.approvedList.orderId },
          target: { all, user },
          sees: PARTICIPANTS,
          may: ['region'],
        },
      ];
    case 'run.read':
    case 'run.keep':
      return [
        {
          label: 'run',
          params: { id: s.runId },
          target: { all, user },
          sees: REGION_LEVEL,
          may: rule === 'run.read' ? REGION_LEVEL : ['region'],
        },
      ];
    case 'methodology.keep':
      return [
        {
          label: 'methodology',
          params: { id: s.methodologyId },
          target: { all, user },
          sees: REGION_LEVEL,
          may: ['region'],
        },
      ];
    case 'instrument.read':
    case 'instrument.keep':
      // The demo's questionnaires: the region's roles and the municipal coordinators read them.
      return [
        {
          label: 'instrument',
          params: { id: s.instrumentId },
          target: { all, user },
          sees: [...REGION_LEVEL, 'municipality'],
          may: rule === 'instrument.read' ? [...REGION_LEVEL, 'municipality'] : ['region', 'admin'],
        },
      ];
    case 'document.file':
      // Only an approved document has an order file: school2's in the demo.
      return [
        {
          label: 'school2Document',
          params: { id: s.documents.school2.id },
          target: { document: s.documents.school2, all, user },
          sees: UNIT_READERS.school2,
          may: UNIT_READERS.school2,
        },
      ];
    case 'document.read':
    case 'document.keep':
    case 'document.curate':
    case 'document.govern':
    case 'document.discuss': {
      const right = rule.split('.')[1] as 'read' | 'keep' | 'curate' | 'govern' | 'discuss';
      return (['school', 'school2'] as const).map((u) => ({
        label: `${u}Document`,
        params: { id: s.documents[u].id },
        target: { document: s.documents[u], all, user },
        sees: UNIT_READERS[u],
        may: right === 'read' ? UNIT_READERS[u] : DOCUMENT_RIGHTS[u][right],
      }));
    }
    // Expertise (issue 11 §6): the demo's reviews, the school's program on expertise, the municipal roadmap.
    case 'expertise.run':
      return byUnit(
        (x) => ({ unit: x.unitId }),
        (u) => UNIT_READERS[u],
        (u) => (u === 'ownMunicipality' ? ['region', 'municipality'] : ['region']),
      ).filter((c) => ['region', 'ownMunicipality', 'otherMunicipality'].includes(c.label));
    case 'expertise.assign':
      return [
        {
          label: 'schoolDocument',
          params: {},
          target: { all, user, expertise: { documentId: s.expertise.documentId } },
          sees: UNIT_READERS.school,
          may: ['region', 'municipality'],
        },
        {
          label: 'municipalRoadmap',
          params: {},
          target: { all, user, expertise: { roadmapId: s.expertise.roadmapId } },
          sees: UNIT_READERS.ownMunicipality,
          may: ['region'],
        },
      ];
    case 'review.read':
    case 'review.write':
    case 'review.organize': {
      const ex = s.expertise;
      const reviews = [
        {
          label: 'mutualReview',
          id: ex.mutualReviewId,
          writer: ['school2'],
          organizers: ['region', 'municipality'],
        },
        {
          label: 'expertSubmitted',
          id: ex.expertSubmittedId,
          writer: ['expert'],
          organizers: ['region', 'municipality'],
        },
        {
          label: 'expertDraft',
          id: ex.expertDraftId,
          writer: ['expert'],
          organizers: ['region', 'municipality'],
        },
        { label: 'roadmapReview', id: ex.roadmapReviewId, writer: ['expert'], organizers: ['region'] },
      ] as const;
      return reviews.map((r) => {
        const sees = EXPERTISE_READERS[r.label];
        return {
          label: r.label,
          params: { id: r.id },
          target: { all, user, expertise: { mutual: r.label === 'mutualReview' } },
          sees,
          may: rule === 'review.read' ? sees : rule === 'review.write' ? r.writer : r.organizers,
        };
      });
    }
    case 'sample.read':
      return [
        {
          label: 'regionSample',
          params: { id: s.expertise.sampleId },
          target: { all, user },
          sees: REGION_LEVEL,
          may: REGION_LEVEL,
        },
      ];
    // Risk profiles: every login sees a school of the demo's campaign; verification is per school.
    case 'risk-campaign.read':
    case 'risk-campaign.compute':
      return [
        {
          label: 'riskCampaign',
          params: { id: s.riskCampaignId },
          target: { all, user },
          sees: PARTICIPANTS,
          may: rule === 'risk-campaign.read' ? PARTICIPANTS : ['region'],
        },
      ];
    case 'risk-verification.keep':
    case 'risk-priorities.keep': {
      const may: Record<'school' | 'school2', Login[]> =
        rule === 'risk-verification.keep'
          ? { school: ['curator'], school2: [] }
          : { school: ['curator', 'school'], school2: ['school2'] };
      return (['school', 'school2'] as const).map((u) => ({
        label: u,
        params: { id: s.riskCampaignId, schoolId: s.units[u].unitId },
        target: { unit: s.units[u], all, user },
        sees: UNIT_READERS[u],
        may: may[u],
      }));
    }
    // Questionnaire campaigns (issue 11 §2).
    case 'campaign.create':
    case 'monitoring.create':
      return byUnit(
        () => ({}),
        (u) => UNIT_READERS[u],
        (u) => CAMPAIGN_OWNERS[u],
      );
    case 'campaign.read':
    case 'campaign.keep':
    case 'campaign.school':
      return [
        {
          label: 'openCampaign',
          params: { id: s.campaign.id, schoolId: s.campaign.schoolId },
          target: { all, user },
          sees: CAMPAIGN_READERS,
          may:
            rule === 'campaign.read'
              ? CAMPAIGN_READERS
              : rule === 'campaign.keep'
                ? ['municipality']
                : ['school'],
        },
      ];
    // Helper «events»: the demo's upcoming regional webinar and municipal seminar.
    case 'event.read':
    case 'event.keep': {
      const read = rule === 'event.read';
      return [
        {
          label: 'regionalEvent',
          params: { id: s.events.regionalId, materialId: s.events.regionalMaterialId },
          target: { all, user },
          sees: EVENT_RIGHTS.regional.sees,
          may: read ? EVENT_RIGHTS.regional.sees : EVENT_RIGHTS.regional.keep,
        },
        {
          label: 'municipalEvent',
          params: { id: s.events.municipalId },
          target: { all, user },
          sees: EVENT_RIGHTS.municipal.sees,
          may: read ? EVENT_RIGHTS.municipal.sees : EVENT_RIGHTS.municipal.keep,
        },
      ];
    }
    case 'event.register':
      return [
        {
          label: 'municipalEvent',
          params: { id: s.events.municipalId, participantId: s.events.participantId },
          target: { all, user },
          sees: EVENT_RIGHTS.municipal.sees,
          may: EVENT_RIGHTS.municipal.register,
        },
      ];
    // Helper «people» (issue 12 §1): the demo's order, coordinator, curator, assignments, pairs, agreements.
    case 'organisation-order.read':
    case 'organisation-order.keep':
      return [
        {
          label: 'regionOrder',
          params: { id: s.people.orderId },
          target: { all, user },
          sees: REGION_LEVEL,
          may: rule === 'organisation-order.read' ? REGION_LEVEL : ['region'],
        },
      ];
    case 'coordinator.keep':
      return [
        {
          label: 'coordinator',
          params: { id: s.people.coordinatorId },
          target: { all, user },
          sees: UNIT_READERS.ownMunicipality,
          may: ['region'],
        },
      ];
    case 'curator.keep':
      return [
        {
          label: 'curator',
          params: { id: s.people.curatorId },
          target: { all, user },
          sees: UNIT_READERS.school,
          may: ['region', 'municipality'],
        },
      ];
    case 'agreement.read':
      return (['school', 'school2'] as const).map((u) => ({
        label: u,
        params: { id: s.people[u].agreementId },
        target: { unit: s.units[u], all, user },
        sees: UNIT_READERS[u],
        may: UNIT_READERS[u],
      }));
    case 'school.organise':
    case 'curator-assignment.organise':
    case 'mentor-pair.organise':
    case 'agreement.organise':
      return (['school', 'school2'] as const).map((u) => {
        const p = s.people[u];
        const id =
          rule === 'curator-assignment.organise'
            ? p.assignmentId
            : rule === 'mentor-pair.organise'
              ? p.pairId
              : rule === 'agreement.organise'
                ? p.agreementId
                : '';
        return {
          label: u,
          params: (id ? { id } : {}) as Record<string, string>,
          target: { unit: s.units[u], all, user },
          sees: UNIT_READERS[u],
          may: SCHOOL_ORGANISERS[u],
        };
      });
    default: {
      // Helper «meetings»: bodies, meetings, decisions (tests/access/meetings.ts).
      const meetingRuleCases = meetingCases(rule, s, user);
      if (meetingRuleCases) return meetingRuleCases;
      const indicatorRuleCases = indicatorCases(rule, s, user);
      if (indicatorRuleCases) return indicatorRuleCases;
      // Helper «monitoring»: the demo's monitorings (tests/access/monitorings.ts).
      const monitoringRuleCases = monitoringCases(rule, s, user);
      if (monitoringRuleCases) return monitoringRuleCases;
      const reportRuleCases = reportCases(rule, s, user);
      if (reportRuleCases) return reportRuleCases;
      // Helper «coverage» (issue 14 §1): teachers' support coverage.
      const peopleCoverageRuleCases = peopleCoverageCases(rule, s, user);
      if (peopleCoverageRuleCases) return peopleCoverageRuleCases;
      // Helper «routes»: the demo's individual routes (tests/access/routes.ts).
      const routeRuleCases = routeCases(rule, s, user);
      if (routeRuleCases) return routeRuleCases;
      // Helper «courses»: the demo's courses and enrolments (tests/access/courses.ts).
      const courseRuleCases = courseCases(rule, s, user);
      if (courseRuleCases) return courseRuleCases;
      // Helper «deadlines»: escalations and the region's rules (tests/access/escalations.ts).
      const escalationRuleCases = escalationCases(rule, s, user);
      if (escalationRuleCases) return escalationRuleCases;
      // Helper «diagnostics»: the demo's diagnostic, an import, the teacher's results (tests/access/diagnostics.ts).
      const diagnosticRuleCases = diagnosticCases(rule, s, user);
      if (diagnosticRuleCases) return diagnosticRuleCases;
      // Helper «staff»: staff records and mentoring pairs (tests/access/staff.ts).
      const staffRuleCases = staffCases(rule, s, user);
      if (staffRuleCases) return staffRuleCases;
      // Helper «pupils»: the demo's pupils at risk (tests/access/pupils.ts).
      const pupilRuleCases = pupilCases(rule, s, user);
      if (pupilRuleCases) return pupilRuleCases;
      // Helper «publish»: publishing the objects of other rules' cases, withdrawing (tests/access/publication.ts).
      const publicationRuleCases = publicationCases(rule, s, user, (other) => casesOf(other, s, user));
      if (publicationRuleCases) return publicationRuleCases;
      // Helper «practices»: the demo's practices in each state (tests/access/practices.ts).
      const practiceRuleCases = practiceCases(rule, s, user);
      if (practiceRuleCases) return practiceRuleCases;
      // Helper «notifications»: the centre and e-mail settings (tests/access/notifications.ts).
      const notificationRuleCases = notificationCases(rule, s, user);
      if (notificationRuleCases) return notificationRuleCases;
      const regionExportRuleCases = regionExportCases(rule, s, user);
      if (regionExportRuleCases) return regionExportRuleCases;
      // Helper «mfa»: the second factor and the sessions (tests/access/mfa.ts).
      const mfaRuleCases = mfaCases(rule, s, user);
      if (mfaRuleCases) return mfaRuleCases;
      const roles = ROLE_RULES[rule];
      if (!roles) return null;
      return [
        {
          label: rule,
          params: { id: user.id, assignmentId: user.assignmentId, identityId: user.identityId ?? '' },
          target: { all, user },
          sees: LOGINS,
          may: roles,
        },
      ];
    }
  }
}

const fill = (path: string, params: Record<string, string>) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] || `missing-${name}`);

describe.each(DB_KINDS)('access matrix on %s', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  const cookies = {} as Record<Login, string>;
  let samples: Samples;
  let user: Target['user'];
  let foreign: Record<Login, string[]>;
  let calls = 0;
  let beforeReads: Map<string, string>;

  beforeAll(async () => {
    database = await demoDatabase(kind);
    t = testApp(database, { METRICS_TOKEN });
    for (const l of LOGINS) cookies[l] = await t.login(l);
    // A draft of the school with one item: the level above does not see a draft of the level below.
    const s0 = await findSamples(database.db, null);
    const draft = (await (
      await t.call('POST', '/api/roadmaps', {
        cookie: cookies.school,
        body: {
          orgUnitId: s0.units.school.unitId,
          title: 'Черновик для проверки доступа',
          kind: 'other',
          periodKind: 'school_year',
          periodYear: 2026,
        },
      })
    ).json()) as { id: string };
    const detail = (await (
      await t.call('GET', `/api/roadmaps/${draft.id}`, { cookie: cookies.school })
    ).json()) as {
      sections: { id: string }[];
    };
    const sectionId = detail.sections[0]?.id;
    await t.call('POST', `/api/roadmaps/${draft.id}/items`, {
      cookie: cookies.school,
      body: { sectionId, measure: 'Мероприятие черновика' },
    });
    samples = await findSamples(database.db, draft.id);
    const u = await createUser(database.db, {
      actor: TEST_SYSTEM,
      input: { login: 'matrix-target', fullName: 'Учётная Запись Проверки', password: 'пароль-проверки' },
    });
    const a = await addAssignment(database.db, {
      actor: TEST_SYSTEM,
      userId: u.id,
      input: { role: 'teacher', orgUnitId: samples.units.school2.unitId },
    });
    // Issue 17 §1: an identity at a provider, for the administrator's unlinking endpoint.
    const [identity] = await database.db
      .insert(userIdentities)
      .values({
        userId: u.id,
        provider: 'oidc:matrix',
        subject: 'matrix-subject',
        claimValue: 'matrix-target',
      })
      .returning({ id: userIdentities.id });
    user = { id: u.id, assignmentId: a?.id ?? '', identityId: identity?.id ?? '' };
    // Published practices name their authors to the whole region (tests/access/practices.ts).
    foreign = await withoutPublishedAuthors(
      database.db,
      await withoutPartners(database.db, await foreignContent(database.db)),
    );
    beforeReads = await fingerprint(database.db);
  }, 300_000);
  afterAll(async () => {
    console.log(
      `access matrix on ${kind}: ${operations.length} endpoints × ${LOGINS.length} roles and anonymous, ${calls} calls`,
    );
    await database.close();
  });

  it('has a known access rule on every endpoint of the document', () => {
    const missing = operations.filter((op) => !op.rule || !(op.rule in ENDPOINT_RULES)).map(key);
    expect(missing).toEqual([]);
  });

  const lastRead = operations.filter((op) => op.method === 'GET').at(-1);
  for (const op of operations) {
    it(`${key(op)} [${op.rule ?? 'нет правила'}]`, async () => {
      const rule = op.rule ?? '';
      const request = REQUESTS[key(op)];
      const problems: string[] = [];
      const send = async (target: Target, params: Record<string, string>, login: Login | null) => {
        const r = request ? request(target) : {};
        const url = fill(op.path, params) + (r.query ? `?${r.query}` : '');
        calls++;
        return t.call(op.method, url, {
          cookie: login ? cookies[login] : undefined,
          body: r.body ?? (op.method === 'GET' || op.method === 'DELETE' ? undefined : {}),
        });
      };
      if (rule === 'metrics-token') {
        // Not a session's right: every role and anonymous get 401; the configured token opens it.
        for (const login of [null, ...LOGINS]) {
          const res = await send({ all: samples, user }, {}, login);
          if (res.status !== 401) problems.push(`${login ?? 'anonymous'} without the token: ${res.status}`);
        }
        const res = await t.call(op.method, op.path, {
          headers: { authorization: `Bearer ${METRICS_TOKEN}` },
        });
        const body = await res.text();
        if (res.status !== 200) problems.push(`with the token: ${res.status}`);
        if (body.includes(METRICS_TOKEN)) problems.push('the token is in the answer');
        expect(problems).toEqual([]);
        return;
      }
      if (rule === 'public') {
        const res = await send({ all: samples, user }, {}, null);
        if (res.status >= 500) problems.push(`anonymous: ${res.status}`);
        expect(problems).toEqual([]);
        return;
      }
      const cases = casesOf(rule, samples, user);
      expect(cases, `no cases for rule ${rule}`).not.toBeNull();
      // An object without what the path needs (a unit without evidence to remove) is not a case.
      const complete = (cases ?? []).filter((c) => !fill(op.path, c.params).includes('missing-'));
      expect(complete.length, 'no object to call the endpoint on').toBeGreaterThan(0);
      for (const c of complete) {
        const anon = await send(c.target, c.params, null);
        if (anon.status !== 401) problems.push(`${c.label} anonymous: ${anon.status}, expected 401`);
        // Refused callers first: a permitted write must not change what the refused ones are tried on.
        const order = [...LOGINS].sort((a, b) => Number(c.may.includes(a)) - Number(c.may.includes(b)));
        for (const login of order) {
          const expected: Outcome = outcome(login, c.sees, c.may);
          const res = await send(c.target, c.params, login);
          const body = res.headers.get('content-type')?.match(/json|text/) ? await res.text() : '';
          const got = res.status;
          const fine =
            expected === 'allowed'
              ? got < 500 && ![401, 403, 404].includes(got) && !/"Проверьте поле/.test(body)
              : got === expected;
          if (!fine)
            problems.push(
              `${c.label} as ${login}: ${got}, expected ${expected}${got >= 400 ? ` ${body.slice(0, 160)}` : ''}`,
            );
          if (got === 200 && body) {
            const leaked = foreign[login].filter((f) => body.includes(f));
            if (leaked.length)
              problems.push(
                `${c.label} as ${login}: foreign content ${leaked.slice(0, 3).join(' | ')} (${leaked.length})`,
              );
            const tokens = Object.values(cookies).map((ck) => ck.split('=')[1] ?? '');
            const secret = [...SECRET_MARKS, ...tokens].filter((m) => m && body.includes(m));
            if (secret.length) problems.push(`${c.label} as ${login}: secret ${secret.join(', ')}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
    // Every read has now been made by every role on every object: none of them may have written anything.
    if (op === lastRead) {
      it('reads change nothing in the database', async () => {
        expect(changedTables(beforeReads, await fingerprint(database.db))).toEqual([]);
      });
    }
  }
});
