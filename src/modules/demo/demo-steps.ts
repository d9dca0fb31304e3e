import {
  addSources,
  approveRoadmap,
  type BuiltItem,
  type BuiltRoadmap,
  buildRoadmap,
  type ExtraItem,
  handleTasks,
} from './demo-build.js';
import { FAILURE_ROADMAP, REGIONAL_ROADMAP, RISK_ZONE_DRAFT, type RoadmapTemplate } from './demo-content.js';
import { MUNICIPAL_ROADMAP } from './demo-content-local.js';
import { executeRoadmap, review } from './demo-execution.js';
import { DEMO_MINISTRY_NAME } from './demo-orgs.js';
import { MUNICIPAL_PROFILES, REGIONAL_PROFILE } from './demo-plan.js';
import { createRng, seedOf } from './demo-random.js';
import { type DemoRun, dated, decide, orderDate } from './demo-run.js';

// The regional and municipal levels of the demo.

/** The region's roadmaps, approved by orders of the ministry (approval cascades their measures), and a draft. */
export async function loadRegional(run: DemoRun): Promise<BuiltRoadmap[]> {
  const { db, orgs, subst, year } = run;
  const { region } = run.users.main;
  const resp = { ministry: orgs.ministryId, iro: orgs.iroId, quality: orgs.qualityId, cnppm: orgs.cnppmId };
  const base = { orgUnitId: orgs.regionId, periodYear: year, subst, resp };
  const webinar: ExtraItem = {
    section: 2,
    tpl: {
      level: 'regional',
      measure:
        'Вебинар для муниципальных координаторов «Мониторинг реализации антирисковых программ: типичные ошибки»',
      deadline: dated(run, 9),
      responsible: 'ИРО, ЦНППМ',
      resp: ['iro', 'cnppm'],
      indicator: 'Программа вебинара, запись; участвуют 100 % координаторов',
      target: ['gte', 100, '%'],
    },
  };
  const shnor = await buildRoadmap(db, region, {
    ...base,
    template: REGIONAL_ROADMAP,
    targetUnitIds: run.picks.shnor.map((s) => s.id),
    extra: [webinar],
  });
  const order = (orderNumber: string, day: number) => ({
    approvalBody: DEMO_MINISTRY_NAME,
    orderNumber,
    orderDate: orderDate(run, 9, day),
  });
  await approveRoadmap(db, region, shnor, order('123-п', 15));
  const failure = await buildRoadmap(db, region, { ...base, template: FAILURE_ROADMAP });
  await approveRoadmap(db, region, failure, order('131-п', 22));
  await buildRoadmap(db, region, { ...base, template: RISK_ZONE_DRAFT });
  addSources(run.sources, shnor);
  addSources(run.sources, failure);
  return [shnor, failure];
}

/** The region's own execution of its approved roadmaps, confirmed by the region itself. */
export async function executeRegional(run: DemoRun, roadmaps: BuiltRoadmap[]): Promise<void> {
  const { region } = run.users.main;
  for (const [i, r] of roadmaps.entries()) {
    const rng = createRng(seedOf(`region-exec-${i}`));
    const done = await executeRoadmap(run.exec, region, r, REGIONAL_PROFILE, rng);
    await review(run.exec, region, done, { confirm: 0.7, rng });
  }
}

export type MunicipalResult = { roadmap: BuiltRoadmap; done: BuiltItem[]; returned: BuiltItem[] };

/** Every municipality's roadmap: kept by its coordinator, linked to the regional tasks, reviewed by the region. */
export async function loadMunicipal(run: DemoRun): Promise<Map<string, MunicipalResult>> {
  const { db, users } = run;
  const out = new Map<string, MunicipalResult>();
  for (const m of run.orgs.municipalities) {
    const actor = users.coordinators.get(m.id);
    if (!actor) throw new Error(`no coordinator for ${m.name}`);
    const rng = createRng(seedOf(`mun-exec-${m.name}`));
    const shnor = run.picks.shnorByMunicipality.get(m.id) ?? [];
    const profile = MUNICIPAL_PROFILES[m.index] ?? REGIONAL_PROFILE;
    const roadmap = await buildRoadmap(db, actor, {
      template: shnor.length ? MUNICIPAL_ROADMAP : withoutSchoolLevel(MUNICIPAL_ROADMAP),
      orgUnitId: m.id,
      periodYear: run.year,
      subst: { ...run.subst, MUN: m.gen, OMSU: m.omsuName.replace(' (демо)', '') },
      resp: { omsu: m.omsuId, moc: m.mocId },
      targetUnitIds: shnor.map((s) => s.id),
      rng,
      extra: [
        {
          section: 0,
          // M1 and the municipalities behind the plan have not held it yet: an overdue item.
          open: m.index === 0 || profile.setbacks,
          tpl: {
            level: 'municipal',
            measure: 'Совещание с руководителями ШНОР по итогам входной диагностики',
            deadline: dated(run, -6, 'до '),
            responsible: 'Муниципальный координатор',
            resp: ['omsu'],
            indicator: 'Протокол совещания',
          },
        },
        {
          section: 2,
          tpl: {
            level: 'municipal',
            measure: 'Семинар-практикум для заместителей директоров ШНОР «Работа с дефицитными темами ВПР»',
            deadline: dated(run, 12),
            responsible: 'МОЦ',
            resp: ['moc', 'omsu'],
            indicator: 'Не менее 80 % ШНОР приняли участие',
            target: ['gte', 80, '%'],
          },
        },
      ],
    });
    await approveRoadmap(db, actor, roadmap, {
      approvalBody: m.omsuName,
      orderNumber: `${200 + m.index * 7}-од`,
      orderDate: orderDate(run, 10, 3 + m.index),
    });
    addSources(run.sources, roadmap);
    await handleTasks(db, actor, m.id, roadmap, run.sources, decide(run, profile.doneRate, rng));
    const done = await executeRoadmap(run.exec, actor, roadmap, profile, rng);
    const returnOne =
      m.index === 2
        ? 'Не приложен приказ о составе рабочей группы. Прошу доработать и приложить документ.'
        : undefined;
    const reviewed = await review(run.exec, users.main.region, done, { confirm: 0.6, rng, returnOne });
    out.set(m.id, { roadmap, done, returned: reviewed.filter((i) => i.row.confirmation === 'returned') });
  }
  return out;
}

/** Without ШНОР, school-level measures would address every school of the municipality: they are left out. */
function withoutSchoolLevel(t: RoadmapTemplate): RoadmapTemplate {
  return {
    ...t,
    sections: t.sections.map((s) => ({ ...s, items: s.items.filter((i) => i.level !== 'school') })),
  };
}
