import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPglite } from '../src/db/client.js';
import { userIdentities } from '../src/db/schema/auth.js';
import { ENDPOINT_RULES } from '../src/modules/access/endpoint-rules.js';
import { addAssignment, createUser } from '../src/modules/auth/users.js';
import { casesOf } from './access/cases.js';
import { foreignContent, SECRET_MARKS } from './access/foreign.js';
import { withoutPartners } from './access/people-samples.js';
import { withoutPublishedAuthors } from './access/practices.js';
import { REQUESTS, type Target } from './access/requests.js';
import { findSamples, type Samples } from './access/samples.js';
import { LOGINS, type Login, type Outcome, outcome } from './access/scope.js';
import { testApp } from './helpers/api.js';
import { SWEEP_KINDS } from './helpers/db.js';
import { changedTables, fingerprint } from './helpers/db-fingerprint.js';
import { demoDatabase } from './helpers/demo-db.js';
import { TEST_SYSTEM } from './helpers/system.js';

// The access matrix, generated from the OpenAPI document: every operation of /api/openapi.json is called
// by every demo role and anonymously, on objects inside and outside the role's scope, and the answer is
// compared with the operation's declared rule (`x-access`) read through the hand-written tables of
// tests/access/scope.ts. An operation without a rule fails here, so a new endpoint is covered the day it
// is added. Every successful read is also searched for other units' names, ids and staff, and for secrets.
// The cases of each rule (the objects called on, who sees them, who may act) are built in tests/access/cases.ts.

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

const fill = (path: string, params: Record<string, string>) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] || `missing-${name}`);

describe.each(SWEEP_KINDS)('access matrix on %s', (kind) => {
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
