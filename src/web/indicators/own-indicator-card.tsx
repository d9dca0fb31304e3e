import { Badge, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { type IndicatorResult, S } from './labels.js';

// The region's own indicator on its page: the regional operator renames it, rewrites its definition, or
// switches it off (it stays with its history and its targets; the others no longer see it in the list).

export function OwnIndicatorCard({ r }: { r: IndicatorResult }) {
  const own = r.indicator.own;
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(r.indicator.title);
  const [definition, setDefinition] = useState(r.indicator.definition);
  const patch = useMutation({
    mutationFn: (body: { title?: string; definition?: string; active?: boolean }) =>
      unwrap(
        api.PATCH('/api/indicator-definitions/{id}', {
          params: { path: { id: own?.id ?? '' } },
          body: { version: own?.version ?? 0, ...body },
        }),
      ),
    onSuccess: async () => {
      notifyOk(S.saved);
      setEditing(false);
      await qc.invalidateQueries({ queryKey: ['indicators'] });
    },
    onError: notifyError,
  });
  if (!own || !r.canKeepIndicator) return null;
  return (
    <Paper withBorder p="md" data-testid="own-indicator-card">
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={4}>Свой показатель региона</Title>
            {!own.active && <Badge color="gray">отключён</Badge>}
          </Group>
          {!editing && (
            <Group gap="xs">
              <Button
                size="xs"
                variant="default"
                onClick={() => setEditing(true)}
                data-testid="own-card-edit"
              >
                Изменить
              </Button>
              <Button
                size="xs"
                variant="light"
                color={own.active ? 'red' : 'teal'}
                onClick={() => patch.mutate({ active: !own.active })}
                loading={patch.isPending}
                data-testid="own-card-toggle"
              >
                {own.active ? 'Отключить' : 'Включить'}
              </Button>
            </Group>
          )}
        </Group>
        {editing ? (
          <>
            <TextInput label="Название" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
            <Textarea
              label="Определение для пользователей"
              value={definition}
              onChange={(e) => setDefinition(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(false)}>
                Отмена
              </Button>
              <Button
                onClick={() => patch.mutate({ title, definition })}
                loading={patch.isPending}
                data-testid="own-card-save"
              >
                Сохранить
              </Button>
            </Group>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            Код {r.indicator.code}. Отключённый показатель остаётся с историей и целями, но не предлагается в
            списке показателей и мониторингах.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
