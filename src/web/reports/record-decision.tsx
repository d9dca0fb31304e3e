import {
  ActionIcon,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useBodies } from '../organisation/meetings-api.js';
import { useUnits } from '../organisation/people-shared.js';
import { api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { useInvalidateReports } from './reports-api.js';

// «Записать решение» on an issued report or a monitoring: a review (meeting of kind `review`) held by the
// report's (the monitoring's) unit — the date, who decided (one of the unit's bodies or an official), the
// protocol number — with its decisions (text, responsible unit, deadline), which become tasks of the
// responsible units.

/** What was considered: an issued report or a monitoring, with its unit and title. */
export type ReviewSubject = {
  reportId?: string;
  monitoringId?: string;
  unit: { id: string };
  title: string;
};

type Draft = { text: string; responsibleUnitId: string | null; dueDate: string };
const today = () => new Date().toISOString().slice(0, 10);

export function RecordDecision({ r, onDone }: { r: ReviewSubject; onDone: () => void }) {
  const invalidate = useInvalidateReports();
  const units = useUnits();
  const bodies = useBodies(r.unit.id);
  const [date, setDate] = useState(today());
  const [by, setBy] = useState<'official' | 'body'>('official');
  const [bodyId, setBodyId] = useState<string | null>(null);
  const [official, setOfficial] = useState({ fullName: '', position: '' });
  const [protocolNumber, setProtocolNumber] = useState('');
  const [decisions, setDecisions] = useState<Draft[]>([{ text: '', responsibleUnitId: null, dueDate: '' }]);
  const [busy, setBusy] = useState(false);
  const responsible = (units.data ?? [])
    .filter((u) => u.path.includes(`/${r.unit.id}/`) && u.kind !== 'institution')
    .map((u) => ({ value: u.id, label: u.name }));
  const set = (i: number, patch: Partial<Draft>) =>
    setDecisions((all) => all.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const submit = async () => {
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/meetings', {
          body: {
            kind: 'review',
            reportId: r.reportId ?? null,
            monitoringId: r.monitoringId ?? null,
            date,
            title: `Рассмотрение: ${r.title}`,
            protocolNumber: protocolNumber || null,
            bodyId: by === 'body' ? bodyId : null,
            participants:
              by === 'official' && official.fullName
                ? [
                    {
                      fullName: official.fullName,
                      position: official.position || null,
                      isMember: false,
                      attended: true,
                    },
                  ]
                : by === 'body'
                  ? undefined
                  : [],
            decisions: decisions.map((d) => ({
              text: d.text,
              responsibleUnitId: d.responsibleUnitId ?? '',
              dueDate: d.dueDate || null,
            })),
          },
        }),
      );
      notifyOk('Решение записано: ответственные видят его в «Мои задачи»');
      await invalidate();
      onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder data-testid="record-decision">
      <Stack>
        <Group align="flex-end">
          <TextInput
            type="date"
            label="Дата рассмотрения"
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
          <TextInput
            label="Номер протокола"
            value={protocolNumber}
            onChange={(e) => setProtocolNumber(e.currentTarget.value)}
            data-testid="review-decision-protocol"
          />
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Кто принял решение
          </Text>
          <SegmentedControl
            value={by}
            onChange={(v) => setBy(v === 'body' ? 'body' : 'official')}
            data={[
              { value: 'official', label: 'Должностное лицо' },
              { value: 'body', label: 'Рабочий орган' },
            ]}
            w={360}
          />
          {by === 'body' ? (
            <Select
              data={(bodies.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
              value={bodyId}
              onChange={setBodyId}
              placeholder="Рабочий орган организации"
              w={480}
            />
          ) : (
            <Group>
              <TextInput
                placeholder="ФИО"
                value={official.fullName}
                onChange={(e) => setOfficial({ ...official, fullName: e.currentTarget.value })}
                data-testid="review-decision-official"
              />
              <TextInput
                placeholder="Должность"
                value={official.position}
                onChange={(e) => setOfficial({ ...official, position: e.currentTarget.value })}
                w={320}
              />
            </Group>
          )}
        </Stack>
        {decisions.map((d, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: new rows have no ids yet
          <Card key={i} withBorder p="sm">
            <Group align="flex-start" wrap="nowrap">
              <Stack gap={4} style={{ flex: 1 }}>
                <Textarea
                  label={`Решение ${i + 1}`}
                  autosize
                  minRows={2}
                  value={d.text}
                  onChange={(e) => set(i, { text: e.currentTarget.value })}
                  data-testid="review-decision-text"
                />
                <Group>
                  <Select
                    label="Ответственный"
                    data={responsible}
                    value={d.responsibleUnitId}
                    onChange={(v) => set(i, { responsibleUnitId: v })}
                    searchable
                    w={400}
                    data-testid="review-decision-responsible"
                  />
                  <TextInput
                    type="date"
                    label="Срок"
                    value={d.dueDate}
                    onChange={(e) => set(i, { dueDate: e.currentTarget.value })}
                    data-testid="review-decision-due"
                  />
                </Group>
              </Stack>
              {decisions.length > 1 && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label="Убрать решение"
                  onClick={() => setDecisions((all) => all.filter((_, j) => j !== i))}
                >
                  ✕
                </ActionIcon>
              )}
            </Group>
          </Card>
        ))}
        <Group justify="space-between">
          <Button
            variant="default"
            onClick={() =>
              setDecisions((all) => [...all, { text: '', responsibleUnitId: null, dueDate: '' }])
            }
          >
            Ещё решение
          </Button>
          <Group>
            <Button variant="default" onClick={onDone}>
              Отмена
            </Button>
            <Button onClick={submit} loading={busy} data-testid="review-decision-submit">
              Записать
            </Button>
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}
