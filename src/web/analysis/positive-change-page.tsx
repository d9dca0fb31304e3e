import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { FigureSource } from '../../modules/reports/report-model.js';
import { api, unwrap } from '../shared/api.js';
import { FigureSourceButton } from '../shared/figure-source.js';
import { Query } from '../shared/ui.js';
import { A, type PositiveChange, percent, points } from './labels.js';
import { SchoolTable } from './school-change-table.js';
import { ChartCard, UnitYearHeader, useUnitAndYear } from './shared.js';

// «Позитивные изменения» (issue 13 §3): the schools of a year's ШНОР list in the next year — a region sees
// its municipalities (a row opens the municipality), a municipality or a curator his schools (a row opens
// the school card); summaries, charts, and the source of every figure.

export function PositiveChangePage() {
  const { unitId, year, set } = useUnitAndYear();
  const change = useQuery({
    queryKey: ['analysis-positive-change', unitId, year],
    enabled: Boolean(unitId),
    queryFn: () =>
      unwrap(
        api.GET('/api/analysis/positive-change', {
          params: { query: { unitId: unitId ?? '', ...(year !== undefined && { year }) } },
        }),
      ),
  });
  return (
    <Stack>
      <Title order={2}>{A.changeTitle}</Title>
      <Query q={change}>
        {(c) => (
          <>
            <UnitYearHeader
              v={c}
              onYear={(y) => set({ year: y })}
              regionPath="/analysis/positive-change"
              testPrefix="change"
            />
            <ChangeBody c={c} />
          </>
        )}
      </Query>
    </Stack>
  );
}

function Stat({
  label,
  value,
  source,
  testId,
}: {
  label: string;
  value: string;
  source: FigureSource;
  testId: string;
}) {
  return (
    <Paper withBorder p="sm">
      <Group gap={6}>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        <FigureSourceButton source={source} />
      </Group>
      <Text size="lg" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

function ChangeBody({ c }: { c: PositiveChange }) {
  const s = c.summary;
  const src = c.sources;
  if (!s || !src || c.year === null) {
    return (
      <Alert color="gray" data-testid="change-message">
        {c.message}
      </Alert>
    );
  }
  const T = c.year;
  return (
    <>
      <Text size="sm" c="dimmed" data-testid="change-basis">
        Список ШНОР {T} года{c.list?.orderNumber ? ` (приказ № ${c.list.orderNumber})` : ''}; результаты {T} →{' '}
        {T + 1} года. Выход из списка и повторное включение — по {c.nextListBasis}.
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4, lg: 6 }}>
        <Stat label={A.schools} value={String(s.schools)} source={src.left} testId="change-schools" />
        <Stat label={A.meanR(T)} value={percent(s.meanBefore)} source={src.r} testId="change-before" />
        <Stat label={A.meanR(T + 1)} value={percent(s.meanAfter)} source={src.r} testId="change-after" />
        <Stat
          label={A.left}
          value={s.left === null ? '—' : String(s.left)}
          source={src.left}
          testId="change-left"
        />
        <Stat
          label={A.stagnating}
          value={s.stagnating === null ? '—' : String(s.stagnating)}
          source={src.left}
          testId="change-stagnating"
        />
        <Stat
          label={A.execution}
          value={percent(s.executionShare)}
          source={src.execution}
          testId="change-execution"
        />
      </SimpleGrid>
      {c.units.length > 0 && <Municipalities c={c} source={src.r} />}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ChartCard
          title={A.beforeAfter}
          spec={c.charts.beforeAfter}
          source={src.r}
          testId="change-chart-before-after"
        />
        <ChartCard
          title={A.distribution}
          spec={c.charts.distribution}
          source={src.r}
          testId="change-chart-distribution"
        />
      </SimpleGrid>
      <ChartCard
        title={A.municipalitiesChart}
        spec={c.charts.municipalities}
        source={src.r}
        testId="change-chart-municipalities"
      />
      {c.unit.kind !== 'region' && <SchoolTable c={c} />}
    </>
  );
}

function Municipalities({ c, source }: { c: PositiveChange; source: FigureSource }) {
  const T = c.year ?? 0;
  return (
    <Paper withBorder p="md">
      <Group gap={6} mb="xs">
        <Text fw={600}>По муниципалитетам</Text>
        <FigureSourceButton source={source} />
      </Group>
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover data-testid="change-municipalities">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{A.municipality}</Table.Th>
              <Table.Th>{A.schools}</Table.Th>
              <Table.Th>{A.meanR(T)}</Table.Th>
              <Table.Th>{A.meanR(T + 1)}</Table.Th>
              <Table.Th>{A.meanChange}</Table.Th>
              <Table.Th>{A.improved}</Table.Th>
              <Table.Th>{A.left}</Table.Th>
              <Table.Th>{A.stagnating}</Table.Th>
              <Table.Th>{A.low}</Table.Th>
              <Table.Th>{A.execution}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.units.map((u) => (
              <Table.Tr key={u.unit.id} data-testid="change-municipality-row">
                <Table.Td>
                  <Anchor component={Link} to={`/analysis/positive-change?unit=${u.unit.id}&year=${T}`}>
                    {u.unit.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{u.schools}</Table.Td>
                <Table.Td>{percent(u.meanBefore)}</Table.Td>
                <Table.Td>{percent(u.meanAfter)}</Table.Td>
                <Table.Td>
                  <Text
                    size="sm"
                    fw={600}
                    c={(u.meanChange ?? 0) > 0 ? 'teal.8' : 'red.8'}
                    style={{ whiteSpace: 'nowrap' }}
                  >
                    {points(u.meanChange)}
                  </Text>
                </Table.Td>
                <Table.Td>{u.improved}</Table.Td>
                <Table.Td>{u.left ?? '—'}</Table.Td>
                <Table.Td>{u.stagnating ?? '—'}</Table.Td>
                <Table.Td>
                  {u.lowBefore} → {u.lowAfter}
                </Table.Td>
                <Table.Td>{percent(u.executionShare)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
