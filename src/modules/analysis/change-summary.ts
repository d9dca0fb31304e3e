import type { ChartSpec } from '../../lib/chart-spec.js';
import type { ChangeSummaryView, SchoolChangeView } from './views.js';

// Summaries and charts of positive change over a set of schools (a region, a municipality): pure
// functions of the per-school rows, so the page, the report sections and the tests read the same numbers.

const mean = (xs: number[]) => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

export function summarise(
  unit: ChangeSummaryView['unit'],
  rows: SchoolChangeView[],
  nextKnown: boolean,
): ChangeSummaryView {
  const both = rows.filter((r) => r.rBefore !== null && r.rAfter !== null);
  let done = 0;
  let total = 0;
  for (const r of rows) {
    done += r.roadmapDone ?? 0;
    total += r.roadmapTotal ?? 0;
  }
  return {
    unit,
    schools: rows.length,
    withResults: both.length,
    meanBefore: mean(both.map((r) => r.rBefore as number)),
    meanAfter: mean(both.map((r) => r.rAfter as number)),
    meanChange: mean(both.map((r) => r.rChange as number)),
    improved: both.filter((r) => (r.rChange as number) > 0).length,
    left: nextKnown ? rows.filter((r) => r.leftList).length : null,
    stagnating: nextKnown ? rows.filter((r) => r.stagnating).length : null,
    lowBefore: rows.reduce((a, r) => a + (r.lowBefore ?? 0), 0),
    lowAfter: rows.reduce((a, r) => a + (r.lowAfter ?? 0), 0),
    executionShare: total > 0 ? done / total : null,
  };
}

/** R before and after per school, the largest rises first (at most 40 schools: a chart, not a table). */
export function beforeAfterChart(rows: SchoolChangeView[], year: number): ChartSpec | null {
  const shown = rows
    .filter((r) => r.rChange !== null)
    .sort((a, b) => (b.rChange as number) - (a.rChange as number))
    .slice(0, 40);
  if (shown.length === 0) return null;
  return {
    kind: 'bar',
    categories: shown.map((r) => shortName(r.school.name)),
    series: [
      { name: `R ${year}`, values: shown.map((r) => r.rBefore) },
      { name: `R ${year + 1}`, values: shown.map((r) => r.rAfter) },
    ],
    valueFormat: 'share',
    yName: 'R',
  };
}

/** How many schools changed R by how much, in steps of 5 percentage points. */
export function distributionChart(rows: SchoolChangeView[]): ChartSpec | null {
  const changes = rows.map((r) => r.rChange).filter((v): v is number => v !== null);
  if (changes.length === 0) return null;
  const step = 0.05;
  const lo = Math.floor(Math.min(...changes) / step);
  const hi = Math.floor(Math.max(...changes) / step);
  const bins = Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
  const label = (b: number) => `${pp(b * step)}…${pp((b + 1) * step)}`;
  return {
    kind: 'bar',
    categories: bins.map(label),
    series: [
      { name: 'Школ', values: bins.map((b) => changes.filter((c) => Math.floor(c / step) === b).length) },
    ],
    valueFormat: 'number',
    xName: 'Изменение R, п. п.',
    yName: 'Школ',
  };
}

/** Municipalities side by side: mean R before and after. */
export function municipalitiesChart(units: ChangeSummaryView[], year: number): ChartSpec | null {
  const shown = units.filter((u) => u.meanBefore !== null);
  if (shown.length === 0) return null;
  return {
    kind: 'bar',
    categories: shown.map((u) => u.unit.name),
    series: [
      { name: `Среднее R ${year}`, values: shown.map((u) => u.meanBefore) },
      { name: `Среднее R ${year + 1}`, values: shown.map((u) => u.meanAfter) },
    ],
    valueFormat: 'share',
    yName: 'R',
  };
}

const pp = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.round(Math.abs(v) * 100)}`;

/** «МБОУ «СОШ № 3» г. Озёрск» → «СОШ № 3 г. Озёрск»: the axis has little room. */
export function shortName(name: string): string {
  return name
    .replace(/^М[БКА]?[ОУ]+\s+/, '')
    .replace(/[«»"]/g, '')
    .slice(0, 40);
}
