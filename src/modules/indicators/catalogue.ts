import type { IndicatorDirection, IndicatorUnit } from '../../db/schema/values.js';
import { teachersBlock, teachersIndicators } from '../people-coverage/indicator-block.js';
import { type RegisteredBlock, registered } from './block.js';
import { listExitBlock, stagnationBlock } from './blocks-lists.js';
import { confirmedBlock, mark2Block } from './blocks-results.js';
import { roadmapOnTimeBlock } from './blocks-roadmaps.js';
import { coverageBlock, risksReducedBlock } from './blocks-support.js';
import { COVERAGE_METRICS, type CoverageMetricKey } from './coverage-metrics.js';

// The catalogue of indicators that ships with the system (issue 13 §1): each is a building block with its
// parameters, a unit, a direction and the definition users read. A region adds its own indicators from
// the same blocks (indicator_definitions); codes of the catalogue are reserved.

export const BLOCKS: Record<string, RegisteredBlock> = Object.fromEntries(
  [
    registered(listExitBlock),
    registered(stagnationBlock),
    registered(mark2Block),
    registered(confirmedBlock),
    registered(roadmapOnTimeBlock),
    registered(coverageBlock),
    registered(risksReducedBlock),
    registered(teachersBlock),
  ].map((b) => [b.code, b]),
);

export type IndicatorDef = {
  code: string;
  title: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  definition: string;
  block: string;
  params: Record<string, string | number>;
  /** a region's own indicator: its row id and version; null for the catalogue's */
  own: { id: string; version: number; active: boolean } | null;
};

const cat = (d: Omit<IndicatorDef, 'own' | 'unit'> & { unit?: IndicatorUnit }): IndicatorDef => ({
  unit: 'share',
  ...d,
  own: null,
});

const coverage = (metric: CoverageMetricKey, code: string, title: string): IndicatorDef =>
  cat({
    code,
    title,
    direction: 'higher_better',
    definition: `Доля ШНОР списка в силе на учебный год, у которых ${COVERAGE_METRICS[metric].title}.`,
    block: 'coverage',
    params: { metric },
  });

export const CATALOGUE: IndicatorDef[] = [
  cat({
    code: 'shnor_exit',
    title: 'Доля ШНОР, вышедших из списка',
    direction: 'higher_better',
    definition:
      'Доля школ списка ШНОР прошлого года, которых нет в списке этого года (утверждённом, а до утверждения — в черновике).',
    block: 'list_exit',
    params: {},
  }),
  cat({
    code: 'shnor_stagnation',
    title: 'Доля стагнирующих ШНОР',
    direction: 'lower_better',
    definition:
      'Доля школ списка ШНОР года, которые находятся в списке несколько лет подряд (стагнация по методике региона).',
    block: 'stagnation',
    params: {},
  }),
  cat({
    code: 'vpr_mark2',
    title: 'Доля участников ВПР с отметкой «2»',
    direction: 'lower_better',
    definition:
      'Доля участников всероссийских проверочных работ года (все предметы и классы), получивших «2».',
    block: 'mark2_share',
    params: { assessment: 'ВПР' },
  }),
  cat({
    code: 'vpr_confirmed',
    title: 'Доля отметок ВПР, подтверждённых отметками за четверть',
    direction: 'higher_better',
    definition:
      'Доля участников ВПР, чья отметка за работу совпала с отметкой за четверть (триместр): признак объективности.',
    block: 'confirmed_share',
    params: { assessment: 'ВПР' },
  }),
  cat({
    code: 'roadmap_on_time',
    title: 'Исполнение мероприятий дорожных карт в срок',
    direction: 'higher_better',
    definition:
      'Доля мероприятий утверждённых дорожных карт года, срок которых прошёл, выполненных не позже срока.',
    block: 'roadmap_on_time',
    params: {},
  }),
  coverage('withCurator', 'coverage_curator', 'Доля ШНОР с куратором'),
  coverage('withMentor', 'coverage_mentor', 'Доля ШНОР со школой-наставником'),
  coverage('withAgreement', 'coverage_agreement', 'Доля ШНОР с сетевым соглашением'),
  coverage('withRoadmap', 'coverage_roadmap', 'Доля ШНОР с утверждённой дорожной картой'),
  coverage('withProgram', 'coverage_program', 'Доля ШНОР с утверждённой программой'),
  coverage('withVerifiedProfile', 'coverage_profile', 'Доля ШНОР с верифицированным рисковым профилем'),
  cat({
    code: 'high_risks_reduced',
    title: 'Доля снижённых высоких рисков',
    direction: 'higher_better',
    definition:
      'Из высоких рисков школ по исходному анкетированию — доля тех, что при повторном анкетировании года стали ниже.',
    block: 'high_risks_reduced',
    params: {},
  }),
  // Support of teachers (issue 14 §1, modules/people-coverage).
  ...teachersIndicators(cat),
];

export const CATALOGUE_CODES = new Set(CATALOGUE.map((d) => d.code));
