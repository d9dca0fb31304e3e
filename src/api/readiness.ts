import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrationsFolder } from '../db/client.js';
import type { Deps } from './context.js';
import { isDemoPending } from './demo-gate.js';

// What /api/ready checks (issue 17 §8): the database answers, its migrations are those this code
// expects, this process's job worker polls, and the demo (if any) is in. Reasons are Russian sentences
// for a person at a load balancer's log; nothing names a version, a host or a secret.

export type CheckState = 'ok' | 'fail' | 'skipped' | 'off';
export type Readiness = {
  ready: boolean;
  checks: { database: CheckState; migrations: CheckState; jobs: CheckState; demo: CheckState };
  reasons: string[];
};

/** A database that does not answer in this time is «not reachable» (a dead pool waits much longer). */
const DB_TIMEOUT_MS = 3000;

let expected: number | undefined;
/** The `when` of the journal's last migration: what drizzle records as `created_at` when applying it. */
function expectedMigration(): number {
  if (expected === undefined) {
    const journal = JSON.parse(
      fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8'),
    ) as {
      entries: { when: number }[];
    };
    expected = Math.max(0, ...journal.entries.map((e) => e.when));
  }
  return expected;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export async function checkReadiness(deps: Deps): Promise<Readiness> {
  const reasons: string[] = [];
  const checks: Readiness['checks'] = { database: 'ok', migrations: 'ok', jobs: 'off', demo: 'off' };
  const demo = deps.demo?.state ?? 'off';
  if (demo !== 'off') checks.demo = demo === 'loaded' ? 'ok' : 'fail';
  if (demo === 'loading') reasons.push('Демо-данные ещё загружаются');
  if (demo === 'failed') reasons.push('Демо-данные не загрузились; причина — в журнале сервера');
  if (isDemoPending(deps.demo)) {
    // The demo's transaction holds PGlite's only connection: a query would wait for it.
    checks.database = 'skipped';
    checks.migrations = 'skipped';
  } else {
    try {
      const r = (await withTimeout(
        deps.db.execute(sql`select max(created_at) as last from drizzle.__drizzle_migrations`),
        DB_TIMEOUT_MS,
      )) as unknown as { rows: { last: string | number | null }[] };
      const last = Number(r.rows[0]?.last ?? 0);
      if (last < expectedMigration()) {
        checks.migrations = 'fail';
        reasons.push(
          'Миграции базы данных применены не все: перезапустите сервер, он применит их при запуске',
        );
      }
    } catch (e) {
      // A missing journal table is a database never migrated; anything else — not reachable.
      const missing = /__drizzle_migrations|does not exist/.test(String((e as Error)?.cause ?? e));
      checks.database = missing ? 'ok' : 'fail';
      checks.migrations = missing ? 'fail' : 'skipped';
      reasons.push(
        missing ? 'База данных не подготовлена: миграции не применялись' : 'База данных не отвечает',
      );
    }
  }
  if (deps.jobs) {
    checks.jobs = deps.jobs.alive() ? 'ok' : 'fail';
    if (checks.jobs === 'fail')
      reasons.push(
        isDemoPending(deps.demo)
          ? 'Обработчик фоновых заданий запустится после загрузки демо-данных'
          : 'Обработчик фоновых заданий этого процесса не работает',
      );
  }
  return { ready: reasons.length === 0, checks, reasons };
}
