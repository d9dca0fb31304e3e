import { Anchor, Group, Paper, Select, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { chartOption, chartSpecSchema } from '../../lib/chart-spec.js';
import type { FigureSource } from '../../modules/reports/report-model.js';
import { EChart } from '../identification/echart.js';
import { useMe } from '../shared/auth.js';
import { FigureSourceButton } from '../shared/figure-source.js';
import { A } from './labels.js';

// What both analysis pages share: the unit and the list year in the address (`?unit=&year=`), so a row
// opens the municipality by a link and the back button returns; a chart with its source.

export function useUnitAndYear(): {
  unitId: string | null;
  year: number | undefined;
  set: (next: { unit?: string; year?: number | null }) => void;
} {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit') ?? me.assignments[0]?.orgUnitId ?? null;
  const y = params.get('year');
  return {
    unitId,
    year: y ? Number(y) : undefined,
    set: (next) => {
      const p = new URLSearchParams(params);
      if (next.unit) p.set('unit', next.unit);
      if (next.year === null) p.delete('year');
      else if (next.year !== undefined) p.set('year', String(next.year));
      setParams(p);
    },
  };
}

export function YearSelect({
  years,
  value,
  onChange,
}: {
  years: number[];
  value: number | null;
  onChange: (y: number) => void;
}) {
  return (
    <Select
      label={A.listYear}
      data={years.map((y) => ({ value: String(y), label: String(y) }))}
      value={value === null ? null : String(value)}
      onChange={(v) => v && onChange(Number(v))}
      w={180}
      allowDeselect={false}
      data-testid="analysis-year"
    />
  );
}

export function ChartCard({
  title,
  spec,
  source,
  testId,
  height = 320,
}: {
  title: string;
  /** a ChartSpec as the API sends it (OpenAPI types tuples as arrays): parsed here */
  spec: object | null;
  source: FigureSource;
  testId: string;
  height?: number;
}) {
  if (!spec) return null;
  return (
    <Paper withBorder p="md">
      <Group gap={6} mb="xs">
        <Text fw={600}>{title}</Text>
        <FigureSourceButton source={source} />
      </Group>
      <EChart option={chartOption(chartSpecSchema.parse(spec))} height={height} testId={testId} />
    </Paper>
  );
}

/** The unit a page is about, its list-year picker and, below the region, the way back up to the region. */
export function UnitYearHeader({
  v,
  onYear,
  regionPath,
  testPrefix,
}: {
  v: { unit: { name: string; kind: string }; years: number[]; year: number | null };
  onYear: (year: number) => void;
  regionPath: string;
  testPrefix: string;
}) {
  return (
    <Group align="flex-end" justify="space-between">
      <Group align="flex-end">
        <Text fw={600} data-testid={`${testPrefix}-unit`}>
          {v.unit.name}
        </Text>
        {v.years.length > 0 && <YearSelect years={v.years} value={v.year} onChange={onYear} />}
      </Group>
      {v.unit.kind === 'municipality' && (
        <Anchor component={Link} to={regionPath} data-testid={`${testPrefix}-to-region`}>
          {A.toRegion}
        </Anchor>
      )}
    </Group>
  );
}
