import { Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk, Query } from '../shared/ui.js';
import { fetchers, keys } from './api.js';
import { ListsTable } from './lists-table.js';
import { isStale, StaleRunWarning } from './run-progress.js';
import { LIST_KIND_HINT, LIST_KIND_NAME, LIST_KINDS } from './strings.js';
import type { ListKind } from './types.js';

function MakeList() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const runs = useQuery({ queryKey: keys.runs(), queryFn: () => fetchers.runs() });
  const [runId, setRunId] = useState<string | null>(null);
  const [kind, setKind] = useState<ListKind>('shnor');
  const [busy, setBusy] = useState(false);
  const done = (runs.data ?? []).filter((r) => r.status === 'done');
  // A stale run (its data imported again after it) is refused by the server: offered disabled.
  const anyStale = done.some(isStale);
  const chosen = done.find((r) => r.id === runId);

  async function make() {
    if (!runId) return;
    setBusy(true);
    try {
      const list = await unwrap(api.POST('/api/identification/lists', { body: { runId, kind } }));
      notifyOk(`Черновик сформирован: ${LIST_KIND_NAME[kind]} ${list.year} года`);
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
          Регион утверждает каждый список отдельно: ШНОР, зона риска, ШНСУ, резильентные. Черновик списка года
          формируется по завершённому расчёту; если черновик этого вида и года уже есть, он будет пересобран
          по выбранному расчёту. Утверждённые списки не меняются. Один приказ может утвердить несколько
          списков как приложения.
        </Text>
        <Group align="flex-end">
          <Select
            label="Список"
            data={LIST_KINDS.map((k) => ({ value: k, label: LIST_KIND_NAME[k] }))}
            value={kind}
            onChange={(v) => v && setKind(v as ListKind)}
            allowDeselect={false}
            w={260}
            data-testid="list-kind"
          />
          <Select
            label="Расчёт"
            placeholder={done.length ? 'Выберите расчёт' : 'нет завершённых расчётов'}
            data={done.map((r) => ({
              value: r.id,
              label: `${r.year}: ${r.methodology.name}, в. ${r.methodology.version} — ШНОР ${r.summary?.counts.shnor ?? '—'}, зона риска ${r.summary?.counts.riskZone ?? '—'}${isStale(r) ? ' — данные изменены, нужен новый расчёт' : ''}`,
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
        <Text size="xs" c="dimmed">
          {LIST_KIND_HINT[kind]}
        </Text>
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
