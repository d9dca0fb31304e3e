import { Badge, Box, Group, Text, Tooltip } from '@mantine/core';
import type { RiskLevel } from '../../db/schema/values.js';
import { LEVEL_COLORS, LEVEL_LABELS } from '../../modules/risk-profiles/strings.js';

// The level's look, the same on the profile and the heat map: high red, medium orange, low yellow,
// none green, nodata grey.

export const fmtScore = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : x.toFixed(2).replace('.', ',');

export function LevelBadge({ level, label }: { level: RiskLevel; label?: string }) {
  return (
    <Badge
      size="sm"
      variant="filled"
      styles={{ root: { background: LEVEL_COLORS[level], color: level === 'low' ? '#333' : '#fff' } }}
    >
      {label ?? LEVEL_LABELS[level]}
    </Badge>
  );
}

/** A horizontal bar of the score (0..1) in the level's colour. */
export function ScoreBar({ score, level }: { score: number | null; level: RiskLevel }) {
  return (
    <Box h={14} bg="gray.1" style={{ borderRadius: 3, overflow: 'hidden', minWidth: 80 }}>
      <Box h="100%" w={`${Math.round((score ?? 0) * 100)}%`} style={{ background: LEVEL_COLORS[level] }} />
    </Box>
  );
}

export function LevelLegend() {
  return (
    <Group gap="xs">
      {(['high', 'medium', 'low', 'none', 'nodata'] as const).map((l) => (
        <Tooltip
          key={l}
          label={
            l === 'nodata' ? 'Вопросов с ответами меньше половины веса фактора' : 'Уровень по порогам правила'
          }
        >
          <Group gap={4}>
            <Box w={12} h={12} style={{ background: LEVEL_COLORS[l], borderRadius: 2 }} />
            <Text size="xs">{LEVEL_LABELS[l]}</Text>
          </Group>
        </Tooltip>
      ))}
    </Group>
  );
}
