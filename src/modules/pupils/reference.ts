import type {
  PupilCategory,
  PupilExclusionReason,
  PupilMeasureKind,
  PupilStatus,
} from '../../db/schema/values.js';

// Reference data of the registry of pupils at risk (issue 14 §2): the four groups of causes of academic
// failure with their common sub-causes, the names of categories, statuses, measures and reasons, and
// the default checkpoints of a school year. Written here, in Russian, once for the API and the pages.

export const CAUSE_GROUPS = {
  pedagogical: {
    name: 'Педагогические',
    causes: {
      gaps: 'Пробелы в знаниях предыдущих лет',
      skills: 'Несформированность общеучебных умений и навыков',
      motivation: 'Низкая учебная мотивация',
      absences: 'Пропуски занятий',
      methods: 'Несоответствие методов обучения особенностям обучающегося',
    },
  },
  social: {
    name: 'Социально-бытовые',
    causes: {
      family: 'Неблагополучная обстановка в семье',
      control: 'Отсутствие контроля со стороны родителей',
      conditions: 'Неудовлетворительные условия для учёбы дома',
      language: 'Иная языковая среда в семье',
    },
  },
  physiological: {
    name: 'Физиологические',
    causes: {
      health: 'Частые болезни, ослабленное здоровье',
      fatigue: 'Повышенная утомляемость',
      development: 'Особенности развития (ОВЗ)',
    },
  },
  psychological: {
    name: 'Психологические',
    causes: {
      attention: 'Недостаточное развитие внимания и памяти',
      thinking: 'Особенности мышления',
      anxiety: 'Повышенная тревожность',
      emotional: 'Эмоционально-волевые трудности',
      relations: 'Трудности в отношениях с учителями и сверстниками',
    },
  },
} as const;

export type CauseGroup = keyof typeof CAUSE_GROUPS;
export const CAUSE_GROUP_KEYS = Object.keys(CAUSE_GROUPS) as CauseGroup[];

/** Every sub-cause as «group.cause». */
export const CAUSE_KEYS: string[] = CAUSE_GROUP_KEYS.flatMap((g) =>
  Object.keys(CAUSE_GROUPS[g].causes).map((c) => `${g}.${c}`),
);

export const causeGroupOf = (key: string): CauseGroup | null => {
  const g = key.split('.')[0] as CauseGroup;
  return g in CAUSE_GROUPS ? g : null;
};

export function causeName(key: string): string {
  const [g, c] = key.split('.') as [CauseGroup, string];
  const causes = CAUSE_GROUPS[g]?.causes as Record<string, string> | undefined;
  return causes?.[c] ?? key;
}

export const CATEGORY_NAMES: Record<PupilCategory, string> = {
  failing: 'Неуспевающий',
  weak: 'Слабоуспевающий',
  at_risk: 'Риск учебной неуспешности',
};

export const STATUS_NAMES: Record<PupilStatus, string> = { ...CATEGORY_NAMES, succeeding: 'Успевает' };

/** The higher, the worse: dynamics compare these. */
export const STATUS_RANK: Record<PupilStatus, number> = { succeeding: 0, at_risk: 1, weak: 2, failing: 3 };

export const EXCLUSION_NAMES: Record<PupilExclusionReason, string> = {
  improved: 'Улучшил результаты',
  moved: 'Выбыл из школы',
  graduated: 'Окончил обучение',
  other: 'Иная причина',
};

export const MEASURE_NAMES: Record<PupilMeasureKind, string> = {
  trajectory: 'Индивидуальная образовательная траектория',
  pupil_pair: 'Наставническая пара «ученик–ученик»',
  teacher_pair: 'Наставническая пара «учитель–ученик»',
  extra_lessons: 'Дополнительные занятия',
  parent_consultation: 'Консультация родителей',
  psych_help: 'Психолого-педагогическая помощь',
};

export const DYNAMICS = ['improved', 'same', 'worse', 'left'] as const;
export type Dynamics = (typeof DYNAMICS)[number];
export const DYNAMICS_NAMES: Record<Dynamics, string> = {
  improved: 'Улучшили',
  same: 'Без изменений',
  worse: 'Ухудшили',
  left: 'Выбыли из реестра',
};

/** Dynamics of one pupil from one checkpoint to the next (null: no result at the later one yet). */
export function dynamicsOf(before: PupilStatus, after: PupilStatus | null, left: boolean): Dynamics | null {
  if (left) return 'left';
  if (after === null) return null;
  const d = STATUS_RANK[after] - STATUS_RANK[before];
  return d < 0 ? 'improved' : d > 0 ? 'worse' : 'same';
}

export type Checkpoint = { key: string; name: string; date: string; sort: number };

/** The default checkpoints of the school year starting in `year`: October, the ends of the four terms, July. */
export function defaultCheckpoints(year: number): Checkpoint[] {
  const y = String(year);
  const n = String(year + 1);
  return [
    { key: 'oct', name: 'Октябрь', date: `${y}-10-01`, sort: 1 },
    { key: 'q1', name: 'Конец I четверти', date: `${y}-10-27`, sort: 2 },
    { key: 'q2', name: 'Конец II четверти', date: `${y}-12-27`, sort: 3 },
    { key: 'q3', name: 'Конец III четверти', date: `${n}-03-21`, sort: 4 },
    { key: 'q4', name: 'Конец IV четверти', date: `${n}-05-26`, sort: 5 },
    { key: 'jul', name: 'Июль', date: `${n}-07-01`, sort: 6 },
  ];
}

/** «7Б» → 7 */
export function gradeOf(classLabel: string): number | null {
  const m = /^(\d{1,2})/.exec(classLabel.trim());
  const g = m ? Number(m[1]) : Number.NaN;
  return g >= 1 && g <= 11 ? g : null;
}
