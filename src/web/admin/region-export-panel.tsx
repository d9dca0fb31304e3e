import { Alert, Anchor, Button, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiHref, unwrap } from '../shared/api.js';

// «Выгрузить данные региона» (issue 17 §6): the administrator queues the export of the selected region,
// watches its progress (polled while a job runs) and downloads the ZIP archive (docs/region-export.md).

const STATUS = { queued: 'в очереди', running: 'выполняется', done: 'готово', failed: 'ошибка' } as const;

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1).replace('.', ',')} МБ`;

export function RegionExportPanel({ region }: { region: { id: string; name: string } }) {
  const client = useQueryClient();
  const q = useQuery({
    queryKey: ['region-exports'],
    queryFn: () => unwrap(api.GET('/api/region-exports')),
    refetchInterval: (query) =>
      query.state.data?.some((x) => x.status === 'queued' || x.status === 'running') ? 1000 : false,
  });
  const start = useMutation({
    mutationFn: () => unwrap(api.POST('/api/region-exports', { body: { regionId: region.id } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['region-exports'] }),
  });
  const mine = (q.data ?? []).filter((x) => x.regionId === region.id);
  return (
    <Paper withBorder p="md" radius="md" mt="md" data-testid="region-export">
      <Stack gap="sm">
        <Title order={4}>Выгрузка данных региона</Title>
        <Text size="sm" c="dimmed">
          Всё, чем владеет регион: организации, пользователи (без паролей), данные, списки, документы,
          дорожные карты с историей и файлы — в один ZIP-архив, который загружается в другую установку Опоры
          командой «opora import-region».
        </Text>
        <Button onClick={() => start.mutate()} loading={start.isPending} data-testid="region-export-start">
          Выгрузить данные региона
        </Button>
        {start.error && <Alert color="red">{start.error.message}</Alert>}
        {mine.length > 0 && (
          <Table data-testid="region-export-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Запрошена</Table.Th>
                <Table.Th>Состояние</Table.Th>
                <Table.Th>Архив</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mine.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>{new Date(x.createdAt).toLocaleString('ru-RU')}</Table.Td>
                  <Table.Td>
                    {STATUS[x.status]}
                    {x.status === 'running' && (
                      <>
                        <Progress value={x.progress * 100} size="sm" mt={4} />
                        <Text size="xs" c="dimmed">
                          {x.message}
                        </Text>
                      </>
                    )}
                    {x.status === 'failed' && (
                      <Text size="xs" c="red">
                        {x.error}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {x.result ? (
                      <Anchor
                        href={apiHref('/api/region-exports/{id}/file', { path: { id: x.id } })}
                        data-testid="region-export-download"
                      >
                        ZIP, {mb(x.result.bytes)}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
