import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { countLabel } from '../../lib/plural.js';
import { type ApiData, api, unwrap } from '../shared/api.js';
import { HistoryLines } from '../shared/history-lines.js';
import { formatDate, notifyError, notifyOk, Query } from '../shared/ui.js';
import { CreateEventModal } from './create-event.js';
import { EventPeople } from './event-people.js';
import { InviteUnits } from './invite-units.js';
import {
  AUDIENCE_GROUP_LABELS,
  E,
  EVENT_KIND_LABELS,
  EVENT_STATUS_LABELS,
  PERSON_FORMS,
  STATUS_COLORS,
} from './labels.js';
import { Materials } from './materials.js';

// One event (issue 12 §3): details, the keeper's status buttons, participation against the target,
// invited units with took-part marks, participants (within what the user may see), registration,
// attendance, the participant list import, materials.

export type EventDetail = ApiData<'/api/events/{id}', 'get'>;

export function EventPage() {
  const id = useParams().id ?? '';
  const q = useQuery({
    queryKey: ['event', id],
    queryFn: () => unwrap(api.GET('/api/events/{id}', { params: { path: { id } } })),
  });
  return <Query q={q}>{(e) => <EventView e={e} />}</Query>;
}

export function useEventUpdate(id: string) {
  const qc = useQueryClient();
  return (e: EventDetail) => {
    qc.setQueryData(['event', id], e);
    qc.invalidateQueries({ queryKey: ['events'] });
  };
}

function EventView({ e }: { e: EventDetail }) {
  const update = useEventUpdate(e.id);
  const status = useMutation({
    mutationFn: (s: 'announced' | 'held' | 'cancelled') =>
      unwrap(
        api.POST('/api/events/{id}/status', {
          params: { path: { id: e.id } },
          body: { status: s, version: e.version },
        }),
      ),
    onSuccess: (d) => {
      update(d);
      notifyOk(EVENT_STATUS_LABELS[d.status]);
    },
    onError: notifyError,
  });
  const navigate = useNavigate();
  const [editing, edit] = useDisclosure(false);
  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/api/events/{id}', { params: { path: { id: e.id }, query: { version: e.version } } }),
      ),
    onSuccess: () => navigate('/events'),
    onError: notifyError,
  });
  const p = e.participation;
  return (
    <Stack>
      <Anchor component={Link} to="/events" size="sm">
        ← {E.title}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} data-testid="event-title">
            {e.title}
          </Title>
          <Group gap="xs" mt={4}>
            <Badge variant="light">{EVENT_KIND_LABELS[e.kind]}</Badge>
            <Badge color={STATUS_COLORS[e.status]} variant="light" data-testid="event-status">
              {EVENT_STATUS_LABELS[e.status]}
            </Badge>
            <Text size="sm" c="dimmed">
              {formatDate(e.startsOn)}
              {e.endsOn && e.endsOn !== e.startsOn ? ` — ${formatDate(e.endsOn)}` : ''} · {e.organiser.name}
            </Text>
          </Group>
          {e.place && (
            <Text size="sm" mt={4}>
              {/^https?:/.test(e.place) ? (
                <Anchor href={e.place} target="_blank">
                  {e.place}
                </Anchor>
              ) : (
                e.place
              )}
            </Text>
          )}
          {(e.audienceGroup || e.audienceNote) && (
            <Text size="sm" c="dimmed">
              Аудитория:{' '}
              {[e.audienceGroup ? AUDIENCE_GROUP_LABELS[e.audienceGroup] : null, e.audienceNote]
                .filter(Boolean)
                .join(' — ')}
            </Text>
          )}
        </div>
        {e.canKeep && (
          <Group gap="xs">
            {e.status === 'draft' && (
              <Button
                onClick={() => status.mutate('announced')}
                loading={status.isPending}
                data-testid="event-announce"
              >
                {E.announce}
              </Button>
            )}
            {e.status === 'announced' && (
              <Button
                onClick={() => status.mutate('held')}
                loading={status.isPending}
                data-testid="event-hold"
              >
                {E.hold}
              </Button>
            )}
            {(e.status === 'draft' || e.status === 'announced') && (
              <Button variant="default" onClick={edit.open} data-testid="event-edit">
                Изменить
              </Button>
            )}
            {e.status === 'draft' && (
              <Button variant="subtle" color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
                Удалить черновик
              </Button>
            )}
            {(e.status === 'draft' || e.status === 'announced') && (
              <Button variant="default" color="red" onClick={() => status.mutate('cancelled')}>
                {E.cancel}
              </Button>
            )}
          </Group>
        )}
      </Group>

      <Paper withBorder p="md" data-testid="event-summary">
        <Title order={4} mb="xs">
          {E.summary}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          <Stat label="Приглашено организаций" value={String(p.invited)} />
          <Stat
            label={`Приняли участие${p.target !== null ? ` (цель ${p.target} %)` : ''}`}
            value={`${p.tookPart}${p.share !== null ? ` · ${p.share} %` : ''}`}
            color={p.belowTarget ? 'red' : undefined}
            testId="event-share"
          />
          <Stat label="Участников" value={countLabel(p.persons, PERSON_FORMS)} />
          <Stat label="Из них педагогов" value={String(p.teachers)} />
          <Stat label="Управленцев" value={String(p.managers)} />
        </SimpleGrid>
        {p.belowTarget && (
          <Alert color="red" mt="sm" data-testid="event-below-target">
            Охват ниже цели: приняли участие {p.share} % приглашённых при цели {p.target} %
          </Alert>
        )}
        {p.byMunicipality.length > 0 && (
          <Table mt="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Муниципалитет</Table.Th>
                <Table.Th ta="right">Приглашено</Table.Th>
                <Table.Th ta="right">Приняли участие</Table.Th>
                <Table.Th ta="right">Доля</Table.Th>
                <Table.Th ta="right">Участников</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.byMunicipality.map((m) => (
                <Table.Tr key={m.municipalityId}>
                  <Table.Td>{m.name}</Table.Td>
                  <Table.Td ta="right">{m.invited}</Table.Td>
                  <Table.Td ta="right">{m.tookPart}</Table.Td>
                  <Table.Td ta="right">{m.share === null ? '—' : `${m.share} %`}</Table.Td>
                  <Table.Td ta="right">{m.persons}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>

      {e.program && (
        <Paper withBorder p="md">
          <Title order={4} mb="xs">
            Программа
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{e.program}</Text>
        </Paper>
      )}

      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {E.invitedUnits}
        </Title>
        {e.status === 'draft' && (
          <Text size="sm" c="dimmed" mb="xs">
            Приглашения запишутся при объявлении: школы группы по списку, действующему на учебный год
            мероприятия, и названные организации.
          </Text>
        )}
        <Table striped data-testid="event-invited">
          <Table.Tbody>
            {e.invitations.map((u) => (
              <Table.Tr key={u.unitId}>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td c="dimmed">{u.municipality ?? ''}</Table.Td>
                <Table.Td>
                  {u.tookPart ? (
                    <Badge color="green" variant="light">
                      участвовала · {u.persons}
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {e.canKeep && (e.status === 'draft' || e.status === 'announced') && <InviteUnits e={e} />}
        {e.otherInvited > 0 && (
          <Text size="sm" c="dimmed" mt="xs">
            И другие приглашённые организации: {e.otherInvited}
          </Text>
        )}
      </Paper>

      {editing && <CreateEventModal event={e} onClose={edit.close} />}
      <EventPeople e={e} />
      <Materials e={e} />
      {e.history.length > 0 && (
        <Paper withBorder p="md">
          <Title order={4} mb="xs">
            История
          </Title>
          <HistoryLines lines={e.history} testId="event-history" />
        </Paper>
      )}
    </Stack>
  );
}

function Stat({
  label,
  value,
  color,
  testId,
}: {
  label: string;
  value: string;
  color?: string;
  testId?: string;
}) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" c={color} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}
