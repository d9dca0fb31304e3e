import { Alert, Badge, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../shared/api.js';
import { notifyOk } from '../shared/ui.js';
import { EnrolMfa } from './enrol-mfa.js';
import { RecoveryCodes } from './recovery-codes.js';

type Dialog = 'enrol' | 'disable' | 'regenerate' | null;

/** «Двухфакторный вход» of the profile: turn on, turn off (with a code), new recovery codes (with a code). */
export function MfaPanel({ login }: { login: string }) {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['me', 'mfa'], queryFn: () => unwrap(api.GET('/api/me/mfa')) });
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => {
    setDialog(null);
    void qc.invalidateQueries({ queryKey: ['me', 'mfa'] });
  };
  const s = q.data;
  if (!s) return null;
  return (
    <Stack gap="xs" data-testid="mfa-panel">
      <Group gap="xs">
        <Text fw={600}>Двухфакторный вход</Text>
        <Badge color={s.enabled ? 'teal' : 'gray'} variant="light" data-testid="mfa-state">
          {s.enabled ? 'включён' : 'выключен'}
        </Badge>
        {s.required && (
          <Badge color="orange" variant="outline">
            обязателен для вашей роли
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {s.enabled
          ? `При входе, кроме пароля, спрашивается код из приложения на телефоне. Резервных кодов осталось: ${s.recoveryCodesLeft}.`
          : 'Кроме пароля, при входе будет спрашиваться код из приложения на телефоне.'}
      </Text>
      <Group>
        {!s.enabled && <Button onClick={() => setDialog('enrol')}>Включить</Button>}
        {s.enabled && (
          <Button variant="light" onClick={() => setDialog('regenerate')}>
            Новые резервные коды
          </Button>
        )}
        {s.enabled && !s.required && (
          <Button variant="light" color="red" onClick={() => setDialog('disable')}>
            Отключить
          </Button>
        )}
      </Group>
      <Modal
        opened={dialog === 'enrol'}
        onClose={close}
        title="Подключение приложения-аутентификатора"
        size="md"
      >
        {dialog === 'enrol' && (
          <EnrolMfa
            login={login}
            onDone={() => {
              notifyOk('Двухфакторный вход включён');
              close();
            }}
            onCancel={close}
          />
        )}
      </Modal>
      <Modal
        opened={dialog === 'disable' || dialog === 'regenerate'}
        onClose={close}
        title={dialog === 'disable' ? 'Отключение двухфакторного входа' : 'Новые резервные коды'}
      >
        {(dialog === 'disable' || dialog === 'regenerate') && (
          <CodeAction kind={dialog} login={login} onDone={close} />
        )}
      </Modal>
    </Stack>
  );
}

function CodeAction({
  kind,
  login,
  onDone,
}: {
  kind: 'disable' | 'regenerate';
  login: string;
  onDone: () => void;
}) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (kind === 'disable') {
        await unwrap(api.DELETE('/api/me/mfa', { body: { code: code.trim() } }));
        notifyOk('Двухфакторный вход отключён');
        onDone();
      } else {
        const r = await unwrap(api.POST('/api/me/mfa/recovery-codes', { body: { code: code.trim() } }));
        setCodes(r.recoveryCodes);
      }
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Не удалось');
    } finally {
      setBusy(false);
    }
  }
  if (codes) return <RecoveryCodes codes={codes} login={login} onSaved={onDone} />;
  return (
    <form onSubmit={submit}>
      <Stack>
        <Text size="sm">
          {kind === 'disable'
            ? 'Подтвердите кодом из приложения. После отключения вход — только по паролю.'
            : 'Подтвердите кодом из приложения. Прежние резервные коды перестанут действовать.'}
        </Text>
        {error && <Alert color="red">{error}</Alert>}
        <TextInput
          label="Код из приложения"
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          inputMode="numeric"
          autoComplete="one-time-code"
          required
        />
        <Group>
          <Button type="submit" loading={busy} color={kind === 'disable' ? 'red' : undefined}>
            {kind === 'disable' ? 'Отключить' : 'Получить новые коды'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
