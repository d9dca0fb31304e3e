import { Text } from '@mantine/core';
import dayjs from 'dayjs';
import { METRIC_UNITS } from '../../modules/organisation/coverage-binding.js';
import { targetReached, targetText } from '../../modules/roadmaps/proof-rule.js';
import type { ItemView } from '../shared/types.js';
import { formatActual } from './format.js';

type Item = Pick<
  ItemView,
  'evidenceKind' | 'targetComparator' | 'targetValue' | 'targetUnit' | 'targetCoverage' | 'actualValue'
> &
  Partial<Pick<ItemView, 'coverageBinding' | 'actualComputedAt'>>;

/** Where the fact comes from (issue 12 §4): computed from the system's data, or typed by a person. */
export function factSource(
  item: Partial<Pick<ItemView, 'coverageBinding' | 'actualComputedAt' | 'actualValue'>>,
) {
  if (item.coverageBinding)
    return item.actualComputedAt
      ? `рассчитано по данным системы, обновлено ${dayjs(item.actualComputedAt).format('DD.MM.YYYY HH:mm')}`
      : 'рассчитывается по данным системы';
  return item.actualValue !== null && item.actualValue !== undefined ? 'введено вручную' : null;
}

/** «План: не менее 5 педагогов · факт: 6 педагогов», green when the fact reaches the target. */
export function PlanFact({ item, size = 'sm' }: { item: Item; size?: 'xs' | 'sm' }) {
  if (item.targetValue === null) return null;
  const reached = targetReached(item, item.actualValue);
  // A bound share is in percent whatever unit the target was typed with.
  const percent = item.coverageBinding && METRIC_UNITS[item.coverageBinding.metric] === '%';
  const fact = formatActual({ ...item, targetUnit: item.targetUnit ?? (percent ? '%' : null) });
  return (
    <Text size={size} data-testid="plan-fact">
      <Text span size={size} c="dimmed">
        {item.targetCoverage ? 'План охвата: ' : 'План: '}
      </Text>
      {targetText(item)}
      <Text span size={size} c="dimmed">
        {' · факт: '}
      </Text>
      <Text
        span
        size={size}
        fw={600}
        c={reached === null ? 'dimmed' : reached ? 'teal.8' : 'orange.8'}
        title={reached === false ? 'Целевое значение не достигнуто' : undefined}
      >
        {fact ?? 'не указан'}
        {reached === false ? ' (не достигнуто)' : ''}
      </Text>
      {factSource(item) && (
        <Text span size="xs" c="dimmed" data-testid="fact-source">
          {` — ${factSource(item)}`}
        </Text>
      )}
    </Text>
  );
}
