import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { countLabel } from '../../lib/plural.js';
import { MEETING_WORDS, PERIODICITY_LABELS } from '../../modules/organisation/meeting-labels.js';
import { api, unwrap } from '../shared/api.js';
import { formatDate, notifyError, Query } from '../shared/ui.js';
import { BodyForm } from './body-form.js';
import { type BodyDetail, useBody, useInvalidateMeetings } from './meetings-api.js';

// One body: its members, the periods it was expected to meet (missed ones in red), its meetings and
// «Провести заседание».

function Timeline({ body }: { body: BodyDetail }) {
  if (!body.periodicity) return <Text c="dimmed">Периодичность не задана: пропуски не считаются</Text>;
  return (
    <Stack gap={4}>
      <Text size="sm">
        Заседания {PERIODICITY_LABELS[body.periodicity]} с {formatDate(body.activeFrom)}
        {body.missed > 0 ? ` — пропущено: ${countLabel(body.missed, MEETING_WORDS.missedPeriod)}` : ''}
      </Text>
      <Group gap={4} data-testid="body-timeline">
        {body.schedule.map((p) => {
          const color = p.missed ? 'red' : p.meetings > 0 ? 'green' : 'gray';
          const tip = `${formatDate(p.from)} — ${formatDate(p.to)}: ${
            p.missed
              ? 'заседания не было'
              : p.meetings > 0
                ? countLabel(p.meetings, MEETING_WORDS.meeting)
                : 'период идёт'
          }`;
          return (
            <Tooltip key={p.from} label={tip}>
              <Badge
                color={color}
                variant={p.missed || p.meetings ? 'filled' : 'light'}
                radius="sm"
                data-missed={p.missed}
              >
                {p.from.slice(5, 7)}.{p.from.slice(2, 4)}
              </Badge>
            </Tooltip>
          );
        })}
      </Group>
    </Stack>
  );
}

function HoldMeeting({ body, onClose }: { body: BodyDetail; onClose: () => void }) {
  const navigate = useNavigate();
  const invalidate = useInvalidateMeetings();
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [title, setTitle] = useState('');
  const [agenda, setAgenda] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const m = await unwrap(
        api.POST('/api/meetings', {
          body: { kind: 'body_meeting', bodyId: body.id, date, title, agenda: agenda || null },
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
    <Modal opened onClose={onClose} title={`Заседание: ${body.name}`} size="lg">
      <Stack>
        <TextInput
          type="date"
          label="Дата"
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          data-testid="meeting-date"
        />
        <TextInput
          label="Тема"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          data-testid="meeting-title"
        />
        <Textarea
          label="Повестка"
          autosize
          minRows={3}
          value={agenda}
          onChange={(e) => setAgenda(e.currentTarget.value)}
        />
        <Text size="sm" c="dimmed">
          Участники — состав рабочего органа; отметить присутствие и добавить приглашённых можно на странице
          заседания.
        </Text>
        <Group justify="flex-end">
          <Button onClick={save} loading={busy} data-testid="meeting-create">
            Провести заседание
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function BodyPanel({ bodyId }: { bodyId: string }) {
  const q = useBody(bodyId);
  const [holding, setHolding] = useState(false);
  const [editing, setEditing] = useState(false);
  return (
    <Query q={q}>
      {(body) => (
        <Card withBorder data-testid="body-panel">
          <Stack>
            <Group justify="space-between">
              <Title order={4}>{body.name}</Title>
              {body.canKeep && (
                <Group gap="xs">
                  <Button variant="default" onClick={() => setEditing(true)} data-testid="body-edit">
                    Изменить
                  </Button>
                  <Button onClick={() => setHolding(true)} data-testid="body-hold-meeting">
                    Провести заседание
                  </Button>
                </Group>
              )}
            </Group>
            <Timeline body={body} />
            <Text fw={500}>Состав</Text>
            {body.members.length === 0 ? (
              <Text c="dimmed">Состав не указан</Text>
            ) : (
              <Stack gap={2}>
                {body.members.map((m) => (
                  <Text key={m.id} size="sm">
                    {m.fullName}
                    {m.position ? `, ${m.position}` : ''}
                    {m.unitName ? ` (${m.unitName})` : ''}
                    {m.isChair ? ' — председатель' : ''}
                  </Text>
                ))}
              </Stack>
            )}
            <Text fw={500}>Заседания</Text>
            {body.meetingList.length === 0 ? (
              <Text c="dimmed">Заседаний ещё не было</Text>
            ) : (
              <Table>
                <Table.Tbody>
                  {body.meetingList.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td w={110}>{formatDate(m.date)}</Table.Td>
                      <Table.Td>
                        <Link to={`/organisation/meetings/${m.id}`}>{m.title}</Link>
                        {m.protocolNumber ? ` · протокол № ${m.protocolNumber}` : ''}
                      </Table.Td>
                      <Table.Td>
                        {countLabel(m.decisions, MEETING_WORDS.decision)}
                        {m.openDecisions > 0 ? `, исполняется ${m.openDecisions}` : ''}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
          {holding && <HoldMeeting body={body} onClose={() => setHolding(false)} />}
          {editing && <BodyForm body={body} onClose={() => setEditing(false)} onCreated={() => {}} />}
        </Card>
      )}
    </Query>
  );
}
