import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EVENT_KINDS } from '../../db/schema/values.js';
import { type ApiData, api, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { formatDate, Query } from '../shared/ui.js';
import { CreateEventModal, organiserChoices } from './create-event.js';
import {
  E,
  EVENT_KIND_LABELS,
  EVENT_STATUS_LABELS,
  LEVEL_LABELS,
  MINE_LABELS,
  STATUS_COLORS,
} from './labels.js';

// The calendar of events (issue 12 §3): a month grid and a list with filters by level and kind; the tab
// «Мои мероприятия» lists those the user's units are invited to or he takes part in, with his status.

type Row = ApiData<'/api/events', 'get'>[number];
type Level = keyof typeof LEVEL_LABELS;
type Kind = (typeof EVENT_KINDS)[number];
const WEEKDAYS = ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'];
const MONTHS = [
  'Январь',
  'Февраль',
  'Март',
  'Апрель',
  'Май',
  'Июнь',
  'Июль',
  'Август',
  'Сентябрь',
  'Октябрь',
  'Ноябрь',
  'Декабрь',
];

export function EventsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'mine' ? 'mine' : params.get('tab') === 'list' ? 'list' : 'calendar';
  const [month, setMonth] = useState(() => dayjs().startOf('month'));
  const [level, setLevel] = useState<Level | null>(null);
  const [kind, setKind] = useState<Kind | null>(null);
  const [creating, create] = useDisclosure(false);
  const period =
    tab === 'calendar'
      ? { from: month.format('YYYY-MM-DD'), to: month.endOf('month').format('YYYY-MM-DD') }
      : {};
  const query = {
    ...period,
    level: level ?? undefined,
    kind: kind ?? undefined,
    mine: tab === 'mine' ? ('true' as const) : undefined,
  };
  const q = useQuery({
    queryKey: ['events', query],
    queryFn: () => unwrap(api.GET('/api/events', { params: { query } })),
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{E.title}</Title>
        {organiserChoices(me).length > 0 && (
          <Button onClick={create.open} data-testid="event-create">
            {E.create}
          </Button>
        )}
      </Group>
      <Tabs value={tab} onChange={(t) => setParams(t === 'calendar' ? {} : { tab: t ?? '' })}>
        <Tabs.List>
          <Tabs.Tab value="calendar">{E.calendar}</Tabs.Tab>
          <Tabs.Tab value="list">{E.list}</Tabs.Tab>
          <Tabs.Tab value="mine" data-testid="events-mine">
            {E.mine}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Group>
        {tab === 'calendar' && (
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              onClick={() => setMonth((m) => m.subtract(1, 'month'))}
              aria-label="Предыдущий месяц"
            >
              ‹
            </Button>
            <Text fw={600} w={140} ta="center" data-testid="calendar-month">
              {MONTHS[month.month()]} {month.year()}
            </Text>
            <Button
              variant="default"
              size="xs"
              onClick={() => setMonth((m) => m.add(1, 'month'))}
              aria-label="Следующий месяц"
            >
              ›
            </Button>
          </Group>
        )}
        <Select
          placeholder={E.anyLevel}
          data={Object.entries(LEVEL_LABELS).map(([value, label]) => ({ value, label }))}
          value={level}
          onChange={(v) => setLevel(v as Level | null)}
          clearable
          w={200}
        />
        <Select
          placeholder={E.anyKind}
          data={EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k] }))}
          value={kind}
          onChange={(v) => setKind(v as Kind | null)}
          clearable
          w={220}
        />
      </Group>
      <Query q={q}>
        {(rows) =>
          tab === 'calendar' ? (
            <MonthGrid month={month} rows={rows} />
          ) : rows.length === 0 ? (
            <Text c="dimmed">{tab === 'mine' ? E.emptyMine : E.empty}</Text>
          ) : (
            <EventTable rows={rows} mine={tab === 'mine'} />
          )
        }
      </Query>
      {creating && <CreateEventModal onClose={create.close} />}
    </Stack>
  );
}

function MonthGrid({ month, rows }: { month: dayjs.Dayjs; rows: Row[] }) {
  const first = month.subtract((month.day() + 6) % 7, 'day');
  const weeks = Math.ceil((((month.day() + 6) % 7) + month.daysInMonth()) / 7);
  const days = Array.from({ length: weeks * 7 }, (_, i) => first.add(i, 'day'));
  const on = (d: dayjs.Dayjs) => {
    const iso = d.format('YYYY-MM-DD');
    return rows.filter((r) => r.startsOn <= iso && (r.endsOn ?? r.startsOn) >= iso);
  };
  return (
    <SimpleGrid cols={7} spacing={4} data-testid="events-calendar">
      {WEEKDAYS.map((w) => (
        <Text key={w} size="xs" c="dimmed" ta="center">
          {w}
        </Text>
      ))}
      {days.map((d) => (
        <Paper
          key={d.toString()}
          withBorder
          p={4}
          mih={86}
          bg={d.month() === month.month() ? undefined : 'gray.0'}
        >
          <Text
            size="xs"
            c={d.isSame(dayjs(), 'day') ? 'blue' : 'dimmed'}
            fw={d.isSame(dayjs(), 'day') ? 700 : 400}
          >
            {d.date()}
          </Text>
          {on(d).map((r) => (
            <Anchor
              key={r.id}
              component={Link}
              to={`/events/${r.id}`}
              size="xs"
              display="block"
              lineClamp={2}
              c={STATUS_COLORS[r.status]}
            >
              {r.title.startsWith(EVENT_KIND_LABELS[r.kind])
                ? r.title
                : `${EVENT_KIND_LABELS[r.kind]}: ${r.title}`}
            </Anchor>
          ))}
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function EventTable({ rows, mine }: { rows: Row[]; mine: boolean }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Дата</Table.Th>
            <Table.Th>Мероприятие</Table.Th>
            <Table.Th>Организатор</Table.Th>
            <Table.Th>Состояние</Table.Th>
            <Table.Th>{mine ? 'Моё участие' : 'Приглашено'}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id} data-testid="event-row">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDate(r.startsOn)}
                {r.endsOn && r.endsOn !== r.startsOn ? ` — ${formatDate(r.endsOn)}` : ''}
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/events/${r.id}`}>
                  {r.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {EVENT_KIND_LABELS[r.kind]}
                  {r.audienceNote ? ` · ${r.audienceNote}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>{r.organiser.name}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLORS[r.status]} variant="light">
                  {EVENT_STATUS_LABELS[r.status]}
                </Badge>
              </Table.Td>
              <Table.Td>{mine ? (r.mine ? MINE_LABELS[r.mine] : '—') : r.invited}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
