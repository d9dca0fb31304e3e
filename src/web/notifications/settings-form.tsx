import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../db/schema/values.js';
import { notificationSettingsInput } from '../../modules/notifications/views.js';
import { api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { KIND_LABELS, L } from './labels.js';

// The user's e-mail: a daily digest or none, the kinds sent at once, his address (users.email).

export function NotificationSettings() {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['notifications', 'settings'],
    queryFn: () => unwrap(api.GET('/api/notifications/settings')),
  });
  const [mode, setMode] = useState<'digest' | 'off'>('digest');
  const [kinds, setKinds] = useState<NotificationKind[]>([]);
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!q.data) return;
    setMode(q.data.emailMode);
    setKinds(q.data.immediateKinds);
    setEmail(q.data.email ?? '');
  }, [q.data]);
  if (!q.data) return null;
  const version = q.data.version;
  const save = async () => {
    const input = { emailMode: mode, immediateKinds: kinds, email, version };
    const checked = notificationSettingsInput.safeParse(input);
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? null);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await unwrap(api.PUT('/api/notifications/settings', { body: input }));
      notifyOk(L.saved);
      await qc.invalidateQueries({ queryKey: ['notifications', 'settings'] });
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" data-testid="notification-settings">
      <Stack gap="sm">
        <Title order={4}>{L.settings}</Title>
        {!q.data.emailEnabled && (
          <Alert color="gray" variant="light">
            {L.emailDisabled}
          </Alert>
        )}
        <TextInput
          label={L.email}
          description={L.emailHint}
          type="email"
          value={email}
          error={error}
          onChange={(e) => setEmail(e.currentTarget.value)}
          maw={420}
        />
        <div>
          <Title order={6} mb={4}>
            {L.emailMode}
          </Title>
          <SegmentedControl
            value={mode}
            onChange={(v) => setMode(v === 'off' ? 'off' : 'digest')}
            data={[
              { value: 'digest', label: L.digest },
              { value: 'off', label: L.off },
            ]}
          />
        </div>
        <Checkbox.Group
          label={L.immediate}
          value={kinds}
          onChange={(v) => setKinds(NOTIFICATION_KINDS.filter((k) => v.includes(k)))}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt={6} spacing={6}>
            {NOTIFICATION_KINDS.map((k) => (
              <Checkbox key={k} value={k} label={KIND_LABELS[k]} disabled={mode === 'off'} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Group>
          <Button onClick={save} loading={busy}>
            {L.save}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
