import { Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { BAND_LABELS } from '../../modules/indicators/band.js';
import { BAR_COLORS, type PeopleFigure, percent, S, targetPercent } from './strings.js';

// One figure as a bar coloured against its target (issue 13 `bandOf`), with «n из m» under it.

export function FigureBar({ figure, testId }: { figure: PeopleFigure; testId?: string }) {
  const t = figure.target;
  const tip = t
    ? `${S.target}: ${targetPercent(t.target)}, порог ${targetPercent(t.warn)} — ${BAND_LABELS[figure.band]}`
    : BAND_LABELS.none;
  return (
    <Stack gap={2} miw={110} data-testid={testId} data-band={figure.band}>
      <Tooltip label={tip} withArrow>
        <Progress
          value={figure.share ?? 0}
          color={BAR_COLORS[figure.band]}
          size="md"
          aria-label={`${percent(figure.share)}: ${tip}`}
        />
      </Tooltip>
      <Group gap={4} wrap="nowrap">
        <Text size="sm" fw={500}>
          {percent(figure.share)}
        </Text>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {figure.denominator > 0 ? `${figure.numerator} ${S.of} ${figure.denominator}` : S.noBase}
        </Text>
      </Group>
    </Stack>
  );
}
