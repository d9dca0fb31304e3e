import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk } from '../shared/ui.js';

/**
 * The administrator's actions on a user's sign-in (issue 17 §3–4): the user lost his phone — reset the
 * second factor (his sessions end too); a device was lost or an account misused — end all sessions.
 */
export function UserSecurityActions({ userId, fullName }: { userId: string; fullName: string }) {
  const [busy, setBusy] = useState<'reset' | 'end' | null>(null);
  async function run(kind: 'reset' | 'end') {
    const question =
      kind === 'reset'
        ? `Сбросить второй фактор пользователя ${fullName}? Его сеансы будут завершены; при следующем входе он подключит приложение заново.`
        : `Завершить все сеансы пользователя ${fullName}? Ему придётся войти снова на всех устройствах.`;
    if (!window.confirm(question)) return;
    setBusy(kind);
    try {
      if (kind === 'reset') {
        const r = await unwrap(api.POST('/api/users/{id}/mfa/reset', { params: { path: { id: userId } } }));
        notifyOk(
          r.reset
            ? `Второй фактор сброшен, завершено сеансов: ${r.sessionsEnded}`
            : `Второй фактор не был включён; завершено сеансов: ${r.sessionsEnded}`,
        );
      } else {
        const r = await unwrap(
          api.POST('/api/users/{id}/sessions/end', { params: { path: { id: userId } } }),
        );
        notifyOk(`Завершено сеансов: ${r.ended}`);
      }
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  }
  return (
    <>
      <Text size="sm" fw={600}>
        Вход в систему
      </Text>
      <Group gap="xs">
        <Button
          size="compact-sm"
          variant="light"
          color="orange"
          loading={busy === 'reset'}
          onClick={() => run('reset')}
        >
          Сбросить второй фактор
        </Button>
        <Button
          size="compact-sm"
          variant="light"
          color="red"
          loading={busy === 'end'}
          onClick={() => run('end')}
        >
          Завершить все сеансы
        </Button>
      </Group>
    </>
  );
}
