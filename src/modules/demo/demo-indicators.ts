import type { TargetLevel } from '../../db/schema/values.js';
import { createIndicatorDefinition } from '../indicators/save-definition.js';
import { createTarget } from '../indicators/save-target.js';
import type { DemoRun } from './demo-run.js';

// The demo region's indicators (issue 13 §1, §6): targets of the catalogue's indicators for the current
// year at the region and municipality levels, and one indicator of its own — the share of «2» in ВПР по
// математике, 4 класс — with its targets. Set by the regional operator's hand, so the history shows them.

/** [code, target (green from), warn (yellow from)] — shares 0…1, in each indicator's direction. */
const TARGETS: [string, number, number][] = [
  ['shnor_exit', 0.25, 0.15],
  ['shnor_stagnation', 0.5, 0.7],
  ['vpr_mark2', 0.08, 0.1],
  ['vpr_confirmed', 0.8, 0.7],
  ['roadmap_on_time', 0.85, 0.6],
  ['coverage_curator', 0.95, 0.8],
  ['coverage_mentor', 0.95, 0.8],
  ['coverage_agreement', 0.9, 0.7],
  ['coverage_roadmap', 0.9, 0.7],
  ['coverage_program', 0.5, 0.3],
  ['high_risks_reduced', 0.5, 0.3],
  ['vpr4_math_mark2', 0.05, 0.08],
];

export const DEMO_OWN_INDICATOR = 'vpr4_math_mark2';

export async function loadDemoIndicators(run: DemoRun): Promise<void> {
  const actor = run.users.main.region;
  const regionId = run.orgs.regionId;
  await createIndicatorDefinition(run.db, {
    actor,
    input: {
      regionId,
      code: DEMO_OWN_INDICATOR,
      title: 'Доля «2» в ВПР по математике, 4 класс',
      block: 'mark2_share',
      params: { assessment: 'ВПР', subject: 'математика', grade: 4 },
      direction: 'lower_better',
      definition:
        'Доля участников ВПР по математике в 4 классе, получивших «2»: раннее отставание, которое ' +
        'региональная программа поддержки начальной школы должна снижать.',
    },
  });
  const levels: TargetLevel[] = ['region', 'municipality'];
  for (const [indicatorCode, target, warn] of TARGETS)
    for (const level of levels)
      await createTarget(run.db, {
        actor,
        input: { regionId, indicatorCode, level, year: run.year, target, warn },
      });
}
