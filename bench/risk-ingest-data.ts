// The data of the ingest bench (bench/risk-ingest.ts): N schools of an open campaign with their links and
// signed-in directors, made directly in the database, and the stream of their questionnaires.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { tokenId } from '../src/modules/auth/sessions.js';
import { hashToken, newToken } from '../src/modules/risk-campaigns/tokens.js';

export type Submission = { path: string; body: string; ip: string; cookie?: string };
export type Sizes = { schools: number; teacher: number; pupil: number; parent: number; secret: string };

export type Ids = {
  campaignId: string;
  schools: { id: string; pupil: string; parent: string; teachers: string[]; cookie: string }[];
  answers: Record<string, string[]>;
  repeats: Submission[];
  repeatCount: number;
};

/** Schools, an open campaign with the demo's instrument, links, and a signed-in director per school. */
export async function setup(db: pg.Client, size: Sizes): Promise<Ids> {
  const N = size.schools;
  const PER = size;
  const SECRET = size.secret;
  const region = await db.query(
    "select id, path from org_units where kind = 'region' and name like '%демо%' limit 1",
  );
  const r = region.rows[0] as { id: string; path: string };
  const ins = await db.query('select id, document from risk_instruments where region_id = $1 limit 1', [
    r.id,
  ]);
  const instrument = ins.rows[0] as {
    id: string;
    document: {
      items: {
        id: string;
        group: string;
        type: string;
        options?: { value: string }[];
        riskIf?: { value: number };
      }[];
    };
  };
  await db.query('begin');
  const m = randomUUID();
  await db.query(
    "insert into org_units (id, parent_id, kind, name, path) values ($1, $2, 'municipality', 'Муниципалитет бенчмарка', $3)",
    [m, r.id, `${r.path}${m}/`],
  );
  const schools = Array.from({ length: N }, (_, i) => ({
    id: randomUUID(),
    name: `Школа бенчмарка № ${i + 1}`,
  }));
  await db.query(
    `insert into org_units (id, parent_id, kind, name, path, pupils, teachers)
     select s.id, $1, 'school', s.name, $2 || s.id || '/', 400, 30 from json_to_recordset($3) as s(id uuid, name text)`,
    [m, `${r.path}${m}/`, JSON.stringify(schools)],
  );
  const c = randomUUID();
  await db.query(
    `insert into risk_campaigns (id, owner_unit_id, instrument_id, year, title, stage, groups, opens_on, closes_on, status)
     values ($1, $2, $3, 2026, 'Бенчмарк', 'baseline', '{director,teacher,pupil,parent}', current_date - 1, current_date + 30, 'open')`,
    [c, m, instrument.id],
  );
  await db.query(
    `insert into risk_campaign_schools (campaign_id, school_id, expected)
     select $1, s.id, '{"director":1,"teacher":25,"pupil":100,"parent":100}' from json_to_recordset($2) as s(id uuid)`,
    [c, JSON.stringify(schools)],
  );
  const out: Ids['schools'] = [];
  const links: unknown[] = [];
  const users: unknown[] = [];
  for (const s of schools) {
    const pupil = newToken();
    const parent = newToken();
    const teachers = Array.from({ length: PER.teacher }, () => newToken());
    links.push(
      {
        school: s.id,
        group: 'pupil',
        kind: 'anonymous',
        hash: hashToken(pupil),
        token: pupil,
        respondent: null,
      },
      {
        school: s.id,
        group: 'parent',
        kind: 'anonymous',
        hash: hashToken(parent),
        token: parent,
        respondent: null,
      },
      ...teachers.map((t) => ({
        school: s.id,
        group: 'teacher',
        kind: 'personal',
        hash: hashToken(t),
        token: null,
        respondent: randomUUID(),
      })),
    );
    const session = newToken();
    users.push({ id: randomUUID(), login: `bench-${s.id}`, school: s.id, session: tokenId(SECRET, session) });
    out.push({ id: s.id, pupil, parent, teachers, cookie: `opora_session=${session}` });
  }
  for (let i = 0; i < links.length; i += 20_000)
    await db.query(
      `insert into risk_campaign_links (campaign_id, school_id, "group", kind, token_hash, printed_token, respondent_id)
       select $1, l.school, l.group, l.kind, l.hash, l.token, l.respondent
       from json_to_recordset($2) as l(school uuid, "group" text, kind text, hash text, token text, respondent uuid)`,
      [c, JSON.stringify(links.slice(i, i + 20_000))],
    );
  // Directors answer signed in: a school-team account and a session per school, made directly.
  await db.query(
    `insert into users (id, login, full_name, password_hash) select u.id, u.login, 'Директор бенчмарка', 'x' from json_to_recordset($1) as u(id uuid, login text)`,
    [JSON.stringify(users)],
  );
  await db.query(
    `insert into role_assignments (user_id, role, org_unit_id) select u.id, 'school_team', u.school from json_to_recordset($1) as u(id uuid, school uuid)`,
    [JSON.stringify(users)],
  );
  await db.query(
    `insert into sessions (id, user_id, expires_at) select u.session, u.id, now() + interval '2 hours' from json_to_recordset($1) as u(id uuid, session text)`,
    [JSON.stringify(users)],
  );
  await db.query('commit');
  // A few answer bodies per group, chosen round-robin: realistic sizes without generating each one.
  const answers: Record<string, string[]> = {};
  for (const g of ['director', 'teacher', 'pupil', 'parent']) {
    const items = instrument.document.items.filter((i) => i.group === g);
    answers[g] = Array.from({ length: 16 }, (_, k) =>
      JSON.stringify(
        Object.fromEntries(
          items.map((it, j) => {
            if (it.type === 'number') return [it.id, (k + j) % 7];
            const o = it.options ?? [];
            const v = o[(k + j) % Math.max(1, o.length)]?.value ?? '';
            return [it.id, it.type === 'multi' ? [v] : v];
          }),
        ),
      ),
    );
  }
  return { campaignId: c, schools: out, answers, repeats: [], repeatCount: 0 };
}

const ipOf = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

/** Every school's questionnaires, interleaved across schools as the real load would be. */
export function* submissions(ids: Ids, PER: Sizes): Generator<Submission> {
  const pick = (g: string, n: number) => ids.answers[g]?.[n % 16] ?? '{}';
  let n = 0;
  const maxPer = Math.max(PER.pupil, PER.parent, PER.teacher, 1);
  for (let r = 0; r < maxPer; r++) {
    for (const s of ids.schools) {
      n++;
      const keep = n % 97 === 0 && ids.repeats.length < 2000;
      if (r === 0) {
        const d: Submission = {
          path: `/api/risk-campaigns/${ids.campaignId}/schools/${s.id}/director`,
          body: `{"answers":${pick('director', n)}}`,
          ip: ipOf(n),
          cookie: s.cookie,
        };
        yield d;
      }
      const t = s.teachers[r];
      if (t) {
        const sub = { path: `/api/answer/${t}`, body: `{"answers":${pick('teacher', n)}}`, ip: ipOf(n) };
        if (keep) ids.repeats.push(sub);
        yield sub;
      }
      for (const [g, token, count] of [
        ['pupil', s.pupil, PER.pupil],
        ['parent', s.parent, PER.parent],
      ] as const) {
        if (r >= count) continue;
        // One device per respondent; addresses spread over ~65k (many schools, many homes).
        const sub = {
          path: `/api/answer/${token}`,
          body: `{"answers":${pick(g, n + r)},"deviceId":"${randomUUID()}"}`,
          ip: ipOf((n * 7 + r) & 0xffff),
        };
        if (keep) ids.repeats.push(sub);
        yield sub;
      }
    }
  }
  ids.repeatCount = ids.repeats.length;
}
