import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import type { Database } from '../src/db/client.js';
import { testApp } from './helpers/api.js';
import { mapLimit } from './helpers/concurrent.js';
import { SWEEP_KINDS } from './helpers/db.js';
import { changedTables, fingerprint, writeMarks } from './helpers/db-fingerprint.js';
import { demoDatabase } from './helpers/demo-db.js';
import {
  badValues,
  bodyMutations,
  type Components,
  type JsonSchema,
  RAW_BODIES,
  sample,
} from './helpers/fuzz-cases.js';
import { checkResponse, responseSchemas } from './helpers/response-check.js';

// Every operation of the OpenAPI document gets bad input as admin, as a regional operator and
// anonymously. Each case is invalid by construction (checked against the route's own Zod schemas, or a
// non-existent or malformed id): the answer must be a 4xx with a Russian message, and nothing changes.

type Param = { name: string; in: 'path' | 'query'; required?: boolean; schema: JsonSchema };
type Operation = { parameters?: Param[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } };
type Case = {
  name: string;
  path: 'real' | 'random' | 'malformed';
  query: Record<string, string>;
  body?: BodyInit;
  type?: string;
};
type Documented = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };
type RouteSchemas = { query?: ZodType; json?: ZodType };

const CYRILLIC = /[а-яё]/i;
const MALFORMED_IDS = ['abc', '%00', '1%20or%201%3D1', '99999999999999999999', 'я'.repeat(300)];

function zodOf(app: ReturnType<typeof testApp>['app'], method: string, path: string): RouteSchemas {
  for (const d of app.openAPIRegistry.definitions) {
    if (d.type !== 'route' || d.route.method !== method || d.route.path !== path) continue;
    const json = d.route.request?.body?.content?.['application/json'];
    return {
      query: d.route.request?.query as ZodType | undefined,
      json: json && 'schema' in json ? (json.schema as ZodType) : undefined,
    };
  }
  return {};
}

function queryCases(params: Param[], components: Components, zod: RouteSchemas): Case[] {
  const base: Record<string, string> = {};
  for (const p of params.filter((x) => x.required)) {
    base[p.name] = p.name === 'version' ? '999999' : String(sample(p.schema, components));
  }
  const out: Case[] = [
    { name: 'unknown parameter', path: 'real', query: { ...base, неизвестный: '1' } },
    { name: 'NUL parameter name', path: 'real', query: { ...base, 'a\u0000': '1' } },
  ];
  for (const p of params) {
    if (p.required)
      out.push({
        name: `missing ${p.name}`,
        path: 'real',
        query: Object.fromEntries(Object.entries(base).filter(([k]) => k !== p.name)),
      });
    for (const [name, v] of badValues(p.schema, components)) {
      if (v === null || (typeof v === 'string' && v.length > 5000)) continue;
      const value = typeof v === 'object' ? JSON.stringify(v) : String(v);
      const query = { ...base, [p.name]: value };
      // A value that reads as valid from a query string (e.g. «12345» for a text) is not a bad case.
      if (zod.query?.safeParse(query).success && !value.includes('\u0000')) continue;
      out.push({ name: `${p.name}: ${name}`, path: 'real', query });
    }
  }
  return [
    ...out,
    ...MALFORMED_IDS.map((): Case => ({ name: 'malformed id', path: 'malformed', query: base })),
    { name: 'random id', path: 'random', query: base },
  ];
}

function bodyCases(
  op: Operation,
  components: Components,
  zod: RouteSchemas,
  base: Record<string, string>,
): Case[] {
  const content = op.requestBody?.content ?? {};
  const json = content['application/json'];
  const out: Case[] = [];
  if (json) {
    for (const c of bodyMutations(json.schema, components)) {
      const body = withStaleVersion(c.body);
      if (zod.json?.safeParse(body).success && !JSON.stringify(body).includes('\\u0000')) continue;
      out.push({
        name: `body ${c.name}`,
        path: 'real',
        query: base,
        body: JSON.stringify(body),
        type: 'application/json',
      });
    }
    for (const r of RAW_BODIES)
      out.push({ name: `raw ${r.name}`, path: 'real', query: base, body: r.body, type: r.type });
    // Past validation into the handler: a plausible body for an id of nothing must end in a 404.
    const plausible = JSON.stringify(withStaleVersion(sample(json.schema, components)));
    out.push({
      name: 'random id, plausible body',
      path: 'random',
      query: base,
      body: plausible,
      type: 'application/json',
    });
  } else if (content['multipart/form-data']) {
    const noFile = new FormData();
    noFile.set('note', 'a\u0000b');
    const nulName = new FormData();
    nulName.set('file', new File(['%PDF-1.4'], 'a\u0000b.pdf'));
    const textFile = new FormData();
    textFile.set('file', 'not a file');
    for (const [name, body] of [
      ['no file', noFile],
      ['NUL file name', nulName],
      ['text as file', textFile],
    ] as const) {
      out.push({ name: `multipart ${name}`, path: 'real', query: base, body });
    }
    for (const r of RAW_BODIES)
      out.push({ name: `raw ${r.name}`, path: 'real', query: base, body: r.body, type: r.type });
  } else {
    // Without a declared body only what the input guard refuses for every route is surely invalid:
    // a well-formed body is ignored there (a logout with one would end the test's own session).
    for (const r of RAW_BODIES.filter((x) => x.refusedByGuard)) {
      out.push({ name: `raw ${r.name}`, path: 'real', query: base, body: r.body, type: r.type });
    }
  }
  return out;
}

const withStaleVersion = (b: unknown) =>
  b &&
  typeof b === 'object' &&
  !Array.isArray(b) &&
  'version' in b &&
  (b as { version: unknown }).version === 1
    ? { ...b, version: 999_999 }
    : b;

describe.each(SWEEP_KINDS)('fuzz on %s', (kind) => {
  let database: Database;
  let t: ReturnType<typeof testApp>;
  const cookies: Record<string, string | undefined> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await demoDatabase(kind);
    t = testApp(database);
    cookies.admin = await t.login('admin');
    cookies.region = await t.login('region');
    cookies.anonymous = undefined;
    const one = async (q: string) => {
      const r = (await database.db.execute(sql.raw(q))) as unknown as { rows: { id: string }[] };
      return r.rows[0]?.id ?? randomUUID();
    };
    ids.roadmaps = await one(`select id from roadmaps where status = 'draft' order by id limit 1`);
    ids.sections = await one(`select id from roadmap_sections where roadmap_id = '${ids.roadmaps}' limit 1`);
    ids.items = await one(`select e.item_id as id from roadmap_item_evidence e limit 1`);
    ids.fileId = await one(
      `select file_id as id from roadmap_item_evidence where item_id = '${ids.items}' limit 1`,
    );
    ids.files = ids.fileId;
    ids.tasks = await one('select id from cascade_tasks order by id limit 1');
    ids.users = await one(`select user_id as id from role_assignments limit 1`);
    ids.assignmentId = await one(`select id from role_assignments where user_id = '${ids.users}' limit 1`);
    ids['org-units'] = await one(`select id from org_units where kind = 'school' order by id limit 1`);
    ids.schoolId = ids['org-units'];
    ids.methodologies = await one('select id from methodologies order by id limit 1');
    ids.runs = await one('select id from identification_runs order by id limit 1');
    ids.lists = await one('select id from identification_lists order by id limit 1');
    // risk profiles: /api/risk-profiles/campaigns/{id} — the demo's campaign of the current year
    ids['risk-profiles'] = await one(
      `select id from risk_campaigns where stage = 'baseline' order by year desc limit 1`,
    );
    // Helper «courses» (issue 14 §1): a course and an enrolment of the demo.
    ids.courses = await one('select id from courses order by id limit 1');
    ids['course-enrolments'] = await one('select id from course_enrolments order by id limit 1');
    // Helper «publish» (issue 15 §1): a current publication of the demo (withdraw).
    ids.publications = await one(
      'select id from publications where withdrawn_at is null and superseded_at is null order by id limit 1',
    );
  }, 300_000);
  afterAll(async () => database?.close());

  const realId = (path: string, name: string) => {
    if (name !== 'id') return ids[name] ?? randomUUID();
    const seg = path.split('/')[path.startsWith('/api/identification/') ? 3 : 2] ?? '';
    return ids[seg] ?? randomUUID();
  };

  const urlOf = (path: string, c: Case) => {
    const p = path.replace(/\{([^}]+)\}/g, (_, name: string) =>
      c.path === 'real'
        ? realId(path, name)
        : c.path === 'random'
          ? randomUUID()
          : (MALFORMED_IDS[Math.abs(c.name.length + name.length) % MALFORMED_IDS.length] ?? 'abc'),
    );
    const q = new URLSearchParams(c.query).toString();
    return q ? `${p}?${q}` : p;
  };

  it('declares a real schema for every response of the document', async () => {
    const doc = await (await t.call('GET', '/api/openapi.json')).json();
    const untyped: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, Documented>>)) {
      for (const [method, op] of Object.entries(ops)) {
        const ok = op.responses?.['200'];
        // A browser navigation (OIDC start and callback) answers only with a redirect.
        if (!ok && op.responses?.['302']) continue;
        if (!ok?.content) untyped.push(`${method} ${path}: no 200 content`);
        for (const [type, media] of Object.entries(ok?.content ?? {})) {
          const schema = JSON.stringify(media.schema ?? {});
          if (schema === '{}' || (type.includes('json') && !/"(type|\$ref)"/.test(schema))) {
            untyped.push(`${method} ${path} ${type}: ${schema}`);
          }
        }
      }
    }
    expect(untyped).toEqual([]);
  });

  it('answers all bad input with a 4xx in Russian and changes nothing', async () => {
    const doc = await (await t.call('GET', '/api/openapi.json')).json();
    const components: Components = doc.components?.schemas ?? {};
    const failures: string[] = [];
    const routes = responseSchemas(t.app);
    let sent = 0;
    let before = await writeMarks(database.db);
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, Operation>>)) {
      for (const [method, op] of Object.entries(ops)) {
        const zod = zodOf(t.app, method, path);
        const redirects = Boolean((op as Documented).responses?.['302']);
        const params = (op.parameters ?? []).filter((p) => p.in === 'query');
        const cases = queryCases(params, components, zod);
        const base = cases[cases.length - 1]?.query ?? {};
        if (method !== 'get') cases.push(...bodyCases(op, components, zod, base));
        // Path variants only matter for paths with ids.
        const sends = cases
          .filter((c) => c.path === 'real' || path.includes('{'))
          .flatMap((c) => ['admin', 'region', 'anonymous'].map((who) => ({ c, who })));
        // Concurrently within one operation: the check of writes below still names the operation.
        await mapLimit(sends, 4, async ({ c, who }) => {
          const headers: Record<string, string> = {};
          const cookie = cookies[who];
          if (cookie) headers.cookie = cookie;
          if (c.type) headers['content-type'] = c.type;
          const url = urlOf(path, c);
          const res = await t.app.request(`http://localhost${url}`, {
            method: method.toUpperCase(),
            headers,
            body: c.body,
          });
          sent++;
          await checkResponse(routes, method, url, res).catch((e: Error) => failures.push(e.message));
          const text = await res.text();
          const where = `${method.toUpperCase()} ${path} [${c.name}] as ${who}: ${res.status}`;
          // A well-formed id of nothing may read as an empty list (GET /api/items/{id}/tasks); never a write.
          const emptyRead = method === 'get' && c.path === 'random' && res.status === 200;
          if (emptyRead) return;
          // A redirecting endpoint ends every failure on the login page with the reason's code.
          const toLogin =
            res.status === 302 && /^\/login\?error=[a-z-]+$/.test(res.headers.get('location') ?? '');
          if (toLogin && redirects) return;
          if (res.status < 400 || res.status >= 500) failures.push(`${where} ${text.slice(0, 200)}`);
          else if (!CYRILLIC.test(String(safeJson(text)?.error?.message)))
            failures.push(`${where} no Russian message: ${text.slice(0, 200)}`);
        });
        const after = await writeMarks(database.db);
        const changed = changedTables(before, after);
        if (changed.length) failures.push(`${method.toUpperCase()} ${path} changed ${changed.join(', ')}`);
        before = after;
      }
    }
    // The sessions of the test survived: the cases above were not answered as anonymous by accident.
    for (const who of ['admin', 'region']) {
      expect((await t.call('GET', '/api/me', { cookie: cookies[who] })).status).toBe(200);
    }
    console.log(`fuzz on ${kind}: ${sent} requests`);
    expect(failures).toEqual([]);
  }, 600_000);

  it('a reference to nothing is refused as bad input, not a 500', async () => {
    const list = (await (await t.call('GET', '/api/roadmaps', { cookie: cookies.region })).json()) as {
      id: string;
    }[];
    let kept: { id: string; version: number } | undefined;
    for (const { id } of list) {
      const r = await (await t.call('GET', `/api/roadmaps/${id}`, { cookie: cookies.region })).json();
      if (r.permissions?.canManage) kept = r;
      if (kept) break;
    }
    if (!kept) throw new Error('the regional operator keeps no roadmap in the demo');
    const { id, version } = kept;
    const before = await fingerprint(database.db);
    const res = await t.call('PATCH', `/api/roadmaps/${id}`, {
      cookie: cookies.region,
      body: { orderFileId: randomUUID(), version },
    });
    // The operation checks the reference itself (a file the keeper can read); the FK is the last guard.
    expect(res.status).toBe(400);
    expect(changedTables(before, await fingerprint(database.db))).toEqual([]);
  });
});

function safeJson(text: string): { error?: { message?: unknown } } | undefined {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
