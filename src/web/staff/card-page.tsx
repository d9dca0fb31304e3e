import { Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { TeacherResults } from '../diagnostics/teacher-results.js';
import { type ApiData, api, unwrap } from '../shared/api.js';
import { HistoryLines } from '../shared/history-lines.js';
import { formatDate, notifyError, notifyOk, Query } from '../shared/ui.js';
import { StaffForm, type StaffFormValue } from './staff-form.js';
import { gradesText, yesNo } from './staff-shared.js';

// A teacher's card: the record, «выбыл», the account link, the history of changes and the results of
// diagnostics (the diagnostics module's part).

type Member = ApiData<'/api/staff/{id}', 'get'>['member'];

export function StaffCardPage() {
  const { id = '' } = useParams();
  const card = useQuery({
    queryKey: ['staff', 'card', id],
    queryFn: () => unwrap(api.GET('/api/staff/{id}', { params: { path: { id } } })),
  });
  return (
    <Query q={card}>
      {(c) => (
        <Stack>
          <Group gap="xs">
            <Link to={`/staff?school=${c.member.schoolId}`}>← {c.member.schoolName}</Link>
          </Group>
          <Group>
            <Title order={2} data-testid="staff-card-name">
              {c.member.fullName}
            </Title>
            {c.member.leftOn && <Badge color="gray">выбыл {formatDate(c.member.leftOn)}</Badge>}
          </Group>
          <RecordView m={c.member} />
          {c.canKeep && <KeepActions m={c.member} />}
          <TeacherResults staffId={c.member.id} />
          <Title order={4}>История изменений</Title>
          <HistoryLines lines={c.history} testId="staff-history" />
        </Stack>
      )}
    </Query>
  );
}

export function RecordView({ m }: { m: Member }) {
  const row = (label: string, value: string) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
  return (
    <Paper withBorder p="md" data-testid="staff-record">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {row('Должность', m.position)}
        {row('Предметы', m.subjects.join(', ') || '—')}
        {row('Классы', gradesText(m.grades))}
        {row('Стаж, лет', m.experienceYears === null ? '—' : String(m.experienceYears))}
        {row('Молодой педагог', yesNo(m.isYoung))}
        {row('Вновь принятый', yesNo(m.newlyHired))}
        {row('Табельный номер / код', m.code ?? '—')}
        {row('Учётная запись', m.accountLogin ?? 'не связана')}
        {row(
          'Уровень дефицитов',
          m.latestLevel ? `${m.latestLevel.name} (${m.latestLevel.diagnosticName})` : '—',
        )}
      </SimpleGrid>
    </Paper>
  );
}

function KeepActions({ m }: { m: Member }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [leftOn, setLeftOn] = useState('');
  const [login, setLogin] = useState(m.accountLogin ?? '');
  const refresh = () => qc.invalidateQueries({ queryKey: ['staff'] });
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    setBusy(true);
    try {
      await fn();
      notifyOk(ok);
      await refresh();
      return true;
    } catch (e) {
      notifyError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const save = async (v: StaffFormValue) => {
    if (
      await act(
        () =>
          unwrap(
            api.PATCH('/api/staff/{id}', {
              params: { path: { id: m.id } },
              body: { version: m.version, ...v },
            }),
          ),
        'Запись сохранена',
      )
    )
      setEditing(false);
  };
  const setLeft = (value: string | null) =>
    act(
      () =>
        unwrap(
          api.PATCH('/api/staff/{id}', {
            params: { path: { id: m.id } },
            body: { version: m.version, leftOn: value },
          }),
        ),
      value ? 'Отмечено: выбыл' : 'Педагог возвращён в состав',
    );
  const link = () =>
    act(
      () =>
        unwrap(
          api.POST('/api/staff/{id}/account', {
            params: { path: { id: m.id } },
            body: { version: m.version, login: login.trim() || null },
          }),
        ),
      login.trim() ? 'Учётная запись связана' : 'Связь снята',
    );
  const remove = async () => {
    if (
      await act(
        () =>
          unwrap(
            api.DELETE('/api/staff/{id}', { params: { path: { id: m.id }, query: { version: m.version } } }),
          ),
        'Запись удалена',
      )
    )
      navigate(`/staff?school=${m.schoolId}`);
  };
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group>
          <Button onClick={() => setEditing(true)} data-testid="staff-edit">
            Изменить
          </Button>
          {m.leftOn ? (
            <Button variant="default" loading={busy} onClick={() => setLeft(null)} data-testid="staff-return">
              Вернуть в состав
            </Button>
          ) : (
            <Group gap="xs" align="end">
              <TextInput
                type="date"
                label="Дата выбытия"
                value={leftOn}
                onChange={(e) => setLeftOn(e.currentTarget.value)}
                data-testid="staff-left-on"
              />
              <Button
                variant="default"
                disabled={!leftOn}
                loading={busy}
                onClick={() => setLeft(leftOn)}
                data-testid="staff-left"
              >
                Выбыл
              </Button>
            </Group>
          )}
          <Button variant="subtle" color="red" loading={busy} onClick={remove} data-testid="staff-remove">
            Удалить ошибочную запись
          </Button>
        </Group>
        <Group align="end">
          <TextInput
            label="Логин учётной записи учителя"
            value={login}
            onChange={(e) => setLogin(e.currentTarget.value)}
            data-testid="staff-login"
          />
          <Button variant="default" loading={busy} onClick={link} data-testid="staff-link">
            Связать
          </Button>
        </Group>
      </Stack>
      <Modal opened={editing} onClose={() => setEditing(false)} title="Запись педагога" size="lg">
        <StaffForm
          initial={{
            lastName: m.lastName,
            firstName: m.firstName,
            middleName: m.middleName,
            position: m.position,
            subjects: m.subjects,
            grades: m.grades,
            experienceYears: m.experienceYears,
            isYoung: m.isYoung,
            newlyHired: m.newlyHired,
            code: m.code,
          }}
          busy={busy}
          submitLabel="Сохранить"
          onSubmit={save}
        />
      </Modal>
    </Paper>
  );
}
