import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { CoverageMetric } from '../../db/schema/values.js';
import { METRIC_LABELS, METRIC_UNITS } from '../../modules/organisation/coverage-binding.js';
import { targetReached, targetText } from '../../modules/roadmaps/proof-rule.js';
import { useAction } from '../roadmap/hooks.js';
import { factSource } from '../roadmap/plan-fact.js';
import { api, unwrap } from '../shared/api.js';
import type { ItemView, RoadmapDetail } from '../shared/types.js';
import { bindingText, EVENT_METRICS, GROUP_METRICS } from './binding-text.js';
import { EVENT_KIND_WORDS, GROUP_WORDS } from './labels.js';

// A roadmap item's indicator bound to a coverage query (issue 12 §4): what it counts, and a form for
// the roadmap's keeper to bind, change or unbind it. Bound, the fact is computed by the system at once.

type Binding = NonNullable<ItemView['coverageBinding']>;
// Counted of the organisers or of the municipalities, by kind, not of a group of schools.
const KIND_ONLY: CoverageMetric[] = ['events_held', 'municipalities_at_events'];
const PERIOD_METRICS: CoverageMetric[] = [...EVENT_METRICS, ...KIND_ONLY, 'meetings_held'];

export function BindingBlock({ item, roadmap }: { item: ItemView; roadmap: RoadmapDetail }) {
  const canManage = roadmap.permissions.canManage;
  const [editing, setEditing] = useState(false);
  const { run, busy } = useAction(roadmap.id);
  const b = item.coverageBinding;
  const save = (coverageBinding: Binding | null) =>
    run(
      () =>
        unwrap(
          api.PATCH('/api/items/{id}', {
            params: { path: { id: item.id } },
            body: { version: item.version, coverageBinding },
          }),
        ),
      coverageBinding ? 'Показатель привязан к охвату: факт рассчитан' : 'Привязка снята',
    ).then((ok) => ok && setEditing(false));
  return (
    <Stack gap="xs" data-testid="item-binding">
      {b ? (
        <>
          <Text size="sm" data-testid="binding-text">
            {bindingText(b)}
          </Text>
          <BoundFact item={item} binding={b} />
        </>
      ) : (
        <Text size="sm" c="dimmed">
          Не привязан: фактическое значение вводится вручную.
        </Text>
      )}
      {canManage && !editing && (
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={() => setEditing(true)} data-testid="binding-edit">
            {b ? 'Изменить привязку' : 'Привязать к охвату'}
          </Button>
          {b && (
            <Button size="xs" variant="subtle" color="red" loading={busy} onClick={() => save(null)}>
              Снять привязку
            </Button>
          )}
        </Group>
      )}
      {editing && <BindingForm initial={b} busy={busy} onSave={save} onCancel={() => setEditing(false)} />}
    </Stack>
  );
}

function BindingForm({
  initial,
  busy,
  onSave,
  onCancel,
}: {
  initial: Binding | null;
  busy: boolean;
  onSave: (b: Binding) => void;
  onCancel: () => void;
}) {
  const [metric, setMetric] = useState<CoverageMetric | null>(initial?.metric ?? null);
  const [group, setGroup] = useState<string>(initial?.group ?? 'all');
  const [kinds, setKinds] = useState<string[]>(initial?.eventKinds ?? []);
  const [from, setFrom] = useState(initial?.from ?? '');
  const [to, setTo] = useState(initial?.to ?? '');
  const events = metric !== null && EVENT_METRICS.includes(metric);
  const grouped = metric !== null && GROUP_METRICS.includes(metric);
  const kindsOnly = metric !== null && KIND_ONLY.includes(metric);
  const period = metric !== null && PERIOD_METRICS.includes(metric);
  const submit = () => {
    if (!metric) return;
    onSave({
      metric,
      ...(grouped && { group: group as Binding['group'] }),
      ...((events || kindsOnly) && kinds.length && { eventKinds: kinds as Binding['eventKinds'] }),
      ...(period && from && { from }),
      ...(period && to && { to }),
    });
  };
  return (
    <Stack gap="xs">
      <Select
        label="Показатель охвата"
        data={Object.entries(METRIC_LABELS).map(([value, label]) => ({
          value,
          label: `${label}${METRIC_UNITS[value as CoverageMetric] === '%' ? ', %' : ''}`,
        }))}
        value={metric}
        onChange={(v) => setMetric(v as CoverageMetric | null)}
        data-testid="binding-metric"
      />
      {(grouped || kindsOnly) && (
        <SimpleGrid cols={2}>
          {grouped && (
            <Select
              label="Группа школ"
              data={Object.entries(GROUP_WORDS).map(([value, label]) => ({ value, label }))}
              value={group}
              onChange={(v) => v && setGroup(v)}
              data-testid="binding-group"
            />
          )}
          {(events || kindsOnly) && (
            <MultiSelect
              label="Виды мероприятий (пусто — любые)"
              data={Object.entries(EVENT_KIND_WORDS).map(([value, label]) => ({ value, label }))}
              value={kinds}
              onChange={setKinds}
              data-testid="binding-kinds"
            />
          )}
        </SimpleGrid>
      )}
      {period && (
        <SimpleGrid cols={2}>
          <TextInput
            label="С (ГГГГ-ММ-ДД)"
            placeholder="по умолчанию — период карты"
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
          <TextInput label="По (ГГГГ-ММ-ДД)" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        </SimpleGrid>
      )}
      <Group gap="xs">
        <Button size="xs" onClick={submit} disabled={!metric} loading={busy} data-testid="binding-save">
          Привязать
        </Button>
        <Button size="xs" variant="default" onClick={onCancel}>
          Отмена
        </Button>
      </Group>
    </Stack>
  );
}

/** «Факт: 62 % — рассчитано по данным системы, обновлено …; цель: не менее 50 % — достигнута». */
function BoundFact({ item, binding }: { item: ItemView; binding: Binding }) {
  const unit = METRIC_UNITS[binding.metric] === '%' ? ' %' : '';
  const value =
    item.actualValue === null
      ? 'нет данных для расчёта'
      : `${item.actualValue.toLocaleString('ru-RU')}${unit}`;
  const reached = targetReached(item, item.actualValue);
  return (
    <Text size="sm" data-testid="binding-fact">
      <Text span fw={600}>
        факт: {value}
      </Text>
      <Text span c="dimmed">{` — ${factSource(item)}`}</Text>
      {item.targetValue !== null && (
        <Text span c={reached === null ? 'dimmed' : reached ? 'teal.8' : 'orange.8'}>
          {`; цель: ${targetText(item)}${reached === null ? '' : reached ? ' — достигнута' : ' — не достигнута'}`}
        </Text>
      )}
    </Text>
  );
}
