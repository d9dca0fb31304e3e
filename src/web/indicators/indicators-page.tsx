import { Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../shared/api.js';
import { Query } from '../shared/ui.js';
import { FigureValue, TargetText } from './figure-cell.js';
import { formatBase, type Overview, S } from './labels.js';
import { OwnIndicatorForm } from './own-indicator-form.js';

// «Показатели» (issue 13 §1): every indicator of the region for the user's widest unit (or the one in
// the address) and a year, with target and colour band; a row opens the indicator down the units.

export function IndicatorsPage() {
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId') ?? undefined;
  const year = params.get('year') ? Number(params.get('year')) : undefined;
  const q = useQuery({
    queryKey: ['indicators', unitId, year],
    queryFn: () => unwrap(api.GET('/api/indicators', { params: { query: { unitId, year } } })),
  });
  const setYear = (y: string | null) => {
    if (!y) return;
    const next = new URLSearchParams(params);
    next.set('year', y);
    setParams(next);
  };
  return (
    <Stack>
      <div>
        <Title order={2}>{S.title}</Title>
        <Text size="sm" c="dimmed">
          {S.subtitle}
        </Text>
      </div>
      <Query q={q}>{(o) => <OverviewBody o={o} onYear={setYear} />}</Query>
    </Stack>
  );
}

function OverviewBody({ o, onYear }: { o: Overview; onYear: (y: string | null) => void }) {
  const [adding, setAdding] = useState(false);
  const link = (code: string) => `/indicators/${code}?unitId=${o.unit.id}&year=${o.year}`;
  return (
    <Stack>
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <div>
            <Text size="sm" fw={500}>
              {S.unit}
            </Text>
            <Text fw={600} data-testid="indicators-unit">
              {o.unit.name}
            </Text>
          </div>
          <Select
            label={S.year}
            data={o.years.map((y) => String(y))}
            value={String(o.year)}
            onChange={onYear}
            w={120}
            data-testid="indicators-year"
          />
        </Group>
        {o.canKeep && (
          <Button variant="light" onClick={() => setAdding(true)} data-testid="indicator-add">
            {S.addOwn}
          </Button>
        )}
      </Group>
      <Paper withBorder>
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="xs" highlightOnHover data-testid="indicators-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{S.indicator}</Table.Th>
                <Table.Th w={170}>{S.value}</Table.Th>
                <Table.Th w={150}>{S.base}</Table.Th>
                <Table.Th w={170}>{S.target}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.rows.map((r) => (
                <Table.Tr key={r.indicator.code} data-testid={`indicator-row-${r.indicator.code}`}>
                  <Table.Td>
                    <Anchor component={Link} to={link(r.indicator.code)} fw={500} size="sm">
                      {r.indicator.title}
                    </Anchor>
                    {r.indicator.own && (
                      <Badge
                        ml={6}
                        size="xs"
                        variant="outline"
                        color={r.indicator.own.active ? 'blue' : 'gray'}
                      >
                        {r.indicator.own.active ? S.own : S.inactive}
                      </Badge>
                    )}
                    <Text size="xs" c="dimmed">
                      {r.indicator.definition}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <FigureValue
                      figure={r.figure}
                      unit={r.indicator.unit}
                      source={r.source}
                      testId={`indicator-value-${r.indicator.code}`}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatBase(r.figure)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <TargetText figure={r.figure} unit={r.indicator.unit} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {adding && <OwnIndicatorForm overview={o} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
