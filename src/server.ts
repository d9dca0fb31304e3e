import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './api/app.js';
import { demoStatus } from './api/demo-gate.js';
import { isEmpty, makeStorage, openDatabase, sessionSecret } from './boot.js';
import { ConfigError, loadConfig } from './config.js';
import { DataDirLockedError } from './db/client.js';
import { yieldBetweenStatements } from './db/pglite-base.js';
import { jobHandlers } from './jobs/handlers.js';
import { startWorker } from './jobs/runner.js';
import { bulkLoader } from './modules/assessment-data/store.js';
import { purgeExpiredSessions } from './modules/auth/sessions.js';
import { DEMO_ACCOUNTS } from './modules/demo/accounts.js';
import { loadDemo } from './modules/demo/load-demo.js';
import { ensureDefaultMethodologies } from './modules/identification/methodologies.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  const config = loadConfig();
  // From `npm start` when it started us (scripts/start.mjs), else from this process's start.
  const startedAt = config.startedAtMs ?? Date.now() - process.uptime() * 1000;
  const since = () => `${((Date.now() - startedAt) / 1000).toFixed(1).replace('.', ',')} с`;
  console.log('Открываю базу данных и применяю миграции…');
  const database = await openDatabase(config);
  console.log(`  база данных готова [${since()} от запуска]`);
  const storage = makeStorage(config, database);
  const bulk = bulkLoader(database);
  // Whatever must be in the database before anyone works: after the demo when there is one.
  const settle = async () => {
    await purgeExpiredSessions(database.db);
    await ensureDefaultMethodologies(database.db);
  };
  let listening = () => {};
  const listened = new Promise<void>((resolve) => {
    listening = resolve;
  });
  let demoLoad: Promise<void> | undefined;
  if (config.demo && (await isEmpty(database))) {
    // In the background once the server listens; meanwhile the API answers 503 (src/api/demo-gate.ts).
    // PGlite works on this thread: without pauses the load would keep the server from answering.
    if (database.raw?.kind === 'pglite') yieldBetweenStatements(database.raw.client);
    demoLoad = listened
      .then(() => {
        console.log('Первый запуск в демонстрационном режиме: загружаю демо-данные…');
        return loadDemo(database.db, {
          storage: (db) => makeStorage(config, { ...database, db }),
          log: (m) => console.log(`  ${m}`),
        });
      })
      .then(settle);
  } else {
    await settle();
  }
  const app = createApp(
    {
      db: database.db,
      dbKind: database.kind,
      storage,
      bulk,
      config,
      demo: demoStatus(demoLoad),
      sessions: { secret: sessionSecret(config), ttlHours: config.sessionTtlHours },
    },
    { webDir: path.join(root, 'dist/web') },
  );
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const url = `http://localhost:${info.port}`;
    console.log(
      `\nОпора работает: ${url}  [${since()} от запуска]  (база данных: ${database.kind === 'pglite' ? `встроенная, ${config.dataDir}` : 'PostgreSQL'})`,
    );
    console.log(`Справочник API: ${url}/api/docs`);
    if (config.demo) {
      console.log('\nДемонстрационный режим. Учётные записи (пароль у всех: demo):');
      for (const a of DEMO_ACCOUNTS) console.log(`  ${a.login.padEnd(13)} ${a.role} — ${a.scope}`);
      if (demoLoad) console.log('Демо-данные ещё загружаются: вход откроется, когда загрузка закончится.\n');
    }
    listening();
  });
  // Every instance works the shared queue; on PostgreSQL they take different jobs (SKIP LOCKED).
  // Each worker also requeues jobs of dead workers on every poll, so no restart is needed for that.
  // Not before the demo is in: on PGlite its polls would wait for the demo's transaction.
  let stopWorker = async () => {};
  const startJobs = () => {
    stopWorker = startWorker(database.db, jobHandlers(bulk));
  };
  if (!demoLoad) startJobs();
  demoLoad?.then(
    () => {
      console.log(`Демо-данные загружены [${since()} от запуска]`);
      startJobs();
    },
    // The demo's one transaction is rolled back, so the next start loads it again. A demo server
    // with an empty database has no account to sign in with: stopping says so more plainly.
    (e) => {
      console.error('Не удалось загрузить демо-данные, сервер останавливается:', e);
      console.error('База данных осталась пустой; следующий запуск загрузит демо-данные заново.');
      server.close();
      database.close().finally(() => process.exit(1));
    },
  );
  const stop = async () => {
    server.close();
    await stopWorker();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  if (e instanceof ConfigError || e instanceof DataDirLockedError) {
    console.error(e.message);
  } else {
    console.error('Не удалось запустить Опору:', e);
  }
  process.exit(1);
});
