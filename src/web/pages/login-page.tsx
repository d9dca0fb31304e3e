import {
  Alert,
  Button,
  Center,
  Divider,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { isOidcErrorCode, OIDC_ERROR_MESSAGES } from '../../modules/auth/oidc/errors.js';
import { type PendingStage, SecondFactorStep } from '../mfa/second-factor-step.js';
import { api, unwrap } from '../shared/api.js';

/** The reason an OIDC sign-in came back with (/login?error=<code>): only codes of the table are shown. */
function signInError(): string | null {
  const code = new URLSearchParams(window.location.search).get('error');
  return isOidcErrorCode(code) ? OIDC_ERROR_MESSAGES[code] : null;
}

/** /login is where sign-in and sign-out come back to; once shown, the page lives at the start address. */
function cleanLoginAddress() {
  // «?mfa=1» belongs to the second-factor step and stays.
  const params = new URLSearchParams(window.location.search);
  if (window.location.pathname === '/login' && !params.has('mfa')) window.history.replaceState(null, '', '/');
}

/** Where to come back after signing in at a provider: the page the person was trying to open. */
const returnTo = () => encodeURIComponent(window.location.pathname + window.location.search);

export function LoginPage() {
  const qc = useQueryClient();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(signInError);
  const [busy, setBusy] = useState(false);
  // The first start in demo mode signs nobody in until the demo is loaded (the API answers 503).
  const health = useQuery({
    queryKey: ['health'],
    queryFn: () => unwrap(api.GET('/api/health')),
    refetchInterval: (q) => (q.state.data?.demo === 'loading' ? 1000 : false),
    retry: false,
  });
  const demoLoading = health.data?.demo === 'loading';
  useEffect(cleanLoginAddress, []);
  // Asked once the demo is loaded: until then the API answers 503 (the health check does not).
  const methods = useQuery({
    queryKey: ['auth-methods'],
    queryFn: () => unwrap(api.GET('/api/auth/methods')),
    enabled: health.isFetched && !demoLoading,
  });
  const providers = methods.data?.oidc ?? [];
  // After the first factor (here, or an OIDC provider's `/login?mfa=1`): the second one is asked for.
  const [pending, setPending] = useState<PendingStage | null>(null);
  useEffect(() => {
    unwrap(api.GET('/api/session')).then(
      (s) => setPending(s.pending),
      () => undefined,
    );
  }, []);

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
              {error && (
                <Alert color="red" data-testid="login-error">
                  {error}
                </Alert>
              )}
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
              {providers.length > 0 && <Divider label="или" labelPosition="center" />}
              {providers.map((p) => (
                // A navigation, not fetch: the provider's pages open in this tab and come back to Opora.
                <Button
                  key={p.id}
                  component="a"
                  href={`/api/auth/oidc/${p.id}/start?returnTo=${returnTo()}`}
                  variant="light"
                  disabled={demoLoading}
                >
                  Войти через {p.label}
                </Button>
              ))}
              {methods.data?.ldap && (
                <Text size="sm" c="dimmed" data-testid="ldap-hint">
                  Можно войти с учётной записью домена.
                </Text>
              )}
            </Stack>
          </form>
        )}
      </Paper>
    </Center>
  );
}
