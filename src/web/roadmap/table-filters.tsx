import { Button, Checkbox, Group, Select } from '@mantine/core';
import { ITEM_STATUS_LABELS, type ItemView, LEVEL_LABELS, type RoadmapDetail } from '../shared/types.js';
import { sectionTitle } from './format.js';

export type ItemFilter = {
  sectionId: string | null;
  level: string | null;
  status: string | null;
  unitId: string | null;
  overdueOnly: boolean;
};

export const NO_FILTER: ItemFilter = {
  sectionId: null,
  level: null,
  status: null,
  unitId: null,
  overdueOnly: false,
};

export const isFiltered = (f: ItemFilter) =>
  Boolean(f.sectionId || f.level || f.status || f.unitId || f.overdueOnly);

export function matches(f: ItemFilter, i: ItemView): boolean {
  if (f.level && i.level !== f.level) return false;
  if (f.status && i.status !== f.status) return false;
  if (f.unitId && !i.responsibleUnits.some((u) => u.id === f.unitId)) return false;
  if (f.overdueOnly && !i.overdue) return false;
  return true;
}

const sectionName = (s: RoadmapDetail['sections'][number]) => sectionTitle(s) ?? 'Раздел без названия';

export function TableFilters({
  roadmap,
  value,
  onChange,
}: {
  roadmap: RoadmapDetail;
  value: ItemFilter;
  onChange: (f: ItemFilter) => void;
}) {
  const items = roadmap.sections.flatMap((s) => s.items);
  const hasLevels = items.some((i) => i.level);
  const units = new Map<string, string>();
  for (const i of items) for (const u of i.responsibleUnits) units.set(u.id, u.name);
  const set = <K extends keyof ItemFilter>(k: K, v: ItemFilter[K]) => onChange({ ...value, [k]: v });
  return (
    <Group align="flex-end" gap="sm" data-testid="roadmap-filters">
      <Select
        label="Раздел"
        placeholder="Все разделы"
        data={roadmap.sections.map((s) => ({ value: s.id, label: sectionName(s) }))}
        value={value.sectionId}
        onChange={(v) => set('sectionId', v)}
        clearable
        w={260}
      />
      {hasLevels && (
        <Select
          label="Уровень"
          placeholder="Все"
          data={Object.entries(LEVEL_LABELS).map(([v, label]) => ({ value: v, label }))}
          value={value.level}
          onChange={(v) => set('level', v)}
          clearable
          w={180}
        />
      )}
      <Select
        label="Статус"
        placeholder="Все"
        data={Object.entries(ITEM_STATUS_LABELS).map(([v, label]) => ({ value: v, label }))}
        value={value.status}
        onChange={(v) => set('status', v)}
        clearable
        w={170}
      />
      {units.size > 0 && (
        <Select
          label="Ответственный"
          placeholder="Все"
          data={[...units]
            .map(([v, label]) => ({ value: v, label }))
            .sort((a, b) => a.label.localeCompare(b.label, 'ru'))}
          value={value.unitId}
          onChange={(v) => set('unitId', v)}
          clearable
          searchable
          w={260}
        />
      )}
      <Checkbox
        label="только просроченные"
        checked={value.overdueOnly}
        onChange={(e) => set('overdueOnly', e.currentTarget.checked)}
        mb={8}
        data-testid="filter-overdue"
      />
      {isFiltered(value) && (
        <Button variant="subtle" size="xs" mb={4} onClick={() => onChange(NO_FILTER)}>
          Сбросить фильтры
        </Button>
      )}
    </Group>
  );
}
