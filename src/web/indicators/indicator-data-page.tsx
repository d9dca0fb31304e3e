import { Anchor, Breadcrumbs, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { currentSchoolYear } from '../../modules/organisation/school-year.js';
import { api, unwrap } from '../shared/api.js';
import { FigureSourceButton } from '../shared/figure-source.js';
import { Query } from '../shared/ui.js';
import { Empty } from '../work/empty.js';
import { FigureValue } from './figure-cell.js';
import { formatBase, type IndicatorData, S } from './labels.js';

// The data behind a school's figure (issue 13 §1, DOMAIN §5): the rows the indicator counted for it.

export function IndicatorDataPage() {
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const schoolId = params.get('schoolId') ?? '';
  const year = Number(params.get('year') ?? currentSchoolYear());
  const q = useQuery({
    queryKey: ['indicators', code, 'data', schoolId, year],
    enabled: Boolean(schoolId),
    queryFn: () =>
      unwrap(
        api.GET('/api/indicators/{code}/data', { params: { path: { code }, query: { schoolId, year } } }),
      ),
  });
  return <Query q={q}>{(d) => <DataBody d={d} />}</Query>;
}

function DataBody({ d }: { d: IndicatorData }) {
  const ind = d.indicator;
  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to={`/indicators?year=${d.year}`} size="sm">
          {S.title}
        </Anchor>
        <Anchor
          component={Link}
          to={`/indicators/${ind.code}?unitId=${d.school.id}&year=${d.year}`}
          size="sm"
        >
          {ind.title}
        </Anchor>
        <Text size="sm">{S.data}</Text>
      </Breadcrumbs>
      <div>
        <Title order={2}>{d.school.name}</Title>
        <Text c="dimmed" size="sm">
          {ind.title}, {d.year} г.
        </Text>
      </div>
      <Paper withBorder p="md">
        <Group gap="xl">
          <FigureValue figure={d.figure} unit={ind.unit} source={d.source} testId="data-figure" />
          <Text>{formatBase(d.figure)}</Text>
        </Group>
      </Paper>
      <Paper withBorder p="md">
        <Group gap={6} mb="sm">
          <Title order={4}>{d.table.title}</Title>
          <FigureSourceButton source={d.table.source} testId="data-table-source" />
        </Group>
        {d.table.rows.length === 0 ? (
          <Empty>{S.noRows}</Empty>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="data-table">
              <Table.Thead>
                <Table.Tr>
                  {d.table.columns.map((c) => (
                    <Table.Th key={c}>{c}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.table.rows.map((row, i) => (
                  // Rows have no identity of their own: their order is the server's and fixed.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <Table.Tr key={i}>
                    {row.map((cell, j) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: cells of a fixed column order
                      <Table.Td key={j}>{cell}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
