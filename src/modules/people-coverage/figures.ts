import type { CoverageMetric, IndicatorDirection, SchoolGroup } from '../../db/schema/values.js';
import type { TeacherCounts } from './coverage-sql.js';

// The figures of teachers' support coverage (issue 14 §1): each is a share of two counts of
// coverage-sql.ts, a coverage metric a roadmap indicator can be bound to, and an indicator of the
// catalogue (its targets colour the page's bars). Plain data: the browser reads the labels too.

export type FigureKey =
  | 'diagnosed'
  | 'withDeficits'
  | 'withRoute'
  | 'withMentor'
  | 'mastered'
  | 'routesMastered'
  | 'completedCourse';

export type FigureDef = {
  key: FigureKey;
  metric: CoverageMetric;
  /** the indicator of the catalogue with the same numbers (modules/indicators/catalogue.ts) */
  indicatorCode: string;
  label: string;
  /** more is better, except the share of teachers with deficits */
  direction: IndicatorDirection;
  numerator: keyof TeacherCounts;
  denominator: keyof TeacherCounts;
  /** «откуда эта цифра»: what the numerator and the denominator are */
  rule: string;
};

const DEFICITS =
  'педагоги, у которых в диагностике года уровень итога или хотя бы одного блока — из уровней шкалы, ' +
  'требующих ИОМ (по умолчанию критический и высокий)';

export const FIGURES: readonly FigureDef[] = [
  {
    key: 'diagnosed',
    metric: 'teachers_diagnosed',
    indicatorCode: 'teachers_diagnosed',
    label: 'Прошли диагностику',
    direction: 'higher_better',
    numerator: 'diagnosed',
    denominator: 'teachers',
    rule:
      'Числитель — педагоги реестров, у которых есть результат диагностики профессиональных дефицитов ' +
      'учебного года; знаменатель — педагоги реестров школ группы (работающие сейчас)',
  },
  {
    key: 'withDeficits',
    metric: 'teachers_with_deficits',
    indicatorCode: 'teachers_with_deficits',
    label: 'С критическим или высоким уровнем дефицитов',
    direction: 'lower_better',
    numerator: 'withDeficits',
    denominator: 'diagnosed',
    rule: `Числитель — ${DEFICITS}; знаменатель — продиагностированные педагоги`,
  },
  {
    key: 'withRoute',
    metric: 'deficit_teachers_with_route',
    indicatorCode: 'deficit_teachers_route',
    label: 'Из них с ИОМ',
    direction: 'higher_better',
    numerator: 'withRoute',
    denominator: 'withDeficits',
    rule: `Числитель — из них те, у кого есть ИОМ учебного года (утверждён или дальше, не черновик); знаменатель — ${DEFICITS}`,
  },
  {
    key: 'withMentor',
    metric: 'deficit_teachers_with_mentor',
    indicatorCode: 'deficit_teachers_mentor',
    label: 'Из них с наставником',
    direction: 'higher_better',
    numerator: 'withMentor',
    denominator: 'withDeficits',
    rule: `Числитель — из них те, у кого есть наставническая пара учебного года; знаменатель — ${DEFICITS}`,
  },
  {
    key: 'mastered',
    metric: 'deficit_teachers_mastered',
    indicatorCode: 'deficit_teachers_mastered',
    label: 'Из них освоили ИОМ',
    direction: 'higher_better',
    numerator: 'mastered',
    denominator: 'withDeficits',
    rule: `Числитель — из них те, чей ИОМ учебного года в статусе «освоен»; знаменатель — ${DEFICITS}`,
  },
  {
    key: 'routesMastered',
    metric: 'routes_mastered',
    indicatorCode: 'routes_mastered',
    label: 'ИОМ освоено',
    direction: 'higher_better',
    numerator: 'routesMastered',
    denominator: 'routes',
    rule:
      'Числитель — ИОМ учебного года в статусе «освоен»; знаменатель — все ИОМ учебного года школ группы, ' +
      'кроме черновиков',
  },
  {
    key: 'completedCourse',
    metric: 'teachers_completed_course',
    indicatorCode: 'teachers_completed_course',
    label: 'Завершили курс за год',
    direction: 'higher_better',
    numerator: 'completedCourse',
    denominator: 'teachers',
    rule:
      'Числитель — педагоги реестров, завершившие курс (ПК, ПП, стажировку) в учебном году; знаменатель — ' +
      'педагоги реестров школ группы',
  },
];

export const FIGURE_KEYS = FIGURES.map((f) => f.key) as [FigureKey, ...FigureKey[]];

export const figureOfMetric = (metric: CoverageMetric): FigureDef | undefined =>
  FIGURES.find((f) => f.metric === metric);

export const figureByKey = (key: FigureKey): FigureDef => {
  const f = FIGURES.find((x) => x.key === key);
  if (!f) throw new Error(`unknown figure ${key}`);
  return f;
};

export const GROUP_LABELS: Record<SchoolGroup, string> = {
  all: 'Все школы',
  shnor: 'ШНОР',
  risk_zone: 'Зона риска',
};

/** n of d in percent, one decimal; no base — no share (never 0 % of nothing). */
export const sharePercent = (n: number, d: number): number | null =>
  d > 0 ? Math.round((1000 * n) / d) / 10 : null;
