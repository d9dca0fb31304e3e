import { Anchor, Badge, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ApiData } from '../shared/api.js';
import { formatDateTime } from '../shared/ui.js';
import { M, RESPONSE_COLORS, RESPONSE_STATUS_LABELS } from './strings.js';

// Progress of a form monitoring: counts by status, per municipality for a region, and every participant
// the user sees with its status, how much is filled, when it was sent and whether it is late.

type Detail = ApiData<'/api/monitorings/{id}', 'get'>;
type Counts = Detail['progress'];

const COUNT_KEYS = ['not_started', 'draft', 'submitted', 'returned', 'accepted'] as const;

function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" c={color}>
        {value}
      </Text>
    </Paper>
  );
}

export function ProgressStats({ progress }: { progress: Counts }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} data-testid="monitoring-progress">
      <Stat label="Участников" value={progress.total} />
      {COUNT_KEYS.map((k) => (
        <Stat key={k} label={RESPONSE_STATUS_LABELS[k]} value={progress[k]} color={RESPONSE_COLORS[k]} />
      ))}
      <Stat label="Просрочено" value={progress.overdue} color={progress.overdue ? 'red' : undefined} />
    </SimpleGrid>
  );
}

export function ProgressPanel({ m }: { m: Detail }) {
  return (
    <Stack>
      <ProgressStats progress={m.progress} />
      {m.byMunicipality.length > 1 && (
        <Stack gap="xs">
          <Title order={4}>{M.byMunicipality}</Title>
          <Table.ScrollContainer minWidth={760}>
            <Table striped withTableBorder data-testid="progress-by-municipality">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Муниципалитет</Table.Th>
                  <Table.Th ta="right">Участников</Table.Th>
                  {COUNT_KEYS.map((k) => (
                    <Table.Th key={k} ta="right">
                      {RESPONSE_STATUS_LABELS[k]}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">Просрочено</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {m.byMunicipality.map((g) => (
                  <Table.Tr key={g.municipalityId ?? g.name}>
                    <Table.Td>{g.name}</Table.Td>
                    <Table.Td ta="right">{g.total}</Table.Td>
                    {COUNT_KEYS.map((k) => (
                      <Table.Td key={k} ta="right">
                        {g[k] || '—'}
                      </Table.Td>
                    ))}
                    <Table.Td ta="right" c={g.overdue ? 'red' : undefined}>
                      {g.overdue || '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
      <Title order={4}>{M.participants}</Title>
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover withTableBorder data-testid="participants">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Участник</Table.Th>
              <Table.Th>Муниципалитет</Table.Th>
              <Table.Th miw={250}>Статус</Table.Th>
              <Table.Th ta="right">Заполнено полей</Table.Th>
              <Table.Th>Отправлена</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {m.participants.map((p) => (
              <Table.Tr key={p.unitId} data-testid="participant-row">
                <Table.Td>
                  <Anchor component={Link} to={`/monitorings/${m.id}/units/${p.unitId}`}>
                    {p.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{p.municipality ?? '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge variant="light" color={RESPONSE_COLORS[p.status]} style={{ overflow: 'visible' }}>
                    {RESPONSE_STATUS_LABELS[p.status]}
                  </Badge>
                  {p.overdue && (
                    <Badge variant="light" color="red" ml={4}>
                      {M.overdue}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {p.answered} из {m.fieldCount}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(p.submittedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
