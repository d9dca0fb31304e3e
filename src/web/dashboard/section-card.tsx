import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { TaskView } from '../shared/types.js';
import { StatusBadge } from '../shared/ui.js';
import { Deadline } from '../work/item-table.js';
import { type ItemStatus, itemLink } from '../work/labels.js';

type Props = {
  title: string;
  count?: number;
  color?: string;
  to?: string;
  more?: string;
  children: ReactNode;
  testId?: string;
};

/** A block of the start page: a title with the total, the first rows and a link to the full list. */
export function SectionCard({ title, count, color, to, more = 'Все', children, testId }: Props) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={4}>{title}</Title>
            {count !== undefined && count > 0 && (
              <Badge color={color ?? 'gray'} variant="light">
                {count}
              </Badge>
            )}
          </Group>
          {to && (
            <Anchor component={Link} to={to} size="sm">
              {more} →
            </Anchor>
          )}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

/** «Shown N of M» under a truncated list. */
export function Shown({ shown, total }: { shown: number; total: number }) {
  if (total <= shown) return null;
  return (
    <Text size="xs" c="dimmed">
      Показаны первые {shown} из {total}
    </Text>
  );
}

/** Open tasks from the level above, compactly. */
export function TaskList({ tasks }: { tasks: TaskView[] }) {
  const manyUnits = new Set(tasks.map((t) => t.unit.id)).size > 1;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Мероприятие</Table.Th>
            <Table.Th w={130}>Срок</Table.Th>
            <Table.Th w={165}>Статус</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((t) => {
            const status = t.status as ItemStatus;
            const overdue = t.source.overdue && status !== 'done';
            return (
              <Table.Tr key={t.id} data-testid={`dashboard-task-${t.id}`}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to="/work/tasks"
                    size="sm"
                    c="inherit"
                    lineClamp={2}
                    title={t.source.measure}
                  >
                    {t.source.measure}
                  </Anchor>
                  <Anchor
                    component={Link}
                    to={itemLink(t.roadmap.id, t.source.itemId)}
                    size="xs"
                    c="dimmed"
                    lineClamp={1}
                  >
                    {t.roadmap.unitName}: {t.roadmap.title}
                  </Anchor>
                  {manyUnits && (
                    <Text size="xs" c="blue.8">
                      для: {t.unit.name}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Deadline text={t.source.deadlineText} dueDate={t.source.dueDate} overdue={overdue} />
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={status} overdue={overdue} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
