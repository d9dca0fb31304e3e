import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './api/app.js';
import { demoStatus } from './api/demo-gate.js';
import {
  configurePupilKey,
  isEmpty,
  makeStorage,
  openDatabase,
  sessionSecret,
  startReplica,
} from './boot.js';
import { type DemoLoaded, isClusterWorker, primaryDemo, runPrimary } from './cluster.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { type Database, DataDirLockedError } from './db/client.js';
import { yieldBetweenStatements } from './db/pglite-base.js';
import { jobHandlers } from './jobs/handlers.js';
import { LIVENESS, startWorker } from './jobs/runner.js';
import { configureLog, log } from './lib/log.js';
import { bulkLoader } from './modules/assessment-data/store.js';
import { ActorCache } from './modules/auth/actor-cache.js';
import { syncActorCache } from './modules/auth/actor-sync.js';
import { purgeExpiredSessions } from './modules/auth/sessions.js';
import { scheduleDailySweep } from './modules/deadlines/scheduled-sweep.js';
import { DEMO_ACCOUNTS } from './modules/demo/accounts.js';
import { loadDemo } from './modules/demo/load-demo.js';
import { ensureDefaultMethodologies } from './modules/identification/methodologies.js';
import { scheduleImmediateMail, sendDigests } from './modules/notifications/mail/send.js';
import { emailTransport } from './modules/notifications/mail/transport.js';
import { purgeExpiredPupils, schedulePupilPurge } from './modules/pupils/purge.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  const config = loadConfig();
  // JSON lines or text at LOG_LEVEL from here on; the banner below stays plain text for people.
  configureLog({ level: config.logLevel, format: config.logFormat });
  // Pupils' personal data are encrypted with the configured key (issue 14 §2), in every process.
  configurePupilKey(config);
  // A worker of src/cluster.ts: the primary has prepared the database and prints the banner.
  if (isClusterWorker())
    return serveHttp(config, await openDatabase(config, { migrate: false }), {
      alone: false,
      demoElsewhere: config.demoLoadingElsewhere ? primaryDemo() : undefined,
    });
  // From `npm start` when it started us (scripts/start.mjs), else from this process's start.
  const startedAt = config.startedAtMs ?? Date.now() - process.uptime() * 1000;
  const since = () => `${((Date.now() - startedAt) / 1000).toFixed(1).replace('.', ',')} с`;
  if (config.workersRefused) {
    console.log(
      `WORKERS=${config.workersRefused}: встроенная база данных работает в одном процессе — PGlite ` +
        'однопроцессна, и её каталог данных заблокирован этим процессом. Несколько процессов — с PostgreSQL (DATABASE_URL).',
    );
  }
  console.log('Открываю базу данных и применяю миграции…');
  const database = await openDatabase(config);
  console.log(`  база данных готова [${since()} от запуска]`);
  // Whatever must be in the database before anyone works: after the demo when there is one.
  const settle = async () => {
    await purgeExpiredSessions(database.db);
    await ensureDefaultMethodologies(database.db);
    // Pupils' records past their retention are deleted at start and then daily (serveHttp).
    await purgeExpiredPupils(database.db);
  };
  const demo =
    config.demo && (await isEmpty(database))
      ? async () => {
          console.log('Первый запуск в демонстрационном режиме: загружаю демо-данные…');
          await loadDemo(database.db, {
            storage: (db) => makeStorage(config, { ...database, db }),
            log: (m) => console.log(`  ${m}`),
          });
          await settle();
          console.log(`Демо-данные загружены [${since()} от запуска]`);
        }
      : undefined;
  const banner = (port: number, demoLoading: boolean) => {
    const url = `http://localhost:${port}`;
    const where = database.kind === 'pglite' ? `встроенная, ${config.dataDir}` : 'PostgreSQL';
    const processes = config.workers === 1 ? 'один процесс' : `процессов: ${config.workers}`;
    console.log(`\nОпора работает: ${url}  [${since()} от запуска]  (база данных: ${where}; ${processes})`);
    console.log(`Справочник API: ${url}/api/docs`);
    if (config.demo) {
      console.log('\nДемонстрационный режим. Учётные записи (пароль у всех: demo):');
      for (const a of DEMO_ACCOUNTS) console.log(`  ${a.login.padEnd(13)} ${a.role} — ${a.scope}`);
      if (demoLoading)
        console.log('Демо-данные ещё загружаются: вход откроется, когда загрузка закончится.\n');
    }
  };
  if (config.workers === 1) return serveHttp(config, database, { alone: true, banner, demo, settle });
  // Several processes (PostgreSQL only): the workers serve while the demo loads here; they learn that it
  // is in from a message (workers forked later are not told to wait).
  if (!demo) await settle();
  sessionSecret(config); // generated (if ever) once, before the workers read it
  let demoLoading = demo !== undefined;
  const primary = runPrimary({
    workers: config.workers,
    env: (): Record<string, string> => (demoLoading ? { OPORA_DEMO_LOADING: '1' } : {}),
    onAllListening: (port) => banner(port, demoLoading),
  });
  const stop = async () => {
    await primary.stop();
    process.exit(0);
  };
  if (demo) {
    try {
      await demo();
    } catch (e) {
      log.error(
        { err: e },
        'Не удалось загрузить демо-данные, сервер останавливается. База данных осталась пустой; следующий запуск загрузит демо-данные заново.',
      );
      primary.broadcast({ opora: 'demo', ok: false } satisfies DemoLoaded);
      await primary.stop();
      process.exit(1);
    }
    demoLoading = false;
    primary.broadcast({ opora: 'demo', ok: true } satisfies DemoLoaded);
  }
  // The primary keeps no pool: the workers open their own.
  await database.close();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

type ServeOptions = {
  /** False in a worker of src/cluster.ts: it stops with its primary. */
  alone: boolean;
  banner?: (port: number, demoLoading: boolean) => void;
  /** Loads the demo once the server listens; meanwhile the API answers 503 (src/api/demo-gate.ts). */
  demo?: () => Promise<void>;
  /** The demo another process loads (the primary of src/cluster.ts): 503 until it is in. */
  demoElsewhere?: Promise<void>;
  /** Prepares the database when there is no demo to load (the demo does it itself). */
  settle?: () => Promise<void>;
};

/** One HTTP process: the API and the web UI, the job worker, the actor cache (synced on PostgreSQL). */
async function serveHttp(config: Config, database: Database, opts: ServeOptions) {
  const storage = makeStorage(config, database);
  const bulk = bulkLoader(database);
  const actorCache = new ActorCache();
  const sync =
    database.kind === 'postgres' && config.databaseUrl
      ? syncActorCache(database.db, config.databaseUrl, actorCache)
      : undefined;
  await sync?.ready;
  let listening = () => {};
  const listened = new Promise<void>((resolve) => {
    listening = resolve;
  });
  let demoLoad: Promise<void> | undefined = opts.demoElsewhere;
  if (opts.demo) {
    // PGlite works on this thread: without pauses the load would keep the server from answering.
    if (database.raw?.kind === 'pglite') yieldBetweenStatements(database.raw.client);
    demoLoad = listened.then(opts.demo);
  } else if (!demoLoad) {
    await opts.settle?.();
  }
  const replica = startReplica(config, database);
  const jobsPulse = pulse(LIVENESS.staleMs);
  const app = createApp(
    {
      db: database.db,
      dbKind: database.kind,
      storage,
      bulk,
      replica,
      config,
      demo: demoStatus(demoLoad),
      sessions: { secret: sessionSecret(config), ttlHours: config.sessionTtlHours },
      actorCache,
      jobs: jobsPulse,
      pool: database.raw?.kind === 'postgres' ? database.raw.pool : undefined,
    },
    { webDir: path.join(root, 'dist/web') },
  );
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    opts.banner?.(info.port, demoLoad !== undefined);
    listening();
  });
  // Every process works the shared queue; on PostgreSQL they take different jobs (SKIP LOCKED).
  // Each also requeues jobs of dead workers on every poll, so no restart is needed for that.
  // Not before the demo is in: on PGlite its polls would wait for the demo's transaction.
  let stopWorker = async () => {};
  const startJobs = () => {
    stopWorker = startWorker(database.db, jobHandlers(bulk, storage), { onBeat: () => jobsPulse.beat() });
  };
  if (!demoLoad) startJobs();
  const stopPurge = schedulePupilPurge(database.db);
  // The daily sweep of deadlines (issue 15 §3): every instance checks, one per day runs it; after the demo.
  // E-mail of notifications chosen «at once» (issue 15 §3); without SMTP_URL nothing is sent. The
  // day's digest goes out right after the day's sweep, by the instance that ran it.
  const mailer = emailTransport(config);
  const stopMail = mailer ? scheduleImmediateMail(database.db, mailer) : () => {};
  let stopSweep = () => {};
  const startSweep = () => {
    stopSweep = scheduleDailySweep(database.db, {
      hour: config.dailySweepHour,
      afterSweep: mailer ? () => sendDigests(database.db, { mailer, now: new Date() }) : undefined,
    });
  };
  if (!demoLoad) startSweep();
  else demoLoad.then(startSweep, () => {});
  demoLoad?.then(startJobs, (e) => {
    // The demo's one transaction is rolled back, so the next start loads it again. A demo server
    // with an empty database has no account to sign in with: stopping says so more plainly.
    log.error(
      { err: e },
      'Не удалось загрузить демо-данные, сервер останавливается. База данных осталась пустой; следующий запуск загрузит демо-данные заново.',
    );
    server.close();
    database.close().finally(() => process.exit(1));
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    stopPurge();
    stopSweep();
    stopMail();
    await stopWorker();
    await replica?.close();
    await sync?.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // A worker whose primary is gone (killed) must not serve on alone.
  if (!opts.alone) process.on('disconnect', stop);
}

/** The job worker's sign of life: alive while it has polled or beaten within `staleMs`. */
function pulse(staleMs: number) {
  let at: number | undefined;
  return {
    beat: () => {
      at = Date.now();
    },
    alive: () => at !== undefined && Date.now() - at < staleMs,
  };
}

main().catch((e) => {
  if (e instanceof ConfigError || e instanceof DataDirLockedError) {
    console.error(e.message);
  } else {
    console.error('Не удалось запустить Опору:', e);
  }
  process.exit(1);
});
