import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../shared/api.js';
import { formatDate, notifyError, notifyOk, Query } from '../shared/ui.js';
import { PairCard } from './pair-card.js';
import { MENTOR_KIND_LABELS, SchoolChooser, useStaffSchool } from './staff-shared.js';

// «Наставничество»: the pairs «учитель–учитель» of the school's year, the assigning form (mentee, the
// mentor of one of three kinds, program, the school's order) and, for a chosen pair, its meetings.

export function MentoringPage() {
  const { schoolId, setSchool } = useStaffSchool();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Наставничество «учитель–учитель»</Title>
        <Button component={Link} to={`/staff${schoolId ? `?school=${schoolId}` : ''}`} variant="subtle">
          Реестр педагогов
        </Button>
      </Group>
      {schoolId ? (
        <Pairs schoolId={schoolId} />
      ) : (
        <SchoolChooser onChoose={setSchool} to="/staff/mentoring" />
      )}
    </Stack>
  );
}

function Pairs({ schoolId }: { schoolId: string }) {
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['mentorships', schoolId],
    queryFn: () => unwrap(api.GET('/api/staff/mentorships', { params: { query: { schoolId } } })),
  });
  return (
    <Query q={list}>
      {(d) => (
        <Stack>
          <Group justify="space-between">
            <Text>
              Учебный год {d.year}/{d.year + 1}
            </Text>
            {d.canKeep && (
              <Button onClick={() => setCreating(true)} data-testid="mentorship-add">
                Закрепить наставника
              </Button>
            )}
          </Group>
          {d.pairs.length === 0 ? (
            <Text c="dimmed">Пар на этот год нет.</Text>
          ) : (
            <Table data-testid="mentorships" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Наставляемый</Table.Th>
                  <Table.Th>Уровень</Table.Th>
                  <Table.Th>Наставник</Table.Th>
                  <Table.Th>Приказ</Table.Th>
                  <Table.Th>Встречи</Table.Th>
                  <Table.Th>Сроки</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.pairs.map((p) => (
                  <Table.Tr
                    key={p.id}
                    onClick={() => setOpen(p.id)}
                    style={{ cursor: 'pointer' }}
                    data-testid={`mentorship-${p.id}`}
                  >
                    <Table.Td>
                      {p.menteeName}
                      <Text size="xs" c="dimmed">
                        {p.menteePosition}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {p.menteeLevel ? (
                        <Badge color={p.menteeLevel.needsRoute ? 'red' : 'gray'} variant="light">
                          {p.menteeLevel.name}
                        </Badge>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>
                      {p.mentorName}
                      <Text size="xs" c="dimmed">
                        {MENTOR_KIND_LABELS[p.mentorKind]}
                        {p.mentorUnitName ? `, ${p.mentorUnitName}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {p.order ? `№ ${p.order.number} от ${formatDate(p.order.date)}` : '—'}
                    </Table.Td>
                    <Table.Td>{p.meetings}</Table.Td>
                    <Table.Td>
                      {formatDate(p.startedOn)} — {p.endedOn ? formatDate(p.endedOn) : '…'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {open && <PairCard id={open} onClose={() => setOpen(null)} />}
          {creating && <CreatePair schoolId={schoolId} year={d.year} onClose={() => setCreating(false)} />}
        </Stack>
      )}
    </Query>
  );
}

const today = () => new Date().toISOString().slice(0, 10);

function CreatePair({ schoolId, year, onClose }: { schoolId: string; year: number; onClose: () => void }) {
  const qc = useQueryClient();
  const cand = useQuery({
    queryKey: ['mentorship-candidates', schoolId, year],
    queryFn: () =>
      unwrap(api.GET('/api/staff/mentorship-candidates', { params: { query: { schoolId, year } } })),
  });
  const [menteeId, setMenteeId] = useState<string | null>(null);
  const [kind, setKind] = useState<keyof typeof MENTOR_KIND_LABELS>('colleague');
  const [mentorStaffId, setMentorStaffId] = useState<string | null>(null);
  const [mentorName, setMentorName] = useState('');
  const [mentorUnitId, setMentorUnitId] = useState<string | null>(null);
  const [program, setProgram] = useState('');
  const [startedOn, setStartedOn] = useState(today());
  const [orderNumber, setOrderNumber] = useState('');
  const [orderDate, setOrderDate] = useState(today());
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!menteeId) return;
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/staff/mentorships', {
          body: {
            menteeId,
            year,
            mentorKind: kind,
            ...(kind === 'methodist' ? { mentorName, mentorUnitId } : { mentorStaffId }),
            program: program.trim() || null,
            startedOn,
            order: orderNumber.trim() ? { number: orderNumber.trim(), date: orderDate } : null,
          },
        }),
      );
      notifyOk('Наставник закреплён');
      await qc.invalidateQueries({ queryKey: ['mentorships'] });
      onClose();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  const opt = (o: {
    id: string;
    fullName: string;
    position: string;
    schoolName: string;
    level: { name: string } | null;
  }) => ({
    value: o.id,
    label: `${o.fullName} — ${o.position}${o.level ? ` (уровень: ${o.level.name})` : ''}`,
  });
  return (
    <Modal opened onClose={onClose} title="Закрепить наставника" size="lg">
      <Query q={cand}>
        {(c) => (
          <Stack>
            <Select
              label="Наставляемый педагог"
              searchable
              required
              data={c.mentees.map(opt)}
              value={menteeId}
              onChange={setMenteeId}
              data-testid="mentee-select"
            />
            <Select
              label="Наставник"
              data={Object.entries(MENTOR_KIND_LABELS).map(([value, label]) => ({ value, label }))}
              value={kind}
              onChange={(v) => {
                setKind((v ?? 'colleague') as typeof kind);
                setMentorStaffId(null);
              }}
              allowDeselect={false}
              data-testid="mentor-kind"
            />
            {kind === 'methodist' ? (
              <SimpleGrid cols={2}>
                <TextInput
                  label="ФИО методиста"
                  value={mentorName}
                  onChange={(e) => setMentorName(e.currentTarget.value)}
                  data-testid="mentor-name"
                />
                <Select
                  label="Организация"
                  clearable
                  data={c.methodistUnits.map((u) => ({ value: u.id, label: u.name }))}
                  value={mentorUnitId}
                  onChange={setMentorUnitId}
                />
              </SimpleGrid>
            ) : (
              <Select
                label={kind === 'colleague' ? 'Коллега по школе' : 'Педагог школы-наставника'}
                searchable
                data={(kind === 'colleague'
                  ? c.colleagues.filter((x) => x.id !== menteeId)
                  : c.mentorSchoolTeachers
                ).map(opt)}
                value={mentorStaffId}
                onChange={setMentorStaffId}
                nothingFoundMessage={
                  kind === 'mentor_school' ? 'У школы нет школы-наставника в этом году' : 'Никого нет'
                }
                data-testid="mentor-select"
              />
            )}
            <Textarea
              label="Программа наставничества"
              value={program}
              onChange={(e) => setProgram(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <TextInput
              type="date"
              label="Начало"
              value={startedOn}
              onChange={(e) => setStartedOn(e.currentTarget.value)}
            />
            <Paper withBorder p="sm">
              <Text size="sm" fw={600}>
                Приказ о закреплении педагогов-наставников
              </Text>
              <Text size="xs" c="dimmed">
                Один приказ школы на несколько пар: тот же номер и дата — тот же приказ.
                {c.orders.length > 0 &&
                  ` Уже изданы: ${c.orders.map((o) => `№ ${o.number} от ${formatDate(o.date)}`).join('; ')}.`}
              </Text>
              <SimpleGrid cols={2}>
                <TextInput
                  label="Номер"
                  value={orderNumber}
                  onChange={(e) => setOrderNumber(e.currentTarget.value)}
                  data-testid="order-number"
                />
                <TextInput
                  type="date"
                  label="Дата"
                  value={orderDate}
                  onChange={(e) => setOrderDate(e.currentTarget.value)}
                  data-testid="order-date"
                />
              </SimpleGrid>
            </Paper>
            <Group justify="flex-end">
              <Button
                loading={busy}
                disabled={!menteeId || (kind === 'methodist' ? !mentorName.trim() : !mentorStaffId)}
                onClick={submit}
                data-testid="mentorship-submit"
              >
                Закрепить
              </Button>
            </Group>
          </Stack>
        )}
      </Query>
    </Modal>
  );
}
