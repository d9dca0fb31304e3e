import { Group, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../shared/api.js';
import { EMPTY } from '../shared/empty-states.js';
import type { TaskView } from '../shared/types.js';
import { Query } from '../shared/ui.js';
import { Empty } from './empty.js';
import { WORK_COUNTED } from './labels.js';
import { TaskRow } from './task-row.js';

type Show = 'open' | 'done' | 'all';

export function useTasks() {
  return useQuery({ queryKey: ['tasks'], queryFn: () => unwrap(api.GET('/api/tasks')) });
}

/** Where the linked items live: the user's own items (view «mine») carry their roadmap ids. */
function useLinkedRoadmaps(tasks: TaskView[] | undefined) {
  const anyLinked = (tasks ?? []).some((t) => t.linkedItemId);
  const mine = useQuery({
    queryKey: ['items', 'mine', {}],
    queryFn: () => unwrap(api.GET('/api/items', { params: { query: { view: 'mine' } } })),
    enabled: anyLinked,
  });
  return new Map((mine.data ?? []).map((i) => [i.id, i.roadmap.id]));
}

/** «К исполнению»: measures of the level above addressed to the units the user keeps. */
export function TasksView() {
  const q = useTasks();
  const [show, setShow] = useState<Show>('open');
  // Three segments do not fit a 390 px phone side by side: they stack there.
  const phone = useMediaQuery('(max-width: 36em)');
  const [unitId, setUnitId] = useState<string | null>(null);
  const linkedRoadmaps = useLinkedRoadmaps(q.data);

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Мероприятия дорожных карт вышестоящего уровня, адресованные вашей организации. Отметьте исполнение,
        свяжите задачу с мероприятием своей дорожной карты или перенесите её в свою дорожную карту.
      </Text>
      <Query q={q}>
        {(tasks) => {
          const units = [...new Map(tasks.map((t) => [t.unit.id, t.unit.name]))];
          const done = tasks.filter((t) => t.status === 'done').length;
          const list = tasks.filter(
            (t) =>
              (show === 'all' || (show === 'done') === (t.status === 'done')) &&
              (!unitId || t.unit.id === unitId),
          );
          if (tasks.length === 0) {
            return <Empty testId="work-empty">{EMPTY.tasks}</Empty>;
          }
          return (
            <Stack gap="sm">
              <Group justify="space-between" align="flex-end">
                <Group align="flex-end">
                  <SegmentedControl
                    orientation={phone ? 'vertical' : 'horizontal'}
                    value={show}
                    onChange={(v) => setShow(v as Show)}
                    data={[
                      { value: 'open', label: `Невыполненные (${tasks.length - done})` },
                      { value: 'done', label: `Выполненные (${done})` },
                      { value: 'all', label: `Все (${tasks.length})` },
                    ]}
                  />
                  {units.length > 1 && (
                    <Select
                      placeholder="Все организации"
                      data={units.map(([value, label]) => ({ value, label }))}
                      value={unitId}
                      onChange={setUnitId}
                      clearable
                      w={300}
                    />
                  )}
                </Group>
                <Text size="sm" fw={500} data-testid="tasks-summary">
                  Выполнено {done} {WORK_COUNTED.ofTasks.render(tasks.length)}
                </Text>
              </Group>
              {list.length === 0 ? (
                <Empty>{show === 'done' ? 'Выполненных задач пока нет' : 'Все задачи выполнены'}</Empty>
              ) : (
                <Table.ScrollContainer minWidth={900}>
                  <Table verticalSpacing="xs" highlightOnHover data-testid="tasks-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Мероприятие вышестоящего уровня</Table.Th>
                        <Table.Th w={230}>Дорожная карта</Table.Th>
                        <Table.Th w={150}>Срок</Table.Th>
                        <Table.Th w={200}>Исполнение</Table.Th>
                        <Table.Th w={100} />
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {list.map((t) => (
                        <TaskRow
                          key={t.id}
                          task={t}
                          showUnit={units.length > 1}
                          linkedRoadmapId={t.linkedItemId ? linkedRoadmaps.get(t.linkedItemId) : undefined}
                        />
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Stack>
          );
        }}
      </Query>
    </Stack>
  );
}
