import { Alert, Button, Code, Group, Image, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { api, unwrap } from '../shared/api.js';
import type { components } from '../shared/api-schema.js';
import { RecoveryCodes } from './recovery-codes.js';

type Setup = components['schemas']['MfaSetup'];

/**
 * Connecting an authenticator app: the QR code (and the secret for typing by hand), a code from the app,
 * then the recovery codes. Used by the profile and by the login page when a role requires the factor.
 */
export function EnrolMfa({
  login,
  onDone,
  onCancel,
}: {
  login: string;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const [setup, setSetup] = useState<Setup | null>(null);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    unwrap(api.POST('/api/me/mfa/setup')).then(setSetup, (e: unknown) =>
      setError(e instanceof Error ? e.message : 'Не удалось начать подключение'),
    );
  }, []);

  async function confirm(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await unwrap(api.POST('/api/me/mfa/confirm', { body: { code: code.trim() } }));
      setCodes(r.recoveryCodes);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Не удалось подтвердить код');
    } finally {
      setBusy(false);
    }
  }

  if (codes) return <RecoveryCodes codes={codes} login={login} onSaved={onDone} />;
  return (
    <form onSubmit={confirm}>
      <Stack data-testid="mfa-enrol">
        <Text size="sm">
          1. Установите на телефон приложение-аутентификатор (Яндекс Ключ, Google Authenticator, FreeOTP и
          другие) и отсканируйте QR-код.
        </Text>
        {setup && (
          <>
            <Image src={setup.qrDataUrl} alt="QR-код для приложения-аутентификатора" w={200} h={200} />
            <Text size="xs" c="dimmed">
              Не получается отсканировать? Введите ключ вручную:
            </Text>
            <Code data-testid="mfa-secret">{setup.secret}</Code>
          </>
        )}
        <Text size="sm">2. Введите шестизначный код, который показывает приложение.</Text>
        {error && <Alert color="red">{error}</Alert>}
        <TextInput
          label="Код из приложения"
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          required
          data-testid="mfa-enrol-code"
        />
        <Group>
          <Button type="submit" loading={busy} disabled={!setup}>
            Подтвердить
          </Button>
          {onCancel && (
            <Button variant="subtle" onClick={onCancel}>
              Отмена
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
