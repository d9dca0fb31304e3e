import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PublicationControl } from '../publication/publication-control.js';
import { api, apiHref, unwrap } from '../shared/api.js';
import { formatDate, notifyError, notifyOk, Query } from '../shared/ui.js';
import { RecordDecision } from './record-decision.js';
import { ReportBlocks } from './report-blocks.js';
import { ReportEditor } from './report-editor.js';
import { type ReportDetail, useInvalidateReports, useReport } from './reports-api.js';
import { STATUS_COLORS } from './reports-page.js';

// One analytic report (route /reports/:id): the job's progress while it is generated, then the draft
// with its editor and «Выпустить», then the issued DOCX and PDF and the reviews with «Записать решение».

function Generating({ r }: { r: ReportDetail }) {
  const job = r.job;
  return (
    <Card withBorder data-testid="report-progress">
      <Text mb="xs">{job?.message ?? 'Задание ждёт очереди…'}</Text>
      <Progress value={Math.round((job?.progress ?? 0) * 100)} animated />
    </Card>
  );
}

function Issue({ r }: { r: ReportDetail }) {
  const invalidate = useInvalidateReports();
  const [busy, setBusy] = useState(false);
  const issue = async () => {
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/reports/{id}/issue', { params: { path: { id: r.id } }, body: { version: r.version } }),
      );
      notifyOk('Справка выпущена: DOCX и PDF сформированы');
      await invalidate();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button color="green" onClick={issue} loading={busy} data-testid="report-issue">
      Выпустить
    </Button>
  );
}

function Reviews({ r }: { r: ReportDetail }) {
  const [recording, setRecording] = useState(false);
  return (
    <Card withBorder data-testid="report-reviews">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Управленческие решения</Title>
        {r.canRecordDecision && !recording && (
          <Button size="xs" onClick={() => setRecording(true)} data-testid="record-decision-open">
            Записать решение
          </Button>
        )}
      </Group>
      {recording && (
        <RecordDecision
          r={{ reportId: r.id, unit: r.unit, title: r.title }}
          onDone={() => setRecording(false)}
        />
      )}
      {r.reviews.length === 0 ? (
        <Text c="dimmed">Решений по справке пока нет</Text>
      ) : (
        <Table>
          <Table.Tbody>
            {r.reviews.map((m) => (
              <Table.Tr key={m.meetingId}>
                <Table.Td>{formatDate(m.date)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/organisation/meetings/${m.meetingId}`}>
                    {m.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{m.protocolNumber ? `протокол № ${m.protocolNumber}` : '—'}</Table.Td>
                <Table.Td>решений: {m.decisions}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function ReportView({ r }: { r: ReportDetail }) {
  return (
    <Stack>
      <Anchor component={Link} to="/reports" size="sm">
        ← Все справки
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Text c="dimmed" size="sm">
            {r.templateLabel} · {r.unit.name} · {r.year}
          </Text>
          <Title order={2}>{r.content?.title ?? r.title}</Title>
          {r.content && <Text>{r.content.scope}</Text>}
        </Stack>
        <Group>
          <Badge size="lg" variant="light" color={STATUS_COLORS[r.status]} data-testid="report-status">
            {r.statusLabel}
          </Badge>
          {r.canIssue && <Issue r={r} />}
          <PublicationControl kind="analytic_report" objectId={r.id} title={r.title} />
        </Group>
      </Group>
      {r.status === 'generating' && <Generating r={r} />}
      {r.status === 'failed' && (
        <Alert color="red" title="Справку не удалось сформировать">
          {r.job?.error ?? 'Причина неизвестна'}
        </Alert>
      )}
      {r.status === 'issued' && (
        <Group>
          <Button
            component="a"
            href={apiHref('/api/reports/{id}/file', { path: { id: r.id }, query: { format: 'docx' } })}
            variant="default"
            data-testid="report-docx"
          >
            Скачать DOCX
          </Button>
          <Button
            component="a"
            href={apiHref('/api/reports/{id}/file', { path: { id: r.id }, query: { format: 'pdf' } })}
            variant="default"
          >
            Скачать PDF
          </Button>
          <Text size="sm" c="dimmed">
            Выпущена {formatDate(r.issuedAt)}
          </Text>
        </Group>
      )}
      {r.status === 'issued' && <Reviews r={r} />}
      {r.canEdit && <ReportEditor key={r.version} r={r} />}
      {r.content && <ReportBlocks content={r.content} editable={r.canEdit} />}
    </Stack>
  );
}

export function ReportPage() {
  const { id = '' } = useParams();
  const q = useReport(id);
  return <Query q={q}>{(r) => <ReportView r={r} />}</Query>;
}
