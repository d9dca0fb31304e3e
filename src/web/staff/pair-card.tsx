import {
  Button,
  FileButton,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type ApiData, api, unwrap } from '../shared/api.js';
import { HistoryLines } from '../shared/history-lines.js';
import { formatDate, notifyError, notifyOk, Query } from '../shared/ui.js';
import { MENTOR_KIND_LABELS } from './staff-shared.js';

// A mentoring pair: program, order with its file, meetings (the school's team adds them), result, history.

type Card = ApiData<'/api/staff/mentorships/{id}', 'get'>;

export function PairCard({ id, onClose }: { id: string; onClose: () => void }) {
  const card = useQuery({
    queryKey: ['mentorships', 'card', id],
    queryFn: () => unwrap(api.GET('/api/staff/mentorships/{id}', { params: { path: { id } } })),
  });
  return (
    <Modal opened onClose={onClose} title="Наставническая пара" size="xl">
      <Query q={card}>{(c) => <PairDetails c={c} />}</Query>
    </Modal>
  );
}

export function PairDetails({ c }: { c: Card }) {
  const p = c.pair;
  const qc = useQueryClient();
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [topic, setTopic] = useState('');
  const [notes, setNotes] = useState('');
  const [result, setResult] = useState(p.result ?? '');
  const [busy, setBusy] = useState(false);
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    setBusy(true);
    try {
      await fn();
      notifyOk(ok);
      await qc.invalidateQueries({ queryKey: ['mentorships'] });
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack data-testid="mentorship-card">
      <Paper withBorder p="sm">
        <Text>
          <b>{p.menteeName}</b> ({p.menteePosition}) — наставник <b>{p.mentorName}</b>,{' '}
          {MENTOR_KIND_LABELS[p.mentorKind]}
          {p.mentorUnitName ? `, ${p.mentorUnitName}` : ''}
        </Text>
        <Text size="sm">
          {formatDate(p.startedOn)} — {p.endedOn ? formatDate(p.endedOn) : '…'}
          {p.menteeLevel ? `; уровень дефицитов: ${p.menteeLevel.name}` : ''}
        </Text>
        <Text size="sm">Программа: {p.program ?? '—'}</Text>
        <Group gap="xs">
          <Text size="sm">
            Приказ: {p.order ? `№ ${p.order.number} от ${formatDate(p.order.date)}` : '—'}
            {p.order?.fileName ? ` (файл: ${p.order.fileName})` : ''}
          </Text>
          {c.canKeep && p.order && (
            <FileButton
              onChange={(f) =>
                f &&
                p.order &&
                act(
                  () =>
                    unwrap(
                      api.POST('/api/staff/mentorship-orders/{id}/file', {
                        params: { path: { id: p.order?.id ?? '' } },
                        body: { file: f },
                      }),
                    ),
                  'Файл приказа приложен',
                )
              }
            >
              {(props) => (
                <Button {...props} size="compact-xs" variant="subtle" data-testid="order-file">
                  {p.order?.fileName ? 'Заменить файл приказа' : 'Приложить файл приказа'}
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        <Text size="sm">Результат: {p.result ?? '—'}</Text>
      </Paper>
      <Title order={5}>Встречи</Title>
      {c.meetings.length === 0 ? (
        <Text c="dimmed">Встреч пока нет.</Text>
      ) : (
        <Table data-testid="mentorship-meetings">
          <Table.Tbody>
            {c.meetings.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{formatDate(m.date)}</Table.Td>
                <Table.Td>{m.topic}</Table.Td>
                <Table.Td>{m.notes ?? ''}</Table.Td>
                {c.canKeep && (
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() =>
                        act(
                          () =>
                            unwrap(
                              api.DELETE('/api/staff/mentorship-meetings/{id}', {
                                params: { path: { id: m.id } },
                              }),
                            ),
                          'Встреча удалена',
                        )
                      }
                    >
                      Удалить
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {c.canKeep && (
        <>
          <Group align="end">
            <TextInput
              type="date"
              label="Дата"
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
            />
            <TextInput
              label="Тема"
              value={topic}
              onChange={(e) => setTopic(e.currentTarget.value)}
              w={280}
              data-testid="meeting-topic"
            />
            <TextInput label="Заметки" value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
            <Button
              disabled={!topic.trim()}
              loading={busy}
              onClick={() =>
                act(async () => {
                  await unwrap(
                    api.POST('/api/staff/mentorships/{id}/meetings', {
                      params: { path: { id: p.id } },
                      body: { date, topic, notes: notes || null },
                    }),
                  );
                  setTopic('');
                  setNotes('');
                }, 'Встреча записана')
              }
              data-testid="meeting-add"
            >
              Записать встречу
            </Button>
          </Group>
          <Group align="end">
            <Textarea
              label="Результат наставничества"
              value={result}
              onChange={(e) => setResult(e.currentTarget.value)}
              autosize
              w={420}
            />
            <Button
              variant="default"
              loading={busy}
              onClick={() =>
                act(
                  () =>
                    unwrap(
                      api.PATCH('/api/staff/mentorships/{id}', {
                        params: { path: { id: p.id } },
                        body: { version: p.version, result: result.trim() || null },
                      }),
                    ),
                  'Результат сохранён',
                )
              }
            >
              Сохранить результат
            </Button>
          </Group>
        </>
      )}
      <Title order={5}>История</Title>
      <HistoryLines lines={c.history} />
    </Stack>
  );
}
