import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../shared/api.js';
import type { FoundItem } from '../shared/types.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { StatusModal } from './status-modal.js';

/** Lists and the dashboard read items, tasks and counters: refresh them all after a change. */
export function useRefreshWork() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['items'] }),
      qc.invalidateQueries({ queryKey: ['tasks'] }),
      qc.invalidateQueries({ queryKey: ['dashboard'] }),
      qc.invalidateQueries({ queryKey: ['roadmaps'] }),
      qc.invalidateQueries({ queryKey: ['roadmap'] }),
    ]);
}

/** «Ждут подтверждения»: confirm the execution or return it for rework with a comment. */
export function ConfirmActions({ item }: { item: FoundItem }) {
  const refresh = useRefreshWork();
  const [busy, setBusy] = useState(false);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function decide(decision: 'confirmed' | 'returned') {
    if (decision === 'returned' && !comment.trim()) {
      setError('Укажите, что нужно доработать');
      return;
    }
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/items/{id}/confirmation', {
          params: { path: { id: item.id } },
          body: { decision, comment: decision === 'returned' ? comment.trim() : null, version: item.version },
        }),
      );
      notifyOk(decision === 'confirmed' ? 'Исполнение подтверждено' : 'Мероприятие возвращено на доработку');
      setReturning(false);
      await refresh();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Stack gap={4}>
        <Button
          size="compact-xs"
          color="teal"
          loading={busy && !returning}
          onClick={() => decide('confirmed')}
        >
          Подтвердить
        </Button>
        <Button size="compact-xs" variant="light" color="red" onClick={() => setReturning(true)}>
          Вернуть
        </Button>
      </Stack>
      <Modal opened={returning} onClose={() => setReturning(false)} title="Вернуть на доработку" size="lg">
        <Stack>
          <Text size="sm" lineClamp={4}>
            {item.measure}
          </Text>
          {item.statusComment && (
            <Text size="sm" c="dimmed">
              Комментарий исполнителя: {item.statusComment}
            </Text>
          )}
          <Textarea
            label="Что нужно доработать"
            value={comment}
            onChange={(e) => {
              setComment(e.currentTarget.value);
              setError(null);
            }}
            error={error}
            autosize
            minRows={3}
            maxLength={2000}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReturning(false)}>
              Отмена
            </Button>
            <Button color="red" loading={busy} onClick={() => decide('returned')}>
              Вернуть
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Quick status change of an item of one's own roadmap. */
export function ItemStatusAction({ item }: { item: FoundItem }) {
  const refresh = useRefreshWork();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="compact-xs" variant="light" onClick={() => setOpened(true)}>
        Статус…
      </Button>
      <StatusModal
        opened={opened}
        onClose={() => setOpened(false)}
        title="Исполнение мероприятия"
        subject={item.measure}
        initial={item.status}
        initialComment={item.statusComment}
        onSubmit={async (status, comment) => {
          await unwrap(
            api.POST('/api/items/{id}/status', {
              params: { path: { id: item.id } },
              body: { status, comment, version: item.version },
            }),
          );
          notifyOk('Статус изменён');
          await refresh();
        }}
      />
    </>
  );
}
