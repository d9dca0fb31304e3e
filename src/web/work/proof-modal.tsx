import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Modal,
  NavLink,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { plural } from '../../lib/plural.js';
import { EVIDENCE_KIND_LABELS, ruleText } from '../../modules/roadmaps/proof-rule.js';
import { useInvalidate } from '../roadmap/hooks.js';
import { PlanFact } from '../roadmap/plan-fact.js';
import { api, apiHref, unwrap } from '../shared/api.js';
import type { components } from '../shared/api-schema.js';
import type { ItemView } from '../shared/types.js';
import { notifyOk, Query } from '../shared/ui.js';

type Evidence = components['schemas']['Evidence'];
type Item = Pick<
  ItemView,
  | 'id'
  | 'version'
  | 'measure'
  | 'statusComment'
  | 'proofWaiver'
  | 'evidenceKind'
  | 'targetComparator'
  | 'targetValue'
  | 'targetUnit'
  | 'targetCoverage'
  | 'actualValue'
>;

export const filesWord = (n: number) => `${n} ${plural(n, ['файл', 'файла', 'файлов'])}`;

const inlineHref = (id: string) => apiHref('/api/files/{id}', { path: { id }, query: { inline: 'true' } });
const downloadHref = (id: string) => apiHref('/api/files/{id}', { path: { id } });
const kindOfPreview = (mime: string) =>
  mime.startsWith('image/')
    ? 'image'
    : mime === 'application/pdf' || mime.startsWith('text/plain')
      ? 'frame'
      : 'none';

/** The selected file as the browser shows it: a photo, a PDF or a text; other types are downloaded. */
function Preview({ file, onSeen }: { file: Evidence; onSeen: () => void }) {
  const kind = kindOfPreview(file.mime);
  if (kind === 'image')
    return (
      <img
        src={inlineHref(file.id)}
        alt={file.name}
        style={{ maxWidth: '100%', maxHeight: '50vh', objectFit: 'contain', display: 'block' }}
        data-testid="proof-preview-image"
      />
    );
  if (kind === 'frame')
    return (
      <iframe
        src={inlineHref(file.id)}
        title={file.name}
        style={{ width: '100%', height: '50vh', border: '1px solid var(--mantine-color-gray-3)' }}
        data-testid="proof-preview-frame"
      />
    );
  return (
    <Stack gap="xs" p="md" data-testid="proof-preview-none">
      <Text size="sm">Этот тип файла браузер не показывает. Скачайте и откройте его.</Text>
      <Anchor href={downloadHref(file.id)} onClick={onSeen} size="sm">
        Скачать «{file.name}»
      </Anchor>
    </Stack>
  );
}

/**
 * The proof of one done measure in view before the decision: its rule, plan and fact, the keeper's
 * exception, and each attached file previewed. «Подтвердить» is available once every file has been
 * opened, and the confirmation names them (confirm-item.ts keeps the list and the history shows it).
 */
export function ProofModal({
  item,
  opened,
  onClose,
  roadmapId,
}: {
  item: Item;
  opened: boolean;
  onClose: () => void;
  roadmapId?: string;
}) {
  const invalidate = useInvalidate(roadmapId);
  const q = useQuery({
    queryKey: ['item', item.id, 'evidence'],
    queryFn: () => unwrap(api.GET('/api/items/{id}/evidence', { params: { path: { id: item.id } } })),
    enabled: opened,
  });
  // In the order they were attached, as the awaiting list names them.
  const files = [...(q.data ?? [])].sort((x, y) => x.addedAt.localeCompare(y.addedAt));
  const [selected, setSelected] = useState<string | null>(null);
  const [seen, setSeen] = useState<Set<string>>(new Set());
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = files[0]?.id ?? null;
  // The first file is shown at once; opening the modal again starts from nothing seen.
  useEffect(() => {
    if (!opened) {
      setSeen(new Set());
      setSelected(null);
      setError(null);
    } else if (first && selected === null) {
      setSelected(first);
      setSeen((s) => new Set(s).add(first));
    }
  }, [opened, first, selected]);
  const select = (id: string) => {
    setSelected(id);
    if (files.find((f) => f.id === id && kindOfPreview(f.mime) !== 'none'))
      setSeen((s) => new Set(s).add(id));
  };
  const markSeen = (id: string) => setSeen((s) => new Set(s).add(id));
  const unseen = files.filter((f) => !seen.has(f.id));
  const current = files.find((f) => f.id === selected);

  async function decide(decision: 'confirmed' | 'returned') {
    if (decision === 'returned' && !comment.trim()) {
      setError('Укажите, что нужно доработать');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await unwrap(
        api.POST('/api/items/{id}/confirmation', {
          params: { path: { id: item.id } },
          body: {
            decision,
            comment: comment.trim() || null,
            version: item.version,
            seenFileIds: files.filter((f) => seen.has(f.id)).map((f) => f.id),
          },
        }),
      );
      notifyOk(decision === 'confirmed' ? 'Исполнение подтверждено' : 'Мероприятие возвращено на доработку');
      setComment('');
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
      await invalidate();
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Доказательства исполнения" size="min(1100px, 96vw)">
      <Stack gap="sm" data-testid="proof-modal">
        <Text size="sm" fw={500} lineClamp={3}>
          {item.measure}
        </Text>
        <Text size="xs" c="dimmed">
          Правило показателя: {ruleText(item)}.
        </Text>
        <PlanFact item={item} />
        {item.proofWaiver && (
          <Alert
            color="yellow"
            p="xs"
            title="Исполнитель отметил исключение из правила"
            data-testid="proof-waiver"
          >
            {item.proofWaiver}
          </Alert>
        )}
        {item.statusComment && (
          <Text size="sm">
            <Text span size="sm" c="dimmed">
              Комментарий исполнителя:{' '}
            </Text>
            {item.statusComment}
          </Text>
        )}
        <Query q={q}>
          {() =>
            files.length === 0 ? (
              <Text size="sm" c="dimmed">
                Файлы не приложены.
              </Text>
            ) : (
              <Grid gap="sm">
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <Stack gap={2} data-testid="proof-files">
                    {files.map((f) => (
                      <NavLink
                        key={f.id}
                        active={f.id === selected}
                        onClick={() => select(f.id)}
                        label={f.name}
                        description={`${EVIDENCE_KIND_LABELS[f.kind]}${seen.has(f.id) ? ' · просмотрен' : ''}`}
                        rightSection={
                          seen.has(f.id) ? (
                            <Badge size="xs" color="teal">
                              ✓
                            </Badge>
                          ) : null
                        }
                        data-testid={`proof-file-${f.id}`}
                      />
                    ))}
                  </Stack>
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 8 }}>
                  {current && <Preview key={current.id} file={current} onSeen={() => markSeen(current.id)} />}
                </Grid.Col>
              </Grid>
            )
          }
        </Query>
        <Textarea
          label="Комментарий"
          description="Обязателен при возврате на доработку"
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
          data-testid="proof-comment"
        />
        {error && (
          <Alert color="red" p="xs" data-testid="proof-error">
            {error}
          </Alert>
        )}
        {/* The decision stays in view at the bottom of the dialog while the preview scrolls (1280×800). */}
        <Group
          justify="space-between"
          py="xs"
          style={{
            position: 'sticky',
            bottom: 0,
            background: 'var(--mantine-color-body)',
            borderTop: '1px solid var(--mantine-color-gray-3)',
          }}
        >
          <Text size="sm" c={unseen.length ? 'orange.8' : 'teal.8'} data-testid="proof-seen">
            {files.length === 0
              ? ''
              : unseen.length
                ? `Открыто файлов: ${seen.size} из ${files.length} — откройте остальные`
                : `Все файлы просмотрены (${filesWord(files.length)})`}
          </Text>
          <Group>
            <Button variant="light" color="red" onClick={() => decide('returned')} loading={busy}>
              Вернуть на доработку
            </Button>
            <Button
              color="teal"
              onClick={() => decide('confirmed')}
              loading={busy}
              disabled={unseen.length > 0 || q.isPending}
              data-testid="proof-confirm"
            >
              Подтвердить
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
