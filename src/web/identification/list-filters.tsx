import { Group, Select, TextInput } from '@mantine/core';
import { FLAG_KEYS, FLAG_LABELS } from './strings.js';
import type { FlagKey, ListEntry } from './types.js';

export type EntryFilter = {
  flag: FlagKey | 'all' | 'included' | 'excluded' | 'decided';
  municipality: string | null;
  cluster: string | null;
  rural: string | null;
  small: string | null;
  q: string;
};

export const NO_FILTER: EntryFilter = {
  flag: 'included',
  municipality: null,
  cluster: null,
  rural: null,
  small: null,
  q: '',
};

/** The same selection as the server's `flag` filter of GET /api/identification/lists/{id}. */
export function applyFilter(entries: ListEntry[], f: EntryFilter): ListEntry[] {
  const needle = f.q.trim().toLowerCase();
  return entries.filter((e) => {
    if (f.flag === 'included' && !e.included) return false;
    if (f.flag === 'excluded' && !(e.computed && !e.included)) return false;
    if (f.flag === 'decided' && e.decision === null) return false;
    if (
      f.flag !== 'all' &&
      f.flag !== 'included' &&
      f.flag !== 'excluded' &&
      f.flag !== 'decided' &&
      !e.flags[f.flag]
    )
      return false;
    if (f.municipality && e.school.municipality?.id !== f.municipality) return false;
    if (f.cluster && String(e.cluster ?? '') !== f.cluster) return false;
    if (f.rural && String(e.school.isRural) !== f.rural) return false;
    if (f.small && String(e.school.isSmall) !== f.small) return false;
    if (needle && !`${e.school.name} ${e.school.code ?? ''}`.toLowerCase().includes(needle)) return false;
    return true;
  });
}

const LIST_OPTIONS = [
  { value: 'included', label: 'В списке' },
  { value: 'excluded', label: 'Исключены из списка' },
  { value: 'decided', label: 'С решением оператора' },
  { value: 'all', label: 'Все школы расчёта' },
];

const YES_NO = [
  { value: 'true', label: 'да' },
  { value: 'false', label: 'нет' },
];

export function ListFilters({
  entries,
  value,
  onChange,
}: {
  entries: ListEntry[];
  value: EntryFilter;
  onChange: (f: EntryFilter) => void;
}) {
  const set = (patch: Partial<EntryFilter>) => onChange({ ...value, ...patch });
  const municipalities = new Map<string, string>();
  for (const e of entries)
    if (e.school.municipality) municipalities.set(e.school.municipality.id, e.school.municipality.name);
  const clusters = [...new Set(entries.map((e) => e.cluster).filter((c) => c !== null))].sort(
    (a, b) => a - b,
  );
  return (
    <Group align="flex-end" gap="sm" data-testid="list-filters">
      <Select
        label="Признак"
        data={[
          { group: 'Список', items: LIST_OPTIONS },
          { group: 'Признак по расчёту', items: FLAG_KEYS.map((k) => ({ value: k, label: FLAG_LABELS[k] })) },
        ]}
        value={value.flag}
        onChange={(v) => set({ flag: (v as EntryFilter['flag'] | null) ?? 'included' })}
        allowDeselect={false}
        w={210}
        data-testid="filter-flag"
      />
      <Select
        label="Муниципалитет"
        placeholder="Все"
        data={[...municipalities]
          .map(([v, label]) => ({ value: v, label }))
          .sort((a, b) => a.label.localeCompare(b.label, 'ru'))}
        value={value.municipality}
        onChange={(v) => set({ municipality: v })}
        clearable
        searchable
        w={240}
      />
      <Select
        label="Кластер"
        placeholder="Все"
        data={clusters.map((c) => String(c))}
        value={value.cluster}
        onChange={(v) => set({ cluster: v })}
        clearable
        w={110}
      />
      <Select
        label="Сельская"
        placeholder="Все"
        data={YES_NO}
        value={value.rural}
        onChange={(v) => set({ rural: v })}
        clearable
        w={110}
      />
      <Select
        label="Малокомплектная"
        placeholder="Все"
        data={YES_NO}
        value={value.small}
        onChange={(v) => set({ small: v })}
        clearable
        w={150}
      />
      <TextInput
        label="Поиск"
        placeholder="Название или код школы"
        value={value.q}
        onChange={(e) => set({ q: e.currentTarget.value })}
        w={240}
        data-testid="filter-search"
      />
    </Group>
  );
}
