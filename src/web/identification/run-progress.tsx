import { Progress, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { fetchers, keys } from './api.js';
import type { RunView } from './types.js';

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
    <Stack gap={2} data-testid={`run-progress-${run.id}`} data-status={run.status} miw={180}>
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
