import { and, eq } from 'drizzle-orm';
import { monitoringResponses, monitorings } from '../../db/schema/monitoring.js';
import type { Actor } from '../access/actor.js';
import { createMonitoring } from '../monitoring/create-monitoring.js';
import { saveResponse, submitResponse } from '../monitoring/fill-response.js';
import type { Answers } from '../monitoring/form.js';
import { closeMonitoring, openMonitoring } from '../monitoring/open-monitoring.js';
import { reviewResponse } from '../monitoring/review-response.js';
import { updateMonitoring } from '../monitoring/update-monitoring.js';
import { addDays } from './demo-execution.js';
import { createRng, type Rng, seedOf } from './demo-random.js';
import type { DemoRun } from './demo-run.js';

// The demo's monitorings (issue 13 §2, §6), made through the operations a user would call: the region's
// «Мониторинг ресурсных дефицитов» open for the ШНОР of the list in force — forms accepted, submitted,
// one returned with a comment, some not started, and the `school` account's form not yet filled (the
// story of tests/e2e/monitoring-forms.spec.ts starts there); and the September interim monitoring of
// roadmap execution over the municipalities, computed from the roadmaps and closed.

export const DEMO_RETURN_COMMENT =
  'Число вакансий не совпадает с таблицей вакансий по предметам: уточните, пожалуйста, и отправьте снова';

function answersFor(rng: Rng): Answers {
  const teachers = rng.int(12, 45);
  const vacancies = rng.int(0, 3);
  return {
    teachers,
    vacancies,
    firstCategory: rng.int(25, 80),
    retirement: rng.int(10, 40),
    deficitSubjects: rng.shuffle(['math', 'physics', 'foreign', 'chemistry']).slice(0, vacancies),
    vacancyList: Array.from({ length: vacancies }, () => ({
      subject: rng.pick(['Математика', 'Физика', 'Иностранный язык', 'Химия']),
      hours: rng.int(4, 18),
      covered: rng.pick(['combined', 'overload', 'none']),
    })),
    computers: rng.int(8, 60),
    equippedRooms: rng.int(15, 70),
    internet: rng.pick(['slow', 'fast', 'fast']),
    methodist: rng.pick(['yes', 'yes', 'no']),
    supportNeeds: rng.shuffle(['courses', 'mentoring', 'network', 'materials']).slice(0, rng.int(1, 3)),
  };
}

export async function loadDemoMonitorings(run: DemoRun): Promise<void> {
  const { db, orgs, picks, users } = run;
  const region = users.main.region;
  const rng = createRng(seedOf('opora-demo-monitorings'));
  const id = await createMonitoring(db, {
    actor: region,
    ownerUnitId: orgs.regionId,
    kind: 'form',
    title: 'Мониторинг ресурсных дефицитов ШНОР',
    year: run.year,
    periodStart: addDays(run.today, -21),
    periodEnd: addDays(run.today, 14),
    template: 'resource_deficits',
    participants: { mode: 'shnor' },
  });
  const version = async () =>
    (await db.select({ v: monitorings.version }).from(monitorings).where(eq(monitorings.id, id)))[0]?.v ?? 0;
  // The demo school is a ШНОР of the list in force; if a later list left it out, it still takes part.
  const rows = await db
    .select({ unitId: monitoringResponses.orgUnitId })
    .from(monitoringResponses)
    .where(eq(monitoringResponses.monitoringId, id));
  if (!rows.some((r) => r.unitId === picks.s1.id)) {
    await updateMonitoring(db, {
      actor: region,
      monitoringId: id,
      version: await version(),
      participants: { mode: 'units', unitIds: [...rows.map((r) => r.unitId), picks.s1.id] },
    });
  }
  await openMonitoring(db, { actor: region, monitoringId: id, version: await version() });

  const responseVersion = async (unitId: string) =>
    (
      await db
        .select({ v: monitoringResponses.version })
        .from(monitoringResponses)
        .where(and(eq(monitoringResponses.monitoringId, id), eq(monitoringResponses.orgUnitId, unitId)))
    )[0]?.v ?? 0;
  const fill = async (team: Actor, unitId: string, submit: boolean) =>
    (submit ? submitResponse : saveResponse)(db, {
      actor: team,
      monitoringId: id,
      unitId,
      version: await responseVersion(unitId),
      answers: answersFor(rng),
    });
  const review = async (unitId: string, decision: 'accept' | 'return', comment?: string) =>
    reviewResponse(db, {
      actor: region,
      monitoringId: id,
      unitId,
      version: await responseVersion(unitId),
      decision,
      comment,
    });

  // Every other school with a team account: a steady mix of states, the first returned with a comment.
  const teams = [...users.schoolTeams].filter(([schoolId]) => schoolId !== picks.s1.id);
  let returned = false;
  for (const [k, [schoolId, team]] of teams.entries()) {
    const inMonitoring = (await responseVersion(schoolId)) > 0;
    if (!inMonitoring) continue;
    const state = k % 5;
    if (state === 4) continue;
    if (state === 3) {
      await fill(team, schoolId, false);
      continue;
    }
    await fill(team, schoolId, true);
    if (!returned) {
      await review(schoolId, 'return', DEMO_RETURN_COMMENT);
      returned = true;
    } else if (state !== 2) await review(schoolId, 'accept');
  }

  // September's interim monitoring of the municipalities' roadmap execution: computed, nothing to fill.
  const september = await createMonitoring(db, {
    actor: region,
    ownerUnitId: orgs.regionId,
    kind: 'roadmap_execution',
    title: 'Промежуточный мониторинг реализации дорожных карт (сентябрь)',
    year: run.year,
    periodStart: `${run.year}-09-01`,
    periodEnd: `${run.year}-09-30`,
    template: 'roadmap_execution',
    participants: { mode: 'municipalities' },
  });
  await openMonitoring(db, { actor: region, monitoringId: september, version: 1 });
  if (`${run.year}-09-30` < run.today)
    await closeMonitoring(db, { actor: region, monitoringId: september, version: 2 });
}
