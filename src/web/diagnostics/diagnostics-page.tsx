import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { formatDate, Query } from '../shared/ui.js';
import { CreateDiagnosticModal } from './create-diagnostic.js';
import { D } from './strings.js';

// The diagnostics the user sees: his unit's and those of the units above that his teachers take.
export function DiagnosticsPage() {
  const me = useMe();
  const [creating, create] = useDisclosure(false);
  const q = useQuery({ queryKey: ['diagnostics'], queryFn: () => unwrap(api.GET('/api/diagnostics')) });
  const runs =
    me.capabilities.people === 'region' ||
    me.capabilities.people === 'municipality' ||
    me.capabilities.people === 'school';
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{D.title}</Title>
        <Group>
          <Button component={Link} to="/diagnostics/scale" variant="default">
            {D.scale}
          </Button>
          {runs && (
            <Button onClick={create.open} data-testid="diag-create">
              {D.create}
            </Button>
          )}
        </Group>
      </Group>
      <Query q={q}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed">{D.empty}</Text>
          ) : (
            <Table striped withTableBorder data-testid="diagnostics">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Диагностика</Table.Th>
                  <Table.Th>Проводит</Table.Th>
                  <Table.Th>Дата</Table.Th>
                  <Table.Th>Результатов</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((d) => (
                  <Table.Tr key={d.id} data-testid="diagnostic-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/diagnostics/${d.id}`}>
                        {d.name}
                      </Anchor>
                      {d.previousName && (
                        <Text size="xs" c="dimmed">
                          повторная к «{d.previousName}»
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {d.organiser}
                      <Text size="xs" c="dimmed">
                        {d.ownerName}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatDate(d.conductedOn)}</Table.Td>
                    <Table.Td>{d.results}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </Query>
      {creating && <CreateDiagnosticModal onClose={create.close} />}
    </Stack>
  );
}
