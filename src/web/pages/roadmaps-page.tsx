import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PastDecisionsCard } from '../reports/past-decisions-card.js';
import { detailsLine, orderShort } from '../roadmap/format.js';
import { ProgressByStatus } from '../roadmap/progress-bar.js';
import { RoadmapFormModal } from '../roadmap/roadmap-form.js';
import { ROADMAP_STATUS_COLORS, S } from '../roadmap/strings.js';
import { api, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { EMPTY } from '../shared/empty-states.js';
import { ROADMAP_KIND_LABELS, ROADMAP_STATUS_LABELS, type RoadmapSummary } from '../shared/types.js';
import { Query } from '../shared/ui.js';

type RoadmapStatus = RoadmapSummary['status'];
const STATUSES: RoadmapStatus[] = ['draft', 'approved', 'archived'];
const STATUS_OPTIONS = Object.entries(ROADMAP_STATUS_LABELS).map(([value, label]) => ({ value, label }));

export function RoadmapsPage() {
  const me = useMe();
  const [status, setStatus] = useState<RoadmapStatus | null>(null);
  const [year, setYear] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [creating, create] = useDisclosure(false);
  const canCreate = me.capabilities.keepsRoadmaps;
  const q = useQuery({
    queryKey: ['roadmaps', { status, year }],
    queryFn: () =>
      unwrap(
        api.GET('/api/roadmaps', {
          params: { query: { status: status ?? undefined, periodYear: year ? Number(year) : undefined } },
        }),
      ),
  });
  // Years come from the unfiltered list so that choosing one does not hide the others.
  const all = useQuery({
    queryKey: ['roadmaps', {}],
    queryFn: () => unwrap(api.GET('/api/roadmaps')),
  });
  const years = [...new Set((all.data ?? []).map((r) => r.periodYear))].sort((a, b) => b - a);
  const needle = search.trim().toLowerCase();
  // «Пробелы» link here with `?unit=<id>`: the roadmaps of that unit only.
  const [params] = useSearchParams();
  const unitId = params.get('unit');
  // The next cycle is planned with the last cycle's управленческие решения in sight (issue 13 §5).
  const decisionsUnit =
    unitId ??
    me.assignments.find((a) => ['regional_operator', 'municipal_coordinator', 'school_team'].includes(a.role))
      ?.orgUnitId;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{S.roadmaps}</Title>
        {canCreate && (
          <Group gap="sm">
            <Button variant="default" component={Link} to="/roadmaps/import" data-testid="roadmap-import">
              Загрузить из файла
            </Button>
            <Button onClick={create.open} data-testid="roadmap-create">
              {S.create}
            </Button>
          </Group>
        )}
      </Group>
      <Group align="flex-end">
        <TextInput
          label="Поиск"
          placeholder="Название или организация"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={320}
        />
        <Select
          label="Статус"
          placeholder="Все"
          data={STATUS_OPTIONS}
          value={status}
          onChange={(v) => setStatus(STATUSES.find((s) => s === v) ?? null)}
          clearable
          w={180}
        />
        <Select
          label="Год периода"
          placeholder="Все"
          data={years.map((y) => ({ value: String(y), label: String(y) }))}
          value={year}
          onChange={setYear}
          clearable
          w={160}
        />
      </Group>
      {decisionsUnit && <PastDecisionsCard unitId={decisionsUnit} />}
      <Query q={q}>
        {(rows) => {
          const ofUnit = unitId ? rows.filter((r) => r.orgUnit.id === unitId) : rows;
          const shown = needle
            ? ofUnit.filter((r) => `${r.title} ${r.orgUnit.name}`.toLowerCase().includes(needle))
            : ofUnit;
          if (shown.length === 0) {
            const filtered = Boolean(needle || status || year || unitId);
            return (
              <Paper withBorder p="xl" data-testid="roadmaps-empty">
                <Text c="dimmed" ta="center">
                  {filtered ? EMPTY.filtered : canCreate ? EMPTY.roadmapsKeeper : EMPTY.visibleRoadmaps}
                </Text>
              </Paper>
            );
          }
          return <RoadmapList rows={shown} />;
        }}
      </Query>
      <RoadmapFormModal opened={creating} onClose={create.close} />
    </Stack>
  );
}

/**
 * Five columns fit the 1 018 px of main area at a 1280 px window: the kind goes with the period and the
 * order with the status, each as a second line, so no column is cut off or hidden.
 */
function RoadmapList({ rows }: { rows: RoadmapSummary[] }) {
  // On a phone the same five facts go into one card per roadmap instead of a table to scroll sideways.
  const phone = useMediaQuery('(max-width: 36em)');
  if (phone) return <RoadmapCards rows={rows} />;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table withTableBorder verticalSpacing="sm" highlightOnHover data-testid="roadmaps-list">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th>Название</Table.Th>
            <Table.Th w={170}>Организация</Table.Th>
            <Table.Th w={160}>Период и вид</Table.Th>
            <Table.Th w={150}>Статус и приказ</Table.Th>
            <Table.Th w={200}>Исполнение</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id} data-testid={`roadmap-list-row-${r.id}`}>
              <Table.Td>
                <Anchor component={Link} to={`/roadmaps/${r.id}`} size="sm" fw={500}>
                  {r.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.orgUnit.name}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.periodLabel}</Text>
                <Text size="xs" c="dimmed">
                  {ROADMAP_KIND_LABELS[r.kind]}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge
                  color={ROADMAP_STATUS_COLORS[r.status]}
                  variant="light"
                  style={{ minWidth: 'max-content' }}
                >
                  {ROADMAP_STATUS_LABELS[r.status]}
                </Badge>
                {(r.orderNumber || r.orderDate) && (
                  <Text size="xs" c="dimmed" mt={4}>
                    приказ {orderShort(r)}
                  </Text>
                )}
                {r.executionImported && (
                  <Text size="xs" c="dimmed">
                    по данным документа
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <ProgressByStatus progress={r.progress} size="sm" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RoadmapCards({ rows }: { rows: RoadmapSummary[] }) {
  return (
    <Stack gap="sm" data-testid="roadmaps-cards">
      {rows.map((r) => (
        <Paper key={r.id} withBorder p="sm" data-testid={`roadmap-list-row-${r.id}`}>
          <Stack gap={6}>
            <Anchor component={Link} to={`/roadmaps/${r.id}`} size="sm" fw={500}>
              {r.title}
            </Anchor>
            <Text size="xs" c="dimmed">
              {detailsLine([r.orgUnit.name, r.periodLabel, ROADMAP_KIND_LABELS[r.kind]])}
            </Text>
            <Group gap="xs">
              <Badge color={ROADMAP_STATUS_COLORS[r.status]} variant="light">
                {ROADMAP_STATUS_LABELS[r.status]}
              </Badge>
              {(r.orderNumber || r.orderDate) && (
                <Text size="xs" c="dimmed">
                  приказ {orderShort(r)}
                </Text>
              )}
            </Group>
            <ProgressByStatus progress={r.progress} size="sm" />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
