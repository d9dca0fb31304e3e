import { bindDemoCoverage, type DemoBinding } from './demo-org-coverage.js';
import type { DemoRun } from './demo-run.js';

// The demo's roadmap indicators bound to teachers' support coverage (issue 14 §1, §3): measures of the
// regional and municipal roadmaps whose indicator the system can count (demo-content.ts,
// demo-content-local.ts), found by their text; computed once after the other demo steps of support.

export const DEMO_PEOPLE_BINDINGS: DemoBinding[] = [
  // «Информационная справка; продиагностировано не менее 80 % учителей ШНОР» (ЦНППМ, regional).
  {
    measureStarts: 'Диагностика профессиональных дефицитов педагогов ШНОР',
    binding: { metric: 'teachers_diagnosed', group: 'shnor' },
  },
  // «ИОМ для 100 % педагогов с критическим уровнем дефицитов» (ЦНППМ, regional).
  {
    measureStarts: 'Разработка индивидуальных образовательных маршрутов (ИОМ)',
    binding: { metric: 'deficit_teachers_with_route', group: 'shnor' },
  },
  // «Продиагностировано не менее 80 % учителей ШНОР» (municipal roadmaps).
  {
    measureStarts: 'Обеспечение участия педагогов ШНОР в диагностике профессиональных дефицитов',
    binding: { metric: 'teachers_diagnosed', group: 'shnor' },
  },
];

/** Binds the matching items of the region's and municipalities' roadmaps and computes them (one binder). */
export const bindDemoPeopleCoverage = (run: DemoRun): Promise<number> =>
  bindDemoCoverage(run, DEMO_PEOPLE_BINDINGS);
