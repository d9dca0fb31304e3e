import {
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { WORDS } from '../../lib/counted.js';
import { countLabel } from '../../lib/plural.js';
import { api, apiHref, unwrap } from '../shared/api.js';
import { FigureSourceButton } from '../shared/figure-source.js';
import { Query } from '../shared/ui.js';
import { Empty } from '../work/empty.js';
import { FigureBar } from './figure-bar.js';
import { type PeopleCoverage, S } from './strings.js';

// «Охват поддержки педагогов» (issue 14 §1): the figures of the reader's unit and of each unit below it,
// by group of schools and school year; a unit's name drills down (region → municipality → school).

type Filters = { unitId?: string; year?: number; group?: 'all' | 'shnor' | 'risk_zone' };

const hrefOf = (f: Filters) => {
  const p = new URLSearchParams();
  if (f.unitId) p.set('unitId', f.unitId);
  if (f.year) p.set('year', String(f.year));
  if (f.group && f.group !== 'all') p.set('group', f.group);
  const s = p.toString();
  return `/people-coverage${s ? `?${s}` : ''}`;
};

export function PeopleCoveragePage() {
  const [params] = useSearchParams();
  const g = params.get('group');
  const filters: Filters = {
    unitId: params.get('unitId') ?? undefined,
    year: params.get('year') ? Number(params.get('year')) : undefined,
    group: g === 'shnor' || g === 'risk_zone' ? g : 'all',
  };
  const q = useQuery({
    queryKey: ['people-coverage', filters],
    queryFn: () => unwrap(api.GET('/api/people-coverage', { params: { query: filters } })),
  });
  return <Query q={q}>{(v) => <Body v={v} />}</Query>;
}

function Body({ v }: { v: PeopleCoverage }) {
  const navigate = useNavigate();
  const here = { unitId: v.unit.unit.id, year: v.year, group: v.group };
  const go = (f: Partial<Filters>) => navigate(hrefOf({ ...here, ...f }));
  return (
    <Stack>
      <Breadcrumbs>
        {v.parent && (
          <Anchor
            component={Link}
            to={hrefOf({ ...here, unitId: v.parent.id })}
            size="sm"
            data-testid="pc-up"
          >
            {v.parent.name}
          </Anchor>
        )}
        <Text size="sm">{v.unit.unit.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>
            {S.title}: {v.unit.unit.name}
          </Title>
          <Text size="sm" c="dimmed">
            {S.subtitle}
          </Text>
        </div>
        <Group align="flex-end">
          <Select
            label={S.group}
            data={S.groups}
            value={v.group}
            onChange={(x) => x && go({ group: x as Filters['group'] })}
            w={240}
            allowDeselect={false}
            data-testid="pc-group"
          />
          <Select
            label={S.year}
            data={v.years.map((y) => ({
              value: String(y),
              label: `${y}/${String((y + 1) % 100).padStart(2, '0')}`,
            }))}
            value={String(v.year)}
            onChange={(x) => x && go({ year: Number(x) })}
            w={120}
            allowDeselect={false}
            data-testid="pc-year"
          />
          <Button
            component="a"
            href={apiHref('/api/people-coverage/export', { query: here })}
            download
            variant="default"
            data-testid="pc-export"
          >
            {S.export}
          </Button>
        </Group>
      </Group>
      <Text size="sm" data-testid="pc-group-text">
        {v.groupText}; {v.yearLabel}. {S.teachers}: {v.unit.teachers}
        {v.unit.unit.kind !== 'school' && `, ${countLabel(v.unit.schools, WORDS.school)}`}
      </Text>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} data-testid="pc-unit">
          {v.definitions.map((d, i) => {
            const f = v.unit.figures[i];
            return (
              f && (
                <Stack key={d.key} gap={4}>
                  <Group gap={4} wrap="nowrap" justify="space-between">
                    <Text size="sm">{d.label}</Text>
                    <FigureSourceButton source={d.source} testId={`pc-source-${d.key}`} />
                  </Group>
                  <FigureBar figure={f} testId={`pc-unit-${d.key}`} />
                </Stack>
              )
            );
          })}
        </SimpleGrid>
      </Paper>
      {v.unit.unit.kind !== 'school' && <Children v={v} here={here} />}
    </Stack>
  );
}

function Children({ v, here }: { v: PeopleCoverage; here: Filters }) {
  if (v.children.length === 0) return <Empty>{S.noChildren}</Empty>;
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={1100}>
        <Table highlightOnHover verticalSpacing="xs" data-testid="pc-children">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{S.children[v.unit.unit.kind]}</Table.Th>
              <Table.Th>{S.teachers}</Table.Th>
              {v.definitions.map((d) => (
                <Table.Th key={d.key}>{d.label}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {v.children.map((c) => (
              <Table.Tr key={c.unit.id} data-testid={`pc-child-${c.unit.id}`}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={hrefOf({ ...here, unitId: c.unit.id })}
                    size="sm"
                    data-testid="pc-child-link"
                  >
                    {c.unit.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{c.teachers}</Table.Td>
                {c.figures.map((f) => (
                  <Table.Td key={f.key}>
                    <FigureBar figure={f} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
