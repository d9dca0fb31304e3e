import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { PUPIL_EXCLUSION_REASONS, PUPIL_MEASURE_KINDS, PUPIL_STATUSES } from '../../db/schema/values.js';
import { type ApiData, api, apiHref, unwrap } from '../shared/api.js';
import { HistoryLines } from '../shared/history-lines.js';
import { formatDate, formatDateTime, notifyError, notifyOk, Query } from '../shared/ui.js';
import { CATEGORY_NAMES, causeName, EXCLUSION_NAMES, MEASURE_NAMES, STATUS_NAMES } from './strings.js';

type PupilCard = ApiData<'/api/pupils/{id}', 'get'>;
const today = () => new Date().toISOString().slice(0, 10);

function useRefresh(id: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['pupil', id] });
}

function AddMeasure({ card }: { card: PupilCard }) {
  const refresh = useRefresh(card.id);
  const [kind, setKind] = useState<(typeof PUPIL_MEASURE_KINDS)[number]>('extra_lessons');
  const [topic, setTopic] = useState('');
  const [startsOn, setStartsOn] = useState(today());
  const [partner, setPartner] = useState('');
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/pupils/{id}/measures', {
          params: { path: { id: card.id } },
          body: { kind, topic, startsOn, partner: kind === 'pupil_pair' ? partner || null : null },
        }),
      ),
    onSuccess: () => {
      setTopic('');
      setPartner('');
      notifyOk('Мера добавлена');
      refresh();
    },
    onError: notifyError,
  });
  return (
    <Group align="flex-end" wrap="wrap">
      <Select
        label="Мера"
        w={300}
        data={PUPIL_MEASURE_KINDS.map((k) => ({ value: k, label: MEASURE_NAMES[k] }))}
        value={kind}
        onChange={(v) => v && setKind(v as typeof kind)}
        data-testid="measure-kind"
      />
      <TextInput
        label="Содержание или тема"
        w={300}
        value={topic}
        onChange={(e) => setTopic(e.currentTarget.value)}
        data-testid="measure-topic"
      />
      <TextInput
        label="Дата"
        type="date"
        value={startsOn}
        onChange={(e) => setStartsOn(e.currentTarget.value)}
      />
      {kind === 'pupil_pair' && (
        <TextInput
          label="Партнёр (ученик)"
          value={partner}
          onChange={(e) => setPartner(e.currentTarget.value)}
        />
      )}
      <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="measure-add">
        Добавить
      </Button>
    </Group>
  );
}

function RecordResult({
  card,
  checkpointKey,
  onDone,
}: {
  card: PupilCard;
  checkpointKey: string;
  onDone: () => void;
}) {
  const refresh = useRefresh(card.id);
  const existing = card.results.find((r) => r.checkpointKey === checkpointKey);
  const [status, setStatus] = useState<(typeof PUPIL_STATUSES)[number]>(existing?.status ?? card.category);
  const [marks, setMarks] = useState<Record<string, number>>(
    existing?.marks ?? Object.fromEntries(card.subjects.map((s) => [s, 3])),
  );
  const [diagnostics, setDiagnostics] = useState(existing?.diagnostics ?? '');
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/pupils/{id}/results/{key}', {
          params: { path: { id: card.id, key: checkpointKey } },
          body: {
            status,
            marks,
            diagnostics: diagnostics || null,
            ...(existing ? { version: existing.version } : {}),
          },
        }),
      ),
    onSuccess: () => {
      notifyOk('Результат записан');
      refresh();
      onDone();
    },
    onError: notifyError,
  });
  return (
    <Stack>
      <Select
        label="Состояние"
        data={PUPIL_STATUSES.map((s) => ({ value: s, label: STATUS_NAMES[s] }))}
        value={status}
        onChange={(v) => v && setStatus(v as typeof status)}
        data-testid="result-status"
      />
      {card.subjects.map((s) => (
        <NumberInput
          key={s}
          label={`Отметка: ${s}`}
          min={1}
          max={5}
          value={marks[s] ?? 3}
          onChange={(v) => setMarks({ ...marks, [s]: Number(v) || 1 })}
        />
      ))}
      <TextInput
        label="Диагностические работы класса"
        value={diagnostics}
        onChange={(e) => setDiagnostics(e.currentTarget.value)}
      />
      <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="result-save">
        Сохранить
      </Button>
    </Stack>
  );
}

function Exclude({ card, onDone }: { card: PupilCard; onDone: () => void }) {
  const refresh = useRefresh(card.id);
  const [reason, setReason] = useState<(typeof PUPIL_EXCLUSION_REASONS)[number]>('improved');
  const [date, setDate] = useState(today());
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/pupils/{id}/exclude', {
          params: { path: { id: card.id } },
          body: { version: card.version, excludedOn: date, reason },
        }),
      ),
    onSuccess: () => {
      refresh();
      onDone();
    },
    onError: notifyError,
  });
  return (
    <Stack>
      <Select
        label="Причина"
        data={PUPIL_EXCLUSION_REASONS.map((r) => ({ value: r, label: EXCLUSION_NAMES[r] }))}
        value={reason}
        onChange={(v) => v && setReason(v as typeof reason)}
      />
      <TextInput
        label="Дата исключения"
        type="date"
        value={date}
        onChange={(e) => setDate(e.currentTarget.value)}
      />
      <Text size="sm" c="dimmed">
        Запись будет удалена по истечении срока хранения после исключения.
      </Text>
      <Button color="red" onClick={() => save.mutate()} loading={save.isPending}>
        Исключить
      </Button>
    </Stack>
  );
}

function CardView({ card }: { card: PupilCard }) {
  const [recording, setRecording] = useState<string | null>(null);
  const [excluding, setExcluding] = useState(false);
  const statusAt = (key: string) => card.results.find((r) => r.checkpointKey === key);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} data-testid="pupil-card-name">
          {card.name}
        </Title>
        {card.keeps && (
          <Group>
            <Anchor href={apiHref('/api/pupils/{id}/export/docx', { path: { id: card.id } })}>
              Выгрузка для родителя (DOCX)
            </Anchor>
            <Anchor href={apiHref('/api/pupils/{id}/export', { path: { id: card.id } })} target="_blank">
              JSON
            </Anchor>
            {!card.excludedOn && (
              <Button variant="light" color="red" onClick={() => setExcluding(true)}>
                Исключить из реестра
              </Button>
            )}
          </Group>
        )}
      </Group>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Text>Школа: {card.school.name}</Text>
          <Text>Класс: {card.classLabel}</Text>
          <Text>Дата рождения: {formatDate(card.birthDate)}</Text>
          <Text>Категория: {CATEGORY_NAMES[card.category]}</Text>
          <Text>Предметы: {card.subjects.join(', ') || '—'}</Text>
          <Text>Учителя: {card.teachers.map((t) => t.name).join(', ') || '—'}</Text>
          <Text>Причины: {card.causes.map(causeName).join('; ') || '—'}</Text>
          <Text>
            {card.ovz && <Badge mr="xs">ОВЗ</Badge>}
            {card.limitedRussian && <Badge color="grape">Недостаточное владение русским языком</Badge>}
          </Text>
          <Text>В реестре с {formatDate(card.includedOn)}</Text>
          {card.excludedOn && (
            <Text c="red">
              Исключён {formatDate(card.excludedOn)} ({EXCLUSION_NAMES[card.exclusionReason ?? 'other']}),
              удаление записи {formatDate(card.purgeAfter)}
            </Text>
          )}
        </SimpleGrid>
      </Card>
      <Title order={4}>Меры поддержки</Title>
      <Table withTableBorder data-testid="pupil-measures">
        <Table.Tbody>
          {card.measures.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{MEASURE_NAMES[m.kind]}</Table.Td>
              <Table.Td>
                {m.topic}
                {m.partner ? ` (партнёр: ${m.partner})` : ''}
              </Table.Td>
              <Table.Td>
                {formatDate(m.startsOn)}
                {m.endsOn ? ` — ${formatDate(m.endsOn)}` : ''}
              </Table.Td>
              <Table.Td>{m.responsibleName ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {card.keeps && !card.excludedOn && <AddMeasure card={card} />}
      <Title order={4}>Контрольные точки</Title>
      <Table withTableBorder data-testid="pupil-checkpoints">
        <Table.Tbody>
          {card.checkpoints.map((c) => {
            const r = statusAt(c.key);
            return (
              <Table.Tr key={c.key} data-testid={`checkpoint-${c.key}`}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{formatDate(c.date)}</Table.Td>
                <Table.Td>{r ? STATUS_NAMES[r.status] : '—'}</Table.Td>
                <Table.Td>
                  {r
                    ? Object.entries(r.marks)
                        .map(([s, m]) => `${s}: ${m}`)
                        .join(', ')
                    : ''}
                </Table.Td>
                <Table.Td>
                  {card.keeps && (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => setRecording(c.key)}
                      data-testid={`record-${c.key}`}
                    >
                      {r ? 'Изменить' : 'Записать'}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {card.reads && (
        <>
          <Title order={4}>Кто открывал карточку</Title>
          <Stack gap={2} data-testid="pupil-card-reads">
            {card.reads.map((r) => (
              <Text key={`${r.at}-${r.actorName}`} size="sm">
                {formatDateTime(r.at)} · {r.actorName ?? '—'}
              </Text>
            ))}
          </Stack>
        </>
      )}
      <Title order={4}>История</Title>
      <HistoryLines lines={card.history} />
      <Modal
        opened={recording !== null}
        onClose={() => setRecording(null)}
        title="Результат на контрольной точке"
      >
        {recording && (
          <RecordResult card={card} checkpointKey={recording} onDone={() => setRecording(null)} />
        )}
      </Modal>
      <Modal opened={excluding} onClose={() => setExcluding(false)} title="Исключение из реестра">
        <Exclude card={card} onDone={() => setExcluding(false)} />
      </Modal>
    </Stack>
  );
}

export function PupilCardPage() {
  const { id = '' } = useParams();
  // Every fetch of the card is a recorded read: not refetched on focus.
  const q = useQuery({
    queryKey: ['pupil', id],
    queryFn: () => unwrap(api.GET('/api/pupils/{id}', { params: { path: { id } } })),
    refetchOnWindowFocus: false,
  });
  return <Query q={q}>{(card) => <CardView card={card} />}</Query>;
}
