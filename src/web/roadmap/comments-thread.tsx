import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { commentInput } from '../../modules/roadmaps/schemas.js';
import { api, unwrap } from '../shared/api.js';
import { check } from '../shared/form-check.js';
import { formatDateTime, Query } from '../shared/ui.js';
import { useAction } from './hooks.js';

/** `canComment`: the two sides of execution (the keeper and the confirmer); the others only read. */
export function CommentsThread({
  itemId,
  roadmapId,
  canComment,
}: {
  itemId: string;
  roadmapId: string;
  canComment: boolean;
}) {
  const { run, busy } = useAction(roadmapId);
  const [text, setText] = useState('');
  const q = useQuery({
    queryKey: ['item', itemId, 'comments'],
    queryFn: () => unwrap(api.GET('/api/items/{id}/comments', { params: { path: { id: itemId } } })),
  });
  const [error, setError] = useState<string | null>(null);
  async function add() {
    if (!text.trim()) return;
    const { data: body, errors } = check(commentInput, { text });
    setError(errors?.text ?? null);
    if (!body) return;
    const ok = await run(() =>
      unwrap(api.POST('/api/items/{id}/comments', { params: { path: { id: itemId } }, body })),
    );
    if (ok) setText('');
  }
  return (
    <Stack gap="xs">
      <Query q={q}>
        {(list) =>
          list.length === 0 ? (
            <Text size="sm" c="dimmed">
              Комментариев нет
            </Text>
          ) : (
            <Stack gap={6} data-testid="comments-list">
              {list.map((c) => (
                <Paper key={c.id} withBorder p="xs">
                  <Text size="xs" c="dimmed">
                    {c.author ?? '—'} · {formatDateTime(c.createdAt)}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {c.text}
                  </Text>
                </Paper>
              ))}
            </Stack>
          )
        }
      </Query>
      {canComment && (
        <>
          <Textarea
            placeholder="Комментарий"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={error}
            autosize
            minRows={2}
            data-testid="comment-text"
          />
          <Group justify="flex-end">
            <Button size="xs" onClick={add} loading={busy} disabled={!text.trim()} data-testid="comment-add">
              Добавить комментарий
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
