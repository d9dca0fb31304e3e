import { Alert, Badge, Button, Group, Paper, PasswordInput, Stack, Table, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { changePasswordInput } from '../../modules/auth/user-schemas.js';
import { MfaPanel } from '../mfa/mfa-panel.js';
import { SessionsPanel } from '../mfa/sessions-panel.js';
import { ApiError, api, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { check } from '../shared/form-check.js';
import { ROLE_LABELS } from '../shared/types.js';
import { notifyOk } from '../shared/ui.js';

const UNIT_KIND_LABELS: Record<string, string> = {
  region: 'регион',
  municipality: 'муниципалитет',
  school: 'школа',
  institution: 'учреждение',
};

type Errors = { current?: string; next?: string; repeat?: string };

/** The route's own schema checks the two passwords; the repetition is the form's alone. */
function validatePasswordChange(current: string, next: string, repeat: string): Errors {
  const { errors } = check(changePasswordInput, { currentPassword: current, newPassword: next });
  const e: Errors = {};
  if (errors?.currentPassword) e.current = errors.currentPassword;
  if (errors?.newPassword) e.next = errors.newPassword;
  if (!repeat) e.repeat = 'Повторите новый пароль';
  else if (next && repeat !== next) e.repeat = 'Пароли не совпадают';
  return e;
}

function PasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setFormError(null);
    const e = validatePasswordChange(current, next, repeat);
    setErrors(e);
    if (Object.keys(e).length) return;
    setBusy(true);
    try {
      await unwrap(api.POST('/api/me/password', { body: { currentPassword: current, newPassword: next } }));
      notifyOk('Пароль изменён');
      setCurrent('');
      setNext('');
      setRepeat('');
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) {
        const byField: Errors = {};
        for (const f of err.fields) {
          if (f.field === 'currentPassword') byField.current = err.message;
          if (f.field === 'newPassword') byField.next = err.message;
        }
        setErrors(byField);
        if (!byField.current && !byField.next) setFormError(err.message);
      } else setFormError(err instanceof Error ? err.message : 'Не удалось изменить пароль');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate data-testid="password-form">
      <Stack maw={380}>
        {formError && <Alert color="red">{formError}</Alert>}
        <PasswordInput
          label="Текущий пароль"
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          error={errors.current}
          autoComplete="current-password"
        />
        <PasswordInput
          label="Новый пароль"
          description="Не короче 8 символов"
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
          error={errors.next}
          autoComplete="new-password"
        />
        <PasswordInput
          label="Повторите новый пароль"
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
          error={errors.repeat}
          autoComplete="new-password"
        />
        <Group>
          <Button type="submit" loading={busy}>
            Сменить пароль
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ProfilePage() {
  const me = useMe();
  return (
    <Stack maw={900}>
      <Title order={2}>Профиль</Title>
      <Paper withBorder p="md" radius="md">
        <Stack gap="xs">
          <Group gap="xs">
            <Text fw={600} size="lg">
              {me.fullName}
            </Text>
            {me.demo && (
              <Badge color="orange" variant="light">
                демо
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            Логин: {me.login}
          </Text>
          <Title order={5} mt="sm">
            Роли
          </Title>
          {me.assignments.length === 0 ? (
            <Text size="sm" c="dimmed">
              Роли не назначены. Обратитесь к администратору.
            </Text>
          ) : (
            <Table withTableBorder data-testid="profile-roles">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Роль</Table.Th>
                  <Table.Th>Организация</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {me.assignments.map((a) => (
                  <Table.Tr key={`${a.role}-${a.orgUnitId}`}>
                    <Table.Td>{ROLE_LABELS[a.role]}</Table.Td>
                    <Table.Td>
                      {a.unitName}{' '}
                      <Text span size="xs" c="dimmed">
                        ({UNIT_KIND_LABELS[a.unitKind] ?? a.unitKind})
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={4} mb="sm">
          Смена пароля
        </Title>
        <PasswordForm />
      </Paper>
      <Paper withBorder p="md" radius="md" data-testid="profile-security">
        <Title order={4} mb="sm">
          Безопасность
        </Title>
        <Stack gap="lg">
          <MfaPanel login={me.login} />
          <SessionsPanel />
        </Stack>
      </Paper>
    </Stack>
  );
}
