import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { countLabel } from '../../lib/plural.js';
import { MEETING_WORDS } from '../../modules/organisation/meeting-labels.js';
import { formatDate } from '../shared/ui.js';
import { DecisionActions, DecisionStatus } from './decision-actions.js';
import { useDecisionTasks } from './meetings-api.js';

// Decisions of meetings as tasks in «Мои задачи» and «Просроченные» (issue 12 §2): a block of their own
// above the roadmap items, each labelled with its meeting and linked to it. Nothing to show — no block.

export function DecisionTasks({ view }: { view: 'mine' | 'overdue' }) {
  const q = useDecisionTasks(view);
  const list = q.data ?? [];
  if (list.length === 0) return null;
  return (
    <Card withBorder data-testid={`decision-tasks-${view}`}>
      <Stack gap="xs">
        <Text fw={500}>Решения заседаний: {countLabel(list.length, MEETING_WORDS.decision)}</Text>
        {list.map((d) => (
          <Group key={d.id} justify="space-between" wrap="nowrap" align="start" data-testid="decision-task">
            <Stack gap={0}>
              <Anchor component={Link} to={`/organisation/meetings/${d.meeting.id}`} size="sm">
                {d.label}
              </Anchor>
              <Text size="sm">{d.text}</Text>
              <Text size="xs" c="dimmed">
                {d.responsibleName} · срок {formatDate(d.dueDate)} · {d.meeting.unitName}
              </Text>
            </Stack>
            <Group gap="xs" wrap="nowrap">
              <DecisionStatus d={d} />
              <DecisionActions d={d} />
            </Group>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
