import type { TargetLevel } from '../../db/schema/values.js';
import type { Band } from '../../modules/indicators/band.js';
import type { ApiData } from '../shared/api.js';

// The words and formats of the indicators' pages (issue 13 §1), in one place.

export type Overview = ApiData<'/api/indicators', 'get'>;
export type IndicatorResult = ApiData<'/api/indicators/{code}', 'get'>;
export type IndicatorData = ApiData<'/api/indicators/{code}/data', 'get'>;
export type Indicator = IndicatorResult['indicator'];
export type Figure = IndicatorResult['unit']['figure'];
export type Target = IndicatorResult['targets'][number];

export const S = {
  title: 'Показатели',
  subtitle: 'Значения считаются по данным системы; у каждой цифры — «откуда эта цифра»',
  year: 'Год',
  unit: 'Организация',
  indicator: 'Показатель',
  value: 'Значение',
  base: 'Числитель / знаменатель',
  target: 'Цель',
  own: 'свой',
  inactive: 'отключён',
  addOwn: 'Добавить свой показатель',
  children: { region: 'Муниципалитеты', municipality: 'Школы', school: '', institution: '' },
  up: 'На уровень выше',
  data: 'Данные за цифрой',
  targets: 'Цели',
  addTarget: 'Добавить цель',
  noTargets: 'Цели на этот год не заданы',
  noChildren: 'Ниже нет организаций, которые вам видны',
  noRows: 'Строк, которые учитывает показатель, у школы нет',
  definition: 'Определение',
  saved: 'Сохранено',
  direction: { higher_better: 'лучше больше', lower_better: 'лучше меньше' },
  unitOf: { share: 'доля', count: 'количество', mean: 'среднее' },
} as const;

export const LEVEL_LABELS: Record<TargetLevel, string> = {
  region: 'Регион',
  municipality: 'Муниципалитет',
  school: 'Школа',
};

export const BAND_COLORS: Record<Band, string> = {
  green: 'teal',
  yellow: 'yellow',
  red: 'red',
  none: 'gray',
};
export { BAND_LABELS } from '../../modules/indicators/band.js';

const num = (v: number, digits: number) =>
  v.toLocaleString('ru-RU', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** A figure in the indicator's unit: «12,5 %», «17», «3,42»; no value — a dash. */
export function formatValue(value: number | null, unit: Indicator['unit']): string {
  if (value === null) return '—';
  if (unit === 'share') return `${num(value * 100, 1)} %`;
  return unit === 'count' ? num(value, 0) : num(value, 2);
}

/** «6 из 33» under a share; a count shows its base the same way. */
export const formatBase = (f: Figure): string =>
  f.denominator > 0 ? `${num(f.numerator, 0)} из ${num(f.denominator, 0)}` : 'нет базы';
