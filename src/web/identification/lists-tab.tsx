import { Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk, Query } from '../shared/ui.js';
import { fetchers, keys } from './api.js';
import { ListsTable } from './lists-table.js';
import { isStale, StaleRunWarning } from './run-progress.js';

function MakeList() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const runs = useQuery({ queryKey: keys.runs(), queryFn: () => fetchers.runs() });
  const [runId, setRunId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const done = (runs.data ?? []).filter((r) => r.status === 'done');
  // A stale run (its data imported again after it) is refused by the server: offered disabled.
  const anyStale = done.some(isStale);
  const chosen = done.find((r) => r.id === runId);

  async function make() {
    if (!runId) return;
    setBusy(true);
    try {
      const list = await unwrap(api.POST('/api/identification/lists', { body: { runId } }));
      notifyOk('Черновик списка сформирован');
      await qc.invalidateQueries({ queryKey: ['identification-lists'] });
      if (list.id) navigate(`/identification/lists/${list.id}`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          Черновик списка года формируется по завершённому расчёту. Если черновик этого года уже есть, он
          будет пересобран по выбранному расчёту; утверждённые списки не меняются.
        </Text>
        <Group align="flex-end">
          <Select
            label="Расчёт"
            placeholder={done.length ? 'Выберите расчёт' : 'нет завершённых расчётов'}
            data={done.map((r) => ({
              value: r.id,
              label: `${r.year}: ${r.methodology.name}, в. ${r.methodology.version} — ШНОР ${r.summary?.counts.shnor ?? '—'}${isStale(r) ? ' — данные изменены, нужен новый расчёт' : ''}`,
              disabled: isStale(r),
            }))}
            value={runId}
            onChange={setRunId}
            w={480}
            data-testid="list-run"
          />
          <Button
            onClick={make}
            disabled={!runId || (chosen !== undefined && isStale(chosen))}
            loading={busy}
            data-testid="list-make"
          >
            Сформировать список по расчёту
          </Button>
        </Group>
        {chosen && <StaleRunWarning run={chosen} />}
        {anyStale && (
          <Text size="xs" c="dimmed">
            Расчёты, данные которых изменены после расчёта (повторная загрузка пакета за используемый год),
            выбрать нельзя: выполните расчёт заново на вкладке «Расчёты».
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** «Списки»: the list of each year — drafts and approved by an order. */
export function ListsTab({ canWrite }: { canWrite: boolean }) {
  const q = useQuery({ queryKey: keys.lists(), queryFn: () => fetchers.lists() });
  return (
    <Stack>
      {canWrite && <MakeList />}
      <Query q={q}>{(lists) => <ListsTable lists={lists} full />}</Query>
    </Stack>
  );
}
