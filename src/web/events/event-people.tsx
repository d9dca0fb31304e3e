import {
  Alert,
  Badge,
  Button,
  Checkbox,
  FileButton,
  Group,
  Paper,
  Select,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { participantInput } from '../../modules/organisation/event-input.js';
import { type ApiData, api, unwrap } from '../shared/api.js';
import { check, type FieldErrors } from '../shared/form-check.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import type { EventDetail } from './event-page.js';
import { useEventUpdate } from './event-page.js';
import { E, PARTICIPANT_CATEGORY_LABELS } from './labels.js';

// Participants of an event: the table (the organiser marks attendance and removes; a school sees only
// its own people), the registration form of a school or the organiser, the import wizard of the organiser.

const SOURCE_LABELS = { organiser: 'организатор', self: 'школа', import: 'загрузка' } as const;
type Report = ApiData<'/api/events/{id}/import', 'post'>;

export function EventPeople({ e }: { e: EventDetail }) {
  const update = useEventUpdate(e.id);
  const [picked, setPicked] = useState<string[]>([]);
  const attendance = useMutation({
    mutationFn: (attended: boolean) =>
      unwrap(
        api.POST('/api/events/{id}/attendance', {
          params: { path: { id: e.id } },
          body: { participantIds: picked, attended },
        }),
      ),
    onSuccess: (d) => {
      update(d);
      setPicked([]);
    },
    onError: notifyError,
  });
  const remove = useMutation({
    mutationFn: ({ participantId, version }: { participantId: string; version: number }) =>
      unwrap(
        api.DELETE('/api/events/{id}/participants/{participantId}', {
          params: { path: { id: e.id, participantId }, query: { version } },
        }),
      ),
    onSuccess: update,
    onError: notifyError,
  });
  const marking = e.canKeep && (e.status === 'announced' || e.status === 'held');
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{E.participants}</Title>
        {marking && picked.length > 0 && (
          <Group gap="xs">
            <Button size="xs" onClick={() => attendance.mutate(true)} data-testid="event-mark">
              {E.markAttended}
            </Button>
            <Button size="xs" variant="default" onClick={() => attendance.mutate(false)}>
              {E.unmarkAttended}
            </Button>
          </Group>
        )}
      </Group>
      {!e.organiserSide && (
        <Text size="sm" c="dimmed" mb="xs">
          Показаны участники только ваших организаций.
        </Text>
      )}
      {e.participants.length === 0 ? (
        <Text c="dimmed" size="sm">
          Участников пока нет
        </Text>
      ) : (
        <Table striped data-testid="event-participants">
          <Table.Thead>
            <Table.Tr>
              {marking && <Table.Th />}
              <Table.Th>ФИО</Table.Th>
              <Table.Th>Должность</Table.Th>
              <Table.Th>Организация</Table.Th>
              <Table.Th>Категория</Table.Th>
              <Table.Th>Присутствие</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {e.participants.map((p) => (
              <Table.Tr key={p.id}>
                {marking && (
                  <Table.Td>
                    <Checkbox
                      aria-label={p.fullName}
                      checked={picked.includes(p.id)}
                      onChange={(x) =>
                        setPicked((s) =>
                          x.currentTarget.checked ? [...s, p.id] : s.filter((i) => i !== p.id),
                        )
                      }
                    />
                  </Table.Td>
                )}
                <Table.Td>{p.fullName}</Table.Td>
                <Table.Td>{p.position ?? '—'}</Table.Td>
                <Table.Td>{p.unitName ?? '—'}</Table.Td>
                <Table.Td>{PARTICIPANT_CATEGORY_LABELS[p.category]}</Table.Td>
                <Table.Td>
                  {p.attended ? (
                    <Badge color="green" variant="light">
                      был(а)
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      зарегистрирован(а)
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {SOURCE_LABELS[p.source]}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {p.canRemove && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => remove.mutate({ participantId: p.id, version: p.version })}
                    >
                      Убрать
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {e.registerUnits.length > 0 && <Registration e={e} />}
      {marking && <ImportWizard e={e} />}
    </Paper>
  );
}

function Registration({ e }: { e: EventDetail }) {
  const update = useEventUpdate(e.id);
  const [v, setV] = useState({ orgUnitId: e.registerUnits[0]?.id ?? '', fullName: '', position: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/events/{id}/participants', {
          params: { path: { id: e.id } },
          body: { orgUnitId: v.orgUnitId, fullName: v.fullName, position: v.position || null },
        }),
      ),
    onSuccess: (d) => {
      update(d);
      notifyOk('Участник зарегистрирован');
      setV((s) => ({ ...s, fullName: '', position: '' }));
    },
    onError: notifyError,
  });
  const submit = () => {
    const r = check(participantInput, { ...v, position: v.position || null });
    setErrors(r.errors ?? {});
    if (!r.errors) add.mutate();
  };
  return (
    <Group mt="md" align="flex-start" data-testid="event-register">
      {e.registerUnits.length > 1 && (
        <Select
          label="Организация"
          data={e.registerUnits.map((u) => ({ value: u.id, label: u.name }))}
          value={v.orgUnitId}
          onChange={(x) => setV((s) => ({ ...s, orgUnitId: x ?? '' }))}
          searchable
          w={280}
        />
      )}
      <TextInput
        label="ФИО"
        value={v.fullName}
        onChange={(x) => setV({ ...v, fullName: x.currentTarget.value })}
        error={errors.fullName}
        w={280}
        data-testid="participant-name"
      />
      <TextInput
        label="Должность"
        value={v.position}
        onChange={(x) => setV({ ...v, position: x.currentTarget.value })}
        error={errors.position}
        w={240}
        data-testid="participant-position"
      />
      <Button mt={25} onClick={submit} loading={add.isPending} data-testid="participant-add">
        {E.register}
      </Button>
    </Group>
  );
}

function ImportWizard({ e }: { e: EventDetail }) {
  const update = useEventUpdate(e.id);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const run = useMutation({
    mutationFn: ({ f, dryRun }: { f: File; dryRun: boolean }) =>
      unwrap(
        api.POST('/api/events/{id}/import', {
          params: { path: { id: e.id }, query: { dryRun: dryRun ? 'true' : 'false' } },
          body: { file: f },
        }),
      ),
    onSuccess: async (r) => {
      setReport(r);
      if (!r.dryRun && r.written > 0) {
        notifyOk(r.message);
        update(await unwrap(api.GET('/api/events/{id}', { params: { path: { id: e.id } } })));
      }
    },
    onError: notifyError,
  });
  const choose = (f: File | null) => {
    setFile(f);
    setReport(null);
    if (f) run.mutate({ f, dryRun: true });
  };
  return (
    <Paper withBorder p="sm" mt="md" bg="gray.0">
      <Text fw={600} mb={4}>
        {E.import}
      </Text>
      <Text size="sm" c="dimmed" mb="xs">
        XLSX, ODS или CSV со столбцами «ФИО» (или «Фамилия», «Имя», «Отчество»), «Должность», «ОО» или «Код
        ОО», «Муниципалитет». Файл сначала проверяется; загружается только файл без ошибок, все участники
        отмечаются присутствовавшими, прошлая загрузка заменяется.
      </Text>
      <Group>
        <FileButton onChange={choose} accept=".xlsx,.ods,.csv">
          {(props) => (
            <Button variant="default" {...props} data-testid="import-choose">
              {file ? file.name : 'Выбрать файл'}
            </Button>
          )}
        </FileButton>
        {file && report?.dryRun && report.errors === 0 && (
          <Button
            onClick={() => run.mutate({ f: file, dryRun: false })}
            loading={run.isPending}
            data-testid="import-run"
          >
            {E.doImport}
          </Button>
        )}
      </Group>
      {report && (
        <div data-testid="import-report">
          <Alert mt="sm" color={report.errors ? 'red' : 'green'}>
            {report.message}
          </Alert>
          <Text size="sm" mt="xs">
            Распознаны столбцы: {report.columns.map((c) => `${c.header}`).join(', ')}
          </Text>
          <Table mt="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Строка</Table.Th>
                <Table.Th>ФИО</Table.Th>
                <Table.Th>Должность</Table.Th>
                <Table.Th>Организация</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.rows.map((r) => (
                <Table.Tr key={r.row} data-testid={r.error ? 'import-bad-row' : 'import-row'}>
                  <Table.Td>{r.row}</Table.Td>
                  <Table.Td>{r.fullName}</Table.Td>
                  <Table.Td>{r.position}</Table.Td>
                  <Table.Td c={r.error ? 'red' : undefined}>{r.error ?? r.unitName}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Paper>
  );
}
