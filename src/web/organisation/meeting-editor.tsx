import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useOrgUnits } from '../roadmap/hooks.js';
import { api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { sortedBy } from './body-form.js';
import { DecisionActions, DecisionStatus } from './decision-actions.js';
import { type Meeting, useInvalidateMeetings } from './meetings-api.js';

// The keeper's editor of a meeting: attendance and invited persons, the protocol (number and text),
// the decisions (text, responsible unit, deadline). One save, with the version read.

type Participant = {
  fullName: string;
  position: string;
  isMember: boolean;
  attended: boolean;
  orgUnitId: string | null;
};
type DecisionRow = {
  id: string | null;
  text: string;
  responsibleUnitId: string | null;
  dueDate: string;
  closed: boolean;
};

export const REVIEWED_LINE = 'Рассмотрено исполнение решений предыдущих заседаний.';

export function MeetingEditor({ m, protocolAddition }: { m: Meeting; protocolAddition: string }) {
  const units = useOrgUnits();
  const invalidate = useInvalidateMeetings();
  const [participants, setParticipants] = useState<Participant[]>(
    m.participants.map(({ id: _id, ...p }) => ({ ...p, position: p.position ?? '' })),
  );
  const [number, setNumber] = useState(m.protocolNumber ?? '');
  const [protocol, setProtocol] = useState(m.protocol ?? '');
  const [decisions, setDecisions] = useState<DecisionRow[]>(
    m.decisions.map((d) => ({
      id: d.id,
      text: d.text,
      responsibleUnitId: d.responsibleUnitId,
      dueDate: d.dueDate ?? '',
      closed: d.status !== 'open',
    })),
  );
  const [busy, setBusy] = useState(false);
  const shownProtocol =
    protocolAddition && !protocol.includes(protocolAddition)
      ? `${protocol}${protocol ? '\n' : ''}${protocolAddition}`
      : protocol;
  const unitOptions = sortedBy(units.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  const setDecision = (i: number, patch: Partial<DecisionRow>) =>
    setDecisions((l) => l.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const setParticipant = (i: number, patch: Partial<Participant>) =>
    setParticipants((l) => l.map((p, j) => (j === i ? { ...p, ...patch } : p)));

  const save = async () => {
    setBusy(true);
    try {
      await unwrap(
        api.PATCH('/api/meetings/{id}', {
          params: { path: { id: m.id } },
          body: {
            version: m.version,
            protocolNumber: number || null,
            protocol: shownProtocol || null,
            participants: participants
              .filter((p) => p.fullName.trim())
              .map((p) => ({
                fullName: p.fullName,
                position: p.position || null,
                orgUnitId: p.orgUnitId,
                isMember: p.isMember,
                attended: p.attended,
              })),
            decisions: decisions
              .filter((d) => d.text.trim() || d.closed)
              .map((d) => ({
                id: d.id,
                text: d.text,
                responsibleUnitId: d.responsibleUnitId ?? '',
                dueDate: d.dueDate || null,
              })),
          },
        }),
      );
      notifyOk('Протокол сохранён');
      await invalidate();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <Text fw={500}>Участники</Text>
      <Table>
        <Table.Tbody>
          {participants.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows being typed have no id yet
            <Table.Tr key={i}>
              <Table.Td>
                <TextInput
                  size="xs"
                  value={p.fullName}
                  onChange={(e) => setParticipant(i, { fullName: e.currentTarget.value })}
                  aria-label="ФИО"
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  size="xs"
                  value={p.position}
                  onChange={(e) => setParticipant(i, { position: e.currentTarget.value })}
                  aria-label="Должность"
                />
              </Table.Td>
              <Table.Td>{p.isMember ? 'член' : 'приглашён'}</Table.Td>
              <Table.Td>
                <Checkbox
                  label="присутствовал"
                  checked={p.attended}
                  onChange={(e) => setParticipant(i, { attended: e.currentTarget.checked })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button
          size="xs"
          variant="default"
          onClick={() =>
            setParticipants((l) => [
              ...l,
              { fullName: '', position: '', isMember: false, attended: true, orgUnitId: null },
            ])
          }
        >
          Добавить приглашённого
        </Button>
      </Group>
      <TextInput
        label="Номер протокола"
        w={200}
        value={number}
        onChange={(e) => setNumber(e.currentTarget.value)}
        data-testid="protocol-number"
      />
      <Textarea
        label="Текст протокола"
        autosize
        minRows={4}
        value={shownProtocol}
        onChange={(e) => setProtocol(e.currentTarget.value)}
        data-testid="protocol-text"
      />
      <Text fw={500}>Решения</Text>
      {decisions.map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows being typed have no id yet
        <Group key={i} align="end" wrap="nowrap" data-testid="decision-row">
          <Text w={24}>{i + 1}.</Text>
          <Textarea
            style={{ flex: 1 }}
            label="Решение"
            autosize
            value={d.text}
            disabled={d.closed}
            onChange={(e) => setDecision(i, { text: e.currentTarget.value })}
            data-testid="decision-input-text"
          />
          <Select
            w={280}
            label="Ответственный"
            searchable
            data={unitOptions}
            value={d.responsibleUnitId}
            disabled={d.closed}
            onChange={(v) => setDecision(i, { responsibleUnitId: v })}
            data-testid="decision-input-unit"
          />
          <TextInput
            w={150}
            type="date"
            label="Срок"
            value={d.dueDate}
            disabled={d.closed}
            onChange={(e) => setDecision(i, { dueDate: e.currentTarget.value })}
            data-testid="decision-input-due"
          />
          {!d.closed && (
            <ActionIcon
              variant="subtle"
              color="red"
              mb={6}
              aria-label="Убрать решение"
              onClick={() => setDecisions((l) => l.filter((_, j) => j !== i))}
            >
              ×
            </ActionIcon>
          )}
        </Group>
      ))}
      <Group justify="space-between">
        <Button
          size="xs"
          variant="default"
          onClick={() =>
            setDecisions((l) => [
              ...l,
              { id: null, text: '', responsibleUnitId: null, dueDate: '', closed: false },
            ])
          }
          data-testid="decision-add"
        >
          Добавить решение
        </Button>
        <Button onClick={save} loading={busy} data-testid="meeting-save">
          Сохранить протокол
        </Button>
      </Group>
      {m.decisions.some((d) => d.canComplete || d.canCancel) && (
        <Stack gap="xs">
          <Text fw={500}>Исполнение решений</Text>
          {m.decisions.map((d) => (
            <Group key={d.id} justify="space-between">
              <Text size="sm">
                {d.position}. {d.text}
              </Text>
              <Group gap="xs">
                <DecisionStatus d={d} />
                <DecisionActions d={d} />
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
