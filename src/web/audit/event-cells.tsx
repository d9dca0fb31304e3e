import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ApiData } from '../shared/api.js';
import { L, moscowDateTime } from './strings.js';

// One event of the audit log as a table row: the time, the author, the Russian name with its group, the
// object with its page, the before/after as a small field/было/стало table and other payload values.

export type AuditEvent = ApiData<'/api/audit-events', 'get'>['events'][number];

function Changes({ e }: { e: AuditEvent }) {
  if (e.changes.length === 0 && e.values.length === 0) return null;
  return (
    <Stack gap={4}>
      {e.changes.length > 0 && (
        <Table withTableBorder fz="xs" data-testid="audit-changes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{L.field}</Table.Th>
              <Table.Th>{L.before}</Table.Th>
              <Table.Th>{L.after}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {e.changes.map((c) => (
              <Table.Tr key={`${c.field}:${c.old}:${c.new}`}>
                <Table.Td>{c.field}</Table.Td>
                <Table.Td c="red.8">{c.old}</Table.Td>
                <Table.Td c="green.8">{c.new}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {e.values.map((v) => (
        <Text key={`${v.label}:${v.value}`} size="xs">
          <Text span c="dimmed" inherit>
            {v.label}:
          </Text>{' '}
          {v.value}
        </Text>
      ))}
    </Stack>
  );
}

export function AuditEventRow({ e }: { e: AuditEvent }) {
  return (
    <Table.Tr data-testid="audit-row" data-type={e.type}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{moscowDateTime(e.at)}</Table.Td>
      <Table.Td data-testid="audit-actor">{e.actor?.name ?? L.system}</Table.Td>
      <Table.Td>
        <Text size="sm">{e.label}</Text>
        {e.group && (
          <Badge
            size="xs"
            variant="light"
            color={e.group === 'Чтение персональных данных' ? 'grape' : 'gray'}
          >
            {e.group}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed">
          {e.object.kind}
        </Text>
        {e.object.name &&
          (e.object.link ? (
            <Anchor component={Link} to={e.object.link} size="sm">
              {e.object.name}
            </Anchor>
          ) : (
            <Text size="sm">{e.object.name}</Text>
          ))}
        {e.unit && (
          <Text size="xs" c="dimmed">
            {e.unit.name}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Changes e={e} />
      </Table.Td>
    </Table.Tr>
  );
}
