import {
  Anchor,
  Button,
  Group,
  Paper,
  ScrollArea,
  SimpleGrid,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, apiHref, unwrap } from '../shared/api.js';
import { Query } from '../shared/ui.js';
import { SchoolList, ShareBar } from './common.js';
import { LIST_KIND_SHORT_LABEL } from './strings.js';
import type { ListKind } from './types.js';

/** Comparison with the approved list of the previous year: new, left and stayed. */
export function ComparisonPanel({ listId, year }: { listId: string; year: number }) {
  const q = useQuery({
    queryKey: ['identification-list-comparison', listId],
    queryFn: () =>
      unwrap(api.GET('/api/identification/lists/{id}/comparison', { params: { path: { id: listId } } })),
  });
  return (
    <Paper withBorder p="md" data-testid="list-comparison">
      <Title order={5} mb="xs">
        Сравнение с {year - 1} годом
      </Title>
      <Query q={q}>
        {(c) =>
          c.previousListId === null ? (
            <Text size="sm" c="dimmed">
              Утверждённого списка {year - 1} года нет — сравнивать не с чем.
            </Text>
          ) : (
            <Tabs defaultValue="new">
              <Tabs.List grow>
                <Tabs.Tab value="new">Новые: {c.new.length}</Tabs.Tab>
                <Tabs.Tab value="left">Вышли: {c.left.length}</Tabs.Tab>
                <Tabs.Tab value="stayed">Остались: {c.stayed.length}</Tabs.Tab>
              </Tabs.List>
              {(['new', 'left', 'stayed'] as const).map((k) => (
                <Tabs.Panel key={k} value={k} pt="xs">
                  <ScrollArea.Autosize mah={220}>
                    <SchoolList schools={c[k]} />
                  </ScrollArea.Autosize>
                </Tabs.Panel>
              ))}
              <Anchor component={Link} to={`/identification/lists/${c.previousListId}`} size="xs" mt="xs">
                Открыть список {year - 1} года
              </Anchor>
            </Tabs>
          )
        }
      </Query>
    </Paper>
  );
}

/** Municipalities with a high concentration of the list's schools: the share of their schools, highest first. */
export function MunicipalitiesPanel({ listId, kind }: { listId: string; kind: ListKind }) {
  const q = useQuery({
    queryKey: ['identification-list-municipalities', listId],
    queryFn: () =>
      unwrap(api.GET('/api/identification/lists/{id}/municipalities', { params: { path: { id: listId } } })),
  });
  return (
    <Paper withBorder p="md" data-testid="list-municipalities">
      <Title order={5} mb="xs">
        Концентрация по муниципалитетам: {LIST_KIND_SHORT_LABEL[kind]}
      </Title>
      <Query q={q}>
        {(rows) => (
          <ScrollArea.Autosize mah={260}>
            <Table verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Муниципалитет</Table.Th>
                  <Table.Th ta="right">В списке / школ</Table.Th>
                  <Table.Th>Доля</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...rows]
                  .sort((a, b) => b.share - a.share)
                  .map((m) => (
                    <Table.Tr key={m.municipality?.id ?? 'none'}>
                      <Table.Td>{m.municipality?.name ?? 'Без муниципалитета'}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {m.shnor} / {m.schools}
                      </Table.Td>
                      <Table.Td>
                        <ShareBar
                          width={110}
                          value={m.share}
                          color={m.share >= 0.2 ? 'red' : m.share >= 0.1 ? 'orange' : 'yellow'}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
      </Query>
    </Paper>
  );
}

export function ExportButtons({ listId }: { listId: string }) {
  const url = (format: 'xlsx' | 'docx', details?: 'true') =>
    apiHref('/api/identification/lists/{id}/export', { path: { id: listId }, query: { format, details } });
  return (
    <Group gap="xs">
      <Button component="a" href={url('xlsx')} download variant="default" data-testid="list-export-xlsx">
        Выгрузить в Excel
      </Button>
      <Button
        component="a"
        href={url('docx')}
        download
        variant="default"
        data-testid="list-export-docx"
        title="Приложение к приказу: одна строка оснований на школу"
      >
        Выгрузить в Word
      </Button>
      <Button
        component="a"
        href={url('docx', 'true')}
        download
        variant="subtle"
        data-testid="list-export-docx-details"
        title="С вторым приложением: основания по всем процедурам"
      >
        Word с подробными основаниями
      </Button>
    </Group>
  );
}

export function SidePanels({ listId, year, kind }: { listId: string; year: number; kind: ListKind }) {
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <ComparisonPanel listId={listId} year={year} />
      <MunicipalitiesPanel listId={listId} kind={kind} />
    </SimpleGrid>
  );
}
