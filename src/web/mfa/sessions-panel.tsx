import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk, Query } from '../shared/ui.js';

const METHOD_LABELS: Record<string, string> = { password: 'пароль', ldap: 'учётная запись домена' };

function methodLabel(method: string): string {
  const [first, second] = method.split('+');
  const base = first?.startsWith('oidc:')
    ? `единый вход (${first.slice(5)})`
    : (METHOD_LABELS[first ?? ''] ?? first);
  return second ? `${base} + ${second === 'totp' ? 'код из приложения' : 'резервный код'}` : (base ?? method);
}

const when = (iso: string) =>
  new Date(iso).toLocaleString('ru-RU', { dateStyle: 'short', timeStyle: 'short' });

/** «Сеансы»: where the user is signed in, with «Завершить» and «Завершить все остальные». */
export function SessionsPanel() {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['me', 'sessions'], queryFn: () => unwrap(api.GET('/api/me/sessions')) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['me', 'sessions'] });
  async function end(id: string) {
    try {
      await unwrap(api.DELETE('/api/me/sessions/{id}', { params: { path: { id } } }));
      notifyOk('Сеанс завершён');
    } catch (e) {
      notifyError(e);
    }
    await refresh();
  }
  async function endOthers() {
    try {
      const r = await unwrap(api.POST('/api/me/sessions/end-others'));
      notifyOk(`Завершено сеансов: ${r.ended}`);
    } catch (e) {
      notifyError(e);
    }
    await refresh();
  }
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600}>Сеансы</Text>
        <Button
          size="compact-sm"
          variant="light"
          color="red"
          onClick={endOthers}
          data-testid="end-other-sessions"
        >
          Завершить все остальные
        </Button>
      </Group>
      <Query q={q}>
        {(list) => (
          <Table withTableBorder data-testid="sessions-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Устройство</Table.Th>
                <Table.Th>Адрес</Table.Th>
                <Table.Th>Способ входа</Table.Th>
                <Table.Th>Вход</Table.Th>
                <Table.Th>Последнее действие</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((s) => (
                <Table.Tr key={s.id} data-testid="session-row">
                  <Table.Td>
                    <Text size="sm">{s.device}</Text>
                    {s.current && (
                      <Badge size="xs" color="teal" variant="light">
                        этот сеанс
                      </Badge>
                    )}
                    {s.stage !== 'full' && (
                      <Badge size="xs" color="orange" variant="light">
                        ждёт второго фактора
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {s.ip ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{methodLabel(s.method)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{when(s.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{when(s.lastUsedAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {!s.current && (
                      <Button size="compact-xs" variant="light" color="red" onClick={() => end(s.id)}>
                        Завершить
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Query>
    </Stack>
  );
}
