import {
  Badge,
  Box,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { type FoundItem, ITEM_STATUS_LABELS } from '../shared/types.js';
import { formatDate, Query } from '../shared/ui.js';
import { ItemFilters, useWorkFilters } from './item-filters.js';
import { ITEM_STATUSES, itemLink, STATUS_COLORS } from './labels.js';

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
const SHORT = ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];
const PER_MONTH = 8;

/** The school year that contains today: from September. */
export const currentSchoolYear = () => (dayjs().month() >= 8 ? dayjs().year() : dayjs().year() - 1);

/** 'YYYY-MM' of the twelve months September → August. */
export function schoolYearMonths(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => dayjs(`${year}-09-01`).add(i, 'month').format('YYYY-MM'));
}

export type MonthEntry = { item: FoundItem; kind: 'due' | 'period' };

/** Items due in a month first, then those whose structured period covers it. */
export function placeInMonths(
  items: FoundItem[],
  months: string[],
  withPeriods: boolean,
): Map<string, MonthEntry[]> {
  const out = new Map<string, MonthEntry[]>(months.map((m) => [m, []]));
  for (const item of items) {
    const due = item.dueDate?.slice(0, 7) ?? null;
    const from = item.periodFrom ?? item.periodTo;
    const to = item.periodTo ?? item.periodFrom;
    for (const m of months) {
      const list = out.get(m);
      if (!list) continue;
      if (due === m) list.push({ item, kind: 'due' });
      else if (withPeriods && from && to && from <= m && m <= to) list.push({ item, kind: 'period' });
    }
  }
  for (const list of out.values()) list.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'due' ? -1 : 1));
  return out;
}

const monthShort = (ym: string) => {
  const [y, m] = ym.split('-');
  return `${SHORT[Number(m) - 1] ?? ''} ${y ?? ''}`;
};

function Entry({ entry }: { entry: MonthEntry }) {
  const navigate = useNavigate();
  const { item, kind } = entry;
  const color = item.overdue ? 'red' : STATUS_COLORS[item.status];
  const period = item.periodFrom && item.periodTo && item.periodFrom !== item.periodTo;
  return (
    <UnstyledButton
      onClick={() => navigate(itemLink(item.roadmap.id, item.id))}
      title={`${item.measure}\n${item.roadmap.title} — ${item.roadmap.unitName}\n${ITEM_STATUS_LABELS[item.status]}${item.overdue ? ', просрочено' : ''}`}
      data-testid={`calendar-item-${item.id}`}
      style={{
        display: 'block',
        width: '100%',
        borderLeft: `4px solid var(--mantine-color-${color}-6)`,
        background: kind === 'due' ? `var(--mantine-color-${color}-0)` : undefined,
        opacity: kind === 'period' ? 0.85 : 1,
        padding: '4px 8px',
        borderRadius: 4,
      }}
    >
      <Text size="xs" lineClamp={2} fw={kind === 'due' ? 500 : 400}>
        {item.measure}
      </Text>
      <Text size="xs" c={item.overdue ? 'red' : 'dimmed'} lineClamp={1}>
        {kind === 'due'
          ? `до ${formatDate(item.dueDate)}`
          : period
            ? `${monthShort(item.periodFrom ?? '')} – ${monthShort(item.periodTo ?? '')}`
            : 'в течение месяца'}
        {' · '}
        {item.roadmap.unitName}
      </Text>
    </UnstyledButton>
  );
}

function Month({ month, entries }: { month: string; entries: MonthEntry[] }) {
  const [all, setAll] = useState(false);
  const [y, m] = month.split('-');
  const isNow = month === dayjs().format('YYYY-MM');
  const due = entries.filter((e) => e.kind === 'due');
  const overdue = due.filter((e) => e.item.overdue).length;
  const shown = all ? entries : entries.slice(0, PER_MONTH);
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      style={isNow ? { borderColor: 'var(--mantine-color-blue-5)', borderWidth: 2 } : undefined}
      data-testid={`calendar-month-${month}`}
    >
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text fw={600}>
          {MONTHS[Number(m) - 1]} {y}
        </Text>
        <Group gap={4}>
          {overdue > 0 && (
            <Badge color="red" size="sm" variant="filled">
              {overdue} просроч.
            </Badge>
          )}
          <Badge color="gray" size="sm" variant="light" title="Срок в этом месяце / всего с периодами">
            {due.length}
            {entries.length > due.length ? ` + ${entries.length - due.length}` : ''}
          </Badge>
        </Group>
      </Group>
      {entries.length === 0 ? (
        <Text size="xs" c="dimmed">
          Мероприятий нет
        </Text>
      ) : (
        <Stack gap={4}>
          {shown.map((e) => (
            <Entry key={`${e.item.id}-${e.kind}`} entry={e} />
          ))}
          {entries.length > PER_MONTH && (
            <UnstyledButton onClick={() => setAll((v) => !v)}>
              <Text size="xs" c="blue">
                {all ? 'Свернуть' : `Ещё ${entries.length - PER_MONTH}`}
              </Text>
            </UnstyledButton>
          )}
        </Stack>
      )}
    </Paper>
  );
}

/** Month-by-month over a school year: what is due in each month and what runs through it. */
export function CalendarView() {
  const [year, setYear] = useState(currentSchoolYear());
  // «Мои» is empty for a user who keeps no unit (a teacher, an expert): he sees only «Все доступные».
  const keeps = useMe().capabilities.keepsRoadmaps;
  const [scope, setScope] = useState<'mine' | 'all'>(keeps ? 'mine' : 'all');
  const [withPeriods, setWithPeriods] = useState(true);
  const [filters] = useWorkFilters();
  const q = useQuery({
    queryKey: ['items', 'calendar', scope, year, filters],
    queryFn: () =>
      unwrap(
        api.GET('/api/items', {
          params: {
            query: { view: scope, ...filters, dueFrom: `${year}-09-01`, dueTo: `${year + 1}-12-31` },
          },
        }),
      ),
  });
  const now = currentSchoolYear();
  const years = Array.from({ length: 6 }, (_, i) => now - 4 + i);
  const months = schoolYearMonths(year);

  return (
    <Stack>
      <Group align="flex-end" gap="sm">
        <Select
          label="Учебный год"
          data={years.map((y) => ({ value: String(y), label: `${y}/${y + 1}` }))}
          value={String(year)}
          onChange={(v) => v && setYear(Number(v))}
          allowDeselect={false}
          w={140}
          data-testid="calendar-year"
        />
        {keeps && (
          <SegmentedControl
            value={scope}
            onChange={(v) => setScope(v === 'all' ? 'all' : 'mine')}
            data={[
              { value: 'mine', label: 'Мои' },
              { value: 'all', label: 'Все доступные' },
            ]}
          />
        )}
        <Switch
          label="Показывать длящиеся мероприятия"
          checked={withPeriods}
          onChange={(e) => setWithPeriods(e.currentTarget.checked)}
          mb={6}
        />
      </Group>
      <ItemFilters />
      <Group gap="md">
        {ITEM_STATUSES.map((s) => (
          <Group key={s} gap={4}>
            <Box
              w={12}
              h={12}
              style={{ background: `var(--mantine-color-${STATUS_COLORS[s]}-6)`, borderRadius: 2 }}
            />
            <Text size="xs">{ITEM_STATUS_LABELS[s]}</Text>
          </Group>
        ))}
        <Group gap={4}>
          <Box w={12} h={12} style={{ background: 'var(--mantine-color-red-6)', borderRadius: 2 }} />
          <Text size="xs" c="red" fw={500}>
            просрочено
          </Text>
        </Group>
      </Group>
      <Query q={q}>
        {(items) => {
          const byMonth = placeInMonths(items, months, withPeriods);
          return (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3, xl: 4 }} spacing="sm">
              {months.map((m) => (
                <Month key={m} month={m} entries={byMonth.get(m) ?? []} />
              ))}
            </SimpleGrid>
          );
        }}
      </Query>
    </Stack>
  );
}
