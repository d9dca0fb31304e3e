import { Anchor, Badge, Button, Card, FileButton, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { MEETING_KIND_LABELS } from '../../modules/organisation/meeting-labels.js';
import { api, apiHref, unwrap } from '../shared/api.js';
import { HistoryLines } from '../shared/history-lines.js';
import { formatDate, notifyError, notifyOk, Query } from '../shared/ui.js';
import { DecisionActions, DecisionStatus } from './decision-actions.js';
import { MeetingEditor, REVIEWED_LINE } from './meeting-editor.js';
import { type Meeting, useInvalidateMeetings, useMeeting } from './meetings-api.js';

// A meeting (route /organisation/meetings/:id): agenda, participants, protocol, the open decisions of
// the body's earlier meetings, its decisions, the DOCX and the signed protocol's file. A responsible
// side that reads only its decisions sees just them.

function Decisions({ m }: { m: Meeting }) {
  if (m.decisions.length === 0) return <Text c="dimmed">Решений нет</Text>;
  return (
    <Table data-testid="meeting-decisions">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>№</Table.Th>
          <Table.Th>Решение</Table.Th>
          <Table.Th>Ответственный</Table.Th>
          <Table.Th>Срок</Table.Th>
          <Table.Th>Исполнение</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {m.decisions.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td>{d.position}</Table.Td>
            <Table.Td>
              {d.text}
              {d.outcome ? (
                <Text size="xs" c="dimmed">
                  {d.outcome}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>{d.responsibleName}</Table.Td>
            <Table.Td>{formatDate(d.dueDate)}</Table.Td>
            <Table.Td>
              <Group gap="xs">
                <DecisionStatus d={d} />
                <DecisionActions d={d} />
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ProtocolFile({ m }: { m: Meeting }) {
  const invalidate = useInvalidateMeetings();
  const upload = async (file: File | null) => {
    if (!file) return;
    try {
      await unwrap(
        api.POST('/api/meetings/{id}/protocol-file', {
          params: { path: { id: m.id } },
          body: { file } as never,
        }),
      );
      notifyOk('Файл протокола приложен');
      await invalidate();
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Group>
      <Anchor
        href={apiHref('/api/meetings/{id}/protocol.docx', { path: { id: m.id } })}
        data-testid="protocol-docx"
      >
        Протокол (DOCX)
      </Anchor>
      {m.protocolFile && (
        <Anchor href={apiHref('/api/meetings/{id}/protocol-file', { path: { id: m.id } })}>
          Подписанный протокол: {m.protocolFile.name}
        </Anchor>
      )}
      {m.canKeep && (
        <FileButton onChange={upload} accept="application/pdf,image/*,.docx,.doc">
          {(props) => (
            <Button size="xs" variant="default" {...props}>
              {m.protocolFile ? 'Заменить файл протокола' : 'Приложить подписанный протокол'}
            </Button>
          )}
        </FileButton>
      )}
    </Group>
  );
}

function MeetingView({ m }: { m: Meeting }) {
  const [addition, setAddition] = useState('');
  return (
    <Stack>
      <Group justify="space-between">
        <Stack gap={0}>
          <Text c="dimmed" size="sm">
            {MEETING_KIND_LABELS[m.kind]} ·{' '}
            {m.body ? (
              <Link to={`/organisation?tab=bodies&body=${m.body.id}`}>{m.body.name}</Link>
            ) : m.reportId ? (
              <Link to={`/reports/${m.reportId}`}>аналитическая справка</Link>
            ) : (
              m.school?.name
            )}{' '}
            · {m.unitName}
          </Text>
          <Title order={2}>{m.title}</Title>
          <Text>
            {formatDate(m.date)}
            {m.protocolNumber ? ` · протокол № ${m.protocolNumber}` : ''}
            {m.chair ? ` · председатель ${m.chair}` : ''}
          </Text>
        </Stack>
      </Group>
      {m.access === 'decisions' ? (
        <Text size="sm" c="dimmed">
          Вам видны решения этого заседания, адресованные вашей организации.
        </Text>
      ) : (
        <>
          <ProtocolFile m={m} />
          <Card withBorder>
            <Text fw={500}>Повестка</Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{m.agenda || '—'}</Text>
          </Card>
          {m.previousOpen.length > 0 && (
            <Card withBorder data-testid="previous-open">
              <Group justify="space-between">
                <Text fw={500}>Неисполненные решения прежних заседаний</Text>
                {m.canKeep && (
                  <Button size="xs" variant="light" onClick={() => setAddition(REVIEWED_LINE)}>
                    Рассмотрено исполнение решений
                  </Button>
                )}
              </Group>
              {m.previousOpen.map((d) => (
                <Group key={d.id} justify="space-between" mt={4} wrap="nowrap">
                  <Text size="sm">
                    {formatDate(d.meetingDate)}: {d.text} — {d.responsibleName}, срок {formatDate(d.dueDate)}
                  </Text>
                  <DecisionStatus d={d} />
                </Group>
              ))}
            </Card>
          )}
          {m.previousOpen.length === 0 && m.body && (
            <Badge variant="light" color="green" data-testid="previous-none">
              Неисполненных решений прежних заседаний нет
            </Badge>
          )}
        </>
      )}
      {m.canKeep ? (
        <MeetingEditor key={m.version} m={m} protocolAddition={addition} />
      ) : (
        <>
          {m.access === 'full' && (
            <Card withBorder>
              <Text fw={500}>Протокол</Text>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{m.protocol || '—'}</Text>
              <Text fw={500} mt="sm">
                Присутствовали
              </Text>
              <Text size="sm">
                {m.participants
                  .filter((p) => p.attended)
                  .map((p) => p.fullName)
                  .join('; ') || '—'}
              </Text>
            </Card>
          )}
          <Decisions m={m} />
        </>
      )}
      {m.history.length > 0 && (
        <Card withBorder>
          <Text fw={500} mb="xs">
            История
          </Text>
          <HistoryLines lines={m.history} testId="meeting-history" />
        </Card>
      )}
    </Stack>
  );
}

export function MeetingPage() {
  const { id = '' } = useParams();
  const q = useMeeting(id);
  return <Query q={q}>{(m) => <MeetingView m={m} />}</Query>;
}
