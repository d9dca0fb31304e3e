import { Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { formatDateTime, Query } from '../shared/ui.js';
import { fetchers, keys } from './api.js';
import { DataImportModal } from './data-import-modal.js';
import { SchoolNamesSection } from './school-names.js';
import { fmtNum } from './strings.js';

/**
 * «Данные»: the years loaded in the region, the import of a data package and the remembered school names.
 * `canManageNames`: those who load tables see and forget remembered names — the operator and the
 * administrator (the API's rule).
 */
export function DataTab({ canWrite, canManageNames }: { canWrite: boolean; canManageNames: boolean }) {
  const [opened, modal] = useDisclosure(false);
  const q = useQuery({ queryKey: keys.years, queryFn: fetchers.years });
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Результаты оценочных процедур и контекстные показатели школ по годам.
        </Text>
        {canWrite && (
          <Button onClick={modal.open} data-testid="data-import-open">
            Загрузить данные
          </Button>
        )}
      </Group>
      <Query q={q}>
        {(years) =>
          years.length === 0 ? (
            <Paper withBorder p="xl">
              <Text c="dimmed" ta="center">
                Данных пока нет. Загрузите пакет данных.
              </Text>
            </Paper>
          ) : (
            <Table.ScrollContainer minWidth={800}>
              <Table withTableBorder verticalSpacing="sm" data-testid="data-years">
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th>Год</Table.Th>
                    <Table.Th ta="right">Школ</Table.Th>
                    <Table.Th ta="right">Результатов</Table.Th>
                    <Table.Th ta="right">Контекстных значений</Table.Th>
                    <Table.Th ta="right">Подтверждений отметок</Table.Th>
                    <Table.Th>Последняя загрузка</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...years]
                    .sort((a, b) => b.year - a.year)
                    .map((y) => (
                      <Table.Tr key={y.year} data-testid={`data-year-${y.year}`}>
                        <Table.Td fw={600}>{y.year}</Table.Td>
                        <Table.Td ta="right">{fmtNum(y.schools, 0)}</Table.Td>
                        <Table.Td ta="right">{fmtNum(y.results, 0)}</Table.Td>
                        <Table.Td ta="right">{fmtNum(y.contextValues, 0)}</Table.Td>
                        <Table.Td ta="right">{fmtNum(y.confirmations, 0)}</Table.Td>
                        <Table.Td>
                          {y.lastImport ? (
                            <Text size="sm">
                              {y.lastImport.fileName}{' '}
                              <Text span size="xs" c="dimmed">
                                {formatDateTime(y.lastImport.importedAt)},{' '}
                                {y.lastImport.importedBy?.fullName ?? 'система'}
                              </Text>
                            </Text>
                          ) : (
                            <Text size="sm" c="dimmed">
                              —
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </Query>
      {canManageNames && <SchoolNamesSection />}
      <DataImportModal opened={opened} onClose={modal.close} />
    </Stack>
  );
}
