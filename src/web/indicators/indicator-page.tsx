import { Anchor, Breadcrumbs, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { currentSchoolYear } from '../../modules/organisation/school-year.js';
import { api, unwrap } from '../shared/api.js';
import { Query } from '../shared/ui.js';
import { Empty } from '../work/empty.js';
import { FigureValue, TargetText } from './figure-cell.js';
import { formatBase, type IndicatorResult, S } from './labels.js';
import { OwnIndicatorCard } from './own-indicator-card.js';
import { TargetsCard } from './targets-card.js';

// One indicator down the units (issue 13 §1): the unit's figure and the table of the units below it; a
// municipality row opens the same page for the municipality, a school row the data behind its figure.

export function IndicatorPage() {
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const unitId = params.get('unitId') ?? '';
  const year = Number(params.get('year') ?? currentSchoolYear());
  const q = useQuery({
    queryKey: ['indicators', code, unitId, year],
    enabled: Boolean(unitId),
    queryFn: () =>
      unwrap(api.GET('/api/indicators/{code}', { params: { path: { code }, query: { unitId, year } } })),
  });
  return <Query q={q}>{(r) => <IndicatorBody r={r} />}</Query>;
}

const rowLink = (r: IndicatorResult, u: IndicatorResult['children'][number]['unit']) =>
  u.kind === 'school'
    ? `/indicators/${r.indicator.code}/data?schoolId=${u.id}&year=${r.year}`
    : `/indicators/${r.indicator.code}?unitId=${u.id}&year=${r.year}`;

function IndicatorBody({ r }: { r: IndicatorResult }) {
  const navigate = useNavigate();
  const { indicator: ind, unit } = r;
  const years = Array.from({ length: 5 }, (_, i) => String(currentSchoolYear() - 4 + i));
  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to={`/indicators?year=${r.year}`} size="sm">
          {S.title}
        </Anchor>
        {r.parent && (
          <Anchor
            component={Link}
            to={`/indicators/${ind.code}?unitId=${r.parent.id}&year=${r.year}`}
            size="sm"
          >
            {r.parent.name}
          </Anchor>
        )}
        <Text size="sm">{unit.unit.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{ind.title}</Title>
          <Text size="sm" c="dimmed" maw={900}>
            {ind.definition} ({S.unitOf[ind.unit]}, {S.direction[ind.direction]})
          </Text>
        </div>
        <Select
          label={S.year}
          data={years}
          value={String(r.year)}
          onChange={(y) => y && navigate(`/indicators/${ind.code}?unitId=${unit.unit.id}&year=${y}`)}
          w={120}
          data-testid="indicator-year"
        />
      </Group>
      <Paper withBorder p="md">
        <Group gap="xl">
          <div>
            <Text size="sm" c="dimmed">
              {unit.unit.name}
            </Text>
            <FigureValue
              figure={unit.figure}
              unit={ind.unit}
              source={r.source}
              testId="indicator-unit-value"
            />
          </div>
          <div>
            <Text size="sm" c="dimmed">
              {S.base}
            </Text>
            <Text fw={500}>{formatBase(unit.figure)}</Text>
          </div>
          <div>
            <Text size="sm" c="dimmed">
              {S.target}
            </Text>
            <TargetText figure={unit.figure} unit={ind.unit} />
          </div>
        </Group>
      </Paper>
      {unit.unit.kind !== 'school' && (
        <Paper withBorder>
          {r.children.length === 0 ? (
            <Empty>{S.noChildren}</Empty>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table highlightOnHover verticalSpacing="xs" data-testid="indicator-children">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{S.children[unit.unit.kind]}</Table.Th>
                    <Table.Th w={180}>{S.value}</Table.Th>
                    <Table.Th w={150}>{S.base}</Table.Th>
                    <Table.Th w={170}>{S.target}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.children.map((c) => (
                    <Table.Tr key={c.unit.id} data-testid={`indicator-child-${c.unit.id}`}>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={rowLink(r, c.unit)}
                          size="sm"
                          data-testid="indicator-child-link"
                        >
                          {c.unit.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <FigureValue figure={c.figure} unit={ind.unit} source={r.source} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatBase(c.figure)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <TargetText figure={c.figure} unit={ind.unit} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      )}
      {unit.unit.kind === 'school' && (
        <Anchor component={Link} to={rowLink(r, unit.unit)} data-testid="indicator-school-data">
          {S.data}
        </Anchor>
      )}
      <OwnIndicatorCard r={r} />
      <TargetsCard r={r} />
    </Stack>
  );
}
