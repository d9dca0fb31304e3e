import { Anchor, Badge, Button, Chip, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ROUTE_STATUSES, type RouteStatus } from '../../db/schema/values.js';
import { WORDS } from '../../lib/counted.js';
import { countLabel } from '../../lib/plural.js';
import { api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk, Query } from '../shared/ui.js';
import { R, ROUTE_STATUS_COLORS, ROUTE_STATUS_LABELS } from './strings.js';

// Routes of the visible schools for the current school year: counts by status (the chips filter),
// filters by school and level, overdue activities, and the teachers who need a route and have none.

export function RoutesListPage() {
  const navigate = useNavigate();
  const [status, setStatus] = useState<RouteStatus | null>(null);
  const [schoolId, setSchoolId] = useState<string | null>(null);
  const [level, setLevel] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['individual-routes', status, schoolId, level],
    queryFn: () =>
      unwrap(
        api.GET('/api/individual-routes', {
          params: {
            query: {
              status: status ?? undefined,
              schoolId: schoolId ?? undefined,
              level: level ?? undefined,
            },
          },
        }),
      ),
  });
  async function build(staffMemberId: string, year: number, fromDeficits: boolean) {
    setBusy(staffMemberId);
    try {
      const made = await unwrap(
        api.POST('/api/individual-routes', { body: { staffMemberId, year, fromDeficits } }),
      );
      notifyOk(R.built);
      navigate(`/individual-routes/${made.id}`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  }
  return (
    <Stack>
      <Title order={2}>{R.title}</Title>
      <Text c="dimmed">{R.intro}</Text>
      <Query q={q}>
        {(d) => (
          <Stack>
            <Group gap="xs" data-testid="route-counts">
              <Chip checked={status === null} onChange={() => setStatus(null)}>
                Все: {d.counts.total}
              </Chip>
              {ROUTE_STATUSES.map((s) => (
                <Chip key={s} checked={status === s} onChange={() => setStatus(status === s ? null : s)}>
                  {ROUTE_STATUS_LABELS[s]}: {d.counts[s]}
                </Chip>
              ))}
            </Group>
            <Group>
              <Select
                label="Школа"
                placeholder="Все школы"
                data={d.schools.map((s) => ({ value: s.id, label: s.name }))}
                value={schoolId}
                onChange={setSchoolId}
                clearable
                searchable
                w={360}
              />
              <Select
                label="Уровень дефицитов"
                placeholder="Любой"
                data={d.levels.map((l) => ({ value: l.key, label: l.name }))}
                value={level}
                onChange={setLevel}
                clearable
                w={220}
              />
            </Group>
            {d.routes.length === 0 ? (
              <Text c="dimmed">{R.noRoutes}</Text>
            ) : (
              <Table.ScrollContainer minWidth={800}>
                <Table striped highlightOnHover withTableBorder data-testid="routes">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Педагог</Table.Th>
                      <Table.Th>Школа</Table.Th>
                      <Table.Th>Уровень</Table.Th>
                      <Table.Th>Статус</Table.Th>
                      <Table.Th>Подтверждено действий</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.routes.map((r) => (
                      <Table.Tr key={r.id} data-testid="route-row">
                        <Table.Td>
                          <Anchor component={Link} to={`/individual-routes/${r.id}`}>
                            {r.teacherName}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {r.position}
                          </Text>
                        </Table.Td>
                        <Table.Td>{r.schoolName}</Table.Td>
                        <Table.Td>{r.levelName ?? '—'}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={ROUTE_STATUS_COLORS[r.status]}>
                            {ROUTE_STATUS_LABELS[r.status]}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          {r.confirmed} из {r.activities}
                          {r.overdue > 0 && (
                            <Badge color="red" variant="light" ml={6}>
                              {R.overdue}: {r.overdue}
                            </Badge>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <Title order={3}>
              {R.needing}: {countLabel(d.needing.length, WORDS.teacher)}
            </Title>
            <Text size="sm" c="dimmed">
              {R.needingHint}
            </Text>
            {d.needing.length > 0 && (
              <Table withTableBorder data-testid="routes-needing">
                <Table.Tbody>
                  {d.needing.map((n) => (
                    <Table.Tr key={n.staffMemberId} data-testid="needing-row">
                      <Table.Td>
                        <Text size="sm">{n.teacherName}</Text>
                        <Text size="xs" c="dimmed">
                          {n.position}
                        </Text>
                      </Table.Td>
                      <Table.Td>{n.schoolName}</Table.Td>
                      <Table.Td>{n.levelName ?? '—'}</Table.Td>
                      <Table.Td>
                        {n.canCreate && (
                          <Group gap={4}>
                            <Button
                              size="compact-xs"
                              loading={busy === n.staffMemberId}
                              onClick={() => build(n.staffMemberId, d.year, true)}
                              data-testid="route-build"
                            >
                              {R.build}
                            </Button>
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              loading={busy === n.staffMemberId}
                              onClick={() => build(n.staffMemberId, d.year, false)}
                            >
                              {R.buildEmpty}
                            </Button>
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        )}
      </Query>
    </Stack>
  );
}
