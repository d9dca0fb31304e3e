import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { FoundItem } from '../shared/types.js';
import { ConfirmationBadge, formatDate, StatusBadge } from '../shared/ui.js';
import { itemLink } from './labels.js';
import { ProofSummary } from './proof-summary.js';

export function responsibleOf(item: FoundItem): string {
  const units = item.responsibleUnits.map((u) => u.name).join('; ');
  return [units, item.responsibleText].filter(Boolean).join('; ') || '—';
}

export function Deadline({
  text,
  dueDate,
  overdue,
}: {
  text: string | null;
  dueDate: string | null;
  overdue?: boolean;
}) {
  return (
    <Stack gap={0}>
      {text && <Text size="sm">{text}</Text>}
      {dueDate && (
        <Text size="xs" c={overdue ? 'red' : 'dimmed'} fw={overdue ? 600 : undefined}>
          до {formatDate(dueDate)}
        </Text>
      )}
      {!text && !dueDate && (
        <Text size="sm" c="dimmed">
          —
        </Text>
      )}
    </Stack>
  );
}

type Props = {
  items: FoundItem[];
  /** Dashboard lists: no № and responsible columns. */
  compact?: boolean;
  actions?: (item: FoundItem) => ReactNode;
  testId?: string;
  /** «Ждут подтверждения»: the proof of each item instead of its responsibles. */
  proof?: boolean;
};

/** Items of many roadmaps: each row leads to its roadmap (and the item in it). */
export function ItemTable({ items, compact, actions: rowActions, testId, proof }: Props) {
  const responsible = !compact && !proof;
  // No empty column when no row has an action.
  const actions = rowActions && items.some((it) => rowActions(it) !== null) ? rowActions : undefined;
  return (
    <Table.ScrollContainer minWidth={compact ? 500 : 900}>
      <Table verticalSpacing="xs" highlightOnHover data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {!compact && <Table.Th w={50}>№</Table.Th>}
            <Table.Th>Мероприятие</Table.Th>
            <Table.Th w={proof ? 140 : 200}>Дорожная карта</Table.Th>
            <Table.Th w={proof ? 120 : 140}>Срок</Table.Th>
            {responsible && <Table.Th w={160}>Ответственные</Table.Th>}
            {proof && <Table.Th w={210}>Доказательства</Table.Th>}
            {/* The widest badge («ждёт подтверждения») whole: a width alone gives way to a long measure. */}
            <Table.Th w={proof ? 190 : 200} miw={185}>
              Статус
            </Table.Th>
            {actions && <Table.Th w={110} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((it) => (
            <Table.Tr key={it.id} data-testid={`item-row-${it.id}`}>
              {!compact && (
                <Table.Td>
                  <Text size="sm">{it.number ?? '—'}</Text>
                </Table.Td>
              )}
              <Table.Td>
                <Anchor
                  component={Link}
                  to={itemLink(it.roadmap.id, it.id)}
                  size="sm"
                  c="inherit"
                  lineClamp={3}
                  title={it.measure}
                >
                  {it.measure}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={itemLink(it.roadmap.id)}
                  size="xs"
                  lineClamp={2}
                  title={it.roadmap.title}
                >
                  {it.roadmap.title}
                </Anchor>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {it.roadmap.unitName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Deadline text={it.deadlineText} dueDate={it.dueDate} overdue={it.overdue} />
              </Table.Td>
              {responsible && (
                <Table.Td>
                  <Text size="xs" lineClamp={3}>
                    {responsibleOf(it)}
                  </Text>
                </Table.Td>
              )}
              {proof && (
                <Table.Td>
                  <ProofSummary item={it} />
                </Table.Td>
              )}
              <Table.Td>
                <Group gap={4}>
                  <StatusBadge status={it.status} overdue={it.overdue} />
                  <ConfirmationBadge value={it.confirmation} />
                </Group>
              </Table.Td>
              {actions && <Table.Td>{actions(it)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
