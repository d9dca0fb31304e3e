import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ApiData } from '../shared/api.js';
import { formatDate } from '../shared/ui.js';

// A computed monitoring's table (a row per participant, its figures) and one participant's records
// behind its row (for roadmap execution, its measures): every number opens to what it is made of.

type Detail = ApiData<'/api/monitorings/{id}', 'get'>;
type Computed = NonNullable<Detail['computed']>;
type UnitDetail = NonNullable<ApiData<'/api/monitorings/{id}/units/{unitId}', 'get'>['detail']>;

const share = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${Math.round(x * 100)} %`;

export function ComputedTable({ m, computed }: { m: Detail; computed: Computed }) {
  const names = new Map(m.participants.map((p) => [p.unitId, p.name]));
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {computed.note}
      </Text>
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover withTableBorder data-testid="computed-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Участник</Table.Th>
              {computed.columns.map((c) => (
                <Table.Th key={c.key} ta="right">
                  {c.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {computed.rows.map((r) => (
              <Table.Tr key={r.unitId}>
                <Table.Td miw={200}>
                  <Anchor component={Link} to={`/monitorings/${m.id}/units/${r.unitId}`}>
                    {names.get(r.unitId) ?? r.unitId}
                  </Anchor>
                </Table.Td>
                {computed.columns.map((c) => (
                  <Table.Td
                    key={c.key}
                    ta="right"
                    c={c.key === 'overdue' && (r.values[c.key] ?? 0) > 0 ? 'red' : undefined}
                  >
                    {c.unit === 'share' ? share(r.values[c.key]) : (r.values[c.key] ?? '—')}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

const STATUS: Record<string, string> = {
  planned: 'Запланировано',
  in_progress: 'Выполняется',
  done: 'Выполнено',
  not_done: 'Не выполнено',
  postponed: 'Перенесено',
  cancelled: 'Отменено',
};

/** The records behind a unit's row, grouped by organisation and roadmap (their titles are long). */
export function ComputedDetailTable({ detail }: { detail: UnitDetail }) {
  const show = (key: string, v: string | number | boolean | null | undefined) => {
    if (key === 'dueDate') return formatDate(typeof v === 'string' ? v : null);
    if (key === 'status') return STATUS[String(v)] ?? String(v ?? '—');
    if (key === 'overdue')
      return v ? (
        <Badge color="red" variant="light">
          просрочено
        </Badge>
      ) : (
        ''
      );
    if (key === 'evidenced') return v ? 'есть' : '';
    return v === null || v === undefined ? '—' : String(v);
  };
  const columns = detail.columns.filter((c) => c.key !== 'unit' && c.key !== 'roadmap');
  const groups = new Map<string, typeof detail.rows>();
  for (const row of detail.rows) {
    const key = `${row.unit ?? ''} — ${row.roadmap ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  if (detail.rows.length === 0)
    return <Text c="dimmed">Мероприятий утверждённых дорожных карт за этот год нет</Text>;
  return (
    <Stack data-testid="computed-detail">
      {[...groups].map(([title, rows]) => (
        <Stack key={title} gap={4}>
          <Text fw={600}>{title}</Text>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => (
                  <Table.Th key={c.key}>{c.label}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the measures are listed in a fixed order
                <Table.Tr key={i}>
                  {columns.map((c) => (
                    <Table.Td key={c.key} style={c.key === 'measure' ? undefined : { whiteSpace: 'nowrap' }}>
                      {show(c.key, row[c.key])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ))}
    </Stack>
  );
}
