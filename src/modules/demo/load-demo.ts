import type { Db } from '../../db/client.js';
import { WORDS } from '../../lib/counted.js';
import { AppError } from '../../lib/errors.js';
import { countLabel } from '../../lib/plural.js';
import type { FileStorage } from '../files/storage.js';
import { withoutNotices } from '../notifications/from-events.js';
import { schoolYearOf } from '../organisation/school-year.js';
import { transactionLoader } from './demo-bulk.js';
import { loadDemoCampaigns } from './demo-campaigns.js';
import { addDialogue } from './demo-dialogue.js';
import { ruDate } from './demo-execution.js';
import { loadDemoExpertise } from './demo-expertise.js';
import { withoutSavepoints } from './demo-flat-tx.js';
import { dateDemoHistory } from './demo-history.js';
import { loadDemoIdentification } from './demo-identification.js';
import { loadDemoIndicators } from './demo-indicators.js';
import { loadDemoMonitorings } from './demo-monitorings.js';
import { loadDemoOpenness } from './demo-openness.js';
import { bindDemoIndicators, loadDemoOrganisation } from './demo-organisation.js';
import { createDemoOrgs } from './demo-orgs.js';
import { pickSchools } from './demo-plan.js';
import { loadDemoPrograms } from './demo-programs.js';
import { loadDemoQuestionnaires } from './demo-questionnaires.js';
import { loadDemoReports } from './demo-reports.js';
import { loadDemoRiskProfiles } from './demo-risk-profiles.js';
import type { DemoRun } from './demo-run.js';
import { loadSchools, reviewSchools } from './demo-schools.js';
import { loadSeedRoadmaps } from './demo-seeds.js';
import { executeRegional, loadMunicipal, loadRegional } from './demo-steps.js';
import { countDemo, type DemoSummary } from './demo-summary.js';
import { loadDemoSupport } from './demo-support.js';
import { createDemoUsers, demoLoaded } from './demo-users.js';

export { schoolYearOf } from '../organisation/school-year.js';
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.js';
export type { DemoSummary } from './demo-summary.js';

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
 * One transaction: a failure (or a crash) midway leaves the database as it was. Everything, the file
 * bodies and the assessment data included, is written through the transaction's handle: `storage` is
 * asked for a storage over that handle (PGlite serves one connection, so a storage over the outer
 * handle would wait for the transaction forever), and the assessment data go in with multi-row INSERTs
 * inside it (a COPY loader works on its own connection and could not join). Refuses a database that
 * already has the demo.
 */
export async function loadDemo(db: Db, opts: LoadDemoOptions): Promise<DemoSummary> {
  const log = timed(opts.log ?? (() => {}));
  if (await demoLoaded(db))
    throw new AppError('CONFLICT', 'Демонстрационные данные уже загружены в эту базу');
  return db.transaction(async (outer) => {
    const tx = withoutSavepoints(outer);
    // The demo is history already: its events notify nobody (issue 15 §3, notifications/from-events.ts).
    const summary = await withoutNotices(() => loadInto(tx, opts, log));
    await opts.beforeCommit?.(tx);
    return summary;
  });
}

export type LoadDemoOptions = {
  /** File storage over the given handle (the load's transaction). */
  storage: (db: Db) => FileStorage;
  today?: Date;
  log?: (msg: string) => void;
  /** Runs last inside the transaction: the tests make the load fail there. */
  beforeCommit?: (db: Db) => Promise<void>;
};

async function loadInto(db: Db, opts: LoadDemoOptions, log: (msg: string) => void): Promise<DemoSummary> {
  const started = Date.now();
  const today = (opts.today ?? new Date()).toISOString().slice(0, 10);
  const year = schoolYearOf(today);
  log(`Загрузка демонстрационных данных на ${year}/${year + 1} учебный год (сегодня ${ruDate(today)})`);

  const orgs = await createDemoOrgs(db, log);
  const picks = pickSchools(orgs);
  const users = await createDemoUsers(db, orgs, picks, log);
  const run: DemoRun = {
    db,
    exec: { db, storage: opts.storage(db), today },
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
  const campaign = await loadDemoQuestionnaires(run);
  log(
    `Анкетирование для рисковых профилей: ${countLabel(campaign.schoolIds.length, WORDS.school)}, ответы получены`,
  );
  const risk = await loadDemoRiskProfiles(run, campaign);
  log(`Рисковые профили рассчитаны (с прошлым годом): ${risk.profiles}, один верифицирован куратором`);
  await loadDemoCampaigns(run, campaign);
  log('Идёт анкетирование школ первого муниципалитета: ссылки учителей и анонимные ссылки готовы');
  await loadDemoPrograms(run);
  log('Программы школ: антирисковая программа на доработке, концепция на экспертизе, одна утверждена');
  const expertise = await loadDemoExpertise(run);
  log(
    `Экспертиза: ${expertise.documents} программ ШНОР, взаимная экспертиза — ${expertise.mutual}, заключений ${expertise.reviews}`,
  );

  await loadDemoOrganisation(run);
  log('Организация работы: координаторы, кураторы, школы-наставники, рабочая группа, мероприятия');

  const summary = await countDemo(db, { orgs, shnor: picks.shnor.length, users: users.count, started });
  await loadSeedRoadmaps(db, users.main.admin, log);
  const dated = await dateDemoHistory(db, { today });
  log(`История дорожных карт датирована их приказами и сроками: ${countLabel(dated, WORDS.event)}`);
  await loadDemoIdentification(db, {
    region: users.main.region,
    regionId: orgs.regionId,
    today: new Date(`${today}T12:00:00Z`),
    log,
    bulk: transactionLoader(db),
  });
  await bindDemoIndicators(run);
  // Support of people (issue 14) after the mentor pairs of the list in force; before the indicators that count it.
  const support = await loadDemoSupport(run);
  log(
    `Поддержка педагогов и обучающихся: ${countLabel(support.teachers, WORDS.teacher)}, школ с реестром педагогов: ${support.schools}`,
  );
  // Monitoring and analysis read everything above: the lists, the roadmaps, the coverage (issue 13 §6).
  await loadDemoIndicators(run);
  await loadDemoMonitorings(run);
  await loadDemoReports(run);
  // Openness and attention (issue 15): publishes what is approved above, the bank, notifications.
  await loadDemoOpenness(run);
  log(
    `Готово за ${seconds(Date.now() - started)} с: ${countLabel(summary.roadmaps, WORDS.roadmap)}, ` +
      `${countLabel(summary.items, WORDS.item)}, ${countLabel(summary.tasks, WORDS.task)}; ` +
      `мероприятий просрочено: ${summary.overdueItems}, подтверждено: ${summary.confirmedItems}`,
  );
  return summary;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1).replace('.', ',');

/** Each step's line says how long the step took: a start that waits shows where it waits. */
function timed(log: (msg: string) => void): (msg: string) => void {
  let last = Date.now();
  return (msg) => {
    const now = Date.now();
    log(`${msg} [${seconds(now - last)} с]`);
    last = now;
  };
}
