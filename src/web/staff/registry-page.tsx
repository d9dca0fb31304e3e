import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, apiHref, unwrap } from '../shared/api.js';
import { notifyError, notifyOk, Query } from '../shared/ui.js';
import { ImportDialog } from './import-dialog.js';
import { EMPTY_STAFF, StaffForm, type StaffFormValue } from './staff-form.js';
import { gradesText, SchoolChooser, useStaffSchool } from './staff-shared.js';

// «Педагоги»: the registry of a school with filters, adding a teacher, the import dialog and the export.
// The region and the municipality first choose a school; a teacher sees only his own record.

export function RegistryPage() {
  const { schoolId, setSchool } = useStaffSchool();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Педагоги</Title>
        <Button
          component={Link}
          to={`/staff/mentoring${schoolId ? `?school=${schoolId}` : ''}`}
          variant="subtle"
        >
          Наставничество
        </Button>
      </Group>
      {schoolId ? (
        <Registry schoolId={schoolId} onOther={() => setSchool(null)} />
      ) : (
        <SchoolChooser onChoose={setSchool} to="/staff" />
      )}
    </Stack>
  );
}

function Registry({ schoolId, onOther }: { schoolId: string; onOther: () => void }) {
  const qc = useQueryClient();
  const [position, setPosition] = useState<string | null>(null);
  const [subject, setSubject] = useState<string | null>(null);
  const [young, setYoung] = useState(false);
  const [newlyHired, setNewlyHired] = useState(false);
  const [state, setState] = useState<'current' | 'left' | 'all'>('current');
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [busy, setBusy] = useState(false);
  const query = {
    schoolId,
    state,
    ...(position ? { position } : {}),
    ...(subject ? { subject } : {}),
    ...(young ? { young: 'true' as const } : {}),
    ...(newlyHired ? { newlyHired: 'true' as const } : {}),
  };
  const list = useQuery({
    queryKey: ['staff', query],
    queryFn: () => unwrap(api.GET('/api/staff', { params: { query } })),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['staff'] });
  const add = async (v: StaffFormValue) => {
    setBusy(true);
    try {
      await unwrap(api.POST('/api/staff', { body: { schoolId, ...v } }));
      notifyOk('Педагог внесён в реестр');
      setAdding(false);
      await refresh();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Query q={list}>
      {(d) => (
        <Stack>
          <Group justify="space-between">
            <Group gap="xs">
              <Text fw={600}>{d.schoolName}</Text>
              {!d.canKeep && d.readsAll && (
                <Button size="compact-xs" variant="subtle" onClick={onOther}>
                  Другая школа
                </Button>
              )}
            </Group>
            <Group>
              {d.readsAll && (
                <Button
                  component="a"
                  variant="default"
                  href={apiHref('/api/staff/export', { query: { schoolId } })}
                  data-testid="staff-export"
                >
                  Выгрузить XLSX
                </Button>
              )}
              {d.canKeep && (
                <>
                  <Button variant="default" onClick={() => setImporting(true)} data-testid="staff-import">
                    Загрузить из файла
                  </Button>
                  <Button onClick={() => setAdding(true)} data-testid="staff-add">
                    Добавить педагога
                  </Button>
                </>
              )}
            </Group>
          </Group>
          {d.readsAll && (
            <Group align="end">
              <Select
                label="Должность"
                clearable
                data={d.positions}
                value={position}
                onChange={setPosition}
                w={260}
              />
              <Select
                label="Предмет"
                clearable
                data={d.subjects}
                value={subject}
                onChange={setSubject}
                w={220}
              />
              <Checkbox
                label="Молодые педагоги"
                checked={young}
                onChange={(e) => setYoung(e.currentTarget.checked)}
              />
              <Checkbox
                label="Вновь принятые"
                checked={newlyHired}
                onChange={(e) => setNewlyHired(e.currentTarget.checked)}
              />
              <SegmentedControl
                value={state}
                onChange={(v) => setState(v as typeof state)}
                data={[
                  { value: 'current', label: 'Работают' },
                  { value: 'left', label: 'Выбыли' },
                  { value: 'all', label: 'Все' },
                ]}
              />
            </Group>
          )}
          {d.members.length === 0 ? (
            <Text c="dimmed">Педагогов по этому отбору нет.</Text>
          ) : (
            <Table data-testid="staff-table" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>ФИО</Table.Th>
                  <Table.Th>Должность</Table.Th>
                  <Table.Th>Предметы</Table.Th>
                  <Table.Th>Классы</Table.Th>
                  <Table.Th>Стаж</Table.Th>
                  <Table.Th>Отметки</Table.Th>
                  <Table.Th>Уровень дефицитов</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.members.map((m) => (
                  <Table.Tr key={m.id} data-testid={`staff-row-${m.id}`}>
                    <Table.Td>
                      <Link to={`/staff/${m.id}`}>{m.fullName}</Link>
                    </Table.Td>
                    <Table.Td>{m.position}</Table.Td>
                    <Table.Td>{m.subjects.join(', ') || '—'}</Table.Td>
                    <Table.Td>{gradesText(m.grades)}</Table.Td>
                    <Table.Td>{m.experienceYears ?? '—'}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {m.isYoung && <Badge size="sm">молодой</Badge>}
                        {m.newlyHired && (
                          <Badge size="sm" color="teal">
                            вновь принят
                          </Badge>
                        )}
                        {m.leftOn && (
                          <Badge size="sm" color="gray">
                            выбыл
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {m.latestLevel ? (
                        <Badge color={m.latestLevel.needsRoute ? 'red' : 'gray'} variant="light">
                          {m.latestLevel.name}
                        </Badge>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Modal opened={adding} onClose={() => setAdding(false)} title="Новый педагог" size="lg">
            <StaffForm initial={EMPTY_STAFF} busy={busy} submitLabel="Внести в реестр" onSubmit={add} />
          </Modal>
          <ImportDialog
            schoolId={schoolId}
            opened={importing}
            onClose={() => setImporting(false)}
            onDone={refresh}
          />
        </Stack>
      )}
    </Query>
  );
}
