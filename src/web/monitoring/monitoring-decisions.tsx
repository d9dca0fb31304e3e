import { Button, Card, Group, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { DecisionRows } from '../reports/decision-rows.js';
import { RecordDecision } from '../reports/record-decision.js';
import { useReviewDecisions } from '../reports/reports-api.js';

// Управленческие решения по итогам мониторинга (issue 13 §5): the owner records the review of a monitoring
// that has started, its decisions become tasks of the responsible units; everyone who sees the monitoring
// sees them and how they are done.
export function MonitoringDecisions({
  m,
}: {
  m: { id: string; title: string; owner: { id: string }; canKeep: boolean; status: string };
}) {
  const [recording, setRecording] = useState(false);
  const q = useReviewDecisions({ monitoringId: m.id });
  const rows = q.data ?? [];
  if (m.status === 'draft' || (!m.canKeep && rows.length === 0)) return null;
  return (
    <Card withBorder data-testid="monitoring-decisions">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Управленческие решения по итогам мониторинга</Title>
        {m.canKeep && !recording && (
          <Button size="xs" onClick={() => setRecording(true)} data-testid="monitoring-decision-open">
            Записать решение
          </Button>
        )}
      </Group>
      {recording && (
        <RecordDecision
          r={{ monitoringId: m.id, unit: m.owner, title: m.title }}
          onDone={() => setRecording(false)}
        />
      )}
      {rows.length === 0 ? (
        <Text c="dimmed">Решений по мониторингу пока нет</Text>
      ) : (
        <DecisionRows rows={rows} compact />
      )}
    </Card>
  );
}
