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
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { orderShort } from '../roadmap/format.js';
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
      <Query q={q}>
        {(rows) => {
          const shown = needle
            ? rows.filter((r) => `${r.title} ${r.orgUnit.name}`.toLowerCase().includes(needle))
            : rows;
          if (shown.length === 0) {
            const filtered = Boolean(needle || status || year);
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

function RoadmapList({ rows }: { rows: RoadmapSummary[] }) {
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table withTableBorder verticalSpacing="sm" highlightOnHover>
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th>Название</Table.Th>
            <Table.Th>Организация</Table.Th>
            <Table.Th w={150}>Вид</Table.Th>
            <Table.Th>Период</Table.Th>
            <Table.Th>Статус</Table.Th>
            <Table.Th>Приказ</Table.Th>
            <Table.Th w={210}>Исполнение</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id} data-testid={`roadmap-list-row-${r.id}`}>
              <Table.Td miw={300}>
                <Anchor component={Link} to={`/roadmaps/${r.id}`} size="sm" fw={500}>
                  {r.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.orgUnit.name}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{ROADMAP_KIND_LABELS[r.kind]}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {r.periodLabel}
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
                {r.executionImported && (
                  <Text size="xs" c="dimmed">
                    по данным документа
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {orderShort(r)}
                </Text>
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
