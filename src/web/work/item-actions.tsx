import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ruleText, targetText } from '../../modules/roadmaps/proof-rule.js';
import { api, unwrap } from '../shared/api.js';
import type { FoundItem } from '../shared/types.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { itemLink } from './labels.js';
import { ProofModal } from './proof-modal.js';
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

/**
 * «Ждут подтверждения»: «Подтвердить» opens the proof first (files, plan and fact); returning for
 * rework with a comment needs no files opened.
 */
export function ConfirmActions({ item }: { item: FoundItem }) {
  const refresh = useRefreshWork();
  const [busy, setBusy] = useState(false);
  const [returning, setReturning] = useState(false);
  const [proofOpen, setProofOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function returnForRework() {
    if (!comment.trim()) {
      setError('Укажите, что нужно доработать');
      return;
    }
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/items/{id}/confirmation', {
          params: { path: { id: item.id } },
          body: { decision: 'returned', comment: comment.trim(), version: item.version },
        }),
      );
      notifyOk('Мероприятие возвращено на доработку');
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
          onClick={() => setProofOpen(true)}
          data-testid={`open-proof-${item.id}`}
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
            <Button color="red" loading={busy} onClick={returnForRework}>
              Вернуть
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ProofModal
        item={item}
        opened={proofOpen}
        onClose={() => setProofOpen(false)}
        roadmapId={item.roadmap.id}
      />
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
        proof={{
          rule: ruleText(item),
          target: item.targetValue !== null && !item.targetCoverage ? targetText(item) : null,
          unit: item.targetUnit,
          actual: item.actualValue,
          href: itemLink(item.roadmap.id, item.id),
        }}
        onSubmit={async (status, comment, actualValue) => {
          await unwrap(
            api.POST('/api/items/{id}/status', {
              params: { path: { id: item.id } },
              body: {
                status,
                comment,
                version: item.version,
                ...(actualValue !== undefined && { actualValue }),
              },
            }),
          );
          notifyOk('Статус изменён');
          await refresh();
        }}
      />
    </>
  );
}
