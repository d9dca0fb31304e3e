import { Button, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { countLabel } from '../../lib/plural.js';
import { MEETING_KIND_LABELS, MEETING_WORDS } from '../../modules/organisation/meeting-labels.js';
import { useOrgUnits } from '../roadmap/hooks.js';
import { api, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { formatDate, notifyError, Query } from '../shared/ui.js';
import { sortedBy } from './body-form.js';
import { useInvalidateMeetings } from './meetings-api.js';

// Interviews with schools' management teams and curators' visits (issue 12 §2): held by the school's
// municipality or region, or by its curator; the school reads those about itself.

const HOLDERS = ['regional_operator', 'municipal_coordinator', 'curator'];

function NewSchoolMeeting({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const invalidate = useInvalidateMeetings();
  const me = useMe();
  const curatorOnly = me.assignments.every((a) => a.role === 'curator');
  const units = useOrgUnits();
  const schools = sortedBy((units.data ?? []).filter((u) => u.kind === 'school'));
  const [kind, setKind] = useState<string | null>(curatorOnly ? 'curator_visit' : 'interview');
  const [schoolId, setSchoolId] = useState<string | null>(null);
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const m = await unwrap(
        api.POST('/api/meetings', {
          body: { kind: (kind ?? 'interview') as 'interview', schoolId, date, title },
        }),
      );
      await invalidate();
      navigate(`/organisation/meetings/${m.id}`);
    } catch (e) {
      notifyError(e);
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title="Собеседование или выезд куратора">
      <Stack>
        <Select
          label="Вид"
          data={(['interview', 'curator_visit'] as const).map((k) => ({
            value: k,
            label: MEETING_KIND_LABELS[k],
          }))}
          value={kind}
          onChange={setKind}
        />
        <Select
          label="Школа"
          searchable
          data={schools.map((s) => ({ value: s.id, label: s.name }))}
          value={schoolId}
          onChange={setSchoolId}
        />
        <TextInput type="date" label="Дата" value={date} onChange={(e) => setDate(e.currentTarget.value)} />
        <TextInput label="Тема" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button onClick={save} loading={busy} disabled={!schoolId}>
            Создать
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function SchoolMeetings() {
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const q = useQuery({
    queryKey: ['meeting', 'school-meetings'],
    queryFn: () => unwrap(api.GET('/api/school-meetings', { params: { query: {} } })),
  });
  const holds = me.assignments.some((a) => HOLDERS.includes(a.role));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={4}>Собеседования и выезды кураторов</Title>
        {holds && (
          <Button variant="light" onClick={() => setCreating(true)}>
            Провести собеседование или выезд
          </Button>
        )}
      </Group>
      <Query q={q}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">Собеседований и выездов пока нет</Text>
          ) : (
            <Table data-testid="school-meetings">
              <Table.Tbody>
                {list.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td w={110}>{formatDate(m.date)}</Table.Td>
                    <Table.Td>{MEETING_KIND_LABELS[m.kind]}</Table.Td>
                    <Table.Td>
                      <Link to={`/organisation/meetings/${m.id}`}>{m.title}</Link>
                      <Text size="xs" c="dimmed">
                        {m.schoolName} · {m.unitName}
                      </Text>
                    </Table.Td>
                    <Table.Td>{countLabel(m.decisions, MEETING_WORDS.decision)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </Query>
      {creating && <NewSchoolMeeting onClose={() => setCreating(false)} />}
    </Stack>
  );
}
