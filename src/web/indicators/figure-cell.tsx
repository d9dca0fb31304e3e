import { Badge, Group, Text, Tooltip } from '@mantine/core';
import type { FigureSource } from '../../modules/reports/report-model.js';
import { FigureSourceButton } from '../shared/figure-source.js';
import { BAND_COLORS, BAND_LABELS, type Figure, formatValue, type Indicator } from './labels.js';

// One figure of an indicator: the value coloured by its band, the target it is measured against, and
// «откуда эта цифра» beside it.

export function FigureValue({
  figure,
  unit,
  source,
  testId,
}: {
  figure: Figure;
  unit: Indicator['unit'];
  source: FigureSource;
  testId?: string;
}) {
  const target = figure.target
    ? `Цель: ${formatValue(figure.target.target, unit)}, порог: ${formatValue(figure.target.warn, unit)} — ${BAND_LABELS[figure.band]}`
    : BAND_LABELS.none;
  return (
    <Group gap={6} wrap="nowrap">
      <Tooltip label={target} withArrow>
        <Badge
          color={BAND_COLORS[figure.band]}
          variant={figure.band === 'none' ? 'outline' : 'light'}
          size="lg"
          radius="sm"
          data-testid={testId}
          data-band={figure.band}
          styles={{ label: { textTransform: 'none' } }}
        >
          {formatValue(figure.value, unit)}
        </Badge>
      </Tooltip>
      <FigureSourceButton source={source} testId={testId ? `${testId}-source` : undefined} />
    </Group>
  );
}

export function TargetText({ figure, unit }: { figure: Figure; unit: Indicator['unit'] }) {
  if (!figure.target)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
      {formatValue(figure.target.target, unit)}{' '}
      <Text span size="xs" c="dimmed">
        (порог {formatValue(figure.target.warn, unit)})
      </Text>
    </Text>
  );
}
