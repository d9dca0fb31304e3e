import { Anchor, Paper, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { EMPTY } from '../shared/empty-states.js';
import { formatDate } from '../shared/ui.js';
import { StatusBadge } from './common.js';
import { LIST_KINDS, LIST_STATUS, listHeading } from './strings.js';
import type { ListSummary } from './types.js';

export const orderLabel = (l: Pick<ListSummary, 'orderNumber' | 'orderDate'>) =>
  l.orderNumber ? `№ ${l.orderNumber} от ${formatDate(l.orderDate)}` : '—';

/** «№ 415-п от 01.09.2025, приложение 2» when the order approves several lists. */
export const orderWithAppendix = (
  l: Pick<ListSummary, 'orderNumber' | 'orderDate' | 'appendixNo' | 'orderAppendices'>,
) =>
  l.orderNumber && l.appendixNo && l.orderAppendices > 1
    ? `${orderLabel(l)}, приложение ${l.appendixNo}`
    : orderLabel(l);

/** Lists by year (newest first) and kind, each linked to its page. */
export function ListsTable({ lists, full }: { lists: ListSummary[]; full: boolean }) {
  if (lists.length === 0)
    return (
      <Paper withBorder p="xl">
        <Text c="dimmed" ta="center">
          {full ? EMPTY.regionLists : EMPTY.approvedLists}
        </Text>
      </Paper>
    );
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table withTableBorder verticalSpacing="sm" highlightOnHover data-testid="lists">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th>Список</Table.Th>
            <Table.Th>Статус</Table.Th>
            <Table.Th>Приказ</Table.Th>
            <Table.Th>Методика</Table.Th>
            {full && <Table.Th ta="right">По расчёту</Table.Th>}
            <Table.Th ta="right">В списке</Table.Th>
            {full && <Table.Th ta="right">Исключено</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...lists]
            .sort((a, b) => b.year - a.year || LIST_KINDS.indexOf(a.kind) - LIST_KINDS.indexOf(b.kind))
            .map((l) => (
              <Table.Tr key={l.id} data-testid={`list-${l.id}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/identification/lists/${l.id}`} fw={600}>
                    {listHeading(l)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <StatusBadge value={LIST_STATUS[l.status]} />
                </Table.Td>
                <Table.Td>{orderWithAppendix(l)}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {l.run.methodology.name}, в. {l.run.methodology.version}
                  </Text>
                </Table.Td>
                {full && <Table.Td ta="right">{l.counts.computed}</Table.Td>}
                <Table.Td ta="right" fw={600}>
                  {l.counts.included}
                </Table.Td>
                {full && <Table.Td ta="right">{l.counts.excluded}</Table.Td>}
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
