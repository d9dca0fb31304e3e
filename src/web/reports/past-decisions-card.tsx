import { Anchor, Card, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { DecisionRows } from './decision-rows.js';
import { useReviewDecisions } from './reports-api.js';

// «Управленческие решения прошлого цикла» on the roadmaps page (issue 13 §5): the decisions addressed
// to the unit or taken by it on reports and monitorings — the open ones and those closed within the
// last year — so the next cycle's roadmap is planned with them in sight. Nothing to show: no card.

const YEAR_AGO = () => new Date(Date.now() - 365 * 24 * 3600 * 1000).toISOString().slice(0, 10);

export function PastDecisionsCard({ unitId }: { unitId: string }) {
  const q = useReviewDecisions({ unitId, holderToo: 'true' });
  const since = YEAR_AGO();
  const rows = (q.data ?? []).filter((d) => d.status === 'open' || d.meeting.date >= since);
  if (rows.length === 0) return null;
  return (
    <Card withBorder data-testid="past-decisions">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>Управленческие решения прошлого цикла</Text>
        <Anchor component={Link} to="/reports/decisions" size="sm">
          Реестр решений
        </Anchor>
      </Group>
      <DecisionRows rows={rows.slice(0, 10)} compact />
    </Card>
  );
}
