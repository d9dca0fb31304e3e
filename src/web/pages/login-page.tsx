import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { type PendingStage, SecondFactorStep } from '../mfa/second-factor-step.js';
import { api, unwrap } from '../shared/api.js';

export function LoginPage() {
  const qc = useQueryClient();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // After the first factor (here, or an OIDC provider's `/login?mfa=1`): the second one is asked for.
  const [pending, setPending] = useState<PendingStage | null>(null);
  useEffect(() => {
    unwrap(api.GET('/api/session')).then(
      (s) => setPending(s.pending),
      () => undefined,
    );
  }, []);
  // The first start in demo mode signs nobody in until the demo is loaded (the API answers 503).
  const health = useQuery({
    queryKey: ['health'],
    queryFn: () => unwrap(api.GET('/api/health')),
    refetchInterval: (q) => (q.state.data?.demo === 'loading' ? 1000 : false),
    retry: false,
  });
  const demoLoading = health.data?.demo === 'loading';

  async function signedIn() {
    // Drop whatever a previous user had cached, then load the new user (which leaves this page).
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    await qc.refetchQueries({ queryKey: ['me'] });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await unwrap(api.POST('/api/auth/login', { body: { login, password } }));
      if (r.stage !== 'full') setPending(r.stage);
      else await signedIn();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Не удалось войти');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={400}>
        {pending ? (
          <SecondFactorStep
            stage={pending}
            login={login}
            onDone={signedIn}
            onCancel={() => {
              setPending(null);
              setPassword('');
            }}
          />
        ) : (
          <form onSubmit={submit}>
            <Stack>
              <div>
                <Title order={2}>Опора</Title>
                <Text size="sm" c="dimmed">
                  Система работы со школами с низкими результатами обучения и школами, функционирующими в
                  неблагоприятных социальных условиях
                </Text>
              </div>
              {demoLoading && (
                <Alert color="blue" title="Демо-данные загружаются…">
                  Вход откроется через несколько секунд, страницу обновлять не нужно.
                </Alert>
              )}
              {error && <Alert color="red">{error}</Alert>}
              <TextInput
                label="Логин"
                value={login}
                onChange={(e) => setLogin(e.currentTarget.value)}
                autoComplete="username"
                required
                autoFocus
              />
              <PasswordInput
                label="Пароль"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                autoComplete="current-password"
                required
              />
              <Button type="submit" loading={busy} disabled={demoLoading}>
                Войти
              </Button>
            </Stack>
          </form>
        )}
      </Paper>
    </Center>
  );
}
