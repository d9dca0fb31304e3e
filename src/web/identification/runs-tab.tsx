import { Badge, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../shared/api.js';
import { formatDateTime, notifyError, notifyOk, Query } from '../shared/ui.js';
import { fetchers, keys } from './api.js';
import { StatusBadge } from './common.js';
import { RunCompare } from './run-compare.js';
import { isStale, RunProgress, StaleRunWarning, useRun } from './run-progress.js';
import { FLAG_KEYS, FLAG_LABELS, FLAG_SHORT, RUN_STATUS } from './strings.js';
import type { RunView } from './types.js';

function StartRun() {
  const qc = useQueryClient();
  const years = useQuery({ queryKey: keys.years, queryFn: fetchers.years });
  const methods = useQuery({ queryKey: keys.methodologies, queryFn: fetchers.methodologies });
  const [year, setYear] = useState<string | null>(null);
  const [methodology, setMethodology] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const yearOptions = (years.data ?? []).map((y) => String(y.year)).sort((a, b) => b.localeCompare(a));
  const current = methods.data?.find((m) => m.status === 'current')?.id ?? null;
  const chosenYear = year ?? yearOptions[0] ?? null;
  const chosenMethod = methodology ?? current;

  async function start() {
    if (!chosenYear || !chosenMethod) return;
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/identification/runs', {
          body: { year: Number(chosenYear), methodologyId: chosenMethod },
        }),
      );
      notifyOk('Расчёт запущен');
      await qc.invalidateQueries({ queryKey: ['identification-runs'] });
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md">
      <Group align="flex-end">
        <Select
          label="Год"
          data={yearOptions}
          value={chosenYear}
          onChange={setYear}
          allowDeselect={false}
          w={120}
          placeholder={yearOptions.length ? undefined : 'нет данных'}
          data-testid="run-year"
        />
        <Select
          label="Методика"
          data={(methods.data ?? []).map((m) => ({
            value: m.id,
            label: `${m.name}, в. ${m.version}${m.status === 'current' ? ' (текущая)' : m.status === 'draft' ? ' (черновик)' : ''}`,
          }))}
          value={chosenMethod}
          onChange={setMethodology}
          allowDeselect={false}
          w={420}
          data-testid="run-methodology"
        />
        <Button
          onClick={start}
          loading={busy}
          disabled={!chosenYear || !chosenMethod}
          data-testid="run-start"
        >
          Запустить расчёт
        </Button>
      </Group>
    </Paper>
  );
}

const COLUMNS = 5 + FLAG_KEYS.length;
/** Column headings: long flag names are cut (the full name is the title) to fit a 1280 px screen. */
const FLAG_COLUMN = {
  ...FLAG_SHORT,
  resilient: 'резил.',
  stagnation: 'стагн.',
  repeat: 'повт.',
  objectivity: 'необъект.',
};

function RunRow({ initial }: { initial: RunView }) {
  const run = useRun(initial);
  const stale = isStale(run);
  return (
    <>
      <Table.Tr data-testid={`run-${run.id}`} data-stale={stale || undefined}>
        <Table.Td fw={600}>{run.year}</Table.Td>
        <Table.Td>
          <Text size="sm">{run.methodology.name}</Text>
          <Text size="xs" c="dimmed">
            {run.methodology.code}, версия {run.methodology.version}
          </Text>
        </Table.Td>
        <Table.Td>
          <Stack gap={4} align="flex-start">
            <StatusBadge value={RUN_STATUS[run.status]} />
            {stale && (
              <Badge color="orange" variant="light" style={{ minWidth: 'max-content' }}>
                данные изменены
              </Badge>
            )}
            <RunProgress run={run} />
          </Stack>
        </Table.Td>
        <Table.Td>
          <Text size="xs">{formatDateTime(run.createdAt)}</Text>
        </Table.Td>
        <Table.Td ta="right">{run.summary?.schools ?? '—'}</Table.Td>
        {FLAG_KEYS.map((k) => (
          <Table.Td key={k} ta="right" fw={k === 'shnor' ? 700 : undefined}>
            {run.summary ? run.summary.counts[k] : '—'}
          </Table.Td>
        ))}
      </Table.Tr>
      {stale && (
        <Table.Tr bg="orange.0">
          <Table.Td colSpan={COLUMNS} pt={0}>
            <StaleRunWarning run={run} compact />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

/** «Расчёты»: start a run, follow its progress, see the counts, compare two runs of a year. */
export function RunsTab({ canWrite }: { canWrite: boolean }) {
  const q = useQuery({ queryKey: keys.runs(), queryFn: () => fetchers.runs() });
  return (
    <Stack>
      {canWrite && <StartRun />}
      <Query q={q}>
        {(runs) => (
          <>
            <Table.ScrollContainer minWidth={1000}>
              <Table withTableBorder verticalSpacing="xs" data-testid="runs">
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th>Год</Table.Th>
                    <Table.Th miw={160}>Методика</Table.Th>
                    <Table.Th>Статус</Table.Th>
                    <Table.Th>Запущен</Table.Th>
                    <Table.Th ta="right">Школ</Table.Th>
                    {FLAG_KEYS.map((k) => (
                      <Table.Th key={k} ta="right" fz="xs" title={FLAG_LABELS[k]}>
                        {FLAG_COLUMN[k]}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {runs.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={COLUMNS}>
                        <Text c="dimmed" ta="center" size="sm">
                          Расчётов пока не было
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {runs.map((r) => (
                    <RunRow key={r.id} initial={r} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <RunCompare runs={runs.filter((r) => r.status === 'done')} />
          </>
        )}
      </Query>
    </Stack>
  );
}
