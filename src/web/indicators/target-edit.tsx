import { ActionIcon, Button, Group, NumberInput, Table } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { formatValue, type IndicatorResult, LEVEL_LABELS, S } from './labels.js';

// One target of the table: read, or changed in place (target and threshold, with its version), or deleted.

type Target = IndicatorResult['targets'][number];

export function TargetRow({ r, t }: { r: IndicatorResult; t: Target }) {
  const qc = useQueryClient();
  const share = r.indicator.unit === 'share';
  const shown = (v: number) => (share ? Math.round(v * 1000) / 10 : v);
  const scale = (v: number | string) => (share ? Number(v) / 100 : Number(v));
  const [editing, setEditing] = useState(false);
  const [target, setTarget] = useState<number | string>(shown(t.target));
  const [warn, setWarn] = useState<number | string>(shown(t.warn));
  const refresh = () => qc.invalidateQueries({ queryKey: ['indicators'] });
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/indicator-targets/{id}', {
          params: { path: { id: t.id } },
          body: { version: t.version, target: scale(target), warn: scale(warn) },
        }),
      ),
    onSuccess: async () => {
      notifyOk(S.saved);
      setEditing(false);
      await refresh();
    },
    onError: notifyError,
  });
  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/api/indicator-targets/{id}', {
          params: { path: { id: t.id }, query: { version: t.version } },
        }),
      ),
    onSuccess: refresh,
    onError: notifyError,
  });
  const input = (value: number | string, set: (v: number | string) => void, testId: string) => (
    <NumberInput value={value} onChange={set} decimalSeparator="," w={110} size="xs" data-testid={testId} />
  );
  return (
    <Table.Tr>
      <Table.Td>{LEVEL_LABELS[t.level]}</Table.Td>
      <Table.Td>{t.orgUnitName ?? 'все организации уровня'}</Table.Td>
      <Table.Td>
        {editing ? input(target, setTarget, 'target-edit-target') : formatValue(t.target, r.indicator.unit)}
      </Table.Td>
      <Table.Td>
        {editing ? input(warn, setWarn, 'target-edit-warn') : formatValue(t.warn, r.indicator.unit)}
      </Table.Td>
      {r.canSetTargets && (
        <Table.Td>
          {editing ? (
            <Group gap={4} wrap="nowrap">
              <Button
                size="xs"
                onClick={() => save.mutate()}
                loading={save.isPending}
                data-testid="target-edit-save"
              >
                Сохранить
              </Button>
              <Button size="xs" variant="default" onClick={() => setEditing(false)}>
                Отмена
              </Button>
            </Group>
          ) : (
            <Group gap={4} wrap="nowrap">
              <ActionIcon
                variant="subtle"
                aria-label="Изменить цель"
                title="Изменить цель"
                onClick={() => setEditing(true)}
                data-testid="target-edit"
              >
                ✎
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label="Удалить цель"
                onClick={() => remove.mutate()}
              >
                ×
              </ActionIcon>
            </Group>
          )}
        </Table.Td>
      )}
    </Table.Tr>
  );
}
