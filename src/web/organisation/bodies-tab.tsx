import { Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { countLabel } from '../../lib/plural.js';
import {
  BODY_KIND_LABELS,
  MEETING_WORDS,
  PERIODICITY_LABELS,
} from '../../modules/organisation/meeting-labels.js';
import { useOrgUnits } from '../roadmap/hooks.js';
import { formatDate, Query } from '../shared/ui.js';
import { BodyForm, sortedBy, useKeptUnits } from './body-form.js';
import { BodyPanel } from './body-panel.js';
import { useBodies } from './meetings-api.js';
import { SchoolMeetings } from './school-meetings.js';

// «Рабочие органы и заседания» (issue 12 §1–2): the bodies of the units the user sees, with the periods
// they missed; `?body=<id>` opens one (the «Пробелы» view links here).

export function BodiesTab() {
  const [params, setParams] = useSearchParams();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const bodies = useBodies(unitId);
  const units = useOrgUnits();
  const kept = useKeptUnits();
  const open = params.get('body');
  const select = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('body', id);
    else next.delete('body');
    setParams(next, { replace: true });
  };
  const unitOptions = sortedBy(
    (units.data ?? []).filter((u) => u.kind !== 'school' || kept.some((k) => k.id === u.id)),
  ).map((u) => ({ value: u.id, label: u.name }));

  return (
    <Stack>
      <Group justify="space-between">
        <Select
          placeholder="Все организации"
          clearable
          searchable
          data={unitOptions}
          value={unitId}
          onChange={setUnitId}
          w={360}
          data-testid="bodies-unit-filter"
        />
        {kept.length > 0 && (
          <Button onClick={() => setCreating(true)} data-testid="body-create">
            Создать рабочий орган
          </Button>
        )}
      </Group>
      {creating && <BodyForm onClose={() => setCreating(false)} onCreated={(id) => select(id)} />}
      <Query q={bodies}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">Рабочих органов пока нет</Text>
          ) : (
            <Table striped highlightOnHover data-testid="bodies-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Рабочий орган</Table.Th>
                  <Table.Th>Организация</Table.Th>
                  <Table.Th>Периодичность</Table.Th>
                  <Table.Th>Заседания</Table.Th>
                  <Table.Th>Пропущено</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((b) => (
                  <Table.Tr
                    key={b.id}
                    onClick={() => select(open === b.id ? null : b.id)}
                    style={{ cursor: 'pointer' }}
                    bg={open === b.id ? 'var(--mantine-color-blue-light)' : undefined}
                    data-testid="body-row"
                  >
                    <Table.Td>
                      <Text fw={500}>{b.name}</Text>
                      <Text size="xs" c="dimmed">
                        {BODY_KIND_LABELS[b.kind]}
                        {b.order ? ` · приказ № ${b.order.number} от ${formatDate(b.order.date)}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>{b.unitName}</Table.Td>
                    <Table.Td>{b.periodicity ? PERIODICITY_LABELS[b.periodicity] : '—'}</Table.Td>
                    <Table.Td>
                      {countLabel(b.meetings, MEETING_WORDS.meeting)}
                      {b.lastMeeting ? (
                        <Text size="xs" c="dimmed">
                          последнее {formatDate(b.lastMeeting)}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {b.missed > 0 ? (
                        <Text c="red" fw={600} size="sm" data-testid="body-missed">
                          {countLabel(b.missed, MEETING_WORDS.missedPeriod)}
                        </Text>
                      ) : (
                        <Badge color="green" variant="light">
                          нет
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </Query>
      {open && <BodyPanel bodyId={open} />}
      <SchoolMeetings />
    </Stack>
  );
}
