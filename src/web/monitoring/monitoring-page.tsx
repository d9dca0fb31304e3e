import { Anchor, Badge, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { type ApiData, api, apiHref, unwrap } from '../shared/api.js';
import { formatDate, notifyError, notifyOk, Query } from '../shared/ui.js';
import { ComputedTable } from './computed-table.js';
import { FormBuilder } from './form-builder.js';
import { FormFields } from './form-fields.js';
import { MonitoringDecisions } from './monitoring-decisions.js';
import { ParticipantsEditor } from './participants-picker.js';
import { ProgressPanel } from './progress-panel.js';
import { KIND_LABELS, M, MONITORING_STATUS_LABELS, STATUS_COLORS } from './strings.js';

// A monitoring for its owner and the levels that follow it: the form (the builder while it is a draft),
// the participants they see with progress per municipality, or the computed table with drill-down;
// open, close and the XLSX of all answers.

type Detail = ApiData<'/api/monitorings/{id}', 'get'>;

export function MonitoringPage() {
  const id = useParams().id ?? '';
  const q = useQuery({
    queryKey: ['monitoring', id],
    queryFn: () => unwrap(api.GET('/api/monitorings/{id}', { params: { path: { id } } })),
  });
  return <Query q={q}>{(m) => <MonitoringBody m={m} />}</Query>;
}

function MonitoringBody({ m }: { m: Detail }) {
  const qc = useQueryClient();
  const step = useMutation({
    mutationFn: (verb: 'open' | 'close') =>
      unwrap(
        api.POST(verb === 'open' ? '/api/monitorings/{id}/open' : '/api/monitorings/{id}/close', {
          params: { path: { id: m.id } },
          body: { version: m.version },
        }),
      ),
    onSuccess: (data, verb) => {
      notifyOk(verb === 'open' ? M.opened : M.closed);
      qc.setQueryData(['monitoring', m.id], data);
      qc.invalidateQueries({ queryKey: ['monitorings'] });
    },
    onError: notifyError,
  });
  const own = m.mine[0];
  return (
    <Stack>
      <Anchor component={Link} to="/monitorings" size="sm">
        ← {M.title}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{m.title}</Title>
          <Text c="dimmed" size="sm">
            Проводит {m.owner.name} · {KIND_LABELS[m.kind]} · {formatDate(m.periodStart)} —{' '}
            {formatDate(m.periodEnd)}
          </Text>
        </div>
        <Badge size="lg" variant="light" color={STATUS_COLORS[m.status]} data-testid="monitoring-status">
          {MONITORING_STATUS_LABELS[m.status]}
        </Badge>
      </Group>
      <Group>
        {m.canKeep && m.status === 'draft' && (
          <Button onClick={() => step.mutate('open')} loading={step.isPending} data-testid="monitoring-open">
            {M.open}
          </Button>
        )}
        {m.canKeep && m.status === 'open' && (
          <Button
            variant="default"
            onClick={() => step.mutate('close')}
            loading={step.isPending}
            data-testid="monitoring-close"
          >
            {M.close}
          </Button>
        )}
        {m.status !== 'draft' && (
          <Button
            component="a"
            variant="light"
            href={apiHref('/api/monitorings/{id}/export', { path: { id: m.id } })}
            data-testid="monitoring-export"
          >
            {M.export}
          </Button>
        )}
        {own && m.kind === 'form' && (
          <Button
            component={Link}
            to={`/monitorings/${m.id}/units/${own.unitId}`}
            data-testid="monitoring-fill"
          >
            {M.fill}: {own.unitName}
          </Button>
        )}
      </Group>
      <MonitoringDecisions m={m} />
      {m.computed ? (
        <ComputedTable m={m} computed={m.computed} />
      ) : (
        <Tabs defaultValue={m.status === 'draft' && m.canKeep ? 'form' : 'progress'} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="progress">{M.progress}</Tabs.Tab>
            <Tabs.Tab value="form">{M.form}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="progress" pt="md">
            {m.status === 'draft' && m.canKeep && (
              <ParticipantsEditor monitoringId={m.id} version={m.version} owner={m.owner} />
            )}
            <ProgressPanel m={m} />
          </Tabs.Panel>
          <Tabs.Panel value="form" pt="md">
            {m.form && m.status === 'draft' && m.canKeep ? (
              <FormBuilder monitoringId={m.id} version={m.version} form={m.form} />
            ) : m.form ? (
              <FormFields form={m.form} values={{}} errors={{}} readOnly onChange={() => {}} />
            ) : null}
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
