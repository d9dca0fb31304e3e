import { useMemo } from 'react';
import { type ChartOption, EChart } from './echart.js';
import { fmtNum } from './strings.js';
import type { Indicators, SchoolCard } from './types.js';

const ru = (v: number) => v.toLocaleString('ru-RU', { maximumFractionDigits: 3 });

const COLORS = { school: '#e8590c', cluster: '#1c7ed6', region: '#868e96' };
const METRICS: { key: keyof Indicators; title: string; digits: number }[] = [
  { key: 'r', title: 'Индекс результатов R', digits: 3 },
  { key: 'isbsh', title: 'ИСБШ', digits: 2 },
  { key: 'lowShareAvg', title: 'Средняя доля «2»', digits: 3 },
];

/** The school against its cluster and the region: R, ИСБШ and the mean share of «2», one panel each. */
export function IndicatorsChart({ ind }: { ind: NonNullable<SchoolCard['indicators']> }) {
  const option = useMemo<ChartOption>(() => {
    const groups = [
      { name: 'Школа', color: COLORS.school, v: ind.school },
      { name: 'Среднее по кластеру', color: COLORS.cluster, v: ind.cluster },
      { name: 'Среднее по региону', color: COLORS.region, v: ind.region },
    ];
    const w = 100 / METRICS.length;
    return {
      tooltip: { trigger: 'item' },
      legend: { top: 0 },
      grid: METRICS.map((_, i) => ({ left: `${i * w + 5}%`, width: `${w - 9}%`, top: 60, bottom: 30 })),
      title: [],
      xAxis: METRICS.map((m, i) => ({
        type: 'category',
        gridIndex: i,
        data: [m.title],
        axisTick: { show: false },
      })),
      yAxis: METRICS.map((m, i) => ({
        type: 'value',
        gridIndex: i,
        scale: m.key === 'isbsh',
        axisLabel: { fontSize: 10, formatter: ru },
      })),
      series: METRICS.flatMap((m, i) =>
        groups.map((g) => ({
          type: 'bar',
          name: g.name,
          xAxisIndex: i,
          yAxisIndex: i,
          itemStyle: { color: g.color },
          barMaxWidth: 36,
          label: {
            show: true,
            position: 'top',
            fontSize: 10,
            formatter: (p: { value: unknown }) =>
              typeof p.value === 'number' ? fmtNum(p.value, m.digits) : '—',
          },
          data: [g.v?.[m.key] ?? null],
        })),
      ),
    };
  }, [ind]);
  return <EChart option={option} height={300} testId="school-indicators-chart" />;
}

/** R over the years, ШНОР years marked in red. */
export function ResultIndexChart({ years }: { years: SchoolCard['years'] }) {
  const option = useMemo<ChartOption>(() => {
    const sorted = [...years].sort((a, b) => a.year - b.year);
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 50, right: 20, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: sorted.map((y) => String(y.year)) },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: ru } },
      series: [
        {
          type: 'line',
          name: 'R',
          data: sorted.map((y) => ({
            value: y.resultIndex,
            itemStyle: { color: y.flags.shnor ? '#e03131' : COLORS.cluster },
            symbolSize: y.flags.shnor ? 12 : 8,
          })),
          lineStyle: { color: COLORS.cluster },
          connectNulls: true,
          label: {
            show: true,
            fontSize: 10,
            formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? fmtNum(p.value, 3) : ''),
          },
        },
      ],
    };
  }, [years]);
  return <EChart option={option} height={240} testId="school-r-chart" />;
}
