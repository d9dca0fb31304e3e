import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../shared/api.js';
import { HistoryLines } from '../shared/history-lines.js';
import { formatDate, formatDateTime, notifyError, Query } from '../shared/ui.js';
import { anchorLabel, type DocumentComment, type DocumentDetail, type DocumentDiff } from './labels.js';

// The document's comments, the difference between its versions and its history.

export function CommentsPanel({
  doc,
  comments,
  anchor,
  onAnchor,
  onAdded,
}: {
  doc: DocumentDetail;
  comments: DocumentComment[];
  anchor: string | null;
  onAnchor: (a: string | null) => void;
  onAdded: () => Promise<void>;
}) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const shown = anchor ? comments.filter((c) => c.anchor === anchor) : comments;
  async function add() {
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/school-documents/{id}/comments', {
          params: { path: { id: doc.id } },
          body: { anchor: anchor ?? 'document', text },
        }),
      );
      setText('');
      await onAdded();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Stack data-testid="comments-panel">
      <Group justify="space-between">
        <Text fw={600}>
          {anchor ? `Комментарии: ${anchorLabel(anchor, doc.content)}` : 'Все комментарии'}
        </Text>
        {anchor && (
          <Button variant="subtle" size="xs" onClick={() => onAnchor(null)}>
            Показать все
          </Button>
        )}
      </Group>
      {shown.length === 0 && <Text c="dimmed">Комментариев нет</Text>}
      {shown.map((c) => (
        <Paper key={c.id} withBorder p="xs">
          <Text size="xs" c="dimmed">
            {c.author ?? '—'} · {formatDateTime(c.createdAt)} · версия {c.versionNo} ·{' '}
            <Text span size="xs" c="blue" style={{ cursor: 'pointer' }} onClick={() => onAnchor(c.anchor)}>
              {anchorLabel(c.anchor, doc.content)}
            </Text>
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.text}
          </Text>
        </Paper>
      ))}
      {doc.rights.discuss && (
        <Stack gap="xs">
          <Textarea
            label={`Новый комментарий — ${anchorLabel(anchor ?? 'document', doc.content)}`}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={2}
            data-testid="comment-text"
          />
          <Group>
            <Button onClick={add} loading={busy} disabled={!text.trim()} data-testid="comment-add">
              Добавить комментарий
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

const CHANGE = {
  added: ['добавлено', 'green'],
  removed: ['удалено', 'red'],
  changed: ['изменено', 'orange'],
} as const;
const FIELD_LABELS: Record<string, string> = {
  measure: 'мероприятие',
  taskKey: 'задача',
  deadline: 'срок',
  responsible: 'ответственный',
  participants: 'участники',
  expectedResult: 'ожидаемый результат',
  name: 'название',
  baseValue: 'базовое значение',
  targetValue: 'целевое значение',
  date: 'срок достижения',
  method: 'способ измерения',
  text: 'текст',
  title: 'заголовок',
  position: 'должность',
  role: 'роль',
  contribution: 'вклад',
};
const PARTS: [keyof Omit<DocumentDiff, 'from' | 'to' | 'fields'>, string][] = [
  ['tasks', 'Задачи'],
  ['indicators', 'Показатели'],
  ['measures', 'Мероприятия'],
  ['responsible', 'Ответственные'],
  ['partners', 'Партнёры'],
  ['sections', 'Разделы'],
];

export function VersionsPanel({ doc }: { doc: DocumentDetail }) {
  const options = doc.versions.map((v) => ({
    value: String(v.versionNo),
    label: v.frozen
      ? `Версия ${v.versionNo} (приказ № ${v.orderNumber ?? '—'} от ${formatDate(v.orderDate)})`
      : `Версия ${v.versionNo} (рабочая)`,
  }));
  const last = doc.versions.at(-1)?.versionNo ?? 1;
  const [from, setFrom] = useState(String(Math.max(1, last - 1)));
  const [to, setTo] = useState(String(last));
  const q = useQuery({
    queryKey: ['school-document', doc.id, 'diff', from, to, doc.version],
    queryFn: () =>
      unwrap(
        api.GET('/api/school-documents/{id}/diff', {
          params: { path: { id: doc.id }, query: { from: Number(from), to: Number(to) } },
        }),
      ),
    enabled: doc.versions.length > 1,
  });
  if (doc.versions.length < 2)
    return (
      <Text c="dimmed">
        Одна версия. Утверждённая версия не меняется: изменения после утверждения — новая версия, здесь будут
        видны различия.
      </Text>
    );
  return (
    <Stack data-testid="versions-panel">
      <Group>
        <Select
          label="Было"
          data={options}
          value={from}
          onChange={(v) => v && setFrom(v)}
          allowDeselect={false}
          w={340}
          maw="100%"
        />
        <Select
          label="Стало"
          data={options}
          value={to}
          onChange={(v) => v && setTo(v)}
          allowDeselect={false}
          w={340}
          maw="100%"
        />
      </Group>
      <Query q={q}>
        {(d) => {
          const rows = PARTS.flatMap(([part, label]) => d[part].map((r) => ({ ...r, part: label })));
          if (!rows.length && !d.fields.length) return <Text c="dimmed">Версии не различаются</Text>;
          return (
            <Table withTableBorder>
              <Table.Tbody>
                {d.fields.map((f) => (
                  <Table.Tr key={f.field}>
                    <Table.Td>Цель</Table.Td>
                    <Table.Td>
                      <Badge color="orange" variant="light">
                        изменено
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" td="line-through" c="dimmed">
                        {f.old}
                      </Text>
                      <Text size="sm">{f.new}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
                {rows.map((r) => (
                  <Table.Tr key={`${r.part}-${r.key}`}>
                    <Table.Td>{r.part}</Table.Td>
                    <Table.Td>
                      <Badge color={CHANGE[r.change][1]} variant="light">
                        {CHANGE[r.change][0]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {r.label}
                      </Text>
                      {r.fields.map((f) => (
                        <Text key={f.field} size="xs">
                          {FIELD_LABELS[f.field] ?? f.field}:{' '}
                          <Text span td="line-through" c="dimmed" size="xs">
                            {f.old || '—'}
                          </Text>{' '}
                          → {f.new || '—'}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          );
        }}
      </Query>
    </Stack>
  );
}

export function HistoryPanel({ doc }: { doc: DocumentDetail }) {
  return <HistoryLines lines={doc.history} testId="history-panel" />;
}
