import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { AssignRoleModal } from '../admin/assign-role-modal.js';
import { UserModal } from '../admin/user-modals.js';
import { ROLES, type UserRow } from '../admin/user-types.js';
import { api, unwrap } from '../shared/api.js';
import { hasRole, useMe } from '../shared/auth.js';
import { ROLE_LABELS, type Role } from '../shared/types.js';
import { notifyError, notifyOk, Query } from '../shared/ui.js';

/** Roles an LDAP group rule gave at sign-in (ADR 0041): what they are, and why removing one is not for good. */
export const FROM_DIRECTORY_HINT =
  'Роль выдана по группе каталога LDAP при входе. Она снимается сама, когда человек выходит из группы. ' +
  'Чтобы роль осталась и без группы, назначьте её вручную — «Назначить роль».';
const FROM_DIRECTORY_REMOVE =
  'Эта роль выдана каталогом LDAP по правилу группы: пока человек состоит в группе, она вернётся ' +
  'при его следующем входе. Чтобы снять её насовсем, исключите человека из группы в каталоге ' +
  'или уберите правило LDAP_GROUP_ROLES.';

type Dialog = { kind: 'create' } | { kind: 'edit'; id: string } | { kind: 'assign'; id: string } | null;

export function AdminUsersPage() {
  const me = useMe();
  if (!hasRole(me, 'admin')) return <Alert color="yellow">Раздел доступен только администратору.</Alert>;
  return <AdminUsers />;
}

function AdminUsers() {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['users'], queryFn: () => unwrap(api.GET('/api/users')) });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [state, setState] = useState<string | null>(null);
  const users = q.data ?? [];
  const current = dialog && dialog.kind !== 'create' ? (users.find((u) => u.id === dialog.id) ?? null) : null;

  async function removeRole(u: UserRow, a: UserRow['assignments'][number]) {
    const question = `Снять роль «${ROLE_LABELS[a.role]}» (${a.unitName}) у пользователя ${u.fullName}?`;
    if (!window.confirm(a.source === 'directory' ? `${question}\n\n${FROM_DIRECTORY_REMOVE}` : question))
      return;
    try {
      await unwrap(
        api.DELETE('/api/users/{id}/assignments/{assignmentId}', {
          params: { path: { id: u.id, assignmentId: a.id } },
        }),
      );
      notifyOk('Роль снята');
      await qc.invalidateQueries({ queryKey: ['users'] });
    } catch (e) {
      notifyError(e);
    }
  }

  const s = search.trim().toLowerCase();
  const filtered = users.filter(
    (u) =>
      (!s ||
        u.login.toLowerCase().includes(s) ||
        u.fullName.toLowerCase().includes(s) ||
        (u.email ?? '').toLowerCase().includes(s) ||
        u.assignments.some((a) => a.unitName.toLowerCase().includes(s))) &&
      (!role || u.assignments.some((a) => a.role === role)) &&
      (!state || (state === 'active') === u.isActive),
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Пользователи</Title>
        <Button onClick={() => setDialog({ kind: 'create' })} data-testid="user-create">
          Новый пользователь
        </Button>
      </Group>
      <Group align="flex-end">
        <TextInput
          label="Поиск"
          placeholder="Логин, ФИО, почта или организация"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={340}
        />
        <Select
          label="Роль"
          placeholder="Все роли"
          data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          value={role}
          onChange={(v) => setRole(v as Role | null)}
          clearable
          w={260}
        />
        <Select
          label="Состояние"
          placeholder="Все"
          data={[
            { value: 'active', label: 'активные' },
            { value: 'blocked', label: 'заблокированные' },
          ]}
          value={state}
          onChange={setState}
          clearable
          w={180}
        />
      </Group>
      <Query q={q}>
        {() => (
          <>
            <Text size="sm" c="dimmed">
              Показано {filtered.length} из {users.length}
            </Text>
            <Table.ScrollContainer minWidth={900}>
              <Table highlightOnHover verticalSpacing="xs" data-testid="users-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={140}>Логин</Table.Th>
                    <Table.Th w={300}>ФИО</Table.Th>
                    <Table.Th>Роли</Table.Th>
                    <Table.Th w={150}>Состояние</Table.Th>
                    <Table.Th w={210} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {filtered.map((u) => (
                    <Table.Tr key={u.id} data-testid={`user-row-${u.login}`}>
                      <Table.Td>
                        <Text size="sm" ff="monospace">
                          {u.login}
                        </Text>
                        {u.isDemo && (
                          <Badge size="xs" color="orange" variant="outline">
                            демо
                          </Badge>
                        )}
                        {u.isStub && (
                          <Tooltip
                            label="Автор записей из другого региона, пришедший с выгрузкой региона: только ФИО. Под этой записью не входят."
                            multiline
                            w={320}
                          >
                            <Badge size="xs" color="gray" variant="outline">
                              из другого региона
                            </Badge>
                          </Tooltip>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text
                          size="sm"
                          fw={500}
                          c={u.isActive ? undefined : 'dimmed'}
                          td={u.isActive ? undefined : 'line-through'}
                        >
                          {u.fullName}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {[u.position, u.email].filter(Boolean).join(' · ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={4}>
                          {u.assignments.length === 0 && (
                            <Text size="xs" c="orange">
                              роли не назначены
                            </Text>
                          )}
                          {u.assignments.map((a) => (
                            <Group key={a.id} gap={4} wrap="nowrap" align="flex-start">
                              <div style={{ minWidth: 0, flex: 1 }}>
                                <Text size="xs" fw={600} c="blue.8">
                                  {ROLE_LABELS[a.role]}
                                </Text>
                                <Text size="xs" lineClamp={2} title={a.unitName}>
                                  {a.unitName}
                                </Text>
                                {a.source === 'directory' && (
                                  <Tooltip label={FROM_DIRECTORY_HINT} multiline w={320}>
                                    <Badge
                                      size="xs"
                                      variant="outline"
                                      color="grape"
                                      data-testid="role-from-directory"
                                    >
                                      из каталога LDAP
                                    </Badge>
                                  </Tooltip>
                                )}
                              </div>
                              <Tooltip label="Снять роль">
                                <ActionIcon
                                  size="xs"
                                  variant="subtle"
                                  color="red"
                                  onClick={() => removeRole(u, a)}
                                  aria-label="Снять роль"
                                >
                                  ×
                                </ActionIcon>
                              </Tooltip>
                            </Group>
                          ))}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={u.isActive ? 'teal' : 'gray'} variant={u.isActive ? 'light' : 'filled'}>
                          {u.isActive ? 'активен' : 'заблокирован'}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6} justify="flex-end" wrap="nowrap">
                          <Button
                            size="compact-xs"
                            variant="light"
                            onClick={() => setDialog({ kind: 'edit', id: u.id })}
                          >
                            Изменить
                          </Button>
                          <Button
                            size="compact-xs"
                            variant="light"
                            color="teal"
                            disabled={u.isStub}
                            onClick={() => setDialog({ kind: 'assign', id: u.id })}
                          >
                            Назначить роль
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Query>
      <UserModal
        user={dialog?.kind === 'edit' ? current : null}
        opened={dialog?.kind === 'create' || (dialog?.kind === 'edit' && current !== null)}
        onClose={() => setDialog(null)}
        onCreated={(id) => setDialog({ kind: 'assign', id })}
      />
      <AssignRoleModal
        user={current}
        opened={dialog?.kind === 'assign' && current !== null}
        onClose={() => setDialog(null)}
      />
    </Stack>
  );
}
