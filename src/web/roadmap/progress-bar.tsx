import { Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { ITEM_STATUS_LABELS, type RoadmapSummary } from '../shared/types.js';
import { STATUS_BAR_COLORS } from './strings.js';

const ORDER = ['done', 'in_progress', 'planned', 'postponed', 'not_done', 'cancelled'] as const;

/** A bar split by execution status with «N из M выполнено» and the overdue count in red. */
export function ProgressByStatus({
  progress,
  size = 'md',
  counts = true,
}: {
  progress: RoadmapSummary['progress'];
  size?: 'sm' | 'md';
  /** false: the bar only, where the view has its own counts line (the roadmap header). */
  counts?: boolean;
}) {
  const { total } = progress;
  if (total === 0) {
    return (
      <Text size="xs" c="dimmed">
        нет мероприятий
      </Text>
    );
  }
  return (
    <Stack gap={4} miw={150}>
      <Progress.Root size={size === 'sm' ? 'md' : 'lg'}>
        {ORDER.filter((s) => progress[s] > 0).map((s) => (
          <Tooltip key={s} label={`${ITEM_STATUS_LABELS[s]}: ${progress[s]}`} withArrow>
            <Progress.Section value={(progress[s] / total) * 100} color={STATUS_BAR_COLORS[s]} />
          </Tooltip>
        ))}
      </Progress.Root>
      {counts && (
        <Group gap={8} style={{ rowGap: 0 }}>
          <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
            {progress.done} из {total} выполнено
          </Text>
          {progress.overdue > 0 && (
            <Text size="xs" c="red" fw={600} style={{ whiteSpace: 'nowrap' }}>
              просрочено: {progress.overdue}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}

/** Counts by status in words, for the roadmap header. */
export function StatusCounts({ progress }: { progress: RoadmapSummary['progress'] }) {
  return (
    <Group gap="md" data-testid="roadmap-counts">
      {ORDER.filter((s) => progress[s] > 0).map((s) => (
        <Text key={s} size="sm">
          {ITEM_STATUS_LABELS[s]}: <b>{progress[s]}</b>
        </Text>
      ))}
      {progress.overdue > 0 && (
        <Text size="sm" c="red" fw={600}>
          просрочено: {progress.overdue}
        </Text>
      )}
    </Group>
  );
}
