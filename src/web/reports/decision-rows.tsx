import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate } from '../shared/ui.js';
import type { ReviewDecision } from './reports-api.js';

// Rows of управленческие решения: the decision, its responsible unit and deadline, its state, and
// where it was taken — the report (or monitoring) and the review's protocol.

// The label never shrinks to «ИСПОЛН…» in a narrow column.
export const WHOLE_LABEL = { root: { flexShrink: 0 }, label: { overflow: 'visible' } } as const;

export function DecisionStatusBadge({ d }: { d: ReviewDecision }) {
  const color = d.overdue
    ? 'red'
    : d.status === 'done'
      ? 'green'
      : d.status === 'cancelled'
        ? 'gray'
        : 'blue';
  return (
    <Badge color={color} variant="light" styles={WHOLE_LABEL}>
      {d.overdue ? 'Просрочено' : d.statusLabel}
    </Badge>
  );
}

export function DecisionRows({ rows, compact = false }: { rows: ReviewDecision[]; compact?: boolean }) {
  return (
    <Table striped data-testid="review-decisions">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Решение</Table.Th>
          <Table.Th>Ответственный</Table.Th>
          <Table.Th>Срок</Table.Th>
          <Table.Th miw={140}>Состояние</Table.Th>
          {!compact && <Table.Th>Основание</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td>
              <Text size="sm">{d.text}</Text>
              {d.outcome && (
                <Text size="xs" c="dimmed">
                  {d.outcome}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{d.responsible.name}</Table.Td>
            <Table.Td>{formatDate(d.dueDate)}</Table.Td>
            <Table.Td>
              <DecisionStatusBadge d={d} />
            </Table.Td>
            {!compact && (
              <Table.Td>
                {d.report ? (
                  <Anchor component={Link} to={`/reports/${d.report.id}`} size="sm">
                    {d.report.title}
                  </Anchor>
                ) : (
                  <Text size="sm">{d.monitoring?.title}</Text>
                )}
                <Text size="xs" c="dimmed">
                  <Anchor component={Link} to={`/organisation/meetings/${d.meeting.id}`} size="xs">
                    {d.meeting.unitName}, {formatDate(d.meeting.date)}
                    {d.meeting.protocolNumber ? `, протокол № ${d.meeting.protocolNumber}` : ''}
                  </Anchor>
                </Text>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
