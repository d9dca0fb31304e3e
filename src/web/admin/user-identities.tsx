import { Button, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../shared/api.js';
import { formatDateTime, notifyError, notifyOk } from '../shared/ui.js';

// The user's accounts at OIDC providers and LDAP (issue 17 §1). Unlinking lets the next sign-in there
// link again by the configured claim: the way to move a wrongly linked person to the right account.

const providerLabel = (p: string) =>
  p === 'ldap' ? 'LDAP / Active Directory' : p.replace(/^oidc:/, 'OpenID Connect: ');

export function UserIdentities({ userId }: { userId: string }) {
  const qc = useQueryClient();
  const key = ['users', userId, 'identities'];
  const q = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/api/users/{id}/identities', { params: { path: { id: userId } } })),
  });
  const unlink = useMutation({
    mutationFn: (identityId: string) =>
      unwrap(
        api.DELETE('/api/users/{id}/identities/{identityId}', {
          params: { path: { id: userId, identityId } },
        }),
      ),
    onSuccess: () => {
      notifyOk('Внешняя учётная запись отвязана');
      return qc.invalidateQueries({ queryKey: key });
    },
    onError: notifyError,
  });
  const rows = q.data ?? [];
  return (
    <Stack gap={4} data-testid="user-identities">
      <Text size="sm" fw={500}>
        Вход через внешние системы
      </Text>
      {rows.length === 0 ? (
        <Text size="xs" c="dimmed">
          {q.isLoading ? 'Загрузка…' : 'Не связан ни с одной внешней учётной записью.'}
        </Text>
      ) : (
        <Table fz="xs" withRowBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Поставщик</Table.Th>
              <Table.Th>Логин или почта</Table.Th>
              <Table.Th>Последний вход</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{providerLabel(r.provider)}</Table.Td>
                <Table.Td>{r.claimValue ?? r.subject}</Table.Td>
                <Table.Td>{formatDateTime(r.lastUsedAt)}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    loading={unlink.isPending && unlink.variables === r.id}
                    onClick={() => unlink.mutate(r.id)}
                  >
                    Отвязать
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
