import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api, unwrap } from '../shared/api.js';
import type { TaskView } from '../shared/types.js';
import { Query, StatusBadge } from '../shared/ui.js';

const OPEN = ['planned', 'in_progress', 'postponed'];
const overdue = (t: TaskView) =>
  Boolean(t.source.dueDate && dayjs(t.source.dueDate).isBefore(dayjs(), 'day') && OPEN.includes(t.status));

/** Execution of a measure by each unit of the level below it is addressed to. */
export function RollUpList({ itemId }: { itemId: string }) {
  const q = useQuery({
    queryKey: ['item', itemId, 'tasks'],
    queryFn: () => unwrap(api.GET('/api/items/{id}/tasks', { params: { path: { id: itemId } } })),
  });
  return (
    <Query q={q}>
      {(tasks) =>
        tasks.length === 0 ? (
          <Text size="sm" c="dimmed">
            Адресатов нет
          </Text>
        ) : (
          <Table withTableBorder verticalSpacing={4} data-testid="rollup-list">
            <Table.Tbody>
              {tasks.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>
                    <Text size="sm">{t.unit.name}</Text>
                    {t.linkedItemId && (
                      <Text size="xs" c="dimmed">
                        по мероприятию своей дорожной карты
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td w={190}>
                    <StatusBadge status={t.status} overdue={overdue(t)} />
                  </Table.Td>
                  {t.coverageValue !== undefined && (
                    <Table.Td w={140} data-testid="rollup-coverage">
                      <Text size="sm" fw={600}>
                        {t.coverageValue === null ? '—' : `факт: ${t.coverageValue.toLocaleString('ru-RU')}`}
                      </Text>
                      <Text size="xs" c="dimmed">
                        по данным системы
                      </Text>
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Text size="xs">{t.comment}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      }
    </Query>
  );
}
