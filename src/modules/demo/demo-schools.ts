import type { Actor } from '../access/actor.js';
import { approveRoadmap, buildRoadmap, handleTasks } from './demo-build.js';
import { RISKS, SCHOOL_ROADMAP } from './demo-content-local.js';
import { executeRoadmap, review } from './demo-execution.js';
import { MUNICIPAL_PROFILES, mentorOf } from './demo-plan.js';
import { createRng, seedOf } from './demo-random.js';
import { type DemoRun, dated, decide, type ExecutedRoadmap, orderDate } from './demo-run.js';

// The school level of the demo: school roadmaps of some ШНОР, and the reports of the others.

/** School roadmaps kept by the school teams (one left as a draft), linked to the tasks from above. */
export async function loadSchools(run: DemoRun): Promise<Map<string, ExecutedRoadmap>> {
  const { db, users, picks } = run;
  const out = new Map<string, ExecutedRoadmap>();
  for (const w of picks.withRoadmap) {
    const actor = users.schoolTeams.get(w.school.id);
    if (!actor) throw new Error(`no team for ${w.school.name}`);
    const rng = createRng(seedOf(`school-exec-${w.school.name}`));
    const [risk1 = '', risk2 = ''] = rng.shuffle(RISKS);
    const roadmap = await buildRoadmap(db, actor, {
      template: SCHOOL_ROADMAP,
      orgUnitId: w.school.id,
      periodYear: run.year,
      subst: {
        ...run.subst,
        SCHOOL: w.school.baseName,
        RISK1: risk1,
        RISK2: risk2,
        MENTOR: mentorOf(w.municipality, picks.shnor)?.baseName ?? '',
      },
      resp: {},
      rng,
      extra: [
        {
          section: 1,
          // S1 and the schools behind the plan have not done it yet: an overdue item.
          open: w.school.id === picks.s1.id || w.profile.setbacks,
          tpl: {
            measure: 'Входная диагностика по математике в 5–9 классах и анализ её результатов',
            deadline: dated(run, -8, 'до '),
            responsible: 'Руководитель ШМО учителей математики',
            indicator: 'Аналитическая справка по итогам диагностики',
          },
        },
        {
          section: 2,
          tpl: {
            measure: 'Открытый урок учителя школы-наставника по математике в 7 классе',
            deadline: dated(run, 14),
            responsible: 'Заместитель директора по УВР',
            indicator: 'Не менее 5 педагогов посетили урок',
            target: ['gte', 5, 'педагогов'],
          },
        },
      ],
      // The draft is being written now: it plans nothing in the past.
      skipDueBefore: w.draft ? run.today : undefined,
    });
    if (w.draft) continue;
    await approveRoadmap(db, actor, roadmap, {
      approvalBody: w.school.name,
      orderNumber: `${40 + rng.int(1, 50)}-од`,
      orderDate: orderDate(run, 11, 8 + rng.int(0, 10)),
    });
    await handleTasks(db, actor, w.school.id, roadmap, run.sources, decide(run, w.profile.doneRate, rng));
    out.set(w.school.id, { roadmap, done: await executeRoadmap(run.exec, actor, roadmap, w.profile, rng) });
  }
  // The other ШНОР have no roadmap in the system but report on the measures addressed to them.
  for (const s of picks.shnor) {
    const actor = users.schoolTeams.get(s.id);
    if (!actor || picks.withRoadmap.some((w) => w.school.id === s.id)) continue;
    const m = run.orgs.municipalities.find((x) => x.schools.includes(s));
    const rate = MUNICIPAL_PROFILES[m?.index ?? 0]?.doneRate ?? 0.8;
    await handleTasks(
      db,
      actor,
      s.id,
      null,
      run.sources,
      decide(run, rate, createRng(seedOf(`tasks-${s.name}`))),
    );
  }
  return out;
}

/**
 * The level above reviews the schools' done items: the curator for his schools, the municipality
 * for the others. In S1 the curator and the municipality each confirm some, and two stay pending
 * for the `municipality` user's «Ждут подтверждения»; in S2 one item is returned for rework.
 */
export async function reviewSchools(run: DemoRun, schools: Map<string, ExecutedRoadmap>): Promise<void> {
  const { curator, municipality } = run.users.main;
  const { picks } = run;
  for (const w of picks.withRoadmap) {
    const entry = schools.get(w.school.id);
    if (!entry) continue;
    const rng = createRng(seedOf(`school-review-${w.school.name}`));
    const done = [...entry.done].sort((a, b) => (a.row.dueDate ?? '').localeCompare(b.row.dueDate ?? ''));
    if (w.school.id === picks.s1.id) {
      const reviewed = Math.max(0, done.length - 2);
      const byCurator =
        reviewed <= 1 ? reviewed : Math.min(reviewed - 1, Math.max(1, Math.round(reviewed * 0.6)));
      await review(run.exec, curator, done.slice(0, byCurator), { confirm: 1, rng });
      await review(run.exec, municipality, done.slice(byCurator, reviewed), { confirm: 1, rng });
      continue;
    }
    const reviewer: Actor | undefined = picks.curated.includes(w.school)
      ? curator
      : run.users.coordinators.get(w.municipality.id);
    if (!reviewer) continue;
    const returnOne =
      w.school.id === picks.s2.id
        ? 'В аналитической справке нет выводов по дефицитным темам. Доработайте, пожалуйста.'
        : undefined;
    await review(run.exec, reviewer, done, { confirm: 0.5, rng, returnOne });
  }
}
