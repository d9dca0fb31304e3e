import { Anchor, Badge, Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { detailsLine } from '../roadmap/format.js';
import { ITEM_STATUS_LABELS, ROADMAP_STATUS_LABELS, type RoadmapSummary } from '../shared/types.js';
import { ITEM_STATUSES, itemsWord, STATUS_COLORS } from '../work/labels.js';

type ProgressData = RoadmapSummary['progress'];

export const donePercent = (done: number, total: number) =>
  total > 0 ? Math.round((done / total) * 100) : 0;

/** One bar split by execution status, with the numbers under it. */
export function ProgressByStatus({ progress }: { progress: ProgressData }) {
  const { total } = progress;
  return (
    <Stack gap={4}>
      <Progress.Root size="lg">
        {total > 0 &&
          ITEM_STATUSES.filter((s) => progress[s] > 0).map((s) => (
            <Tooltip key={s} label={`${ITEM_STATUS_LABELS[s]}: ${progress[s]}`} withArrow>
              <Progress.Section value={(progress[s] / total) * 100} color={STATUS_COLORS[s]} />
            </Tooltip>
          ))}
      </Progress.Root>
      <Group gap="md">
        <Text size="xs" c="dimmed">
          {total > 0
            ? `выполнено ${progress.done} из ${total} (${donePercent(progress.done, total)} %)`
            : 'мероприятий пока нет'}
        </Text>
        {progress.in_progress > 0 && (
          <Text size="xs" c="blue">
            в работе {progress.in_progress}
          </Text>
        )}
        {progress.overdue > 0 && (
          <Text size="xs" c="red" fw={600}>
            просрочено {progress.overdue}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

/** Roadmaps with their progress, each leading to its page. */
export function RoadmapProgressList({ roadmaps }: { roadmaps: RoadmapSummary[] }) {
  return (
    <Stack gap="md">
      {roadmaps.map((r) => (
        <Stack key={r.id} gap={4} data-testid={`dashboard-roadmap-${r.id}`}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/roadmaps/${r.id}`} fw={500} size="sm" lineClamp={2}>
                {r.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {detailsLine([r.orgUnit.name, r.periodLabel, itemsWord(r.progress.total)])}
              </Text>
            </div>
            <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
              {r.isDemo && (
                <Badge size="xs" color="orange" variant="light">
                  демо
                </Badge>
              )}
              <Badge
                size="sm"
                variant="light"
                color={r.status === 'approved' ? 'teal' : r.status === 'draft' ? 'gray' : 'dark'}
              >
                {ROADMAP_STATUS_LABELS[r.status]}
              </Badge>
            </Group>
          </Group>
          <ProgressByStatus progress={r.progress} />
        </Stack>
      ))}
    </Stack>
  );
}
