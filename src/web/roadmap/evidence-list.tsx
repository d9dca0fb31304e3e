import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ChangeEvent, useRef, useState } from 'react';
import { api, apiHref, unwrap } from '../shared/api.js';
import type { components } from '../shared/api-schema.js';
import { formatDateTime, notifyError, notifyOk, Query } from '../shared/ui.js';
import { useInvalidate } from './hooks.js';

type Evidence = components['schemas']['Evidence'];

const formatSize = (n: number) =>
  n < 1024
    ? `${n} Б`
    : n < 1024 * 1024
      ? `${Math.round(n / 1024)} КБ`
      : `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} МБ`;

/** Documents proving execution: download for everyone, upload and detach for the keeper. */
export function EvidenceList({
  itemId,
  roadmapId,
  canManage,
}: {
  itemId: string;
  roadmapId: string;
  canManage: boolean;
}) {
  const invalidate = useInvalidate(roadmapId);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const q = useQuery({
    queryKey: ['item', itemId, 'evidence'],
    queryFn: () => unwrap(api.GET('/api/items/{id}/evidence', { params: { path: { id: itemId } } })),
  });

  async function upload(e: ChangeEvent<HTMLInputElement>) {
    const files = [...(e.currentTarget.files ?? [])];
    e.currentTarget.value = '';
    if (files.length === 0) return;
    setBusy(true);
    try {
      for (const f of files) {
        await unwrap(
          api.POST('/api/items/{id}/evidence', { params: { path: { id: itemId } }, body: { file: f } }),
        );
      }
      notifyOk(
        files.length === 1 ? `Файл «${files[0]?.name}» приложен` : `Приложено файлов: ${files.length}`,
      );
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
      await invalidate();
    }
  }

  async function remove(f: Evidence) {
    try {
      await unwrap(
        api.DELETE('/api/items/{id}/evidence/{fileId}', { params: { path: { id: itemId, fileId: f.id } } }),
      );
      notifyOk(`Файл «${f.name}» откреплён`);
    } catch (err) {
      notifyError(err);
    } finally {
      await invalidate();
    }
  }

  return (
    <Stack gap="xs">
      <Query q={q}>
        {(files) =>
          files.length === 0 ? (
            <Text size="sm" c="dimmed">
              Документы не приложены
            </Text>
          ) : (
            <Stack gap={6} data-testid="evidence-list">
              {files.map((f) => (
                <Group key={f.id} justify="space-between" wrap="nowrap" gap="xs">
                  <div>
                    <Anchor
                      href={apiHref('/api/files/{id}', { path: { id: f.id } })}
                      size="sm"
                      data-testid={`evidence-${f.id}`}
                    >
                      {f.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {formatSize(f.size)} · {f.addedBy ?? '—'} · {formatDateTime(f.addedAt)}
                    </Text>
                  </div>
                  {canManage && (
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove(f)}>
                      Открепить
                    </Button>
                  )}
                </Group>
              ))}
            </Stack>
          )
        }
      </Query>
      {canManage && (
        <Group>
          <input ref={input} type="file" multiple hidden onChange={upload} data-testid="evidence-upload" />
          <Button size="xs" variant="light" loading={busy} onClick={() => input.current?.click()}>
            Приложить файл
          </Button>
          <Text size="xs" c="dimmed">
            Приказ, протокол, отчёт, фотографии, список участников
          </Text>
        </Group>
      )}
    </Stack>
  );
}
