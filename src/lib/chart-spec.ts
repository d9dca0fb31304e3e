import { z } from 'zod';

// One description of a chart for the browser and for documents (issue 13): a page draws it with
// ECharts in the browser, an analytic report renders the same option to SVG on the server. A chart is
// data, so a report stores it and a test reads it; the look is decided once, in `chartOption`.

export const chartSpecSchema = z.object({
  kind: z.enum(['bar', 'line', 'scatter']),
  title: z.string().max(300).optional(),
  /** the categories of the x axis (years, municipalities, schools); not used by 'scatter' */
  categories: z.array(z.string().max(300)).max(500).default([]),
  series: z
    .array(
      z.object({
        name: z.string().max(300),
        /** one value per category (null: no value); for 'scatter' pairs [x, y] */
        values: z.array(z.union([z.number(), z.null(), z.tuple([z.number(), z.number()])])).max(5000),
      }),
    )
    .max(12),
  /** 'share': values are shares 0…1 shown as percent */
  valueFormat: z.enum(['share', 'number']).default('number'),
  xName: z.string().max(100).optional(),
  yName: z.string().max(100).optional(),
  /** bars side by side (default) or stacked */
  stacked: z.boolean().optional(),
});
export type ChartSpec = z.infer<typeof chartSpecSchema>;

const PALETTE = ['#1c7ed6', '#e8590c', '#2f9e44', '#ae3ec9', '#f08c00', '#0c8599', '#c2255c', '#5c940d'];

const formatValue = (format: ChartSpec['valueFormat']) => (v: number) =>
  format === 'share' ? `${(v * 100).toFixed(0)} %` : String(Math.round(v * 100) / 100).replace('.', ',');

/** The ECharts option of a chart (no animation: a server rendering takes the first frame). */
export function chartOption(spec: ChartSpec): Record<string, unknown> {
  const fmt = formatValue(spec.valueFormat);
  const scatter = spec.kind === 'scatter';
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: 'Roboto, Liberation Sans, Arial, sans-serif' },
    title: spec.title ? { text: spec.title, left: 'center', textStyle: { fontSize: 14 } } : undefined,
    tooltip: { trigger: scatter ? 'item' : 'axis' },
    legend: spec.series.length > 1 ? { bottom: 0 } : undefined,
    grid: {
      left: 56,
      right: 24,
      top: spec.title ? 40 : 16,
      bottom: spec.series.length > 1 ? 56 : 32,
      containLabel: true,
    },
    xAxis: scatter
      ? { type: 'value', name: spec.xName, axisLabel: { formatter: fmt } }
      : {
          type: 'category',
          name: spec.xName,
          data: spec.categories,
          axisLabel: { interval: 0, hideOverlap: true },
        },
    yAxis: { type: 'value', name: spec.yName, axisLabel: { formatter: fmt } },
    series: spec.series.map((s) => ({
      name: s.name,
      type: spec.kind,
      data: s.values,
      stack: spec.stacked ? 'all' : undefined,
      symbolSize: scatter ? 6 : undefined,
    })),
  };
}
