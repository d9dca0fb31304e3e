import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { TeacherResults } from '../diagnostics/teacher-results.js';
import { api, apiHref, unwrap } from '../shared/api.js';
import { HistoryLines } from '../shared/history-lines.js';
import { formatDateTime, notifyError, notifyOk, Query } from '../shared/ui.js';
import { ActivityList, type RouteDetail } from './activity-list.js';
import { R, ROUTE_STATUS_COLORS, ROUTE_STATUS_LABELS } from './strings.js';

// One route (ИОМ): the teacher and the diagnostic it was built from, his results per block (re-diagnosis
// shows the change), goals, activities with evidence, confirm and return, statuses, DOCX and history.

export function RoutePage() {
  const { id = '' } = useParams();
  const q = useQuery({
    queryKey: ['individual-route', id],
    queryFn: () => unwrap(api.GET('/api/individual-routes/{id}', { params: { path: { id } } })),
  });
  return (
    <Stack>
      <Anchor component={Link} to="/individual-routes" size="sm">
        ← {R.title}
      </Anchor>
      <Query q={q}>{(r) => <RouteView route={r} onChanged={() => q.refetch()} />}</Query>
    </Stack>
  );
}

export function RouteView({
  route: r,
  onChanged,
}: {
  route: RouteDetail;
  onChanged: () => Promise<unknown>;
}) {
  const [busy, setBusy] = useState(false);
  const [closing, setClosing] = useState(false);
  async function step(path: 'approve' | 'start', ok: string) {
    setBusy(true);
    try {
      const url =
        path === 'approve' ? '/api/individual-routes/{id}/approve' : '/api/individual-routes/{id}/start';
      await unwrap(api.POST(url, { params: { path: { id: r.id } }, body: { version: r.version } }));
      notifyOk(ok);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
      await onChanged();
    }
  }
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2} data-testid="route-teacher">
            ИОМ: {r.teacherName}
          </Title>
          <Text c="dimmed">
            {r.position} · {r.schoolName} · {r.year}/{String((r.year + 1) % 100).padStart(2, '0')} уч. год
          </Text>
          {r.diagnostic && (
            <Text size="sm">
              По диагностике «{r.diagnostic.name}»
              {r.diagnostic.levelName ? `, общий уровень дефицитов: ${r.diagnostic.levelName}` : ''}
            </Text>
          )}
          {r.approvedAt && (
            <Text size="sm" c="dimmed">
              Утверждён {formatDateTime(r.approvedAt)}
              {r.approvedByName ? ` · ${r.approvedByName}` : ''}
            </Text>
          )}
        </Stack>
        <Badge size="lg" variant="light" color={ROUTE_STATUS_COLORS[r.status]} data-testid="route-status">
          {ROUTE_STATUS_LABELS[r.status]}
        </Badge>
      </Group>
      <Group>
        {r.canKeep && r.status === 'draft' && (
          <Button loading={busy} onClick={() => step('approve', 'ИОМ утверждён')} data-testid="route-approve">
            {R.approve}
          </Button>
        )}
        {r.canKeep && r.status === 'approved' && (
          <Button variant="light" loading={busy} onClick={() => step('start', 'ИОМ выполняется')}>
            {R.start}
          </Button>
        )}
        {r.canKeep && (r.status === 'approved' || r.status === 'in_progress') && (
          <Button variant="light" color="grape" onClick={() => setClosing(true)} data-testid="route-close">
            {R.close}
          </Button>
        )}
        <Anchor
          href={apiHref('/api/individual-routes/{id}/docx', { path: { id: r.id } })}
          data-testid="route-docx"
        >
          {R.docx}
        </Anchor>
      </Group>
      {r.result && (
        <Paper withBorder p="sm">
          <Text fw={600}>Заключение</Text>
          <Text style={{ whiteSpace: 'pre-line' }}>{r.result}</Text>
        </Paper>
      )}
      <Goals route={r} onChanged={onChanged} />
      <Title order={4}>{R.activities}</Title>
      <ActivityList route={r} onChanged={onChanged} />
      <Title order={4}>{R.results}</Title>
      <TeacherResults staffId={r.staffMemberId} />
      <Title order={4}>{R.history}</Title>
      <HistoryLines lines={r.history} testId="route-history" />
      {closing && (
        <CloseModal
          route={r}
          onClose={() => setClosing(false)}
          onDone={async () => {
            setClosing(false);
            await onChanged();
          }}
        />
      )}
    </Stack>
  );
}

function Goals({ route: r, onChanged }: { route: RouteDetail; onChanged: () => Promise<unknown> }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  async function run(call: () => Promise<unknown>, ok: string) {
    setBusy(true);
    try {
      await call();
      notifyOk(ok);
      setText('');
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
      await onChanged();
    }
  }
  return (
    <Stack gap="xs">
      <Title order={4}>{R.goals}</Title>
      {r.goals.length === 0 && <Text c="dimmed">Целей нет.</Text>}
      {r.goals.map((g, i) => (
        <Group key={g.id} gap="xs" data-testid="route-goal">
          <Text>
            {i + 1}. {g.text}
          </Text>
          {r.canKeep && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              loading={busy}
              onClick={() =>
                run(
                  () =>
                    unwrap(
                      api.DELETE('/api/individual-routes/{id}/goals/{goalId}', {
                        params: { path: { id: r.id, goalId: g.id }, query: { version: r.version } },
                      }),
                    ),
                  'Цель удалена',
                )
              }
            >
              {R.remove}
            </Button>
          )}
        </Group>
      ))}
      {r.canKeep && (
        <Group align="flex-end">
          <TextInput
            label="Новая цель"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button
            variant="light"
            loading={busy}
            disabled={!text.trim()}
            onClick={() =>
              run(
                () =>
                  unwrap(
                    api.POST('/api/individual-routes/{id}/goals', {
                      params: { path: { id: r.id } },
                      body: { version: r.version, text },
                    }),
                  ),
                'Цель добавлена',
              )
            }
          >
            {R.addGoal}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function CloseModal(p: { route: RouteDetail; onClose: () => void; onDone: () => Promise<void> }) {
  const allConfirmed =
    p.route.activities.length > 0 && p.route.activities.every((a) => a.status === 'confirmed');
  const [outcome, setOutcome] = useState<'mastered' | 'not_mastered'>(
    allConfirmed ? 'mastered' : 'not_mastered',
  );
  const [conclusion, setConclusion] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/individual-routes/{id}/close', {
          params: { path: { id: p.route.id } },
          body: { version: p.route.version, outcome, conclusion, reason: reason.trim() || null },
        }),
      );
      notifyOk('ИОМ закрыт');
      await p.onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened onClose={p.onClose} title={R.close}>
      <Stack>
        <Radio.Group value={outcome} onChange={(v) => setOutcome(v as typeof outcome)} label="Итог">
          <Group mt={4}>
            <Radio value="mastered" label="освоен" disabled={!allConfirmed} />
            <Radio value="not_mastered" label="не освоен" />
          </Group>
        </Radio.Group>
        {!allConfirmed && (
          <Text size="sm" c="dimmed">
            Не все действия подтверждены: ИОМ можно закрыть только как «не освоен» с причиной.
          </Text>
        )}
        <Textarea
          label="Заключение"
          required
          value={conclusion}
          onChange={(e) => setConclusion(e.currentTarget.value)}
        />
        {outcome === 'not_mastered' && !allConfirmed && (
          <Textarea
            label="Причина"
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        )}
        <Button onClick={save} loading={busy}>
          {R.close}
        </Button>
      </Stack>
    </Modal>
  );
}
