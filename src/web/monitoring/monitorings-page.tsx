import { Anchor, Badge, Button, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { formatDate, Query } from '../shared/ui.js';
import { CreateMonitoringModal } from './create-monitoring.js';
import { MonitoringFormsList } from './monitoring-forms-card.js';
import { KIND_LABELS, M, MONITORING_STATUS_LABELS, STATUS_COLORS } from './strings.js';

// The monitorings a user sees: the forms his own units fill come first (with status and deadline), then
// every monitoring of his scope with its progress; the owner starts new ones here.

export function MonitoringsPage() {
  const me = useMe();
  const [creating, create] = useDisclosure(false);
  const q = useQuery({ queryKey: ['monitorings'], queryFn: () => unwrap(api.GET('/api/monitorings')) });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{M.title}</Title>
        {me.capabilities.monitorings === 'owner' && (
          <Button onClick={create.open} data-testid="monitoring-create">
            {M.create}
          </Button>
        )}
      </Group>
      <Query q={q}>
        {(rows) => (
          <Stack>
            {rows.some((r) => r.mine.length > 0) && <MonitoringFormsList rows={rows} />}
            {rows.length === 0 ? (
              <Text c="dimmed">{M.empty}</Text>
            ) : (
              <Table.ScrollContainer minWidth={860}>
                <Table striped highlightOnHover withTableBorder data-testid="monitorings">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Мониторинг</Table.Th>
                      <Table.Th>Проводит</Table.Th>
                      <Table.Th>Сроки</Table.Th>
                      <Table.Th miw={130}>Статус</Table.Th>
                      <Table.Th w={220}>Ход (принято / отправлено из всех)</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((m) => {
                      const p = m.progress;
                      const pct = (n: number) => (p.total ? (100 * n) / p.total : 0);
                      return (
                        <Table.Tr key={m.id} data-testid="monitoring-row">
                          <Table.Td>
                            <Anchor component={Link} to={`/monitorings/${m.id}`}>
                              {m.title}
                            </Anchor>
                            <Text size="xs" c="dimmed">
                              {KIND_LABELS[m.kind]} · {m.year}/{m.year + 1}
                            </Text>
                          </Table.Td>
                          <Table.Td>{m.owner.name}</Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            {formatDate(m.periodStart)} — {formatDate(m.periodEnd)}
                          </Table.Td>
                          <Table.Td>
                            <Badge variant="light" color={STATUS_COLORS[m.status]}>
                              {MONITORING_STATUS_LABELS[m.status]}
                            </Badge>
                          </Table.Td>
                          <Table.Td>
                            {m.kind === 'form' ? (
                              <Stack gap={2}>
                                <Progress.Root size="lg">
                                  <Progress.Section value={pct(p.accepted)} color="green" />
                                  <Progress.Section value={pct(p.submitted)} color="blue" />
                                  <Progress.Section value={pct(p.returned)} color="orange" />
                                </Progress.Root>
                                <Text size="xs" c="dimmed">
                                  {p.accepted} / {p.submitted} из {p.total}
                                  {p.overdue ? ` · просрочено: ${p.overdue}` : ''}
                                </Text>
                              </Stack>
                            ) : (
                              <Text size="xs" c="dimmed">
                                Рассчитывается по данным системы
                              </Text>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        )}
      </Query>
      {creating && <CreateMonitoringModal onClose={create.close} />}
    </Stack>
  );
}
