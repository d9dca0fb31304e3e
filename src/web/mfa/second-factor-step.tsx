import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../shared/api.js';
import { EnrolMfa } from './enrol-mfa.js';

export type PendingStage = 'mfa' | 'mfa_enrol';

/**
 * The login page after the first factor (password, LDAP or OIDC — `/login?mfa=1`): a code from the app
 * or a recovery code, or — when a role requires the factor — its set-up. «Отмена» ends the pending session.
 */
export function SecondFactorStep({
  stage,
  login,
  onDone,
  onCancel,
}: {
  stage: PendingStage;
  login: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  async function cancel() {
    await api.POST('/api/auth/logout').catch(() => undefined);
    onCancel();
  }
  if (stage === 'mfa_enrol')
    return (
      <Stack>
        <Title order={3}>Настройка второго фактора</Title>
        <Text size="sm">Для вашей роли вход возможен только с кодом из приложения на телефоне.</Text>
        <EnrolMfa login={login} onDone={onDone} onCancel={cancel} />
      </Stack>
    );
  return <CodeForm onDone={onDone} onCancel={cancel} />;
}

function CodeForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const [recovery, setRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [left, setLeft] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = recovery ? { recoveryCode: value.trim() } : { code: value.trim() };
      const r = await unwrap(api.POST('/api/auth/mfa/verify', { body }));
      if (r.recoveryCodesLeft !== null && r.recoveryCodesLeft <= 3) {
        // Few codes left: say so before the page leaves (the profile makes new ones).
        setLeft(r.recoveryCodesLeft);
        return;
      }
      onDone();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Не удалось проверить код');
    } finally {
      setBusy(false);
    }
  }

  if (left !== null)
    return (
      <Stack>
        <Alert color="yellow" title="Осталось мало резервных кодов">
          Осталось кодов: {left}. Получите новые в профиле, раздел «Безопасность».
        </Alert>
        <Button onClick={onDone}>Продолжить</Button>
      </Stack>
    );
  return (
    <form onSubmit={submit}>
      <Stack data-testid="mfa-step">
        <Title order={3}>Подтверждение входа</Title>
        <Text size="sm">
          {recovery
            ? 'Введите один из резервных кодов, сохранённых при подключении.'
            : 'Введите шестизначный код из приложения-аутентификатора.'}
        </Text>
        {error && <Alert color="red">{error}</Alert>}
        <TextInput
          key={recovery ? 'recovery' : 'code'}
          label={recovery ? 'Резервный код' : 'Код из приложения'}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          inputMode={recovery ? 'text' : 'numeric'}
          autoComplete="one-time-code"
          required
          autoFocus
          data-testid="mfa-code"
        />
        <Group justify="space-between">
          <Button type="submit" loading={busy}>
            Войти
          </Button>
          <Button variant="subtle" onClick={onCancel}>
            Отмена
          </Button>
        </Group>
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => {
            setRecovery(!recovery);
            setValue('');
            setError(null);
          }}
        >
          {recovery ? 'Ввести код из приложения' : 'Использовать резервный код'}
        </Anchor>
      </Stack>
    </form>
  );
}
