import type { ApiData } from '../shared/api.js';

// Strings and formats of «Позитивные изменения» and «Эффект поддержки» (issue 13 §3–4).

export type PositiveChange = ApiData<'/api/analysis/positive-change', 'get'>;
export type Effect = ApiData<'/api/analysis/effect', 'get'>;
export type SchoolChange = PositiveChange['schools'][number];

export const A = {
  changeTitle: 'Позитивные изменения',
  effectTitle: 'Эффект поддержки',
  unit: 'Организация',
  listYear: 'Список ШНОР года',
  toRegion: 'К региону',
  school: 'Школа',
  municipality: 'Муниципалитет',
  schools: 'ШНОР',
  withResults: 'С R в обоих годах',
  meanR: (y: number) => `Среднее R ${y}`,
  meanChange: 'Изменение R',
  improved: 'R вырос',
  left: 'Вышли из списка',
  stagnating: 'Снова в списке',
  low: 'Низких процедур',
  execution: 'Исполнение карт',
  risks: 'Высоких рисков',
  programs: 'Программ',
  roadmap: 'Карта школы',
  procedures: 'Доля «2» по процедурам',
  beforeAfter: 'R до и после по школам (40 с наибольшим ростом)',
  distribution: 'Распределение изменений R',
  municipalitiesChart: 'Муниципалитеты: среднее R до и после',
  yes: 'да',
  no: 'нет',
  naive: 'Простое «до и после»',
  honest: 'Эффект поддержки (разность разностей)',
  interval: '95 % интервал',
  treated: 'Поддержанных школ',
  comparison: 'Школ сравнения',
  pool: 'из неподдержанных',
  eventStudy: 'Среднее R по годам: поддержанные и похожие неподдержанные школы',
  balance: 'Баланс групп до поддержки',
  covariate: 'Показатель',
  treatedMean: 'Поддержанные',
  poolMean: 'Все неподдержанные',
  matchedMean: 'Подобранные',
  smdBefore: 'Разность до подбора',
  smdAfter: 'Разность после',
  adjustment: 'Поправка регрессией на оставшиеся различия',
  byMunicipality: 'По муниципалитетам',
  tooFew: 'мало школ для оценки',
  methodology: 'Как считается',
  notes: 'Оговорки',
  significant: 'интервал не включает ноль',
  notSignificant: 'интервал включает ноль',
  elapsed: (ms: number) => `рассчитано за ${ms.toLocaleString('ru-RU')} мс`,
  openEffect: 'Оценка для муниципалитета',
} as const;

/** A share 0…1 as percent with one decimal: 0,532 → «53,2 %». */
export const percent = (v: number | null | undefined) =>
  v === null || v === undefined
    ? '—'
    : `${(v * 100).toLocaleString('ru-RU', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;

/** A change in units of R as signed percentage points: +0,045 → «+4,5 п. п.». */
export const points = (v: number | null | undefined) =>
  v === null || v === undefined
    ? '—'
    : `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v * 100).toLocaleString('ru-RU', {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      })} п. п.`;

/** A standardised difference with two decimals. */
export const smd = (v: number) =>
  v.toLocaleString('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
