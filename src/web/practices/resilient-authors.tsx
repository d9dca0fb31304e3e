import { Card, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../shared/api.js';
import { Query } from '../shared/ui.js';
import { PRACTICE_UI as T } from './labels.js';

// For the reviewers: the resilient schools of their scope (approved list in force) and their practices.
export function ResilientAuthors() {
  const authors = useQuery({
    queryKey: ['practices-resilient'],
    queryFn: () => unwrap(api.GET('/api/practices/resilient-authors')),
  });
  return (
    <Query q={authors}>
      {(rows) =>
        rows.length === 0 ? null : (
          <Card withBorder data-testid="resilient-authors">
            <Title order={4} mb="xs">
              {T.resilientTitle}
            </Title>
            <Table>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.schoolId}>
                    <Table.Td>{r.schoolName}</Table.Td>
                    <Table.Td>{r.municipalityName ?? ''}</Table.Td>
                    <Table.Td>
                      <Text size="sm" c={r.practices === 0 ? 'orange' : undefined}>
                        {T.resilientHas(r.practices, r.published)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        список {r.listYear} г.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        )
      }
    </Query>
  );
}
