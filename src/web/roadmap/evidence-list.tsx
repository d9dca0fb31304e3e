import { Anchor, Badge, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ChangeEvent, useRef, useState } from 'react';
import { EVIDENCE_KIND_LABELS } from '../../modules/roadmaps/proof-rule.js';
import { api, apiHref, unwrap } from '../shared/api.js';
import type { components } from '../shared/api-schema.js';
import { formatDateTime, notifyError, notifyOk, Query } from '../shared/ui.js';
import { useInvalidate } from './hooks.js';

type Evidence = components['schemas']['Evidence'];
type Kind = Evidence['kind'];
const KIND_OPTIONS = Object.entries(EVIDENCE_KIND_LABELS).map(([value, label]) => ({ value, label }));

const formatSize = (n: number) =>
  n < 1024
    ? `${n} Б`
    : n < 1024 * 1024
      ? `${Math.round(n / 1024)} КБ`
      : `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} МБ`;

/**
 * Documents proving execution: download for everyone; the keeper uploads them saying what each is
 * (the kind the indicator's rule asks for comes first) and detaches them.
 */
export function EvidenceList({
  itemId,
  roadmapId,
  canManage,
  requiredKind,
}: {
  itemId: string;
  roadmapId: string;
  canManage: boolean;
  requiredKind?: Kind | null;
}) {
  const invalidate = useInvalidate(roadmapId);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [kind, setKind] = useState<Kind>(requiredKind ?? 'other');
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
          api.POST('/api/items/{id}/evidence', {
            params: { path: { id: itemId }, query: { kind } },
            body: { file: f },
          }),
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
                    {f.kind !== 'other' && (
                      <Badge size="xs" variant="light" mr={6} data-testid="evidence-kind">
                        {EVIDENCE_KIND_LABELS[f.kind]}
                      </Badge>
                    )}
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
        <Group align="flex-end">
          <input ref={input} type="file" multiple hidden onChange={upload} data-testid="evidence-upload" />
          <NativeSelect
            size="xs"
            label="Вид документа"
            data={KIND_OPTIONS}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as Kind)}
            data-testid="evidence-kind-select"
          />
          <Button size="xs" variant="light" loading={busy} onClick={() => input.current?.click()}>
            Приложить файл
          </Button>
          {requiredKind && (
            <Text size="xs" c="dimmed">
              По правилу показателя нужен документ: {EVIDENCE_KIND_LABELS[requiredKind].toLowerCase()}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
