import type { Db } from '../../db/client.js';
import { AppError } from '../../lib/errors.js';
import type { BulkLoader } from '../assessment-data/store.js';
import type { FileStorage } from '../files/storage.js';
import { addDialogue } from './demo-dialogue.js';
import { ruDate } from './demo-execution.js';
import { loadDemoIdentification } from './demo-identification.js';
import { createDemoOrgs } from './demo-orgs.js';
import { pickSchools } from './demo-plan.js';
import type { DemoRun } from './demo-run.js';
import { loadSchools, reviewSchools } from './demo-schools.js';
import { loadSeedRoadmaps } from './demo-seeds.js';
import { executeRegional, loadMunicipal, loadRegional } from './demo-steps.js';
import { countDemo, type DemoSummary } from './demo-summary.js';
import { createDemoUsers, demoLoaded } from './demo-users.js';

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.js';
export type { DemoSummary } from './demo-summary.js';

/** First calendar year of the school year containing `iso`: from September on it is this year. */
export function schoolYearOf(iso: string): number {
  const year = Number(iso.slice(0, 4));
  return Number(iso.slice(5, 7)) >= 9 ? year : year - 1;
}

/**
 * Loads the synthetic demo region into an empty database: the org tree, the accounts (password
 * `demo`), regional, municipal and school roadmaps of the current school year, and their execution
 * as of `today`. After the org tree and the accounts, everything goes through the domain operations
 * acting as the demo users, so the history shows who did what. Deterministic: a seeded generator
 * gives the same names and states for the same `today`.
 *
 * «Просрочено» is computed by the database from its own current date: a `today` far from the real
 * date gives a state that looks odd in the interface.
 *
 * Not wrapped in one transaction: file storage may write through the same database connection,
 * and PGlite serves one connection only. Refuses a database that already has the demo.
 */
export async function loadDemo(
  db: Db,
  opts: { storage: FileStorage; today?: Date; log?: (msg: string) => void; bulk?: BulkLoader },
): Promise<DemoSummary> {
  const started = Date.now();
  const log = opts.log ?? (() => {});
  if (await demoLoaded(db))
    throw new AppError('CONFLICT', 'Демонстрационные данные уже загружены в эту базу');
  const today = (opts.today ?? new Date()).toISOString().slice(0, 10);
  const year = schoolYearOf(today);
  log(`Загрузка демонстрационных данных на ${year}/${year + 1} учебный год (сегодня ${ruDate(today)})`);

  const orgs = await createDemoOrgs(db, log);
  const picks = pickSchools(orgs);
  const users = await createDemoUsers(db, orgs, picks, log);
  const run: DemoRun = {
    db,
    exec: { db, storage: opts.storage, today },
    today,
    year,
    subst: { Y: String(year), Y1: String(year + 1) },
    orgs,
    picks,
    users,
    sources: new Map(),
  };

  const regional = await loadRegional(run);
  log('Региональные дорожные карты: 2 утверждены, 1 черновик');
  const municipal = await loadMunicipal(run);
  log(`Муниципальные дорожные карты: ${municipal.size}, у каждой своё исполнение`);
  const schools = await loadSchools(run);
  await reviewSchools(run, schools);
  log(`Школьные дорожные карты: ${picks.withRoadmap.length} (одна — черновик)`);
  await executeRegional(run, regional);
  await addDialogue(run, municipal, schools);

  const summary = await countDemo(db, { orgs, shnor: picks.shnor.length, users: users.count, started });
  await loadSeedRoadmaps(db, users.main.admin, log);
  await loadDemoIdentification(db, {
    region: users.main.region,
    regionId: orgs.regionId,
    today: new Date(`${today}T12:00:00Z`),
    log,
    bulk: opts.bulk,
  });
  log(
    `Готово за ${(summary.ms / 1000).toFixed(1)} с: ${summary.roadmaps} дорожных карт, ${summary.items} мероприятий, ` +
      `${summary.tasks} задач; просрочено ${summary.overdueItems}, подтверждено ${summary.confirmedItems}`,
  );
  return summary;
}
