import type { IndicatorDirection, TargetLevel } from '../../db/schema/values.js';

// THE colour band of a figure against its target (issue 13 §1), as the federal scoring of regional
// roadmaps colours them: green from `target`, yellow from `warn`, red beyond — «from» in the indicator's
// direction. Monitoring and reports colour their figures with this function too.

export type Band = 'green' | 'yellow' | 'red' | 'none';

/** A band in words: the pages, the monitorings and the reports say the same. */
export const BAND_LABELS: Record<Band, string> = {
  green: 'цель достигнута',
  yellow: 'близко к цели',
  red: 'ниже порога',
  none: 'цели нет',
};
export type TargetBands = { target: number; warn: number };

export function bandOf(
  value: number | null,
  target: TargetBands | null,
  direction: IndicatorDirection,
): Band {
  if (value === null || !Number.isFinite(value) || !target) return 'none';
  const better = (a: number, b: number) => (direction === 'higher_better' ? a >= b : a <= b);
  if (better(value, target.target)) return 'green';
  if (better(value, target.warn)) return 'yellow';
  return 'red';
}

/** A yellow band that lies beyond the green one is a typo: «warn» must be on the worse side of «target». */
export const bandsConsistent = (t: TargetBands, direction: IndicatorDirection): boolean =>
  direction === 'higher_better' ? t.warn <= t.target : t.warn >= t.target;

export type StoredTarget = TargetBands & {
  id: string;
  indicatorCode: string;
  level: TargetLevel;
  orgUnitId: string | null;
  year: number;
};

/** The level of government of a unit kind (institutions have no targets of their own). */
export const levelOfKind = (kind: string): TargetLevel | null =>
  kind === 'region' || kind === 'municipality' || kind === 'school' ? kind : null;

/** The target that applies to a unit: its own first, else the one of its level. */
export function targetFor(
  targets: StoredTarget[],
  code: string,
  unit: { id: string; kind: string },
  year: number,
): StoredTarget | null {
  const level = levelOfKind(unit.kind);
  const of = targets.filter((t) => t.indicatorCode === code && t.year === year && t.level === level);
  return of.find((t) => t.orgUnitId === unit.id) ?? of.find((t) => t.orgUnitId === null) ?? null;
}
