import { Badge, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { DECISION_STATUS_LABELS } from '../../modules/organisation/meeting-labels.js';
import { api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { type Decision, useInvalidateMeetings } from './meetings-api.js';

// A decision's status and what the reader may do: the responsible side marks it done (what was done is
// required), the meeting's keeper cancels it (with a reason).

const COLORS = { open: 'blue', done: 'green', cancelled: 'gray' } as const;

export function DecisionStatus({ d }: { d: Pick<Decision, 'status' | 'overdue'> }) {
  if (d.overdue) return <Badge color="red">Просрочено</Badge>;
  return (
    <Badge color={COLORS[d.status]} variant="light">
      {DECISION_STATUS_LABELS[d.status]}
    </Badge>
  );
}

export function DecisionActions({
  d,
}: {
  d: Pick<Decision, 'id' | 'version' | 'canComplete' | 'canCancel'>;
}) {
  const [mode, setMode] = useState<'done' | 'cancel' | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const invalidate = useInvalidateMeetings();
  const save = async () => {
    setBusy(true);
    try {
      if (mode === 'done')
        await unwrap(
          api.POST('/api/meeting-decisions/{id}/done', {
            params: { path: { id: d.id } },
            body: { version: d.version, outcome: text },
          }),
        );
      else
        await unwrap(
          api.POST('/api/meeting-decisions/{id}/cancel', {
            params: { path: { id: d.id } },
            body: { version: d.version, reason: text },
          }),
        );
      notifyOk(mode === 'done' ? 'Решение отмечено исполненным' : 'Решение отменено');
      setMode(null);
      await invalidate();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  if (!d.canComplete && !d.canCancel) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      {d.canComplete && (
        <Button size="xs" onClick={() => setMode('done')} data-testid="decision-done">
          Исполнено
        </Button>
      )}
      {d.canCancel && (
        <Button size="xs" variant="default" onClick={() => setMode('cancel')} data-testid="decision-cancel">
          Отменить
        </Button>
      )}
      {mode && (
        <Modal
          opened
          onClose={() => setMode(null)}
          title={mode === 'done' ? 'Исполнение решения' : 'Отмена решения'}
        >
          <Stack>
            <Textarea
              label={mode === 'done' ? 'Что сделано' : 'Причина отмены'}
              autosize
              minRows={3}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              data-testid="decision-text"
            />
            <Group justify="flex-end">
              <Button onClick={save} loading={busy} disabled={!text.trim()} data-testid="decision-save">
                Сохранить
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Group>
  );
}
