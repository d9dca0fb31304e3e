import { Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useUnits } from '../organisation/people-shared.js';
import { Query } from '../shared/ui.js';
import { DecisionRows } from './decision-rows.js';
import { type ReviewDecision, useReviewDecisions } from './reports-api.js';

// The registry of управленческие решения (route /reports/decisions): decisions of reviews of reports and
// monitorings in the user's scope, filtered by year, status, overdue and responsible unit. They are
// executed where every meeting decision is — «Мои задачи» of the responsible unit.

const STATUSES: { value: ReviewDecision['status']; label: string }[] = [
  { value: 'open', label: 'Открыто' },
  { value: 'done', label: 'Исполнено' },
  { value: 'cancelled', label: 'Отменено' },
];

export function DecisionsPage() {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [overdue, setOverdue] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const units = useUnits();
  const q = useReviewDecisions({
    year: year ? Number(year) : undefined,
    status: STATUSES.find((s) => s.value === status)?.value,
    overdue: overdue === 'true' ? 'true' : overdue === 'false' ? 'false' : undefined,
    unitId: unitId ?? undefined,
  });
  return (
    <Stack>
      <Title order={2}>Управленческие решения</Title>
      <Text c="dimmed" size="sm">
        Решения, принятые по аналитическим справкам и мониторингам. Ответственные организации видят их в «Мои
        задачи» и отмечают исполнение там.
      </Text>
      <Group align="flex-end">
        <Select
          label="Год"
          placeholder="Все"
          data={[0, 1, 2, 3, 4].map((d) => String(thisYear - d))}
          value={year}
          onChange={setYear}
          clearable
          w={120}
        />
        <Select
          label="Состояние"
          placeholder="Все"
          data={STATUSES}
          value={status}
          onChange={setStatus}
          clearable
          w={160}
        />
        <Select
          label="Срок"
          placeholder="Все"
          data={[
            { value: 'true', label: 'Просроченные' },
            { value: 'false', label: 'Не просроченные' },
          ]}
          value={overdue}
          onChange={setOverdue}
          clearable
          w={180}
        />
        <Select
          label="Ответственный"
          placeholder="Все"
          data={(units.data ?? [])
            .filter((u) => u.kind === 'municipality' || u.kind === 'region')
            .map((u) => ({ value: u.id, label: u.name }))}
          value={unitId}
          onChange={setUnitId}
          searchable
          clearable
          w={320}
        />
      </Group>
      <Query q={q}>
        {(rows) =>
          rows.length === 0 ? (
            <Paper withBorder p="xl">
              <Text c="dimmed" ta="center">
                Решений нет
              </Text>
            </Paper>
          ) : (
            <DecisionRows rows={rows} />
          )
        }
      </Query>
    </Stack>
  );
}
