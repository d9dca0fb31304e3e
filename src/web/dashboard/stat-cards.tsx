import { Group, Paper, RingProgress, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { itemsWord } from '../work/labels.js';
import { donePercent } from './roadmap-progress.js';
import type { Dashboard } from './use-dashboard.js';

function Stat({
  to,
  label,
  value,
  note,
  color,
  testId,
  ring,
}: {
  to: string;
  label: string;
  value: string | number;
  note?: string;
  color?: string;
  testId: string;
  ring?: number;
}) {
  return (
    <UnstyledButton component={Link} to={to} data-testid={testId}>
      <Paper withBorder p="md" radius="md" h="100%">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {label}
        </Text>
        {/* The ring sits beside the number, not the label: a long label wraps over the whole width. */}
        <Group justify="space-between" wrap="nowrap" align="center" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Text fz={28} fw={700} c={color} lh={1.3}>
              {value}
            </Text>
            {note && (
              <Text size="xs" c="dimmed">
                {note}
              </Text>
            )}
          </div>
          {ring !== undefined && (
            <RingProgress
              size={56}
              thickness={6}
              roundCaps
              style={{ flexShrink: 0 }}
              sections={[{ value: ring, color: 'teal' }]}
              label={
                <Text size="xs" ta="center">
                  {ring} %
                </Text>
              }
            />
          )}
        </Group>
      </Paper>
    </UnstyledButton>
  );
}

type Props = { d: Dashboard; confirms: boolean; receivesTasks: boolean; monitors: boolean };

export function StatCards({ d, confirms, receivesTasks, monitors }: Props) {
  const others = d.ownRoadmaps.length === 0 && d.otherRoadmaps.length > 0;
  const cols = 1 + (monitors ? 2 : 0) + (confirms ? 1 : 0) + (receivesTasks ? 1 : 0);
  const open = d.ownRoadmaps.reduce((s, r) => s + r.progress.total, 0);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: cols }} spacing="sm">
      {others ? (
        <Stat
          to="/roadmaps"
          label="Доступные дорожные карты"
          value={d.otherRoadmaps.length}
          note="своих нет"
          testId="stat-roadmaps"
        />
      ) : (
        <Stat
          to="/roadmaps"
          label="Мои дорожные карты"
          value={d.ownRoadmaps.length}
          note={open ? itemsWord(open) : undefined}
          testId="stat-roadmaps"
        />
      )}
      {monitors && (
        <Stat
          to="/work/overdue"
          label="Просрочено"
          value={d.overdue.total}
          color={d.overdue.total > 0 ? 'red' : undefined}
          note="во всех доступных картах"
          testId="stat-overdue"
        />
      )}
      {monitors && (
        <Stat
          to="/work/upcoming"
          label="Сроки в ближайшие 30 дней"
          value={d.upcoming.total}
          testId="stat-upcoming"
        />
      )}
      {confirms && (
        <Stat
          to="/work/awaiting"
          label="Ждут моего подтверждения"
          value={d.awaiting.total}
          color={d.awaiting.total > 0 ? 'orange' : undefined}
          testId="stat-awaiting"
        />
      )}
      {receivesTasks && (
        <Stat
          to="/work/tasks"
          label="Задачи от вышестоящего уровня"
          value={d.tasks.total > 0 ? `${d.tasks.done} / ${d.tasks.total}` : '—'}
          // The overdue tasks are counted once, in the tasks section below; the card only turns red.
          note={d.tasks.total === 0 ? 'задач нет' : 'выполнено / всего'}
          color={d.tasks.overdue > 0 ? 'red' : undefined}
          ring={d.tasks.total > 0 ? donePercent(d.tasks.done, d.tasks.total) : undefined}
          testId="stat-tasks"
        />
      )}
    </SimpleGrid>
  );
}
