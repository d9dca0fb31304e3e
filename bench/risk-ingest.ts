import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { printSummary, summarise } from './cpuprofile-summary.js';
import { startBaseline } from './load-baseline.js';
import { makeStore, startServer } from './load-server.js';
import { type Submission, setup, submissions } from './risk-ingest-data.js';

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
    const ids = await setup(db, { schools: N, ...PER, secret: SECRET });
    console.log(
      `Подготовка: ${N} школ, ссылки и сеансы руководителей — ${((performance.now() - setupStart) / 1000).toFixed(1)} с`,
    );
    const base = new URL(server.base);
    const total = N * (1 + PER.teacher + PER.pupil + PER.parent);
    const queue = submissions(ids, { schools: N, ...PER, secret: SECRET });
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

await main();
