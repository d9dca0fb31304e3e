import { Button, Group, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../shared/api.js';
import { ITEM_STATUS_LABELS, LEVEL_LABELS } from '../shared/types.js';
import { ITEM_STATUSES, type ItemStatus, LEVELS, type Level } from './labels.js';

export type WorkFilters = { roadmapId?: string; level?: Level; status?: ItemStatus };

const isLevel = (v: string | null): v is Level => LEVELS.includes(v as Level);
const isStatus = (v: string | null): v is ItemStatus => ITEM_STATUSES.includes(v as ItemStatus);

/** Filters live in the address so that a filtered list can be bookmarked and survives tab changes. */
export function useWorkFilters(): [
  WorkFilters,
  (patch: Partial<Record<keyof WorkFilters, string | null>>) => void,
] {
  const [params, setParams] = useSearchParams();
  const level = params.get('level');
  const status = params.get('status');
  const filters: WorkFilters = {
    roadmapId: params.get('roadmapId') || undefined,
    level: isLevel(level) ? level : undefined,
    status: isStatus(status) ? status : undefined,
  };
  const update = (patch: Partial<Record<keyof WorkFilters, string | null>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  return [filters, update];
}

export function useVisibleRoadmaps() {
  return useQuery({
    queryKey: ['roadmaps', 'all-visible'],
    queryFn: () => unwrap(api.GET('/api/roadmaps')),
    staleTime: 60_000,
  });
}

export function ItemFilters({ withStatus = true }: { withStatus?: boolean }) {
  const [filters, update] = useWorkFilters();
  const roadmaps = useVisibleRoadmaps();
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const r of roadmaps.data ?? []) {
    if (r.status === 'archived') continue;
    const list = groups.get(r.orgUnit.name) ?? [];
    list.push({ value: r.id, label: `${r.title} (${r.periodLabel})` });
    groups.set(r.orgUnit.name, list);
  }
  const roadmapData = [...groups].map(([group, items]) => ({ group, items }));
  const any = filters.roadmapId || filters.level || filters.status;
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Select
        label="Дорожная карта"
        placeholder="Все доступные"
        data={roadmapData}
        value={filters.roadmapId ?? null}
        onChange={(v) => update({ roadmapId: v })}
        searchable
        clearable
        nothingFoundMessage="Не найдено"
        w={380}
        comboboxProps={{ width: 520, position: 'bottom-start' }}
      />
      <Select
        label="Уровень"
        placeholder="Все уровни"
        data={LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))}
        value={filters.level ?? null}
        onChange={(v) => update({ level: v })}
        clearable
        w={190}
      />
      {withStatus && (
        <Select
          label="Статус"
          placeholder="Все статусы"
          data={ITEM_STATUSES.map((s) => ({ value: s, label: ITEM_STATUS_LABELS[s] }))}
          value={filters.status ?? null}
          onChange={(v) => update({ status: v })}
          clearable
          w={190}
        />
      )}
      {any && (
        <Button variant="subtle" onClick={() => update({ roadmapId: null, level: null, status: null })}>
          Сбросить
        </Button>
      )}
    </Group>
  );
}
