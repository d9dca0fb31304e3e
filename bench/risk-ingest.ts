// Ingest bench of questionnaire answers (issue 11 §8): a campaign for N schools (default 4,000) with
// 1 director, 25 teachers, 100 pupils and 100 parents each, submitted through the real answering API
// (the server in cluster mode on PostgreSQL) on loopback by concurrent keep-alive clients; next to a
// plain Hono route measured in the same run. Prints figures only, never asserts.
// Run: DATABASE_URL=postgres://… npm run bench:risk-ingest [-- --schools 200 --concurrency 64]
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { tokenId } from '../src/modules/auth/sessions.js';
import { hashToken, newToken } from '../src/modules/risk-campaigns/tokens.js';
import { printSummary, summarise } from './cpuprofile-summary.js';
import { startBaseline } from './load-baseline.js';
import { makeStore, startServer } from './load-server.js';

const { values } = parseArgs({
  options: {
    schools: { type: 'string', default: '4000' },
    concurrency: { type: 'string', default: '64' },
    teachers: { type: 'string', default: '25' },
    pupils: { type: 'string', default: '100' },
    parents: { type: 'string', default: '100' },
    'baseline-seconds': { type: 'string', default: '8' },
    // One server process under --cpu-prof: prints where the submission path spends its time.
    profile: { type: 'boolean', default: false },
    // Connections of each server process: many short INSERTs wait on the WAL flush, not on the CPU.
    pool: { type: 'string', default: '10' },
  },
});
const N = Number(values.schools);
const CONC = Number(values.concurrency);
const PER = {
  teacher: Number(values.teachers),
  pupil: Number(values.pupils),
  parent: Number(values.parents),
};
const pgUrl = process.env.DATABASE_URL;
if (!pgUrl) {
  console.error('Нужен DATABASE_URL (PostgreSQL): бенчмарк измеряет приём ответов на PostgreSQL.');
  process.exit(1);
}
const SECRET = 'bench-secret-bench-secret-bench';

type Submission = { path: string; body: string; ip: string; cookie?: string };
const agent = new http.Agent({ keepAlive: true, maxSockets: CONC });

function post(base: URL, s: Submission): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        path: s.path,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(s.body),
          'x-forwarded-for': s.ip,
          origin: base.origin,
          ...(s.cookie ? { cookie: s.cookie } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(s.body);
  });
}

/** Runs the submissions with CONC clients; returns the count of each status and the seconds taken. */
async function drive(base: URL, next: () => Submission | null) {
  const statuses = new Map<number, number>();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONC }, async () => {
      for (let s = next(); s; s = next()) {
        const code = await post(base, s);
        statuses.set(code, (statuses.get(code) ?? 0) + 1);
      }
    }),
  );
  return { statuses, seconds: (performance.now() - started) / 1000 };
}

async function baselineRps(seconds: number): Promise<number> {
  const b = await startBaseline();
  const url = new URL(b.base);
  const until = performance.now() + seconds * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: CONC }, async () => {
      while (performance.now() < until) {
        await new Promise<void>((resolve) => {
          http.get({ host: url.hostname, port: url.port, path: '/', agent }, (res) => {
            res.resume();
            res.on('end', () => resolve());
          });
        });
        n++;
      }
    }),
  );
  await b.stop();
  return n / seconds;
}

async function main() {
  const store = await makeStore('postgres', pgUrl);
  const db = new pg.Client({ connectionString: store.env.DATABASE_URL });
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    console.log(`Сервер: PostgreSQL, кластер (процесс на ядро), демо-данные…`);
    const profDir = values.profile ? fs.mkdtempSync(path.join(os.tmpdir(), 'opora-prof-')) : null;
    server = await startServer(store, profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [], {
      TRUSTED_PROXIES: '127.0.0.1',
      SESSION_SECRET: SECRET,
      DATABASE_POOL_SIZE: values.pool,
      ...(profDir ? { WORKERS: '1' } : {}),
    });
    await db.connect();
    const setupStart = performance.now();
    const ids = await setup(db);
    console.log(
      `Подготовка: ${N} школ, ссылки и сеансы руководителей — ${((performance.now() - setupStart) / 1000).toFixed(1)} с`,
    );
    const base = new URL(server.base);
    const total = N * (1 + PER.teacher + PER.pupil + PER.parent);
    const queue = submissions(ids);
    let sent = 0;
    const xactBefore = (await store.transactions?.()) ?? 0;
    const cpuBefore = server.cpu();
    const sumCpu = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    const result = await drive(base, () => {
      const s = queue.next();
      if (s.done) return null;
      sent++;
      if (sent % 100_000 === 0)
        console.log(`  отправлено ${sent.toLocaleString('ru-RU')} из ${total.toLocaleString('ru-RU')}`);
      return s.value;
    });
    const xacts = ((await store.transactions?.()) ?? 0) - xactBefore;
    const serverCpu = sumCpu(server.cpu()) - sumCpu(cpuBefore);
    if (profDir) {
      await server.stop();
      server = null;
      // Stopped right after the submissions, so the profile's last seconds are theirs; the serving
      // thread's profile is the largest file.
      const files = fs.readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile'));
      const size = (f: string) => fs.statSync(path.join(profDir, f)).size;
      const file = files.sort((a, b) => size(b) - size(a))[0];
      if (file)
        printSummary(
          summarise(JSON.parse(fs.readFileSync(path.join(profDir, file), 'utf8')), result.seconds),
          30,
        );
    }
    // The same devices and links again: every one must be refused and add nothing.
    const repeat = server ? ids.repeats : [];
    const again = await drive(base, () => repeat.pop() ?? null);
    const rows = await db.query(
      'select count(*)::int as n, count(distinct respondent_id)::int as d from risk_responses where campaign_id = $1',
      [ids.campaignId],
    );
    const size = await db.query(
      "select pg_total_relation_size('risk_responses')::float8 as t, pg_relation_size('risk_responses')::float8 as h, pg_total_relation_size('risk_answer_rates')::float8 as r",
    );
    const all = await db.query('select count(*)::int as n from risk_responses');
    const ok = result.statuses.get(200) ?? 0;
    const stored = Number(rows.rows[0]?.n ?? 0);
    const baseline = await baselineRps(Number(values['baseline-seconds']));
    const mb = (b: number) => (b / 1048576).toFixed(1);
    console.log('');
    console.log(`Анкет отправлено: ${total.toLocaleString('ru-RU')} за ${result.seconds.toFixed(1)} с`);
    console.log(`  приём: ${(total / result.seconds).toFixed(0)} анкет/с (цель ≥ 2 000/с), клиентов ${CONC}`);
    console.log(
      `  транзакций PostgreSQL на анкету: ${(xacts / total).toFixed(2)}; процессор сервера (без PostgreSQL): ${((1000 * serverCpu) / total).toFixed(2)} мс на анкету`,
    );
    console.log(`  ответы сервера: ${[...result.statuses].map(([k, v]) => `${k}: ${v}`).join(', ')}`);
    console.log(`  строк в risk_responses: ${stored} (принято 200: ${ok}); потеряно: ${ok - stored}`);
    console.log(
      `  дубликатов: ${stored - Number(rows.rows[0]?.d ?? 0)}; повторная отправка ${ids.repeatCount} анкет с тех же устройств и ссылок: ${[...again.statuses].map(([k, v]) => `${k}: ${v}`).join(', ')}`,
    );
    const t = Number(size.rows[0]?.t ?? 0);
    const allRows = Number(all.rows[0]?.n ?? 1);
    console.log(
      `Хранение: risk_responses ${mb(t)} МБ с индексами (${mb(Number(size.rows[0]?.h ?? 0))} МБ данных) на ${allRows} строк — ${(t / allRows).toFixed(0)} Б на анкету; счётчики адресов ${mb(Number(size.rows[0]?.r ?? 0))} МБ`,
    );
    console.log(
      `База сравнения (простой маршрут Hono, тот же генератор нагрузки): ${baseline.toFixed(0)} запросов/с`,
    );
  } finally {
    await db.end().catch(() => {});
    await server?.stop();
    await store.drop();
  }
}

type Ids = {
  campaignId: string;
  schools: { id: string; pupil: string; parent: string; teachers: string[]; cookie: string }[];
  answers: Record<string, string[]>;
  repeats: Submission[];
  repeatCount: number;
};

/** Schools, an open campaign with the demo's instrument, links, and a signed-in director per school. */
async function setup(db: pg.Client): Promise<Ids> {
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
function* submissions(ids: Ids): Generator<Submission> {
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

await main();
