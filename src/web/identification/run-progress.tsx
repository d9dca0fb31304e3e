import { Alert, Progress, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { formatDateTime } from '../shared/ui.js';
import { fetchers, keys } from './api.js';
import type { RunStaleness, RunView } from './types.js';

const active = (r: RunView) => r.status === 'queued' || r.status === 'running';

/** A run's state; while it is queued or running, polled every second until done or failed. */
export function useRun(initial: RunView): RunView {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: keys.run(initial.id),
    queryFn: () => fetchers.run(initial.id),
    initialData: initial,
    enabled: active(initial),
    refetchInterval: (query) => (query.state.data && !active(query.state.data) ? false : 1000),
  });
  // Once the list knows the run is over, it is the fresher of the two.
  const run = active(initial) ? q.data : initial;
  const finished = active(initial) && !active(run);
  useEffect(() => {
    if (finished) void qc.invalidateQueries({ queryKey: ['identification-runs'] });
  }, [finished, qc]);
  return run;
}

export function RunProgress({ run }: { run: RunView }) {
  const pct = Math.round(run.progress * 100);
  const color = run.status === 'failed' ? 'red' : run.status === 'done' ? 'green' : 'blue';
  return (
    <Stack gap={2} data-testid={`run-progress-${run.id}`} data-status={run.status} miw={110}>
      <Progress
        value={run.status === 'done' ? 100 : pct}
        color={color}
        animated={active(run)}
        striped={active(run)}
        size="lg"
      />
      <Text size="xs" c={run.status === 'failed' ? 'red' : 'dimmed'}>
        {run.status === 'queued' ? 'В очереди' : run.status === 'running' ? `${pct} %` : null}
        {run.message ? `${active(run) ? ' · ' : ''}${run.message}` : ''}
      </Text>
    </Stack>
  );
}

/** «Данные за 2023 год изменены после расчёта (загрузка «file.zip» от 01.06.2025 10:00)». */
export function staleText(s: RunStaleness): string {
  const last = s.years[s.years.length - 1];
  const years = s.years.length <= 1 ? `${last} год` : `${s.years.slice(0, -1).join(', ')} и ${last} годы`;
  return `Данные за ${years} изменены после расчёта (загрузка «${s.lastImport.fileName}» от ${formatDateTime(s.lastImport.importedAt)})`;
}

/** The run is stale when the data it used were imported again; a failed run has nothing to warn about. */
export const isStale = (run: RunView) => run.stale && run.status !== 'failed';

/**
 * The warning on a stale run: its results no longer match the data, a list is neither built on it nor
 * approved. `compact` — one line for a table; otherwise a block.
 */
export function StaleRunWarning({ run, compact }: { run: RunView; compact?: boolean }) {
  if (!isStale(run) || !run.staleness) return null;
  const text = `${staleText(run.staleness)}: выполните расчёт заново.`;
  const consequence =
    'Пока расчёт не выполнен заново, черновик списка по этому расчёту не составляется и не утверждается.';
  if (compact) {
    return (
      <Text size="sm" c="orange.9" data-testid={`run-stale-${run.id}`} title={consequence}>
        ⚠ {text} {consequence}
      </Text>
    );
  }
  return (
    <Alert color="orange" title="Расчёт устарел" data-testid={`run-stale-${run.id}`}>
      <Text size="sm">{text}</Text>
      <Text size="sm">{consequence}</Text>
    </Alert>
  );
}
